package main

import (
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar"
)

// registryStats is the JSON form of athar stats.
type registryStats struct {
	Registry      string          `json:"registry"`
	Datasets      []athar.Dataset `json:"datasets"`
	Persons       int             `json:"persons"`
	Organizations int             `json:"organizations"`
	Records       int             `json:"records"`
}

func newStatsCmd(e *env) *cobra.Command {
	var (
		db     string
		asJSON bool
	)
	c := &cobra.Command{
		Use:   "stats --db FILE [--json]",
		Short: "Show datasets and counts",
		Long: `Show the datasets of the registry: each one's format, current version, when it
was imported, and how many persons and organisations it holds. The dataset
"manual" holds the records entered by hand.`,
		Example: `  athar stats --db athar.db
  athar stats --db athar.db --json`,
		Args:                  exactArgs(0),
		DisableFlagsInUseLine: true,
		RunE: func(c *cobra.Command, args []string) error {
			if err := requireFlag(c, "db", db); err != nil {
				return err
			}
			ctx := c.Context()
			s, err := openRegistry(ctx, db)
			if err != nil {
				return err
			}
			defer s.Close()
			sets, err := s.Datasets(ctx)
			if err != nil {
				return err
			}
			st := registryStats{Registry: db, Datasets: sets}
			for _, ds := range sets {
				st.Persons += ds.Persons
				st.Organizations += ds.Orgs
			}
			st.Records = st.Persons + st.Organizations
			if asJSON {
				return writeJSON(e.stdout, st)
			}
			return writeStats(e.stdout, st)
		},
	}
	c.Flags().StringVar(&db, "db", "", "registry `FILE`")
	c.Flags().BoolVar(&asJSON, "json", false, "print the statistics as JSON")
	return c
}

func writeStats(w io.Writer, st registryStats) error {
	if len(st.Datasets) == 0 {
		_, err := fmt.Fprintf(w, "Registry %s holds no dataset yet; athar import adds one.\n", st.Registry)
		return err
	}
	fmt.Fprintf(w, "Registry %s\n\n", st.Registry)
	// The counts are right-aligned by their own width, the rest by the
	// tabwriter.
	left := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(left, "DATASET\tFORMAT\tVERSION\tIMPORTED (UTC)\t%8s\t%13s\t%7s\n", "PERSONS", "ORGANISATIONS", "TOTAL")
	for _, ds := range st.Datasets {
		fmt.Fprintf(left, "%s\t%s\t%s\t%s\t%8d\t%13d\t%7d\n", ds.Name, ds.Format, orDash(ds.Version),
			ds.ImportedAt.UTC().Format(time.DateTime), ds.Persons, ds.Orgs, ds.Persons+ds.Orgs)
	}
	fmt.Fprintf(left, "total\t\t\t\t%8d\t%13d\t%7d\n", st.Persons, st.Organizations, st.Records)
	return left.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
