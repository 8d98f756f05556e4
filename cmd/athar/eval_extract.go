package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/geo"
	"github.com/athar-org/athar/internal/shareddata"
)

func newEvalExtractCmd(e *env) *cobra.Command {
	var (
		dir     string
		asJSON  bool
		verbose bool
	)
	c := &cobra.Command{
		Use:   "extract [--articles DIR] [--json] [-v]",
		Short: "Evaluate place, date and claim extraction on annotated articles / تقييم الاستخراج",
		Long: `Runs athar extract over the hand-annotated texts kept in the project
(extract/testdata/articles: the shared development articles, texts written
while the rules were tuned, and unseen texts written to check them) and
reports precision and recall:

  places  a found place matches a gold one when the spans overlap; "right"
          when it also has the gold country and lies within 161 km
  dates   spans overlap; "right" when the interval is the same
  claims  a claim counts only with the right type and the right place
          (its place's span overlaps the gold claim's place)

Development and unseen texts are reported apart. The development articles
are read from --articles (default: the shared data's articles/).`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error {
			if dir == "" {
				if d := shareddata.Dir(); d != "" {
					dir = filepath.Join(d, "articles")
				}
			}
			if dir != "" {
				if _, err := os.Stat(dir); err != nil {
					return fmt.Errorf("articles: %w", err)
				}
			}
			g, err := geo.Default()
			if err != nil {
				return err
			}
			t0 := time.Now()
			rep, err := extract.Evaluate(c.Context(), extract.NewExtractor(g, nil), dir)
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.stdout, rep)
			}
			printExtractEval(e.stdout, rep, verbose, time.Since(t0))
			return nil
		},
	}
	c.Flags().StringVar(&dir, "articles", "", "directory of the development articles (default: the shared data's articles/)")
	c.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "list each miss and false finding")
	return c
}

func printExtractEval(w io.Writer, rep *extract.EvalReport, verbose bool, took time.Duration) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TEXT\tSET\tPLACES P\tR\tRIGHT\tDATES P\tR\tRIGHT\tCLAIMS GOLD\tFOUND\tP\tR")
	for _, a := range rep.Articles {
		set := "dev"
		if a.Unseen {
			set = "unseen"
		}
		pl, dt := "-\t-\t-", "-\t-\t-"
		if !a.ClaimsOnly {
			pl = fmt.Sprintf("%.2f\t%.2f\t%.2f", a.Places.Precision(), a.Places.Recall(), a.Places.CorrectRecall())
			dt = fmt.Sprintf("%.2f\t%.2f\t%.2f", a.Dates.Precision(), a.Dates.Recall(), a.Dates.CorrectRecall())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%.2f\t%.2f\n", a.File, set, pl, dt, a.Claims.Gold, a.Claims.Found,
			a.Claims.ClaimPrecision(), a.Claims.CorrectRecall())
	}
	for _, t := range []struct {
		name string
		t    extract.Totals
	}{{"all dev", rep.Dev}, {"all unseen", rep.Unseen}} {
		if t.t.Texts == 0 {
			continue
		}
		pl := fmt.Sprintf("%.3f\t%.3f\t%.3f", t.t.Places.Precision(), t.t.Places.Recall(), t.t.Places.CorrectRecall())
		dt := fmt.Sprintf("%.3f\t%.3f\t%.3f", t.t.Dates.Precision(), t.t.Dates.Recall(), t.t.Dates.CorrectRecall())
		if t.t.Places.Gold == 0 {
			pl, dt = "-\t-\t-", "-\t-\t-"
		}
		fmt.Fprintf(tw, "%s\t%d texts\t%s\t%s\t%d\t%d\t%.3f\t%.3f\n", t.name, t.t.Texts, pl, dt, t.t.Claims.Gold, t.t.Claims.Found,
			t.t.Claims.ClaimPrecision(), t.t.Claims.CorrectRecall())
	}
	tw.Flush()
	if len(rep.Skipped) > 0 {
		fmt.Fprintf(w, "skipped (article not found): %s\n", strings.Join(rep.Skipped, ", "))
	}
	if verbose {
		for _, a := range rep.Articles {
			if len(a.Notes) == 0 {
				continue
			}
			fmt.Fprintf(w, "\n%s\n  %s\n", a.File, strings.Join(a.Notes, "\n  "))
		}
	}
	fmt.Fprintf(w, "took %v\n", took.Round(time.Millisecond))
}
