package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/internal/progress"
	"github.com/athar-org/athar/screen"
	"github.com/athar-org/athar/store/sqlite"
)

type screenFlags struct {
	db          string
	json        bool
	limit       int
	threshold   float64
	birthDate   string
	nationality string
	gender      string
	mother      string
	birthPlace  string
	documents   []string
	batch       string
	out         string
	format      string
}

func newScreenCmd(e *env) *cobra.Command {
	var f screenFlags
	c := &cobra.Command{
		Use:   "screen --db FILE [flags] NAME | screen --db FILE --batch IN --out OUT",
		Short: "Screen a name, or a batch file of people, against the registry",
		Long: fmt.Sprintf(`Screen finds the records of the registry a person may be, ranked by a score
from 0 to 1 that reads as the probability that they are the same person, each
with an explanation: which name unit matched which, and which facts agreed or
contradicted. The name may be Arabic or Latin, in any transliteration.

Matches scoring below the threshold (default %.2f) are not shown;
--threshold 0 --limit 10 shows the ten best whatever their score.

Batch mode reads JSON Lines or CSV (chosen by the file's extension, or
--format): one query a line with the fields id, name or names, birth_date,
nationality, gender, mother_name, birth_place, documents (see docs/screening.md).
It writes one JSON line per input line, in input order; a bad line becomes an
error line and is listed in the summary.`, screen.DefaultThreshold),
		Example: `  athar screen --db athar.db "أبو بكر البغدادي"
  athar screen --db athar.db --birth-date 1971 --nationality IQ Ibrahim Awad al-Badri
  athar screen --db athar.db --batch crossings.csv --out hits.jsonl`,
		RunE: func(c *cobra.Command, args []string) error {
			if err := requireFlag(c, "db", f.db); err != nil {
				return err
			}
			if f.limit < 1 || f.limit > screen.MaxLimit {
				return usagef(c.CommandPath()+" --help", "--limit %d: want 1 to %d", f.limit, screen.MaxLimit)
			}
			if f.threshold < 0 || f.threshold > 1 {
				return usagef(c.CommandPath()+" --help", "--threshold %v: want a score from 0 to 1", f.threshold)
			}
			if f.batch != "" {
				if len(args) > 0 {
					return usagef(c.CommandPath()+" --help", "give either a NAME or --batch, not both")
				}
				if f.out == "" {
					return usagef(c.CommandPath()+" --help", "--batch needs --out")
				}
				return runScreenBatch(c, e, &f)
			}
			if len(args) == 0 {
				return usagef(c.CommandPath()+" --help", "give a NAME to screen, or --batch FILE")
			}
			return runScreenOne(c, e, &f, strings.Join(args, " "))
		},
	}
	fl := c.Flags()
	fl.StringVar(&f.db, "db", "", "the registry database `FILE`")
	fl.BoolVar(&f.json, "json", false, "print the matches as JSON")
	fl.IntVar(&f.limit, "limit", screen.DefaultLimit, "the most matches to show per query")
	fl.Float64Var(&f.threshold, "threshold", screen.DefaultThreshold, "the least score to show, from 0 to 1")
	fl.StringVar(&f.birthDate, "birth-date", "", "date of birth: 1971, 1971-05 or 1971-05-12")
	fl.StringVar(&f.nationality, "nationality", "", "nationality as ISO 3166-1 alpha-2 code(s), e.g. IQ or IQ;SY")
	fl.StringVar(&f.gender, "gender", "", "m or f")
	fl.StringVar(&f.mother, "mother-name", "", "the mother's name")
	fl.StringVar(&f.birthPlace, "birth-place", "", "place of birth")
	fl.StringArrayVar(&f.documents, "document", nil, "an identity document `NUMBER` (repeatable)")
	fl.StringVar(&f.batch, "batch", "", "screen every query of this JSON Lines or CSV `FILE`")
	fl.StringVar(&f.out, "out", "", "with --batch: write the results to this JSON Lines `FILE`")
	fl.StringVar(&f.format, "format", "", "with --batch: jsonl or csv (default: from the file's extension)")
	return c
}

// openScreener opens the registry and builds the screening index from it.
func openScreener(c *cobra.Command, db string) (*screen.Screener, error) {
	st, err := sqlite.OpenExisting(c.Context(), db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	s, err := screen.New(c.Context(), st)
	if err != nil {
		return nil, fmt.Errorf("build the screening index: %w", err)
	}
	return s, nil
}

func runScreenOne(c *cobra.Command, e *env, f *screenFlags, name string) error {
	q := screen.Query{
		Name: name, BirthDate: f.birthDate, Nationality: f.nationality, Gender: f.gender,
		MotherName: f.mother, BirthPlace: f.birthPlace,
	}
	for _, d := range f.documents {
		q.Documents = append(q.Documents, screen.QueryDocument{Number: d})
	}
	s, err := openScreener(c, f.db)
	if err != nil {
		return err
	}
	ms, err := s.Screen(c.Context(), q, screen.Options{Limit: f.limit, Threshold: f.threshold})
	if err != nil {
		return err
	}
	if f.json {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Query   screen.Query   `json:"query"`
			Matches []screen.Match `json:"matches"`
		}{q, ms})
	}
	printMatches(e.stdout, name, s.Len(), f.threshold, ms)
	return nil
}

