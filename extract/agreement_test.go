package extract

import (
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// TestSecondAnnotator compares a second, independent annotation of the
// claims of sets X to AA (testdata/second: written without sight of the
// first) with the first, scored as athar eval extract scores the
// extractor. The agreement says how much of the gap between the
// extractor's recall and 1 is disagreement between readers; run with -v
// to see it. It fails only when the data are broken.
func TestSecondAnnotator(t *testing.T) {
	files, err := filepath.Glob("testdata/second/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no second annotations: %v", err)
	}
	var tot Score
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var second, first Annotation
		if err := json.Unmarshal(b, &second); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		b, err = evalFS.ReadFile(path.Join("testdata/articles", filepath.Base(f)))
		if err != nil {
			t.Fatalf("%s has no first annotation: %v", f, err)
		}
		if err := json.Unmarshal(b, &first); err != nil {
			t.Fatal(err)
		}
		text, err := evalFS.ReadFile(path.Join("testdata/written", first.File))
		if err != nil {
			t.Fatal(err)
		}
		items := make([]struct{ text, context string }, len(second.Claims))
		for i, c := range second.Claims {
			items[i].text, items[i].context = c.Place, c.Context
		}
		spans, err := locateAny(string(text), items)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		found := make([]Claim, len(second.Claims))
		for i, c := range second.Claims {
			found[i] = Claim{Type: c.Type, Place: Place{Span: spans[i], Text: c.Place}}
		}
		s, notes, err := ScoreClaims(string(text), first.Claims, found)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: first %d, second %d, agreed %d; %s", strings.TrimSuffix(filepath.Base(f), ".json"), s.Gold, s.Found, s.Correct, strings.Join(notes, "; "))
		tot.Gold += s.Gold
		tot.Found += s.Found
		tot.Correct += s.Correct
	}
	t.Logf("all: %d claims of the first found by the second (%.3f), %d of the second's %d agreed (%.3f)",
		tot.Correct, tot.CorrectRecall(), tot.Correct, tot.Found, tot.ClaimPrecision())
}
