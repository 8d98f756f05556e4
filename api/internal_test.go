package api

import (
	"testing"

	"github.com/athar-org/athar/screen"
)

func TestQueryKey(t *testing.T) {
	base := screen.Query{Name: "إبراهيم عواد البدري", BirthDate: "1971", Documents: []screen.QueryDocument{{Number: "A 123-456"}}}
	same := []screen.Query{
		{Name: "  ابراهيم   عوّاد البدري ", BirthDate: "1971", Documents: []screen.QueryDocument{{Number: "a123456"}}},
		{Name: "إبراهيم عواد البدري", BirthDate: " 1971 ", Documents: []screen.QueryDocument{{Type: "passport", Number: "A123456"}, {Number: "a-123456"}}},
		{Names: []string{"إبراهيم عواد البدري"}, BirthDate: "1971", Documents: []screen.QueryDocument{{Number: "A123456"}}, Nationality: "IQ"},
		{Name: "إبراهيم ـعواد البدري.", BirthDate: "1971", Documents: []screen.QueryDocument{{Number: "A123456"}}},
	}
	other := []screen.Query{
		{Name: "إبراهيم عواد البدري", BirthDate: "1972", Documents: base.Documents},
		{Name: "إبراهيم عواد البدري", BirthDate: "1971"},
		{Name: "إبراهيم عواد السامرائي", BirthDate: "1971", Documents: base.Documents},
		{Name: "إبراهيم عواد البدري", Names: []string{"Abu Bakr al-Baghdadi"}, BirthDate: "1971", Documents: base.Documents},
	}
	k := QueryKey(base)
	for _, q := range same {
		if got := QueryKey(q); got != k {
			t.Errorf("QueryKey(%+v) = %s, want %s (same person)", q, got, k)
		}
	}
	for _, q := range other {
		if QueryKey(q) == k {
			t.Errorf("QueryKey(%+v) is the base's key: another person", q)
		}
	}
	// Names in another order are the same set of names.
	a := QueryKey(screen.Query{Names: []string{"Abu Bakr al-Baghdadi", "أبو بكر البغدادي"}})
	b := QueryKey(screen.Query{Names: []string{"أبو بكر البغدادي", "abu bakr al baghdadi"}})
	if a != b {
		t.Errorf("name order or case changes the key: %s vs %s", a, b)
	}
}

func TestFoldName(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"إبراهيم", "ابراهيم"},
		{"مُحَمَّد", "محمد"},
		{"فاطمة", "فاطمه"},
		{"مصطفى", "مصطفي"},
		{"عبد  الرحمن ـ", "عبد الرحمن"},
		{"Al-Badri, Ibrahim", "al badri ibrahim"},
		{"", ""},
	} {
		if got := foldName(tt.in); got != tt.want {
			t.Errorf("foldName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
