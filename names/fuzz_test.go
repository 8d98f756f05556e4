package names

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The 10,000-character case is TestLongInput: as a seed it makes the
// fuzzer spend its time minimising.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"أبو بكر البغدادي", "Ḥusayn ʿAbd al-Qādir", "ﻣﺤﻤﺪ 😀 Ali", "عبد\u200cالله", "", "a\u0301", "ﷲ", "Ǆ", "Abu Bakr, al-Baghdadi 😀 عبد الله"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if n2 := Normalize(n); n2 != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, n2)
		}
		if !utf8.ValidString(n) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
		a := Analyze(s)
		b := Analyze("Muhammad " + s)
		m := Compare(&a, &b, nil)
		if m.Score < 0 || m.Score > 1 {
			t.Fatalf("score %v out of range", m.Score)
		}
		for _, u := range a.Units {
			if len(u.Keys) > 16 {
				t.Fatalf("unit %q has %d keys", u.Text, len(u.Keys))
			}
		}
	})
}

func TestLongInput(t *testing.T) {
	s := strings.Repeat("عبد الرحمن Abu 😀 ", 700)
	if len([]rune(s)) < 10000 {
		t.Fatal("input too short")
	}
	a := Analyze(s)
	b := Analyze(s)
	if sc := Score(&a, &b, DefaultFrequencies()); sc <= 0 {
		t.Errorf("a long name against itself scores %v", sc)
	}
}
