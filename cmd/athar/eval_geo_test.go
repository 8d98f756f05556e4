package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/athar-org/athar/internal/shareddata"
)

func TestEvalGeo(t *testing.T) {
	dir := filepath.Dir(shareddata.Path(t, "idrisi", "LMD-AR", "covid_2019", "dev.jsonl"))
	dir = filepath.Dir(dir)
	var out, errb bytes.Buffer
	if code := Run(context.Background(), []string{"eval", "geo", "--dir", dir, "--json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var rep struct {
		Events  []struct{ Event string }
		Overall struct {
			Gold   int     `json:"gold"`
			F1     float64 `json:"f1"`
			Acc161 float64 `json:"acc_at_161km"`
		}
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Events) != 7 || rep.Overall.Gold == 0 {
		t.Fatalf("report: %+v", rep)
	}
	// Floors well under today's figures (F1 0.60, Acc@161 0.88): a fall
	// below them is a regression.
	if rep.Overall.F1 < 0.55 || rep.Overall.Acc161 < 0.8 {
		t.Errorf("F1 %.3f, Acc@161 %.3f", rep.Overall.F1, rep.Overall.Acc161)
	}

	out.Reset()
	if code := Run(context.Background(), []string{"eval", "geo", "--dir", dir}, nil, &out, &errb); code != 0 || !strings.Contains(out.String(), "Acc@161") {
		t.Errorf("text report: exit %d\n%s", code, out.String())
	}
	if code := Run(context.Background(), []string{"eval", "geo", "--split", "test"}, nil, &out, &errb); code != exitUsage {
		t.Errorf("bad --split: exit %d, want %d", code, exitUsage)
	}
	if code := Run(context.Background(), []string{"eval", "geo", "--dir", t.TempDir()}, nil, &out, &errb); code != exitFailure {
		t.Errorf("empty dir: exit %d, want %d", code, exitFailure)
	}
}
