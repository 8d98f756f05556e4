package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/athar-org/athar/geo"
	"github.com/athar-org/athar/internal/shareddata"
)

// TestArticles checks recognition against our annotations of the three
// development articles. The thresholds are the targets.
func TestArticles(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	f := NewPlaceFinder(g)
	files, _ := filepath.Glob("testdata/articles/*.json")
	if len(files) == 0 {
		t.Fatal("no annotations")
	}
	var places, dates Score
	for _, file := range files {
		a, err := ReadAnnotation(file)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", "written", a.File)
		if !a.Written {
			path = shareddata.Path(t, "articles", a.File)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ref, err := ParseDocumentDate(a.DocumentDate)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if a.ClaimsOnly {
			continue // scored by TestEvaluateClaims
		}
		ps, notes, err := ScorePlaces(text, a.Places, f.Find(text))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		ds, dnotes, err := ScoreDates(text, a.Dates, FindDates(text, ref))
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		t.Logf("%s: places P %.2f R %.2f correct %.2f; dates P %.2f R %.2f correct %.2f\n  %s",
			a.File, ps.Precision(), ps.Recall(), ps.CorrectRecall(), ds.Precision(), ds.Recall(), ds.CorrectRecall(),
			strings.Join(append(notes, dnotes...), "\n  "))
		places.Gold += ps.Gold
		places.Found += ps.Found
		places.Matched += ps.Matched
		places.Correct += ps.Correct
		dates.Gold += ds.Gold
		dates.Found += ds.Found
		dates.Matched += ds.Matched
		dates.Correct += ds.Correct
	}
	t.Logf("all: places %d gold, P %.3f R %.3f right place %.3f; dates %d gold, P %.3f R %.3f right interval %.3f",
		places.Gold, places.Precision(), places.Recall(), places.CorrectRecall(),
		dates.Gold, dates.Precision(), dates.Recall(), dates.CorrectRecall())
	if places.Precision() < 0.85 || places.CorrectRecall() < 0.90 {
		t.Errorf("places: precision %.3f (want ≥ 0.85), found with the right place %.3f (want ≥ 0.90)", places.Precision(), places.CorrectRecall())
	}
	if dates.Precision() < 0.85 || dates.CorrectRecall() < 0.80 {
		t.Errorf("dates: precision %.3f (want ≥ 0.85), right interval %.3f (want ≥ 0.80)", dates.Precision(), dates.CorrectRecall())
	}
}