func printMatches(w io.Writer, name string, records int, threshold float64, ms []screen.Match) {
	fmt.Fprintf(w, "Screened %q against %d records (threshold %.2f): ", name, records, threshold)
	switch len(ms) {
	case 0:
		fmt.Fprintln(w, "no match.")
		return
	case 1:
		fmt.Fprintln(w, "1 match.")
	default:
		fmt.Fprintf(w, "%d matches.\n", len(ms))
	}
	for i, m := range ms {
		ex := m.Explanation
		fmt.Fprintf(w, "\n%2d. %-10s %s\n    score %.2f", i+1, m.ID, isolate(m.Name), m.Score)
		if ex.Capped != "" {
			fmt.Fprintf(w, " (held down: %s)", ex.Capped)
		}
		fmt.Fprintln(w)
		n := ex.Name
		fmt.Fprintf(w, "    name: %s ~ %s [%s], evidence %+.2f\n", isolate(n.Query), isolate(n.Listed), n.ListedKind, n.Weight)
		for _, u := range n.Units {
			shift := ""
			if u.Shifted {
				shift = ", at another place in the nasab"
			}
			fmt.Fprintf(w, "      %s = %s  (%s, %s %.2f, rarity %.1f bits%s)\n", isolate(u.Query), isolate(u.Listed), u.Role, u.How, u.Similarity, u.Rarity, shift)
		}
		if len(n.QueryLeft) > 0 {
			fmt.Fprintf(w, "      not in the listed name: %s\n", isolate(strings.Join(n.QueryLeft, " ")))
		}
		if len(n.ListedLeft) > 0 {
			fmt.Fprintf(w, "      not in the query: %s\n", isolate(strings.Join(n.ListedLeft, " ")))
		}
		for _, note := range n.Notes {
			fmt.Fprintf(w, "      note: %s\n", note)
		}
		for _, ft := range ex.Features {
			fmt.Fprintf(w, "    %s: %s (%+.2f): query %s, listed %s\n", ft.Feature, ft.Outcome, ft.Weight, isolate(ft.Query), isolate(ft.Listed))
		}
	}
}

// isolate wraps text in Unicode first-strong isolates, so that an Arabic name
// inside an English line (or the reverse) is laid out on its own.
func isolate(s string) string { return "\u2068" + s + "\u2069" }

func runScreenBatch(c *cobra.Command, e *env, f *screenFlags) error {
	format := f.format
	if format == "" {
		switch strings.ToLower(filepath.Ext(f.batch)) {
		case ".csv":
			format = "csv"
		case ".jsonl", ".ndjson", ".json":
			format = "jsonl"
		default:
			return usagef(c.CommandPath()+" --help", "cannot tell the format of %s from its extension: give --format jsonl or --format csv", f.batch)
		}
	}
	if format != "jsonl" && format != "csv" {
		return usagef(c.CommandPath()+" --help", "--format %q: want jsonl or csv", format)
	}
	in, err := os.Open(f.batch)
	if err != nil {
		return fmt.Errorf("open the batch: %w", err)
	}
	defer in.Close()
	total := countLines(f.batch)

	s, err := openScreener(c, f.db)
	if err != nil {
		return err
	}
	tmp := f.out + ".partial"
	out, err := os.Create(tmp)
	if err != nil {
		return fmt.Errorf("create the output: %w", err)
	}
	defer os.Remove(tmp)
	term, width := progress.IsTerminal(e.stderr)
	bar := progress.New(e.stderr, int64(total), progress.Options{
		Label: "screening", Unit: progress.Items, ItemName: "queries", Terminal: term, Width: width,
	})
	start := time.Now()
	last := 0
	sum, err := s.Batch(c.Context(), in, format, out, screen.Options{Limit: f.limit, Threshold: f.threshold}, func(done int) {
		bar.Add(int64(done - last))
		last = done
	})
	bar.Close()
	if cerr := out.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("write %s: %w", f.out, cerr)
	}
	if err != nil {
		return fmt.Errorf("batch %s: %w", f.batch, err)
	}
	if err := os.Rename(tmp, f.out); err != nil {
		return fmt.Errorf("write %s: %w", f.out, err)
	}
	el := time.Since(start)
	fmt.Fprintf(e.stderr, "Screened %d queries against %d records in %s (%.0f queries/s): %d with matches, %d bad lines.\n",
		sum.Queries, s.Len(), el.Round(time.Millisecond), float64(sum.Queries)/el.Seconds(), sum.WithMatches, sum.Errors)
	for _, b := range sum.BadLines {
		fmt.Fprintf(e.stderr, "  %v\n", b.Err)
	}
	if sum.Errors > len(sum.BadLines) {
		fmt.Fprintf(e.stderr, "  ... and %d more; every bad line is in %s with its error.\n", sum.Errors-len(sum.BadLines), f.out)
	}
	fmt.Fprintf(e.stderr, "Results: %s\n", f.out)
	return nil
}

// countLines counts the lines of a file, for the progress bar; 0 when it
// cannot be read (the batch then reports the error).
func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	n := 0
	for {
		k, err := f.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err != nil {
			return n
		}
	}
}
