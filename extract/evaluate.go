package extract

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
)

// The hand annotations and the texts we wrote, embedded so that athar eval
// extract runs from any directory. The development articles themselves are
// shared reference data, read from disk.
//
//go:embed testdata/articles/*.json testdata/written/*.txt
var evalFS embed.FS

// ArticleReport is the evaluation of one annotated text.
type ArticleReport struct {
	File       string   `json:"file"`
	Unseen     bool     `json:"unseen"`
	ClaimsOnly bool     `json:"claims_only"`
	Places     Score    `json:"places"`
	Dates      Score    `json:"dates"`
	Claims     Score    `json:"claims"`
	Notes      []string `json:"notes,omitempty"`
}

// Totals add up the scores of a set of texts.
type Totals struct {
	Texts  int   `json:"texts"`
	Places Score `json:"places"`
	Dates  Score `json:"dates"`
	Claims Score `json:"claims"`
}

// EvalReport is the evaluation over all annotated texts: the development
// texts (the shared articles and the texts written while the rules were
// tuned) and the unseen ones apart.
type EvalReport struct {
	Articles []ArticleReport `json:"articles"`
	Dev      Totals          `json:"dev"`
	Unseen   Totals          `json:"unseen"`
	Skipped  []string        `json:"skipped,omitempty"` // shared articles not found
}

func (t *Totals) add(a ArticleReport) {
	t.Texts++
	for _, p := range []struct{ to, from *Score }{{&t.Places, &a.Places}, {&t.Dates, &a.Dates}, {&t.Claims, &a.Claims}} {
		p.to.Gold += p.from.Gold
		p.to.Found += p.from.Found
		p.to.Matched += p.from.Matched
		p.to.Correct += p.from.Correct
	}
}

// Evaluate runs x over the annotated texts. articleDir holds the shared
// development articles ("" skips them).
func Evaluate(ctx context.Context, x *Extractor, articleDir string) (*EvalReport, error) {
	files, err := fs.Glob(evalFS, "testdata/articles/*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	rep := &EvalReport{}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := evalFS.ReadFile(f)
		if err != nil {
			return nil, err
		}
		var a Annotation
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		var text []byte
		if a.Written {
			text, err = evalFS.ReadFile(path.Join("testdata/written", a.File))
		} else {
			if articleDir == "" {
				rep.Skipped = append(rep.Skipped, a.File)
				continue
			}
			text, err = os.ReadFile(filepath.Join(articleDir, a.File))
			if os.IsNotExist(err) {
				rep.Skipped = append(rep.Skipped, a.File)
				continue
			}
		}
		if err != nil {
			return nil, fmt.Errorf("article %s: %w", a.File, err)
		}
		ar, err := evaluateOne(ctx, x, &a, string(text))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", a.File, err)
		}
		rep.Articles = append(rep.Articles, ar)
		if a.Unseen {
			rep.Unseen.add(ar)
		} else {
			rep.Dev.add(ar)
		}
	}
	return rep, nil
}

func evaluateOne(ctx context.Context, x *Extractor, a *Annotation, text string) (ArticleReport, error) {
	ref, err := ParseDocumentDate(a.DocumentDate)
	if err != nil {
		return ArticleReport{}, err
	}
	r, err := x.Extract(ctx, text, ref)
	if err != nil {
		return ArticleReport{}, err
	}
	ar := ArticleReport{File: a.File, Unseen: a.Unseen, ClaimsOnly: a.ClaimsOnly}
	if !a.ClaimsOnly {
		s, notes, err := ScorePlaces(text, a.Places, r.Places)
		if err != nil {
			return ar, err
		}
		ar.Places, ar.Notes = s, append(ar.Notes, prefix("place ", notes)...)
		s, notes, err = ScoreDates(text, a.Dates, r.Dates)
		if err != nil {
			return ar, err
		}
		ar.Dates, ar.Notes = s, append(ar.Notes, prefix("date ", notes)...)
	}
	s, notes, err := ScoreClaims(text, a.Claims, r.Claims)
	if err != nil {
		return ar, err
	}
	ar.Claims, ar.Notes = s, append(ar.Notes, prefix("claim ", notes)...)
	return ar, nil
}

func prefix(p string, ss []string) []string {
	for i := range ss {
		ss[i] = p + ss[i]
	}
	return ss
}
