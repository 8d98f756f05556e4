package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store/sqlite"
)

func newTrailCmd(e *env) *cobra.Command {
	var db string
	var asJSON, asGeo bool
	c := &cobra.Command{
		Use:   "trail --db FILE [--json|--geojson] ID",
		Short: "A person's reported whereabouts in time order / مسار شخص",
		Long: `Lists the stored claims about one person, oldest first, each with its place,
date, certainty, source and Admiralty grades (source reliability A–F,
claim credibility 1–6) and the sentence it rests on.

ID is a registry ID (QDi.299) the person was linked to when ingested, or the
subject's name as athar extract prints it ("Abu Abdallah al-Masri").
--geojson prints a FeatureCollection: one point per claim and a line through
them in time order.`,
		Example: `  athar trail --db athar.db QDi.299
  athar trail --db athar.db --geojson "Abu Abdallah al-Masri" > trail.geojson`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := requireFlag(c, "db", db); err != nil {
				return err
			}
			if asJSON && asGeo {
				return usagef(c.CommandPath()+" --help", "give --json or --geojson, not both")
			}
			id := strings.TrimSpace(args[0])
			if id == "" {
				return usagef(c.CommandPath()+" --help", "give a registry ID or a name")
			}
			st, err := sqlite.OpenExisting(c.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			cs, err := st.Claims(c.Context(), sqlite.ClaimFilter{Person: id})
			if err != nil {
				return err
			}
			if len(cs) == 0 && !asJSON && !asGeo {
				return athar.Errorf(athar.ENOTFOUND, "no claims about %q", id)
			}
			switch {
			case asJSON:
				return writeJSON(e.stdout, nonNil(cs))
			case asGeo:
				return writeJSON(e.stdout, trailGeoJSON(id, cs))
			}
			printTrail(e.stdout, id, cs)
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "registry file")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.Flags().BoolVar(&asGeo, "geojson", false, "print GeoJSON")
	return c
}

func nonNil(cs []sqlite.Claim) []sqlite.Claim {
	if cs == nil {
		return []sqlite.Claim{}
	}
	return cs
}

func claimWhen(c sqlite.Claim) string {
	switch {
	case c.DateStart != "" && c.DateStart == c.DateEnd:
		return c.DateStart
	case c.DateStart != "":
		return c.DateStart + ".." + c.DateEnd
	case c.DateEnd != "":
		return "by " + c.DateEnd
	}
	return "undated"
}

func printTrail(w io.Writer, id string, cs []sqlite.Claim) {
	fmt.Fprintf(w, "Trail of %s: %d claims\n", id, len(cs))
	for _, c := range cs {
		fmt.Fprintf(w, "#%d  %s  %s %s (%s)  certainty %.2f  %s %s%d\n", c.ID, claimWhen(c), c.Type, c.PlaceName,
			dashIfEmpty(c.Country), c.Certainty, c.Source, c.Reliability, c.Credibility)
		if c.Attribution != "" {
			fmt.Fprintf(w, "    source: %s\n", c.Attribution)
		}
		fmt.Fprintf(w, "    evidence: %s\n", c.Evidence)
	}
}

type geoFeature struct {
	Type       string         `json:"type"`
	Geometry   geoGeometry    `json:"geometry"`
	Properties map[string]any `json:"properties"`
}

type geoGeometry struct {
	Type        string `json:"type"`
	Coordinates any    `json:"coordinates"`
}

type geoCollection struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

func trailGeoJSON(id string, cs []sqlite.Claim) geoCollection {
	fc := geoCollection{Type: "FeatureCollection", Features: []geoFeature{}}
	var line [][2]float64
	for i, c := range cs {
		fc.Features = append(fc.Features, geoFeature{
			Type:     "Feature",
			Geometry: geoGeometry{Type: "Point", Coordinates: [2]float64{c.Lon, c.Lat}},
			Properties: map[string]any{
				"order": i + 1, "claim": c.ID, "type": c.Type, "subject": c.Subject, "place": c.PlaceName,
				"country": c.Country, "date_start": c.DateStart, "date_end": c.DateEnd, "certainty": c.Certainty,
				"source": c.Source, "reliability": c.Reliability, "credibility": c.Credibility, "evidence": c.Evidence,
			},
		})
		line = append(line, [2]float64{c.Lon, c.Lat})
	}
	if len(line) >= 2 {
		fc.Features = append(fc.Features, geoFeature{
			Type:       "Feature",
			Geometry:   geoGeometry{Type: "LineString", Coordinates: line},
			Properties: map[string]any{"trail": id, "claims": len(cs)},
		})
	}
	return fc
}
