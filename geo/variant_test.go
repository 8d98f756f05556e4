package geo

import (
	"bytes"
	"testing"
)

func TestVariantKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"أغاديز", "أغاديس", true},     // ز/س
		{"باتومي", "باطومي", true},     // ت/ط
		{"الموسل", "الموصل", true},     // ص/س
		{"دومة", "دوما", true},         // a final ta marbuta read as alef
		{"قبرص", "كبرس", true},         // ق/ك and ص/س
		{"الرقّة", "الرقة", true},      // a shadda is no letter
		{"بغداد", "بقداد", true},       // غ/ق
		{"حلب", "حماة", false},         // different towns
		{"ضمير", "دمير", true},         // ض/د
		{"ذيبان", "ديبان", true},       // ذ/د
		{"مارتي", "مارتا", false},      // only ة/ه is read as alef at the end
		{"عرسال", "أرسال", false},      // ع is a consonant
		{"كولوفاتا", "كولفاتا", false}, // long vowels are kept
	}
	for _, tt := range tests {
		if got := VariantKey(tt.a) == VariantKey(tt.b); got != tt.same {
			t.Errorf("VariantKey(%q) = %q, VariantKey(%q) = %q: same %v, want %v", tt.a, VariantKey(tt.a), tt.b, VariantKey(tt.b), got, tt.same)
		}
	}
}

func TestLookupVariant(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ arabic, country, name string }{
		{"بقداد", "IQ", "Baghdad"}, // غ/ق
		{"كركوق", "IQ", "Kirkuk"},
		{"الموسل", "IQ", "Mosul"},
	}
	for _, tt := range tests {
		found := false
		for _, p := range g.LookupVariant(tt.arabic) {
			found = found || (p.Country == tt.country && p.Name == tt.name)
		}
		if !found {
			t.Errorf("LookupVariant(%q): %s (%s) not among the results", tt.arabic, tt.name, tt.country)
		}
	}
	// A spelling the gazetteer has is Lookup's, not LookupVariant's.
	for _, p := range g.LookupVariant("الموصل") {
		if p.Name == "Mosul" {
			t.Errorf("LookupVariant(الموصل) gave Mosul, which Lookup finds")
		}
	}
}

// BenchmarkVariantIndex is the one-off cost of the first LookupVariant (the
// index of VariantKey over every Arabic name is built lazily).
func BenchmarkVariantIndex(b *testing.B) {
	for range b.N {
		b.StopTimer()
		g, err := Load(bytes.NewReader(generated), bytes.NewReader(manual))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		g.LookupVariant("أغاديز")
	}
}

func FuzzVariantKey(f *testing.F) {
	for _, s := range []string{"أغاديز", "باطومي", "دومة", "ة", "ءء", "الرقّة", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := VariantKey(s)
		if k2 := VariantKey(k); k2 != k {
			t.Fatalf("VariantKey(%q) = %q, but VariantKey of that is %q", s, k, k2)
		}
	})
}
