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

func FuzzCompare(f *testing.F) {
	for _, p := range [][2]string{
		{"أبو بكر البغدادي", "Abu Bakr al-Baghdadi"},
		{"Usama bin Muhammad bin Awad bin Ladin", "أسامة بن لادن"},
		{"AL-BADRI, Ibrahim Awwad", "إبراهيم عواد إبراهيم البدري"},
		{"M. Y. Aziz", "Умаров Доку Хаматович"},
		{"آخوند زاده", "Akhundzada"},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, x, y string) {
		a, b := Analyze(x), Analyze(y)
		var m Match
		CompareInto(&m, &a, &b, nil)
		if m.Score < 0 || m.Score > 1 {
			t.Fatalf("score %v out of range", m.Score)
		}
		if s := Score(&a, &b, nil); s != m.Score {
			t.Fatalf("Score %v, CompareInto %v", s, m.Score)
		}
		seenA := map[int]bool{}
		for _, p := range m.Pairs {
			if p.A < 0 || p.A >= len(a.Units) || p.B < 0 || p.B >= len(b.Units) ||
				(p.JoinA && p.A+1 >= len(a.Units)) || (p.JoinB && p.B+1 >= len(b.Units)) {
				t.Fatalf("pair %+v out of range", p)
			}
			if seenA[p.A] {
				t.Fatalf("unit %d aligned twice", p.A)
			}
			seenA[p.A] = true
		}
		if len(a.Units) > 0 && len(a.Units) <= maxUnits {
			if s := Score(&a, &a, nil); s < 0.89 { // an initial against itself is 0.9
				t.Fatalf("%q against itself scores %v", x, s)
			}
		}
	})
}
