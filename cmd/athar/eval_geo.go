package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/extract/idrisi"
	"github.com/athar-org/athar/geo"
	"github.com/athar-org/athar/internal/shareddata"
)

func newEvalGeoCmd(e *env) *cobra.Command {
	var (
		dir    string
		split  string
		asJSON bool
	)
	c := &cobra.Command{
		Use:   "geo [--dir DIR] [--split dev|train] [--json]",
		Short: "Evaluate place recognition on the IDRISI tweets / تقييم التعرف على الأماكن",
		Long: `Runs the place recogniser over the IDRISI Arabic tweets (LMD-AR: one
directory per event with dev.jsonl and train.jsonl) and reports, per event
and overall:

  recognition  precision, recall and F1 of place mentions; a found place
               counts when its span overlaps a gold mention (one to one);
               the exact-span figures are given beside them
  resolution   Acc@161: of the correctly recognised mentions whose gold
               mention has coordinates, the share resolved within 161 km

The default data directory is the shared reference data's idrisi/LMD-AR.`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error {
			if dir == "" {
				if d := shareddata.Dir(); d != "" {
					dir = filepath.Join(d, "idrisi", "LMD-AR")
				}
			}
			if dir == "" {
				return usagef(c.CommandPath()+" --help", "no IDRISI data found; give --dir")
			}
			if split != "dev" && split != "train" {
				return usagef(c.CommandPath()+" --help", "--split must be dev or train, not %q", split)
			}
			if _, err := os.Stat(dir); err != nil {
				return fmt.Errorf("IDRISI data: %w", err)
			}
			g, err := geo.Default()
			if err != nil {
				return err
			}
			t0 := time.Now()
			rep, err := idrisi.Evaluate(c.Context(), extract.NewPlaceFinder(g), dir, split)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			printGeoReport(e, rep, time.Since(t0))
			return nil
		},
	}
	c.Flags().StringVar(&dir, "dir", "", "IDRISI LMD-AR directory (default: the shared data's idrisi/LMD-AR)")
	c.Flags().StringVar(&split, "split", "dev", "which split to score: dev or train")
	c.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return c
}

func printGeoReport(e *env, rep *idrisi.Report, took time.Duration) {
	w := tabwriter.NewWriter(e.stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(e.stdout, "IDRISI %s split: place recognition (span match: overlap, one to one) and resolution\n\n", rep.Split)
	fmt.Fprintln(w, "event\ttweets\tgold\tfound\tP\tR\tF1\texact F1\tAcc@161\t")
	row := func(r idrisi.Result) {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t\n", r.Event, r.Tweets, r.Gold, r.Predicted,
			r.Precision, r.Recall, r.F1, r.ExactF1, r.Acc161)
	}
	for _, r := range rep.Events {
		row(r)
	}
	row(rep.Overall)
	w.Flush()
	fmt.Fprintf(e.stdout, "\nAcc@161 is over %d correctly recognised mentions with gold coordinates (%d within 161 km).\n",
		rep.Overall.Located, rep.Overall.Within161)
	fmt.Fprintf(e.stdout, "Gold mentions listed twice with the same span count once (%d repeats left out).\n", rep.Overall.Duplicates)
	fmt.Fprintln(e.stdout, "Recall by gold mention type:")
	types := make([]string, 0, len(rep.Overall.RecallByType))
	for t := range rep.Overall.RecallByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(e.stdout, "  %-30s %.3f\n", t, rep.Overall.RecallByType[t])
	}
	fmt.Fprintf(e.stdout, "(%s)\n", took.Round(time.Millisecond))
}
