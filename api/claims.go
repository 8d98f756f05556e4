package api

import (
	"context"
	"net/http"
	"sort"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/store/sqlite"
)

// Claims from the news (stored by `athar ingest`) carry no sharing label:
// they come from published articles. What is labelled is the registry
// record a claim's subject was linked to, so a link to a record the caller
// may not see is removed, and a trail asked for by such a record's id
// gives only the claims that name the person in words.

// Trail is the answer of GET /v1/trails/{id}.
type Trail struct {
	ID     string         `json:"id"`
	Claims []sqlite.Claim `json:"claims"`
}

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
	ClaimList          []sqlite.Claim `json:"claim_list"`
}

// visibleLinks removes the registry links of claims to records the caller
// may not see. Claims selected only through such a link are dropped.
func (s *Server) visibleLinks(ctx context.Context, c *caller, asked string, cs []sqlite.Claim) ([]sqlite.Claim, error) {
	seen := map[string]bool{}
	out := cs[:0]
	for _, cl := range cs {
		if cl.RegistryID != "" {
			ok, known := seen[cl.RegistryID]
			if !known {
				_, err := s.visiblePerson(ctx, c, cl.RegistryID)
				if err != nil && athar.ErrorCode(err) != athar.ENOTFOUND {
					return nil, err
				}
				ok = err == nil
				seen[cl.RegistryID] = ok
			}
			if !ok {
				if asked != "" && !strings.EqualFold(cl.Subject, asked) && cl.SubjectText != asked {
					continue // found only by the hidden record's id
				}
				cl.RegistryID, cl.LinkScore = "", 0
			}
		}
		out = append(out, cl)
	}
	return out, nil
}

func (s *Server) handleTrail(w http.ResponseWriter, r *http.Request, c *caller) error {
	id := strings.TrimSpace(r.PathValue("id"))
	if id == "" {
		return athar.Errorf(athar.EINVALID, "give a registry id or a subject's name")
	}
	cs, err := s.store.Claims(r.Context(), sqlite.ClaimFilter{Person: id})
	if err != nil {
		return err
	}
	if cs, err = s.visibleLinks(r.Context(), c, id, cs); err != nil {
		return err
	}
	if err := s.audit.record(r.Context(), entry(c, "trail.read", id, map[string]any{"claims": len(cs)})); err != nil {
		return err
	}
	if cs == nil {
		cs = []sqlite.Claim{}
	}
	return writeJSON(w, http.StatusOK, Trail{ID: id, Claims: cs})
}

func (s *Server) handleDestinations(w http.ResponseWriter, r *http.Request, c *caller) error {
	v := r.URL.Query()
	since, group := strings.TrimSpace(v.Get("since")), strings.TrimSpace(v.Get("group"))
	if _, err := extract.ParseDocumentDate(since); err != nil {
		return athar.Errorf(athar.EINVALID, "since: %v", err)
	}
	cs, err := s.store.Claims(r.Context(), sqlite.ClaimFilter{Since: since, Group: group})
	if err != nil {
		return err
	}
	if cs, err = s.visibleLinks(r.Context(), c, "", cs); err != nil {
		return err
	}
	ids := make([]int64, 0, len(cs))
	for _, cl := range cs {
		ids = append(ids, cl.DocumentID)
	}
	docs, err := s.store.DocumentTexts(r.Context(), ids)
	if err != nil {
		return err
	}
	ds := destinations(cs, docs)
	if err := s.audit.record(r.Context(), entry(c, "destinations.read", "", map[string]any{"since": since, "group": group, "places": len(ds)})); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"destinations": ds})
}

// reports numbers the reports behind claims: claims from one document, or
// whose evidence sentences or documents are copies of each other (shingle
// similarity at least extract.CopyThreshold), are one report, however many
// outlets published it. This is the rule of `athar destinations`
// (docs/extract.md).
func reports(cs []sqlite.Claim, docs map[int64]string) []int {
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

// destinations groups claims by place, most independent sources first.
func destinations(cs []sqlite.Claim, docs map[int64]string) []Destination {
	rep := reports(cs, docs)
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
