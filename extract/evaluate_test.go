package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/athar-org/athar/geo"
	"github.com/athar-org/athar/internal/shareddata"
)

// TestEvaluateClaims scores claims on the annotated texts. The thresholds
// are the target (70% of claims with the right type and place) on
// the development texts and a floor on the unseen ones, which are few.
func TestEvaluateClaims(t *testing.T) {
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := shareddata.Path(t, "articles")
	rep, err := Evaluate(context.Background(), NewExtractor(g, nil), dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rep.Articles {
		t.Logf("%s (unseen %v): claims %d gold %d found, P %.2f R %.2f\n  %s", a.File, a.Unseen, a.Claims.Gold, a.Claims.Found,
			a.Claims.ClaimPrecision(), a.Claims.CorrectRecall(), strings.Join(a.Notes, "\n  "))
	}
	d, u := rep.Dev.Claims, rep.Unseen.Claims
	t.Logf("dev: claims P %.3f R %.3f (%d gold); unseen: P %.3f R %.3f (%d gold)",
		d.ClaimPrecision(), d.CorrectRecall(), d.Gold, u.ClaimPrecision(), u.CorrectRecall(), u.Gold)
	if d.CorrectRecall() < 0.70 || d.ClaimPrecision() < 0.70 {
		t.Errorf("dev claims: precision %.3f recall %.3f, want ≥ 0.70 each", d.ClaimPrecision(), d.CorrectRecall())
	}
	if u.Gold == 0 {
		t.Fatal("no unseen texts")
	}
	if u.CorrectRecall() < 0.5 {
		t.Errorf("unseen claims: recall %.3f, want ≥ 0.5", u.CorrectRecall())
	}
}
