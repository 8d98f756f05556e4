package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store/sqlite"
)

func newShowCmd(e *env) *cobra.Command {
	var (
		db     string
		asJSON bool
	)
	c := &cobra.Command{
		Use:   "show --db FILE [--json] ID",
		Short: "Show one record",
		Long: `Show one record of the registry, whole: names (with their script, kind and
parts), birth dates, places, nationalities, documents, list memberships,
status, remarks and where the record came from.

--json prints the record as stable JSON, documented in docs/record.md.`,
		Example: `  athar show --db athar.db QDi.299
  athar show --db athar.db --json QDi.299`,
		Args:                  exactArgs(1),
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
			p, err := s.Person(ctx, args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return writeJSON(e.stdout, p)
			}
			writePerson(e.stdout, p)
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "registry `FILE`")
	c.Flags().BoolVar(&asJSON, "json", false, "print the record as JSON (docs/record.md)")
	return c
}

// openRegistry opens an existing registry: reading commands never create
// an empty file by accident.
func openRegistry(ctx context.Context, path string) (*sqlite.Store, error) {
	return sqlite.OpenExisting(ctx, path)
}

// openRegistryFlag checks that the command was given --db and opens that
// existing registry.
func openRegistryFlag(c *cobra.Command, db string) (*sqlite.Store, error) {
	if err := requireFlag(c, "db", db); err != nil {
		return nil, err
	}
	return openRegistry(c.Context(), db)
}

// writeJSON writes v as indented JSON, with <, > and & as they are.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writePerson writes the record for a person to read. Each line puts its
// label first and the value last, alone: an Arabic value that sat between
// Latin words (or an Arabic label beside a number) would be reordered by a
// terminal's bidirectional layout.
func writePerson(w io.Writer, p *athar.Person) {
	kind := "person"
	if p.Kind == athar.KindOrganization {
		kind = "organisation"
	}
	fmt.Fprintf(w, "%s  (%s)\n", p.ID, kind)
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(w, "%-14s %s\n", label, value)
		}
	}

	fmt.Fprintln(w, "Names")
	for _, n := range p.Names {
		label := string(n.Kind)
		if n.Quality != "" {
			label += " (" + n.Quality + ")"
		}
		label += ", " + string(n.Script)
		fmt.Fprintf(w, "  %-24s %s\n", label, n.Full)
		if pp := n.Parts; pp != nil {
			part := func(label, value string) {
				if value != "" {
					fmt.Fprintf(w, "    %-22s %s\n", label, value)
				}
			}
			part("given", pp.Given)
			part("father", pp.Father)
			part("grandfather", pp.Grandfather)
			part("family", pp.Family)
			part("kunya", pp.Kunya)
			part("laqab", pp.Laqab)
			part("titles", strings.Join(pp.Titles, "; "))
		}
		if n.Source != "" {
			fmt.Fprintf(w, "    %-22s %s\n", "from", n.Source)
		}
		if n.Note != "" {
			fmt.Fprintf(w, "    %-22s %s\n", "note", n.Note)
		}
	}

	line("Gender", genderText(p.Gender))
	for _, b := range p.BirthDates {
		line("Born", birthText(b))
	}
	for _, pl := range p.BirthPlaces {
		line("Birthplace", placeText(pl))
	}
	line("Nationality", strings.Join(p.Nationalities, ", "))
	line("Mother", p.MotherName)
	line("Titles", strings.Join(p.Titles, "; "))
	line("Designations", strings.Join(p.Designations, "; "))
	for _, d := range p.Documents {
		line("Document", documentText(d))
	}
	for _, a := range p.Addresses {
		line("Address", placeText(a))
	}
	for _, l := range p.Lists {
		line("List", listText(l))
	}
	if p.Status != "" {
		line("Status", string(p.Status))
	}
	line("Remarks", p.Remarks)
	line("Owner", p.Owner)
	line("Sharing", string(p.Label))
	for _, x := range p.Extra {
		line("Extra", x.Key+": "+x.Value)
	}
	line("Source", sourceText(p.Provenance))
}

func genderText(g athar.Gender) string {
	switch g {
	case athar.GenderMale:
		return "male"
	case athar.GenderFemale:
		return "female"
	}
	return string(g)
}

func birthText(b athar.BirthDate) string {
	var s string
	switch b.Qualifier {
	case athar.DateBetween:
		s = fmt.Sprintf("between %s and %s", orUnknown(b.From.String()), orUnknown(b.To.String()))
	case athar.DateApproximate:
		s = "about " + orUnknown(b.Date.String())
	default:
		s = orUnknown(b.Date.String())
	}
	if b.Note != "" {
		s += " (" + b.Note + ")"
	}
	return s
}

func orUnknown(s string) string {
	if s == "" {
		return "?"
	}
	return s
}

func placeText(p athar.Place) string {
	var parts []string
	for _, s := range []string{p.City, p.Region, p.Country} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	s := strings.Join(parts, ", ")
	if p.Text != "" && p.Text != s {
		if s != "" {
			return s + ": " + p.Text
		}
		return p.Text
	}
	return s
}

func documentText(d athar.Document) string {
	s := d.Type + " " + d.Number
	if d.Country != "" {
		s += " (" + d.Country + ")"
	}
	if d.Forged {
		s += " FORGED"
	}
	if d.Note != "" {
		s += ": " + d.Note
	}
	return s
}

func listText(l athar.ListEntry) string {
	s := l.List
	if l.Reference != "" {
		s += ", reference " + l.Reference
	}
	if l.Program != "" {
		s += ", programme " + l.Program
	}
	if l.ListedOn != "" {
		s += ", listed " + l.ListedOn
	}
	return s
}

func sourceText(pr athar.Provenance) string {
	s := "dataset " + pr.Dataset
	if pr.Version != "" {
		s += ", version " + pr.Version
	}
	if pr.SourceID != "" {
		s += ", id " + pr.SourceID
	}
	if !pr.ImportedAt.IsZero() {
		s += ", imported " + pr.ImportedAt.UTC().Format(time.DateTime) + " UTC"
	}
	if pr.EnteredBy != "" {
		s += ", entered by " + pr.EnteredBy
	}
	return s
}
