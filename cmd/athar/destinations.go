package main

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/store/sqlite"
)

func newDestinationsCmd(e *env) *cobra.Command {
	var db, since, group string
	var asJSON, asGeo bool
	c := &cobra.Command{
		Use:   "destinations --db FILE [--since YYYY-MM-DD] [--group G] [--json|--geojson]",
		Short: "Where people reportedly went, with independent sources / إلى أين ذهبوا",
		Long: `Groups the stored claims by place and counts, for each place, the claims and
the independent sources behind them. Copies of one report count once: two
claims whose evidence sentences, or whose documents, share most of their
wording (three-word shingles after folding, Jaccard similarity 0.5 or more)
are one report, whichever outlet republished it.

--since keeps claims about days on or after the date (by the claim's
interval, else the document's date); --group keeps subjects containing the
words given ("foreign fighters", "leaders", or a person's name).`,
		Example: `  athar destinations --db athar.db --since 2019-01-01
  athar destinations --db athar.db --group "foreign fighters" --geojson > where.geojson`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error {
			if err := requireFlag(c, "db", db); err != nil {
				return err
			}
			if asJSON && asGeo {
				return usagef(c.CommandPath()+" --help", "give --json or --geojson, not both")
			}
			if _, err := extract.ParseDocumentDate(since); err != nil {
				return usagef(c.CommandPath()+" --help", "--since: %v", err)
			}
			st, err := sqlite.OpenExisting(c.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			cs, err := st.Claims(c.Context(), sqlite.ClaimFilter{Since: since, Group: group})
			if err != nil {
				return err
			}
			var ids []int64
			for _, cl := range cs {
				ids = append(ids, cl.DocumentID)
			}
			docs, err := st.DocumentTexts(c.Context(), ids)
			if err != nil {
				return err
			}
			ds := destinations(cs, docs)
			switch {
			case asJSON:
				return writeJSON(e.stdout, ds)
			case asGeo:
				return writeJSON(e.stdout, destinationsGeoJSON(ds))
			}
			printDestinations(e.stdout, ds)
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "registry file")
	c.Flags().StringVar(&since, "since", "", "only claims about days on or after YYYY-MM-DD")
	c.Flags().StringVar(&group, "group", "", "only subjects containing these words")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.Flags().BoolVar(&asGeo, "geojson", false, "print GeoJSON")
	return c
}

// destination is one place with the claims that put people there.
type destination struct {
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
}

// reports assigns each claim the number of the report it belongs to:
// claims whose evidence or documents are copies of each other share one.
func reports(cs []sqlite.Claim, docs map[int64]string) []int {
	parent := make([]int, len(cs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	ev := make([]map[uint64]bool, len(cs))
	for i, c := range cs {
		ev[i] = extract.Shingles(c.Evidence)
	}
	docSh := map[int64]map[uint64]bool{}
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
				s, ok := docSame[k]
				if !ok {
					s = extract.Similarity(docSh[a], docSh[b]) >= extract.CopyThreshold
					docSame[k] = s
				}
				same = s || extract.Similarity(ev[i], ev[j]) >= extract.CopyThreshold
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

func destinations(cs []sqlite.Claim, docs map[int64]string) []destination {
	rep := reports(cs, docs)
	byPlace := map[string]*destination{}
	indep := map[string]map[int]bool{}
	srcs := map[string]map[string]bool{}
	subj := map[string]map[string]bool{}
	var order []string
	for i, c := range cs {
		key := c.PlaceID
		if key == "" {
			key = c.PlaceName + "|" + c.Country
		}
		d := byPlace[key]
		if d == nil {
			d = &destination{Place: c.PlaceName, Country: c.Country, Kind: c.PlaceKind, Lat: c.Lat, Lon: c.Lon, Types: map[string]int{}}
			byPlace[key] = d
			indep[key], srcs[key], subj[key] = map[int]bool{}, map[string]bool{}, map[string]bool{}
			order = append(order, key)
		}
		d.Claims++
		d.Types[c.Type]++
		d.ClaimIDs = append(d.ClaimIDs, c.ID)
		d.MaxCertainty = max(d.MaxCertainty, c.Certainty)
		indep[key][rep[i]] = true
		srcs[key][c.Source] = true
		subj[key][c.Subject] = true
	}
	out := make([]destination, 0, len(order))
	for _, k := range order {
		d := byPlace[k]
		d.IndependentSources = len(indep[k])
		d.Sources = sortedKeys(srcs[k])
		d.Subjects = sortedKeys(subj[k])
		out = append(out, *d)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].IndependentSources != out[j].IndependentSources {
			return out[i].IndependentSources > out[j].IndependentSources
		}
		return out[i].Claims > out[j].Claims
	})
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func printDestinations(w io.Writer, ds []destination) {
	if len(ds) == 0 {
		fmt.Fprintln(w, "no claims")
		return
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "PLACE\tCOUNTRY\tINDEPENDENT SOURCES\tCLAIMS\tTYPES\tSUBJECTS\tSOURCES")
	for _, d := range ds {
		var types []string
		for t, n := range d.Types {
			types = append(types, fmt.Sprintf("%s %d", t, n))
		}
		sort.Strings(types)
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\n", d.Place, dashIfEmpty(d.Country), d.IndependentSources, d.Claims,
			strings.Join(types, ", "), strings.Join(d.Subjects, "; "), strings.Join(d.Sources, "; "))
	}
	tw.Flush()
}

func destinationsGeoJSON(ds []destination) geoCollection {
	fc := geoCollection{Type: "FeatureCollection", Features: []geoFeature{}}
	for _, d := range ds {
		fc.Features = append(fc.Features, geoFeature{
			Type:     "Feature",
			Geometry: geoGeometry{Type: "Point", Coordinates: [2]float64{d.Lon, d.Lat}},
			Properties: map[string]any{
				"place": d.Place, "country": d.Country, "kind": d.Kind, "claims": d.Claims,
				"independent_sources": d.IndependentSources, "sources": d.Sources, "types": d.Types,
				"subjects": d.Subjects, "max_certainty": d.MaxCertainty, "claim_ids": d.ClaimIDs,
			},
		})
	}
	return fc
}
