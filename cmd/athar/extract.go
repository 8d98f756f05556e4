package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/geo"
	"github.com/athar-org/athar/screen"
	"github.com/athar-org/athar/store/sqlite"
)

// maxArticleBytes bounds one input file: news articles and field reports
// are kilobytes, and the whole text is held in memory.
const maxArticleBytes = 8 << 20

func newExtractCmd(e *env) *cobra.Command {
	var (
		asJSON  bool
		docDate string
		db      string
	)
	c := &cobra.Command{
		Use:   "extract [--json] [--document-date YYYY-MM-DD] [--db FILE] FILE",
		Short: "Find places, dates, people and who-went-where claims in Arabic text / استخراج الأماكن والأشخاص والادعاءات",
		Long: `Reads an Arabic news article or field report (UTF-8 text; "-" reads standard
input) and prints what it finds. A file that is not UTF-8, or holds nothing
but white space, is refused, as athar ingest refuses it:

  places         with their English name, country, coordinates and kind
  dates          as intervals of days with their precision
  people         with a Latin form of the name; with --db, the registry entry
                 the name links to and its screening score
  organizations  with their English names
  claims         who reportedly fled, moved, crossed a border, hid, was
                 arrested, killed or surrendered where and when, with the
                 source the text gives, a certainty from 0 to 1 and the
                 sentence as evidence

--document-date resolves relative dates (أمس, العام الماضي) and bounds claims
that carry no date of their own.`,
		Example: `  athar extract --document-date 2019-06-01 article.txt
  athar extract --json --db athar.db report.txt`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			ref, err := extract.ParseDocumentDate(docDate)
			if err != nil {
				return usagef(c.CommandPath()+" --help", "--document-date: %v", err)
			}
			text, err := readCheckedArticle(e, args[0])
			if err != nil {
				return err
			}
			x, closeFn, err := newExtractor(c, db)
			if err != nil {
				return err
			}
			defer closeFn()
			r, err := x.Extract(c.Context(), text, ref)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(toOutput(r))
			}
			printExtract(e.stdout, r)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.Flags().StringVar(&docDate, "document-date", "", "the document's date, YYYY-MM-DD")
	c.Flags().StringVar(&db, "db", "", "registry to link people to (optional)")
	return c
}

// readArticle reads a UTF-8 text file, or standard input for "-".
func readArticle(e *env, path string) (string, error) {
	var r io.Reader
	if path == "-" {
		r = e.stdin
	} else {
		f, err := os.Open(path)
		if err != nil {
			return "", fmt.Errorf("read article: %w", err)
		}
		defer f.Close()
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, maxArticleBytes+1))
	if err != nil {
		return "", fmt.Errorf("read article %s: %w", path, err)
	}
	if len(b) > maxArticleBytes {
		return "", fmt.Errorf("article %s is larger than %d MB; split it", path, maxArticleBytes>>20)
	}
	if !utf8.Valid(b) {
		return "", fmt.Errorf("article %s is not UTF-8 text", path)
	}
	return strings.TrimPrefix(string(b), "\ufeff"), nil
}

// newExtractor builds an extractor, linking people to the registry in db
// when one is given.
func newExtractor(c *cobra.Command, db string) (*extract.Extractor, func(), error) {
	g, err := geo.Default()
	if err != nil {
		return nil, nil, err
	}
	if db == "" {
		return extract.NewExtractor(g, nil), func() {}, nil
	}
	st, err := sqlite.OpenExisting(c.Context(), db)
	if err != nil {
		return nil, nil, err
	}
	s, err := screen.New(c.Context(), st)
	if err != nil {
		st.Close()
		return nil, nil, err
	}
	return extract.NewExtractor(g, screenLinker{s: s, threshold: extract.DefaultLinkThreshold}), func() { st.Close() }, nil
}

// The JSON form of athar extract: fixed, other tools read it.
type (
	outPlace struct {
		Text    string  `json:"text"`
		Name    string  `json:"name"`
		Country string  `json:"country"`
		Lat     float64 `json:"lat"`
		Lon     float64 `json:"lon"`
		Kind    string  `json:"kind"`
	}
	outDate struct {
		Text      string      `json:"text"`
		Start     extract.Day `json:"start"`
		End       extract.Day `json:"end"`
		Precision string      `json:"precision"`
	}
	outPerson struct {
		Text       string   `json:"text"`
		Name       string   `json:"name"`
		RegistryID *string  `json:"registry_id"`
		Score      *float64 `json:"score"`
	}
	outOrg struct {
		Text string `json:"text"`
		Name string `json:"name"`
	}
	outClaimPlace struct {
		Name    string  `json:"name"`
		Country string  `json:"country"`
		Lat     float64 `json:"lat"`
		Lon     float64 `json:"lon"`
		Kind    string  `json:"kind"`
	}
	outInterval struct {
		Start extract.Day `json:"start"`
		End   extract.Day `json:"end"`
	}
	outClaim struct {
		Type        string        `json:"type"`
		Subject     string        `json:"subject"`
		Place       outClaimPlace `json:"place"`
		Date        *outInterval  `json:"date"`
		Certainty   float64       `json:"certainty"`
		Attribution string        `json:"attribution"`
		Evidence    string        `json:"evidence"`
	}
	extractOutput struct {
		Places        []outPlace  `json:"places"`
		Dates         []outDate   `json:"dates"`
		People        []outPerson `json:"people"`
		Organizations []outOrg    `json:"organizations"`
		Claims        []outClaim  `json:"claims"`
	}
)

