package screen

import (
	"testing"

	"github.com/athar-org/athar"
)

func pd(s string) athar.PartialDate {
	d, err := athar.ParsePartialDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func TestCompareBirth(t *testing.T) {
	exact := func(s string) athar.BirthDate { return athar.BirthDate{Qualifier: athar.DateExact, Date: pd(s)} }
	tests := []struct {
		q       string
		listed  []athar.BirthDate
		outcome string
	}{
		{"1971-05-12", []athar.BirthDate{exact("1971-05-12")}, "same_date"},
		{"1971", []athar.BirthDate{exact("1971")}, "same_year"},
		{"1971-01-01", []athar.BirthDate{exact("1971-06-30")}, "same_year_placeholder"},
		{"1971-01-01", []athar.BirthDate{exact("1971-01-01")}, "same_year_placeholder"},
		{"1972", []athar.BirthDate{exact("1971")}, "within_1_year"},
		{"1973", []athar.BirthDate{exact("1971")}, "within_2_years"},
		{"1975", []athar.BirthDate{exact("1971")}, "far"},
		{"1990", []athar.BirthDate{exact("1971")}, "contradiction"},
		{"1990", []athar.BirthDate{exact("1971"), exact("1989")}, "within_1_year"},
		{"1963", []athar.BirthDate{{Qualifier: athar.DateBetween, From: pd("1960"), To: pd("1965")}}, "in_range"},
		{"1977", []athar.BirthDate{{Qualifier: athar.DateApproximate, Date: pd("1975")}}, "in_range"},
	}
	for _, tt := range tests {
		f, ok := compareBirth(pd(tt.q), packBirths(tt.listed))
		if !ok || f.Outcome != tt.outcome {
			t.Errorf("%s vs %v: got %q (%v), want %q", tt.q, tt.listed, f.Outcome, ok, tt.outcome)
		}
	}
	if _, ok := compareBirth(athar.PartialDate{}, packBirths([]athar.BirthDate{exact("1971")})); ok {
		t.Error("an absent query date must give no evidence")
	}
	if _, ok := compareBirth(pd("1971"), nil); ok {
		t.Error("an absent listed date must give no evidence")
	}
}

func TestCompareDocuments(t *testing.T) {
	listed := []string{"0134852"}
	tests := []struct {
		q       string
		outcome string
	}{
		{"0134852", "exact"},
		{"O134852", "ocr_variant"},
		{"0I34852", "ocr_variant"},
		{"٠١٣٤٨٥٢", "exact"},
		{"9999999", ""},
	}
	for _, tt := range tests {
		f, ok := compareDocuments([]string{NormalizeDocument(tt.q)}, listed)
		if tt.outcome == "" {
			if ok {
				t.Errorf("%s: got %+v, want no evidence", tt.q, f)
			}
			continue
		}
		if !ok || f.Outcome != tt.outcome {
			t.Errorf("%s: got %+v, want %s", tt.q, f, tt.outcome)
		}
	}
}

func TestCompareGenderAndNationality(t *testing.T) {
	if f, _ := compareGender(athar.GenderMale, athar.GenderFemale); f.Weight >= 0 {
		t.Errorf("a gender contradiction must lower the score: %+v", f)
	}
	if f, _ := compareNationality([]string{"IQ"}, []string{"SY", "IQ"}); f.Outcome != "match" {
		t.Errorf("got %+v", f)
	}
	if f, _ := compareNationality([]string{"TN"}, []string{"IQ"}); f.Weight >= 0 {
		t.Errorf("got %+v", f)
	}
}

func packBirths(bs []athar.BirthDate) []birth {
	var out []birth
	for _, b := range bs {
		out = append(out, packBirth(b))
	}
	return out
}
