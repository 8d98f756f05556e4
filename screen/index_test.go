package screen

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// The bitmap helpers must agree with the postings they stand for: an AND of
// two keys' bitmaps holds the entries the merge of their postings finds.
func TestDenseIntersection(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	const entries = 5000
	list := func(p float64) []posting {
		var ps []posting
		for e := range entries {
			if r.Float64() < p {
				for name := range 1 + r.IntN(2) { // a record's several names
					ps = append(ps, posting(e<<8|name))
				}
			}
		}
		return ps
	}
	bitmap := func(ps []posting) []uint64 {
		bm := make([]uint64, (entries+63)/64)
		for _, p := range ps {
			bm[p.entry()>>6] |= 1 << (p.entry() & 63)
		}
		return bm
	}
	entriesOf := func(ps []posting) []int {
		var es []int
		for _, p := range ps {
			if len(es) == 0 || es[len(es)-1] != p.entry() {
				es = append(es, p.entry())
			}
		}
		return es
	}
	for _, tc := range []struct{ pa, pb float64 }{{0.5, 0.5}, {0.3, 0.02}, {0.01, 0.9}, {0, 0.5}} {
		a, b := list(tc.pa), list(tc.pb)
		want := entriesOf(intersect(nil, a, b))

		and := make([]uint64, (entries+63)/64)
		n := andBits(and, bitmap(a), bitmap(b))
		none := func(int) bool { return false }
		got := entriesOf(appendEntries(nil, and, n, none))
		if n != len(want) || !slices.Equal(got, want) {
			t.Errorf("%v: AND found %d entries, the merge %d", tc, n, len(want))
		}
		if got := entriesOf(filterBits(nil, a, bitmap(b))); !slices.Equal(got, want) {
			t.Errorf("%v: filtering found %d entries, the merge %d", tc, len(got), len(want))
		}
		if n > 3 {
			if got := appendEntries(nil, and, 3, none); len(got) != 3 || got[2].entry() != want[2] {
				t.Errorf("%v: the first three entries are %v, want %v", tc, entriesOf(got), want[:3])
			}
		}
		if n > 3 {
			// Hidden entries take no place: the first three visible ones.
			odd := func(e int) bool { return e%2 == 1 }
			var even []int
			for _, e := range want {
				if e%2 == 0 {
					even = append(even, e)
				}
			}
			if got := entriesOf(appendEntries(nil, and, 3, odd)); len(even) >= 3 && !slices.Equal(got, even[:3]) {
				t.Errorf("%v: the first three visible entries are %v, want %v", tc, got, even[:3])
			}
		}
		if c := countBits(bitmap(a)); c != len(entriesOf(a)) {
			t.Errorf("%v: countBits = %d, want %d", tc, c, len(entriesOf(a)))
		}
	}
}
