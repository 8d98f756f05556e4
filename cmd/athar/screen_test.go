package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/athar-org/athar/screen"
)

// unRegistry imports the 2026 UN list into a new registry and returns its path.
func unRegistry(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "un", un2026(t))
	return db
}

func TestScreenCmd_One(t *testing.T) {
	db := unRegistry(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"أبو", "بكر", "البغدادي"}, "QDi.299"},
		{[]string{"--birth-date", "1971", "--nationality", "IQ", "Ibrahim Awad Ibrahim al-Badri al-Samarrai"}, "QDi.299"},
		{[]string{"عبد الرحمن مصطفى القادولي"}, "QDi.339"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out := mustAthar(t, append([]string{"screen", "--db", db, "--json"}, tt.args...)...)
			var res struct {
				Matches []screen.Match `json:"matches"`
			}
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if len(res.Matches) == 0 {
				t.Fatalf("no match:\n%s", out)
			}
			m := res.Matches[0]
			if m.ID != tt.want {
				t.Fatalf("got %s first, want %s", m.ID, tt.want)
			}
			if len(m.Explanation.Name.Units) == 0 {
				t.Fatalf("no unit alignment in the explanation: %+v", m.Explanation)
			}
		})
	}
	// The text form names the record, its score and the matched units.
	out := mustAthar(t, "screen", "--db", db, "أبو بكر البغدادي")
	for _, want := range []string{"QDi.299", "score 0.", "kunya", "weak_alias"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q:\n%s", want, out)
		}
	}
}

func TestScreenCmd_ThresholdZeroGivesTheBest(t *testing.T) {
	db := unRegistry(t)
	out := mustAthar(t, "screen", "--db", db, "--json", "--threshold", "0", "--limit", "10", "محمد علي حسين")
	var res struct {
		Matches []screen.Match `json:"matches"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Matches) != 10 {
		t.Fatalf("got %d matches, want 10", len(res.Matches))
	}
	for i := 1; i < len(res.Matches); i++ {
		if res.Matches[i].Score > res.Matches[i-1].Score {
			t.Fatalf("matches not best first: %v then %v", res.Matches[i-1].Score, res.Matches[i].Score)
		}
	}
	// A name this common, with nothing else, must not alarm at the default threshold.
	out = mustAthar(t, "screen", "--db", db, "--json", "محمد علي حسين")
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Matches) != 0 {
		t.Fatalf("a common name alone gave %d matches above the default threshold, first %s %.2f", len(res.Matches), res.Matches[0].ID, res.Matches[0].Score)
	}
}

func TestScreenCmd_Batch(t *testing.T) {
	db := unRegistry(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "crossings.jsonl")
	lines := []string{
		`{"id":"q1","name":"أبو بكر البغدادي","birth_date":"1971"}`,
		`{"id":"q2","name":"Hamza Usama Muhammad bin Ladin"}`,
		`{"id":"q3","name":`,
		``,
		`{"id":"q5","name":"x","birth_date":"1971-13-40"}`,
		`{"id":"q6","names":["Ghazi Hammud al-Ubaidi"],"documents":[{"type":"id","number":"123"}]}`,
	}
	if err := os.WriteFile(in, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "hits.jsonl")
	code, _, stderr := runAthar(t, "screen", "--db", db, "--batch", in, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "2 bad lines") || !strings.Contains(stderr, "line 3") || !strings.Contains(stderr, "line 5") {
		t.Errorf("summary does not report the bad lines 3 and 5:\n%s", stderr)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var got []screen.BatchResult
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var r screen.BatchResult
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("output line %q: %v", sc.Text(), err)
		}
		got = append(got, r)
	}
	wantIDs := []string{"q1", "q2", "", "", "q6"} // the blank line 4 is skipped; bad lines keep their place
	if len(got) != 5 {
		t.Fatalf("got %d output lines, want 5: %+v", len(got), got)
	}
	for i, r := range got {
		if wantIDs[i] != "" && r.QueryID != wantIDs[i] {
			t.Errorf("line %d: got query_id %q, want %q", i, r.QueryID, wantIDs[i])
		}
	}
	if len(got[0].Matches) == 0 || got[0].Matches[0].ID != "QDi.299" {
		t.Errorf("q1: got %+v, want QDi.299 first", got[0].Matches)
	}
	if got[2].Error == "" || got[2].Line != 3 || got[3].Error == "" || got[3].Line != 5 {
		t.Errorf("bad lines not reported in place: %+v / %+v", got[2], got[3])
	}
}

func TestScreenCmd_Usage(t *testing.T) {
	db := unRegistry(t)
	for _, args := range [][]string{
		{"screen", "Ali"},      // no --db
		{"screen", "--db", db}, // no name
		{"screen", "--db", db, "--threshold", "2", "Ali"}, // threshold out of range
		{"screen", "--db", db, "--limit", "0", "Ali"},
		{"screen", "--db", db, "--batch", "x.jsonl"}, // no --out
		{"screen", "--db", db, "--batch", "x.txt", "--out", "y"},
		{"screen", "--db", db, "--bogus", "Ali"},
	} {
		if code, _, _ := runAthar(t, args...); code != 2 {
			t.Errorf("athar %s: exit %d, want 2", strings.Join(args, " "), code)
		}
	}
	if code, _, stderr := runAthar(t, "screen", "--db", filepath.Join(t.TempDir(), "none.db"), "Ali"); code != 1 || !strings.Contains(stderr, "does not exist") {
		t.Errorf("a missing registry: exit %d, %s", code, stderr)
	}
	if code, _, stderr := runAthar(t, "screen", "--db", db, "--gender", "x", "Ali"); code != 1 || !strings.Contains(stderr, "gender") {
		t.Errorf("a bad gender: exit %d, %s", code, stderr)
	}
}
