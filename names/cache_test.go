package names

import (
	"reflect"
	"testing"
)

// The cache must not change a comparison: every pair compared through one
// cache, query by query, matches the plain comparison exactly.
func TestSimCacheSameAsCompare(t *testing.T) {
	listed := []string{
		"إبراهيم عواد إبراهيم البدري", "Ibrahim Awwad Ibrahim al-Badri", "Abu Bakr al-Baghdadi",
		"ABDEL RAHMAN JUMA BARKALLA", "Mullah Akhundzada", "آخوند زاده", "محمد علي حسين الجبوري",
		"Mohammed Ali Hussein al-Jubouri", "ولی جان", "Walijan", "HASSAN DAHIR AWEYS", "عبد الرحمن مصطفى القادولي",
	}
	queries := []string{
		"ابراهيم عواد البدري", "Abu Bakr al-Bagdadi", "Abdul Rahman Juma Barkalla", "Akhund Zada",
		"محمد علي حسن", "Wali Jan", "حسن ظاهرعويس", "GHAZL HAMMUD AL-UBAIDI", "عبد الرحمن القادولي",
	}
	f := DefaultFrequencies()
	ids := map[string]uint32{}
	var ln []Name
	var w []float64
	w = append(w, 0)
	for _, s := range listed {
		n := Analyze(s)
		for i := range n.Units {
			u := &n.Units[i]
			k := u.Phon + "\x00" + u.Norm + "\x00" + string(rune(u.Kind)) + string(rune(u.Script))
			id, ok := ids[k]
			if !ok {
				id = uint32(len(ids) + 1)
				ids[k] = id
				w = append(w, f.Weight(u))
			}
			u.ID = id
		}
		ln = append(ln, n)
	}
	c := NewSimCache()
	c.SetWeights(w)
	for _, qs := range queries {
		q := Analyze(qs)
		c.Reset()
		c.SetQueryName(0)
		for round := range 2 { // the second round reads the cache
			for i := range ln {
				var got, want Match
				CompareIntoCached(&got, &q, &ln[i], f, c)
				CompareInto(&want, &q, &ln[i], f)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("round %d: %q ~ %q: cached %+v, plain %+v", round, qs, ln[i].Original, got, want)
				}
			}
		}
	}
}

// The table must behave as a map, across growth and resets.
func TestSimTable(t *testing.T) {
	var tb simTable
	tb.init(4)
	for round := range 3 {
		want := map[uint64]float64{}
		for i := range 5000 {
			k := uint64(i*7919+round) | 1<<62
			want[k] = float64(i)
			tb.put(k, simValue{s: float64(i)})
		}
		for k, v := range want {
			if got, ok := tb.get(k); !ok || got.s != v {
				t.Fatalf("round %d: get(%x) = %v, %v; want %v", round, k, got.s, ok, v)
			}
		}
		tb.reset()
		for k := range want {
			if _, ok := tb.get(k); ok {
				t.Fatalf("round %d: %x still there after reset", round, k)
			}
		}
	}
}