func toOutput(r *extract.Result) extractOutput {
	o := extractOutput{
		Places: []outPlace{}, Dates: []outDate{}, People: []outPerson{}, Organizations: []outOrg{}, Claims: []outClaim{},
	}
	for _, p := range r.Places {
		o.Places = append(o.Places, outPlace{p.Text, p.Name, p.Country, p.Lat, p.Lon, string(p.Kind)})
	}
	for _, d := range r.Dates {
		o.Dates = append(o.Dates, outDate{d.Text, d.Start, d.End, string(d.Precision)})
	}
	for _, p := range r.People {
		op := outPerson{Text: p.Text, Name: p.Name}
		if p.RegistryID != "" {
			id, s := p.RegistryID, p.Score
			op.RegistryID, op.Score = &id, &s
		}
		o.People = append(o.People, op)
	}
	seen := map[string]bool{}
	for _, org := range r.Organizations {
		if seen[org.Name] {
			continue
		}
		seen[org.Name] = true
		o.Organizations = append(o.Organizations, outOrg{org.Text, org.Name})
	}
	for _, c := range r.Claims {
		oc := outClaim{
			Type: string(c.Type), Subject: c.Subject,
			Place:     outClaimPlace{c.Place.Name, c.Place.Country, c.Place.Lat, c.Place.Lon, string(c.Place.Kind)},
			Certainty: c.Certainty, Attribution: c.Attribution, Evidence: c.Evidence,
		}
		if c.Date != nil {
			oc.Date = &outInterval{c.Date.Start, c.Date.End}
		}
		o.Claims = append(o.Claims, oc)
	}
	return o
}

func printExtract(w io.Writer, r *extract.Result) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "Places / الأماكن (%d)\n", len(r.Places))
	for _, p := range r.Places {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%.4f, %.4f\n", p.Text, p.Name, dashIfEmpty(p.Country), p.Kind, p.Lat, p.Lon)
	}
	fmt.Fprintf(tw, "\nDates / التواريخ (%d)\n", len(r.Dates))
	for _, d := range r.Dates {
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", d.Text, interval(d.Start, d.End), d.Precision)
	}
	fmt.Fprintf(tw, "\nPeople / الأشخاص (%d)\n", len(r.People))
	for _, p := range r.People {
		link := "-"
		if p.RegistryID != "" {
			link = fmt.Sprintf("%s (%.2f)", p.RegistryID, p.Score)
		}
		role := ""
		if p.Speaker {
			role = "source"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", p.Text, p.Name, link, role)
	}
	fmt.Fprintf(tw, "\nOrganizations / التنظيمات\n")
	seen := map[string]bool{}
	for _, o := range r.Organizations {
		if !seen[o.Name] {
			seen[o.Name] = true
			fmt.Fprintf(tw, "  %s\t%s\n", o.Text, o.Name)
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "\nClaims / الادعاءات (%d)\n", len(r.Claims))
	for i, c := range r.Claims {
		when := "no date"
		if c.Date != nil {
			when = interval(c.Date.Start, c.Date.End)
		}
		fmt.Fprintf(w, "%d. %s %s %s, %s (%s), %s, certainty %.2f\n", i+1, c.Subject, c.Type, c.Place.Name, dashIfEmpty(c.Place.Country), c.Place.Text, when, c.Certainty)
		if c.Attribution != "" {
			fmt.Fprintf(w, "   source: %s\n", c.Attribution)
		}
		fmt.Fprintf(w, "   evidence: %s\n", c.Evidence)
	}
}

func interval(a, b extract.Day) string {
	switch {
	case a.IsZero() && b.IsZero():
		return "unresolved"
	case a.IsZero():
		return "by " + b.String()
	case a.Time.Equal(b.Time):
		return a.String()
	}
	return a.String() + ".." + b.String()
}

func dashIfEmpty(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// screenLinker links names in text to registry entries with the screener.
type screenLinker struct {
	s         *screen.Screener
	threshold float64
}

// Link implements extract.Linker.
func (l screenLinker) Link(ctx context.Context, name string) (string, float64, error) {
	ms, err := l.s.Screen(ctx, screen.Query{Name: name}, screen.Options{Limit: 1, Threshold: l.threshold})
	if err != nil {
		return "", 0, err
	}
	if len(ms) == 0 || ms[0].Score < l.threshold {
		return "", 0, nil
	}
	return ms[0].ID, ms[0].Score, nil
}
