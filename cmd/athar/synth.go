package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/synth"
)

func newSynthCmd(e *env) *cobra.Command {
	var (
		people int
		seed   uint64
		format string
		out    string
	)
	c := &cobra.Command{
		Use:   "synth --people N [--seed S] [--format jsonl|csv] [--out FILE]",
		Short: "Write a synthetic registry of Iraqi and Syrian persons",
		Long: `Write a synthetic registry of Iraqi and Syrian persons in the agency record
format, for benchmarks, demos and negative tests (persons who are on no list).

Each person has a given name, father, grandfather and family or tribe, the
mother's name, gender, a partial birth date, a birth place, nationality, and
most have a national ID or passport number; some have a kunya and a Latin
spelling of the name. The output depends on --seed alone: the same seed and
--people give the same bytes, and the first N persons of a larger registry
are the registry of N. See docs/synth.md.

سجل تجريبي لأشخاص عراقيين وسوريين بأسماء وتواريخ وأرقام وهمية.`,
		Example: `  athar synth --people 1000 --seed 7 > people.jsonl
  athar synth --people 1000000 --seed 1 --format csv --out registry.csv`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error {
			hint := c.CommandPath() + " --help"
			if !c.Flags().Changed("people") {
				return usagef(hint, "%s needs --people", c.CommandPath())
			}
			if people < 1 || people > synth.MaxPeople {
				return usagef(hint, "--people must be between 1 and %d, got %d", synth.MaxPeople, people)
			}
			f := synth.Format(format)
			if f != synth.FormatJSONL && f != synth.FormatCSV {
				return usagef(hint, "unknown --format %q (want jsonl or csv)", format)
			}
			var w io.Writer = e.stdout
			var file *os.File
			if out != "" {
				var err error
				if file, err = os.Create(out); err != nil {
					return fmt.Errorf("create output: %w", err)
				}
				w = file
			}
			start := time.Now()
			err := synth.Write(c.Context(), w, f, seed, people)
			if file != nil {
				err = errors.Join(err, file.Close())
				if err != nil {
					// Do not leave half a registry that looks whole.
					os.Remove(out)
				}
			}
			if err != nil {
				return fmt.Errorf("synth: %w", err)
			}
			if file != nil {
				fmt.Fprintf(e.stderr, "wrote %d persons (seed %d, %s) to %s in %.1fs\n",
					people, seed, f, out, time.Since(start).Seconds())
			}
			return nil
		},
	}
	fl := c.Flags()
	fl.IntVar(&people, "people", 0, "number of persons to write (1 to 10000000)")
	fl.Uint64Var(&seed, "seed", 1, "seed of the generator; the same seed gives the same registry")
	fl.StringVar(&format, "format", "jsonl", "output format: jsonl or csv")
	fl.StringVar(&out, "out", "", "output file (default: standard output)")
	return c
}
