package idrisi

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/geo"
)

func TestByteOffsets(t *testing.T) {
	s := "RT أمطار في الكويت 🌧 اليوم"
	// Code points: "RT " 3, "أمطار " 6, "في " 3 → الكويت starts at 12.
	off := byteOffsets(s, 12, 18, len([]rune(s)))
	if s[off[0]:off[1]] != "الكويت" || off[2] != len(s) {
		t.Errorf("offsets %v", off)
	}
	if off := byteOffsets(s, 999); off[0] != -1 {
		t.Errorf("offset past the end: %v", off)
	}
}

// Two made-up tweets: one place found right, one gold mention missed, one
// found place not in the gold, and a gold mention listed twice.
const sample = `{"tweet_id":"1","text":"أمطار غزيرة في الكويت اليوم","location_mentions":[{"text":"الكويت","type":"Country","start_offset":15,"end_offset":21,"osm_json":{"lat":"29.27","lon":"47.49"}},{"text":"الكويت","type":"Country","start_offset":15,"end_offset":21,"osm_json":{"lat":"29.27","lon":"47.49"}}]}
{"tweet_id":"2","text":"غرق شارع الخليج في بغداد","location_mentions":[{"text":"شارع الخليج","type":"Road/street","start_offset":4,"end_offset":15}]}
`

func TestEvaluate(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "floods"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "floods", "dev.jsonl"), []byte(sample), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(context.Background(), extract.NewPlaceFinder(g), dir, "dev")
	if err != nil {
		t.Fatal(err)
	}
	o := rep.Overall
	if o.Tweets != 2 || o.Gold != 2 || o.Duplicates != 1 || o.Predicted != 2 || o.Matched != 1 || o.Exact != 1 || o.Located != 1 || o.Within161 != 1 {
		t.Errorf("counts %+v", o.Counts)
	}
	if o.Precision != 0.5 || o.Recall != 0.5 || o.Acc161 != 1 || o.RecallByType["Road/street"] != 0 {
		t.Errorf("scores %+v %v", o.Scores, o.RecallByType)
	}
	if _, err := Evaluate(context.Background(), extract.NewPlaceFinder(g), t.TempDir(), "dev"); err == nil {
		t.Error("no error for a directory without data")
	}
	os.WriteFile(filepath.Join(dir, "floods", "dev.jsonl"), []byte("{not json\n"), 0o644)
	if _, err := Evaluate(context.Background(), extract.NewPlaceFinder(g), dir, "dev"); err == nil || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("bad JSON: %v", err)
	}
}
