package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

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
the same source is stored once.

Every FILE is read and checked first (it exists, is UTF-8, holds more than
white space), and every claim extracted, before anything is written: a bad
FILE stops the command with its name, and leaves no registry, source or
document behind.`,
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
			// Every file is read and checked before the registry is
			// opened, so that a mistyped or empty file leaves nothing
			// behind: no registry file, no source, no document of the
			// files before it.
			articles, err := readArticles(e, args)
			if err != nil {
				return err
			}
			g, err := geo.Default()
			if err != nil {
				return err
			}
			ctx := c.Context()
			st, err := sqlite.Open(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			s, err := screen.New(ctx, st)
			if err != nil {
				return err
			}
			x := extract.NewExtractor(g, screenLinker{s: s, threshold: extract.DefaultLinkThreshold})
			// Extract from every file before storing any, for the same
			// reason.
			results := make([]*extract.Result, len(articles))
			for i, a := range articles {
				if results[i], err = x.Extract(ctx, a.text, ref); err != nil {
					return fmt.Errorf("%s: %w; nothing was stored", a.path, err)
				}
			}
			src, err := st.EnsureSource(ctx, source, "", reliability)
			if err != nil {
				return err
			}
			total := 0
			for i, a := range articles {
				r := results[i]
				doc := sqlite.Document{SourceID: src.ID, URL: url, Published: published, File: filepath.Base(a.path), Text: a.text}
				id, added, err := st.AddDocument(ctx, doc, storedClaims(r))
				if err != nil {
					return fmt.Errorf("%s: %w", a.path, err)
				}
				if !added {
					fmt.Fprintf(e.stdout, "%s: already stored as document %d of %s; skipped\n", a.path, id, src.Name)
					continue
				}
				total += len(r.Claims)
				fmt.Fprintf(e.stdout, "%s: document %d, %d claims, %d places, %d people\n", a.path, id, len(r.Claims), len(r.Places), len(r.People))
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

// article is one file to ingest, read and checked.
type article struct {
	path, text string
}

// readArticles reads every file and checks it: it exists, is readable,
// is UTF-8 and holds more than white space (and invisible format marks,
// such as a right-to-left mark). The first bad file stops it, named in the
// error. Articles are news reports of some kilobytes, so holding them all
// costs little, and what was checked is what is stored.
func readArticles(e *env, paths []string) ([]article, error) {
	out := make([]article, 0, len(paths))
	for _, p := range paths {
		text, err := readCheckedArticle(e, p)
		if err != nil {
			return nil, fmt.Errorf("%w; nothing was stored", err)
		}
		out = append(out, article{path: p, text: text})
	}
	return out, nil
}

// readCheckedArticle reads one article with readArticle and refuses it
// when it holds nothing but white space: athar extract and athar ingest
// accept the same files.
func readCheckedArticle(e *env, path string) (string, error) {
	text, err := readArticle(e, path)
	if err != nil {
		return "", err
	}
	if isBlank(text) {
		return "", fmt.Errorf("article %s is empty or holds only white space", path)
	}
	return text, nil
}

// isBlank reports whether text holds nothing but white space and invisible
// format characters (U+200F RIGHT-TO-LEFT MARK, U+200C ZERO WIDTH
// NON-JOINER, ...).
func isBlank(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) }) < 0
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
