package evalscreen

import (
	"context"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/shareddata"
	"github.com/athar-org/athar/screen"
	"github.com/athar-org/athar/sources/un"
)

func loadUN(t *testing.T) []*athar.Person {
	t.Helper()
	out, err := un.ReadFile(context.Background(), shareddata.Path(t, "un", "consolidated-2026-02-27.xml"))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestRun_HeldOut guards the screening accuracy on the held-out half of the
// UN list: a change that loses recall or lets brothers through fails here.
// The floors sit a little under the figures measured when they were set, so
// that they catch regressions, not noise.
func TestRun_HeldOut(t *testing.T) {
	rep, err := Run(context.Background(), loadUN(t), Config{Split: SplitHeldOut, Seed: 1, Synthetic: 500, Threshold: screen.DefaultThreshold})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[Kind]KindReport{}
	for _, k := range rep.Kinds {
		kinds[k.Kind] = k
	}
	check := func(what string, got, floor float64, atLeast bool) {
		t.Helper()
		if (atLeast && got < floor) || (!atLeast && got > floor) {
			t.Errorf("%s: got %.3f, want %s %.3f", what, got, map[bool]string{true: "at least", false: "at most"}[atLeast], floor)
		}
	}
	check("all positives recall@1", rep.Positives.Recall1, 0.97, true)
	check("all positives recall at 1% false hits", rep.Positives.RecallAt1PctFHR, 0.93, true)
	check("strict recall@1 (ambiguous queries too)", rep.PositivesStrict.Recall1, 0.96, true)
	check("all positives recall@10", rep.Positives.Recall10, 0.97, true)
	check("cross-script recall@1", kinds[KindCrossScript].Recall1, 0.90, true)
	check("reordered recall@1", kinds[KindReordered].Recall1, 0.97, true)
	check("brothers above the threshold", kinds[KindBrother].FalseHitRate, 0.025, false)
	check("synthetic people above the threshold", kinds[KindSynthetic].FalseHitRate, 0.01, false)
	t.Logf("recall@1 %.3f, recall@10 %.3f, recall@1%%FHR %.3f, brothers %.3f, synthetic %.3f",
		rep.Positives.Recall1, rep.Positives.Recall10, rep.Positives.RecallAt1PctFHR, kinds[KindBrother].FalseHitRate, kinds[KindSynthetic].FalseHitRate)
}
