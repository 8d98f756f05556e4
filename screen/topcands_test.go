package screen

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestTopCands(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 5, 100, 401, 5000} {
		cs := make([]cand, n)
		for i := range cs {
			cs[i] = cand{entry: uint32(i), w: float32(r.IntN(50))}
		}
		want := slices.Clone(cs)
		slices.SortFunc(want, func(a, b cand) int {
			if c := cmp.Compare(b.w, a.w); c != 0 {
				return c
			}
			return cmp.Compare(a.entry, b.entry)
		})
		if len(want) > 100 {
			want = want[:100]
		}
		got := topCands(cs, 100)
		if !slices.Equal(got, want) {
			t.Fatalf("n=%d: got %v..., want %v...", n, got[:min(5, len(got))], want[:min(5, len(want))])
		}
	}
}
