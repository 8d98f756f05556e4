package screen

import (
	"context"
	"sync"
	"testing"
)

// A reload publishes the index and its scratch pool together: a query
// never takes a scratch sized and numbered for another index than the one
// it searches, however the swaps and queries interleave. Run with -race.
func TestReload_IndexAndScratchAgree(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		sizes  [2]int // records of the two indexes swapped in turn
		checks int    // per reader
	}{
		{"growing and shrinking", [2]int{40, 400}, 20000},
		{"from empty", [2]int{0, 120}, 20000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ixs [2]*index
			for i, n := range tt.sizes {
				ix, err := buildIndex(ctx, synthRecords(n, uint64(i+1)), nil)
				if err != nil {
					t.Fatal(err)
				}
				ixs[i] = ix
			}
			s := &Screener{}
			s.swap(ixs[0])
			queries := benchQueries(20, 1)

			// The indexes are swapped in turn for as long as the readers
			// read.
			done := make(chan struct{})
			swapped := make(chan struct{})
			go func() {
				defer close(swapped)
				for i := 1; ; i++ {
					select {
					case <-done:
						return
					default:
						s.swap(ixs[i%2])
					}
				}
			}()
			var wg sync.WaitGroup
			for r := range 2 {
				wg.Go(func() {
					for i := range tt.checks {
						p := s.cur.Load()
						sc := p.scratch()
						if sc.ix != p.ix || len(sc.slots) != len(p.ix.entries) {
							t.Errorf("a scratch for an index of %d records came with one of %d", len(sc.slots), len(p.ix.entries))
							return
						}
						p.pool.Put(sc)
						if i%100 == 0 {
							if _, err := s.Screen(ctx, queries[(i+r)%len(queries)], Options{Threshold: 0}); err != nil {
								t.Errorf("Screen: %v", err)
								return
							}
						}
					}
				})
			}
			wg.Wait()
			close(done)
			<-swapped
		})
	}
}
