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

func TestIntersect(t *testing.T) {
	mk := func(es ...int) []posting {
		var ps []posting
		for _, e := range es {
			ps = append(ps, posting(uint32(e)<<8))
		}
		return ps
	}
	long := make([]int, 0, 400)
	for i := range 400 {
		long = append(long, i*2)
	}
	tests := []struct {
		a, b []posting
		want []int
	}{
		{mk(1, 2, 3, 8), mk(2, 3, 4, 8), []int{2, 3, 8}},
		{mk(1, 5), mk(long...), nil},
		{mk(4, 5, 798), mk(long...), []int{4, 798}},
		{mk(), mk(1), nil},
	}
	for _, tt := range tests {
		var got []int
		for _, p := range intersect(nil, tt.a, tt.b) {
			got = append(got, p.entry())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("intersect: got %v, want %v", got, tt.want)
		}
	}
}

// seek must find what a plain scan finds, from any starting point, with
// repeated entries (one record's several names) and past the end.
func TestSeek(t *testing.T) {
	var ps []posting
	for e := 0; e < 300; e += 3 {
		ps = append(ps, posting(uint32(e)<<8), posting(uint32(e)<<8|1))
	}
	for from := 0; from <= len(ps); from += 7 {
		for e := -1; e < 305; e++ {
			want := from
			for want < len(ps) && ps[want].entry() < e {
				want++
			}
			if got := seek(ps, from, e); got != want {
				t.Fatalf("seek(from %d, entry %d) = %d, want %d", from, e, got, want)
			}
		}
	}
}
