package evalscreen

import (
	"slices"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/names"
)

// fitThreshold is how alike two units must be for a query to "fit" a
// record's name unit when deciding whether the query is ambiguous: close
// to the same name, not a loose look-alike.
const fitThreshold = 0.9

// registryNames holds the analysed names of one index's records, and for
// each unit key the records that have a unit under it, to find quickly
// which records a query could fit.
type registryNames struct {
	recs  []*athar.Person
	names [][]*names.Name // per record
	byKey map[string][]int
}

func newRegistryNames(recs []*athar.Person) *registryNames {
	rn := &registryNames{recs: recs, names: make([][]*names.Name, len(recs)), byKey: map[string][]int{}}
	for i, p := range recs {
		for _, n := range p.Names {
			a := names.Analyze(n.Full)
			rn.names[i] = append(rn.names[i], &a)
			for k := range a.Units {
				for _, key := range a.Units[k].Keys {
					l := rn.byKey[key]
					if len(l) == 0 || l[len(l)-1] != i {
						rn.byKey[key] = append(l, i)
					}
				}
			}
		}
	}
	return rn
}

// fitsOther returns the id of a record other than want (and its twins)
// one of whose names holds every unit of the query: the query is then as
// much a name of that record as of want (BARZAN AL-TIKRITI shortens two
// listed people's names), and which of them ranks first says nothing of
// the engine. "" when there is none.
func (rn *registryNames) fitsOther(query string, want string, twins map[string][]string) string {
	q := names.Analyze(query)
	if len(q.Units) == 0 {
		return ""
	}
	seen := map[int]bool{}
	for _, key := range q.Units[0].Keys {
		for _, i := range rn.byKey[key] {
			if seen[i] {
				continue
			}
			seen[i] = true
			id := rn.recs[i].ID
			if id == want || slices.Contains(twins[want], id) {
				continue
			}
			for _, n := range rn.names[i] {
				if holdsAll(n, &q) {
					return id
				}
			}
		}
	}
	return ""
}

// holdsAll reports whether every unit of q is close to some unit of n.
func holdsAll(n, q *names.Name) bool {
	for i := range q.Units {
		found := false
		for j := range n.Units {
			if sim, _ := names.UnitSimilarityAbove(&q.Units[i], &n.Units[j], fitThreshold); sim >= fitThreshold {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// findTwins pairs records that list one person twice, under two sanctions
// regimes (Hassan Dahir Aweys is SOi.002 and QDi.042): the same primary
// name, and birth years that agree where both have them. Finding either
// record is finding the person.
func findTwins(recs []*athar.Person) map[string][]string {
	byName := map[string][]*athar.Person{}
	for _, p := range recs {
		if p.Kind != athar.KindPerson {
			continue
		}
		for _, n := range p.Names {
			if n.Kind == athar.NamePrimary {
				k := names.Analyze(n.Full).Normalized
				byName[k] = append(byName[k], p)
				break
			}
		}
	}
	twins := map[string][]string{}
	for _, ps := range byName {
		for i, a := range ps {
			for _, b := range ps[i+1:] {
				if sameYears(a, b) {
					twins[a.ID] = append(twins[a.ID], b.ID)
					twins[b.ID] = append(twins[b.ID], a.ID)
				}
			}
		}
	}
	return twins
}

// sameYears reports whether two records share a birth year, or either has
// none.
func sameYears(a, b *athar.Person) bool {
	if len(a.BirthDates) == 0 || len(b.BirthDates) == 0 {
		return true
	}
	for _, x := range a.BirthDates {
		xl, xh := x.Years()
		for _, y := range b.BirthDates {
			yl, yh := y.Years()
			if xl != 0 && yl != 0 && xl <= yh && yl <= xh {
				return true
			}
		}
	}
	return false
}
