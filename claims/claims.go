// Package claims reads stored claims as an analyst asks of them: which
// claims are one report however many outlets copied it, and where people
// reportedly went, with the number of independent sources behind each place.
// The command line (athar destinations) and the API share it.
package claims

import (
	"sort"

	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/store/sqlite"
)

// Destination is one place with the claims that put people there.
type Destination struct {
	Place              string         `json:"place"`
	Country            string         `json:"country"`
	Kind               string         `json:"kind"`
	Lat                float64        `json:"lat"`
	Lon                float64        `json:"lon"`
	Claims             int            `json:"claims"`
	IndependentSources int            `json:"independent_sources"`
	Sources            []string       `json:"sources"`
	Types              map[string]int `json:"types"`
	Subjects           []string       `json:"subjects"`
	MaxCertainty       float64        `json:"max_certainty"`
	ClaimIDs           []int64        `json:"claim_ids"`
	ClaimList          []sqlite.Claim `json:"claim_list,omitempty"` // the claims themselves
}

// Reports numbers the reports behind claims: claims from one document, or
// whose evidence sentences or documents are copies of each other (shingle
// similarity at least extract.CopyThreshold), are one report, however many
// outlets published it. This is the rule of `athar destinations`
// (docs/extract.md).
func Reports(cs []sqlite.Claim, docs map[int64]string) []int {
	parent := make([]int, len(cs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	ev := make([]map[uint64]bool, len(cs))
	for i, cl := range cs {
		ev[i] = extract.Shingles(cl.Evidence)
	}
	docSh := make(map[int64]map[uint64]bool, len(docs))
	for id, t := range docs {
		docSh[id] = extract.Shingles(t)
	}
	docSame := map[[2]int64]bool{}
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			a, b := cs[i].DocumentID, cs[j].DocumentID
			same := a == b
			if !same {
				k := [2]int64{min(a, b), max(a, b)}
				d, ok := docSame[k]
				if !ok {
					d = extract.Similarity(docSh[a], docSh[b]) >= extract.CopyThreshold
					docSame[k] = d
				}
				same = d || extract.Similarity(ev[i], ev[j]) >= extract.CopyThreshold
			}
			if same {
				parent[find(i)] = find(j)
			}
		}
	}
	out := make([]int, len(cs))
	for i := range cs {
		out[i] = find(i)
	}
	return out
}

// Destinations groups claims by place, most independent sources first.
func Destinations(cs []sqlite.Claim, docs map[int64]string) []Destination {
	rep := Reports(cs, docs)
	type acc struct {
		d                *Destination
		reports          map[int]bool
		sources, subject map[string]bool
	}
	byPlace := map[string]*acc{}
	var order []string
	for i, cl := range cs {
		key := cl.PlaceID
		if key == "" {
			key = cl.PlaceName + "|" + cl.Country
		}
		a := byPlace[key]
		if a == nil {
			a = &acc{d: &Destination{Place: cl.PlaceName, Country: cl.Country, Kind: cl.PlaceKind, Lat: cl.Lat, Lon: cl.Lon,
				Types: map[string]int{}}, reports: map[int]bool{}, sources: map[string]bool{}, subject: map[string]bool{}}
			byPlace[key] = a
			order = append(order, key)
		}
		a.d.Claims++
		a.d.Types[cl.Type]++
		a.d.MaxCertainty = max(a.d.MaxCertainty, cl.Certainty)
		a.d.ClaimIDs = append(a.d.ClaimIDs, cl.ID)
		a.d.ClaimList = append(a.d.ClaimList, cl)
		a.reports[rep[i]] = true
		a.sources[cl.Source] = true
		a.subject[cl.Subject] = true
	}
	out := make([]Destination, 0, len(order))
	for _, k := range order {
		a := byPlace[k]
		a.d.IndependentSources = len(a.reports)
		a.d.Sources = sortedSet(a.sources)
		a.d.Subjects = sortedSet(a.subject)
		out = append(out, *a.d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].IndependentSources != out[j].IndependentSources {
			return out[i].IndependentSources > out[j].IndependentSources
		}
		return out[i].Claims > out[j].Claims
	})
	return out
}

func sortedSet(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
