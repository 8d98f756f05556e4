package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSynthCmd_Usage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		msg  string
	}{
		{"no people", []string{"synth"}, "needs --people"},
		{"zero", []string{"synth", "--people", "0"}, "between 1 and"},
		{"negative", []string{"synth", "--people", "-5"}, "between 1 and"},
		{"too many", []string{"synth", "--people", "10000001"}, "between 1 and"},
		{"not a number", []string{"synth", "--people", "many"}, "invalid argument"},
		{"bad format", []string{"synth", "--people", "3", "--format", "xml"}, `unknown --format "xml"`},
		{"bad seed", []string{"synth", "--people", "3", "--seed", "-1"}, "invalid argument"},
		{"argument", []string{"synth", "--people", "3", "extra"}, "takes 0 argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runAthar(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d", code, exitUsage)
			}
			if stdout != "" {
				t.Errorf("wrote to stdout on a usage error: %q", stdout)
			}
			if !strings.Contains(stderr, tt.msg) {
				t.Errorf("stderr %q does not say %q", stderr, tt.msg)
			}
		})
	}
}

func TestSynthCmd_Stdout(t *testing.T) {
	code, a, stderr := runAthar(t, "synth", "--people", "200", "--seed", "9")
	if code != exitOK {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	if stderr != "" {
		t.Errorf("stderr %q, want nothing when writing to stdout", stderr)
	}
	lines := strings.Split(strings.TrimSuffix(a, "\n"), "\n")
	if len(lines) != 200 {
		t.Fatalf("%d lines, want 200", len(lines))
	}
	for i, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		for _, k := range []string{"id", "name", "given_name", "father_name", "gender", "nationality"} {
			if _, ok := rec[k]; !ok {
				t.Fatalf("line %d has no %q: %s", i+1, k, l)
			}
		}
	}
	if _, b, _ := runAthar(t, "synth", "--people", "200", "--seed", "9"); b != a {
		t.Error("the same seed wrote different output")
	}
	if _, c, _ := runAthar(t, "synth", "--people", "200", "--seed", "10"); c == a {
		t.Error("seeds 9 and 10 wrote the same output")
	}
}

func TestSynthCmd_OutCSV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "reg.csv")
	code, stdout, stderr := runAthar(t, "synth", "--people", "50", "--format", "csv", "--out", path)
	if code != exitOK {
		t.Fatalf("exit code %d: %s", code, stderr)
	}
	if stdout != "" {
		t.Errorf("wrote to stdout with --out: %q", stdout)
	}
	if !strings.Contains(stderr, "wrote 50 persons") || strings.Count(stderr, "\n") != 1 {
		t.Errorf("summary %q, want one line saying wrote 50 persons", stderr)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 51 || rows[0][0] != "id" || rows[0][1] != "name" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
}

func TestSynthCmd_OutUnwritable(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "dir", "reg.jsonl")
	code, _, stderr := runAthar(t, "synth", "--people", "5", "--out", path)
	if code != exitFailure || !strings.Contains(stderr, "create output") {
		t.Errorf("exit code %d, stderr %q; want a failure that names the output", code, stderr)
	}
}
