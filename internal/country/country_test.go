package country

import (
	"slices"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Iraq", "IQ"},
		{"IRAQ", "IQ"},
		{"IQ", "IQ"},
		{"IRQ", "IQ"},
		{"Syrian Arab Republic", "SY"},
		{"Syria", "SY"},
		{"Iran (Islamic Republic of)", "IR"},
		{"Iran, Islamic Republic of", "IR"},
		{"Türkiye", "TR"},
		{"Turkiye", "TR"},
		{"Turkey", "TR"},
		{"Russian Federation", "RU"},
		{"United Kingdom of Great Britain and Northern Ireland", "GB"},
		{"Tunisia", "TN"},
		{"Tunisian", "TN"},
		{"Tunisian passport", "TN"},
		{"Saudi Arabia", "SA"},
		{"Saudi Arabian", "SA"},
		{"Democratic People's Republic of Korea", "KP"},
		{"Democratic People’s Republic of Korea ", "KP"},
		{"Democratic Republic of the Congo", "CD"},
		{"Congo", "CG"},
		{"State of Palestine", "PS"},
		{"The Netherlands", "NL"},
		{"Bahrain (citizenship revoked in Jan. 2015)", "BH"},
		{"Libya (in custody)", "LY"},
		{"Sudanese by birth", "SD"},
		{"Possibly Ethiopian", "ET"},
		{"China, Hong Kong Special Administrative Region", "HK"},
		{"Côte d'Ivoire", "CI"},
		{"Korea, North", "KP"},
		{"Congo, Democratic Republic of the", "CD"},
		{"Region: Gaza", "PS"},
		{"possibly Palestinian", "PS"},
		{"The Gambia", "GM"},
		{"العراق", "IQ"},
		{"عراق", "IQ"},
		{"سوريا", "SY"},
		{"الجمهورية العربية السورية", "SY"},
		{"الجمهوريّة العربيّة السّوريّة", "SY"},
		{"تركيا", "TR"},
		{"المملكة العربية السعودية", "SA"},
		{"السّعوديّة", "SA"},
		{"مصر", "EG"},
		{"جمهورية مصر العربية", "EG"},
		{"الأردن", "JO"},
		{"الاردن", "JO"},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.in)
		if !ok || got != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// The standard Arabic names (CLDR's) find their country, and no Arabic
// name finds a neighbour in the alphabet: iso-codes translated Moldova as
// المالديف, the Maldives.
func TestLookup_ArabicNames(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"مولدوفا", "MD"},
		{"جمهورية مولدوفا", "MD"},
		{"مولدوفيا", ""}, // not a spelling the tables hold; not the Maldives either
		{"المالديف", "MV"},
		{"جزر المالديف", "MV"},
		{"جمهورية جزر المالديف", "MV"},
		{"مالي", "ML"},
		{"مالطا", "MT"},
		{"مالطة", "MT"},
		{"بيلاروس", "BY"},
		{"روسيا البيضاء", "BY"},
		{"الجبل الأسود", "ME"},
		{"كوريا الشمالية", "KP"},
		{"كوريا الجنوبية", "KR"},
		{"صربيا", "RS"},
		{"هنغاريا", "HU"},
		{"المجر", "HU"},
		{"لاوس", "LA"},
		{"ليتوانيا", "LT"},
		{"الكونغو - كينشاسا", "CD"},
		{"جمهورية الكونغو الديمقراطية", "CD"},
		{"الكونغو - برازافيل", "CG"},
		{"جمهورية الكونغو", "CG"},
		{"غينيا", "GN"},
		{"غينيا بيساو", "GW"},
		{"غينيا الاستوائية", "GQ"},
		{"السودان", "SD"},
		{"جنوب السودان", "SS"},
		{"تيمور الشرقية", "TL"},
		{"الأراضي الفلسطينية", "PS"},
		{"زيمبابوي", "ZW"},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// No name of the generated table, English or Arabic, names two countries:
// the index would keep whichever came last.
func TestGeneratedNamesUnambiguous(t *testing.T) {
	seen := map[string]string{}
	for _, e := range generated {
		for _, n := range slices.Concat(e.english, e.arabic) {
			k := normalize(n)
			if c, ok := seen[k]; ok && c != e.alpha2 {
				t.Errorf("%q names both %s and %s", n, c, e.alpha2)
			}
			seen[k] = e.alpha2
		}
	}
}

func TestLookupUnknown(t *testing.T) {
	for _, in := range []string{"", "na", "former Soviet Union", "Branch Office 11", "unknown", "XX", "the", "()"} {
		if got, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) = %q, want not found", in, got)
		}
	}
}

func TestLookupAll(t *testing.T) {
	tests := []struct {
		in      string
		codes   []string
		unknown []string
	}{
		{"Sudan/South Sudan", []string{"SD", "SS"}, nil},
		{"Sudan/or South Sudan", []string{"SD", "SS"}, nil},
		{"IQ;SY", []string{"IQ", "SY"}, nil},
		{"العراق، سوريا", []string{"IQ", "SY"}, nil},
		{"Iran / unknown", []string{"IR"}, []string{"unknown"}},
		{"China, Hong Kong Special Administrative Region", []string{"HK"}, nil},
	}
	for _, tt := range tests {
		codes, unknown := LookupAll(tt.in)
		if !slices.Equal(codes, tt.codes) || !slices.Equal(unknown, tt.unknown) {
			t.Errorf("LookupAll(%q) = %q, %q; want %q, %q", tt.in, codes, unknown, tt.codes, tt.unknown)
		}
	}
}

func TestName(t *testing.T) {
	if got := Name("iq"); got != "Iraq" {
		t.Errorf("Name(iq) = %q, want Iraq", got)
	}
	if got := Name("XK"); got != "Kosovo" {
		t.Errorf("Name(XK) = %q, want Kosovo (user-assigned, used by OFAC)", got)
	}
	if got := Name("ZZ"); got != "" {
		t.Errorf("Name(ZZ) = %q, want empty", got)
	}
}

func BenchmarkLookup(b *testing.B) {
	for b.Loop() {
		Lookup("Iran (Islamic Republic of)")
		Lookup("Syrian Arab Republic")
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"Iran (Islamic Republic of)", "العراق، سوريا", "Sudan/or South Sudan", "(", "ال", "the the", "IQ", "Kosovo"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, ok := Lookup(s); ok && Name(c) == "" {
			t.Errorf("Lookup(%q) = %q, not an ISO code", s, c)
		}
		codes, _ := LookupAll(s)
		for _, c := range codes {
			if Name(c) == "" {
				t.Errorf("LookupAll(%q) gave %q, not an ISO code", s, c)
			}
		}
	})
}
