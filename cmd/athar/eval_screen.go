package main

import (
	"encoding/json"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/internal/evalscreen"
	"github.com/athar-org/athar/screen"
	"github.com/athar-org/athar/sources/un"
)

func newEvalScreenCmd(e *env) *cobra.Command {
	var (
		list      string
		split     string
		seed      uint64
		synthetic int
		popul     int
		threshold float64
		asJSON    bool
		misses    int
	)
	c := &cobra.Command{
		Use:   "screen --list FILE",
		Short: "Measure screening recall and false hits on the UN list",
		Long: `Builds queries from the UN consolidated list's own records (the Arabic name
against records stripped of Arabic script, held-out aliases, other
transliterations, reordered, shortened and misspelt names, each with or
without the birth year) and negatives that must not match (synthetic Iraqi and
Syrian people, and "brothers" of listed people: the same father, grandfather
and family with another given name and birth year). Reports recall@1,
recall@10, recall at a 1% false-hit rate and the false-hit rate at the
threshold, per kind of query.

Records are split in two halves by a hash of their id: tune on --split dev,
check on --split heldout.`,
		Example: `  athar eval screen --list ../shared/data/un/consolidated-2026-02-27.xml
  athar eval screen --list consolidated.xml --split heldout --json`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error {
			if err := requireFlag(c, "list", list); err != nil {
				return err
			}
			sp := evalscreen.Split(split)
			if sp != evalscreen.SplitDev && sp != evalscreen.SplitHeldOut && sp != evalscreen.SplitAll {
				return usagef(c.CommandPath()+" --help", "--split %q: want dev, heldout or all", split)
			}
			if synthetic < 0 || synthetic > 1_000_000 {
				return usagef(c.CommandPath()+" --help", "--synthetic %d: want 0 to 1000000", synthetic)
			}
			if popul < 0 || popul > 2_000_000 {
				return usagef(c.CommandPath()+" --help", "--population %d: want 0 to 2000000", popul)
			}
			recs, err := un.ReadFile(c.Context(), list)
			if err != nil {
				return err
			}
			rep, err := evalscreen.Run(c.Context(), recs, evalscreen.Config{Split: sp, Seed: seed, Synthetic: synthetic, Threshold: threshold, Population: popul})
			if err != nil {
				return err
			}
			if asJSON {
				if len(rep.Misses) > misses {
					rep.Misses = rep.Misses[:misses]
				}
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(rep)
			}
			w := e.stdout
			fmt.Fprintf(w, "Screening evaluation on %s (%d records", list, rep.Records)
			if rep.Population > 0 {
				fmt.Fprintf(w, " and %d synthetic persons", rep.Population)
			}
			fmt.Fprintf(w, "), split %s, seed %d\n", rep.Split, rep.Seed)
			fmt.Fprintf(w, "threshold at a 1%% false-hit rate: %.3f; default threshold: %.2f\n\n", rep.Threshold1, rep.Threshold)
			fmt.Fprintf(w, "%-28s %7s %8s %9s %12s %11s %11s\n", "kind", "queries", "recall@1", "recall@10", "recall@1%FHR", "recall@thr", "false hits")
			row := func(k evalscreen.KindReport) {
				if k.Positive {
					fmt.Fprintf(w, "%-28s %7d %8.3f %9.3f %12.3f %11.3f %11s\n", k.Kind, k.Queries, k.Recall1, k.Recall10, k.RecallAt1PctFHR, k.RecallAtThreshold, "")
				} else {
					fmt.Fprintf(w, "%-28s %7d %8s %9s %12s %11s %11.3f\n", k.Kind, k.Queries, "", "", "", "", k.FalseHitRate)
				}
			}
			for _, k := range rep.Kinds {
				row(k)
			}
			fmt.Fprintln(w)
			row(rep.Positives)
			row(rep.WithDOB)
			row(rep.WithoutDOB)
			row(rep.Ambiguous)
			row(rep.PositivesStrict)
			row(rep.Negatives)
			if misses > 0 && len(rep.Misses) > 0 {
				fmt.Fprintf(w, "\nFirst misses (positives not ranked first, negatives hit):\n")
				for i, m := range rep.Misses {
					if i == misses {
						fmt.Fprintf(w, "  ... %d more\n", len(rep.Misses)-misses)
						break
					}
					fmt.Fprintf(w, "  %-16s %-45s want %-9s got %s (%.3f)\n", m.Kind, isolate(m.Query), m.Want, isolate(m.Got), m.Score)
				}
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.StringVar(&list, "list", "", "the UN consolidated list XML `FILE`")
	fl.StringVar(&split, "split", "dev", "which half of the records to make queries from: dev, heldout or all")
	fl.Uint64Var(&seed, "seed", 1, "the seed of the query variants and synthetic people")
	fl.IntVar(&synthetic, "synthetic", 2000, "how many synthetic negative queries")
	fl.IntVar(&popul, "population", 0, "add this many synthetic Iraqi and Syrian persons to the list, as distractors")
	fl.Float64Var(&threshold, "threshold", screen.DefaultThreshold, "the threshold whose false-hit rate is reported")
	fl.BoolVar(&asJSON, "json", false, "print the report as JSON")
	fl.IntVar(&misses, "misses", 0, "list this many misses")
	return c
}
