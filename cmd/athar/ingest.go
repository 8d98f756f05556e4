package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/geo"
	"github.com/athar-org/athar/screen"
	"github.com/athar-org/athar/store/sqlite"
)

func newIngestCmd(e *env) *cobra.Command {
	var db, source, url, published, reliability string
	c := &cobra.Command{
		Use:   "ingest --db FILE --source NAME [--url U] [--published YYYY-MM-DD] [--reliability A-F] FILE...",
		Short: "Store reports and the claims extracted from them / حفظ التقارير والادعاءات",
		Long: `Reads Arabic reports (UTF-8 text), extracts their who-went-where claims (see
athar extract), links the people in them to the registry, and stores each
document with its claims under its source.

The source is created on first use. --reliability grades it with the
Admiralty code (A completely reliable ... F cannot be judged; F by default);
athar grade changes grades later. --published is the documents' date: it
resolves relative dates and dates claims that give none. The same text from
the same source is stored once.`,
		Example: `  athar ingest --db athar.db --source "Diyaruna" --published 2018-08-10 --reliability C article.txt
  athar trail --db athar.db "Abu Abdallah al-Masri"`,
		Args: minArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := requireFlag(c, "db", db); err != nil {
				return err
			}
			if err := requireFlag(c, "source", source); err != nil {
				return err
			}
			if reliability != "" && !sqlite.ValidReliability(reliability) {
				return usagef(c.CommandPath()+" --help", "--reliability %q: want a letter A to F", reliability)
			}
			ref, err := extract.ParseDocumentDate(published)
			if err != nil {
				return usagef(c.CommandPath()+" --help", "--published: %v", err)
			}
			ctx := c.Context()
			st, err := sqlite.Open(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			g, err := geo.Default()
			if err != nil {
				return err
			}
			s, err := screen.New(ctx, st)
			if err != nil {
				return err
			}
			x := extract.NewExtractor(g, screenLinker{s: s, threshold: extract.DefaultLinkThreshold})
			src, err := st.EnsureSource(ctx, source, "", reliability)
			if err != nil {
				return err
			}
			total := 0
			for _, path := range args {
				text, err := readArticle(e, path)
				if err != nil {
					return err
				}
				r, err := x.Extract(ctx, text, ref)
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				doc := sqlite.Document{SourceID: src.ID, URL: url, Published: published, File: filepath.Base(path), Text: text}
				id, added, err := st.AddDocument(ctx, doc, storedClaims(r))
				if err != nil {
					return fmt.Errorf("%s: %w", path, err)
				}
				if !added {
					fmt.Fprintf(e.stdout, "%s: already stored as document %d of %s; skipped\n", path, id, src.Name)
					continue
				}
				total += len(r.Claims)
				fmt.Fprintf(e.stdout, "%s: document %d, %d claims, %d places, %d people\n", path, id, len(r.Claims), len(r.Places), len(r.People))
			}
			fmt.Fprintf(e.stdout, "source %s (reliability %s): %d claims stored\n", src.Name, src.Reliability, total)
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "registry file (created when missing)")
	c.Flags().StringVar(&source, "source", "", "who published the documents")
	c.Flags().StringVar(&url, "url", "", "where the documents were published (applies to every FILE)")
	c.Flags().StringVar(&published, "published", "", "publication date, YYYY-MM-DD")
	c.Flags().StringVar(&reliability, "reliability", "", "Admiralty source grade, A to F")
	return c
}

// storedClaims turns extracted claims into stored ones.
func storedClaims(r *extract.Result) []sqlite.Claim {
	out := make([]sqlite.Claim, 0, len(r.Claims))
	for _, c := range r.Claims {
		sc := sqlite.Claim{
			Type: string(c.Type), Subject: c.Subject, SubjectText: c.SubjectText,
			PlaceID: c.Place.ID, PlaceName: c.Place.Name, PlaceText: c.Place.Text, Country: c.Place.Country,
			Lat: c.Place.Lat, Lon: c.Place.Lon, PlaceKind: string(c.Place.Kind),
			Certainty: c.Certainty, Attribution: c.Attribution, Evidence: c.Evidence,
			EvidenceFrom: c.Span.Start, EvidenceTo: c.Span.End,
		}
		if c.Person != nil {
			sc.RegistryID, sc.LinkScore = c.Person.RegistryID, c.Person.Score
		}
		if c.Date != nil {
			sc.DateStart, sc.DateEnd = c.Date.Start.String(), c.Date.End.String()
		}
		out = append(out, sc)
	}
	return out
}
