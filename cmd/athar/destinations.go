package main

import (
	"fmt"
	"github.com/athar-org/athar/claims"
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
			ds := claims.Destinations(cs, docs)
			for i := range ds {
				ds[i].ClaimList = nil // the ids say which; the JSON stays short
			}
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
func printDestinations(w io.Writer, ds []claims.Destination) {
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

func destinationsGeoJSON(ds []claims.Destination) geoCollection {
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
