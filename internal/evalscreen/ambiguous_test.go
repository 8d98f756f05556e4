package evalscreen

import (
	"testing"

	"github.com/athar-org/athar"
)

func person(id string, year int, ns ...string) *athar.Person {
	p := &athar.Person{ID: id, Kind: athar.KindPerson}
	for i, n := range ns {
		k := athar.NameAlias
		if i == 0 {
			k = athar.NamePrimary
		}
		p.Names = append(p.Names, athar.Name{Full: n, Kind: k, Script: athar.ScriptLatin})
	}
	if year != 0 {
		p.BirthDates = []athar.BirthDate{{Qualifier: athar.DateExact, Date: athar.PartialDate{Year: year}}}
	}
	return p
}

func TestFitsOtherAndTwins(t *testing.T) {
	recs := []*athar.Person{
		person("A", 1960, "BARZAN ABD AL-GHAFUR SULAYMAN AL-TIKRITI"),
		person("B", 1951, "BARZAN IBRAHIM HASAN AL-TIKRITI"),
		person("C", 1935, "HASSAN DAHIR AWEYS"),
		person("D", 1935, "HASSAN DAHIR AWEYS", "Sheikh Hassan Dahir Aweys"),
		person("E", 1970, "HASSAN DAHIR AWEYS"), // a namesake born 35 years later
	}
	twins := findTwins(recs)
	if len(twins["C"]) != 1 || twins["C"][0] != "D" || len(twins["E"]) != 0 {
		t.Errorf("twins: got %v, want C and D paired, E alone", twins)
	}
	rn := newRegistryNames(recs)
	tests := []struct {
		query, want, fits string
	}{
		{"BARZAN AL-TIKRITI", "A", "B"},              // shortens both
		{"BARZAN ABD AL-GHAFUR AL-TIKRITI", "A", ""}, // only A has Abd al-Ghafur
		{"Hassan Aweys", "C", "E"},                   // D is C's twin; E is not
		{"Mohammed Hassan Dahir Aweys", "C", ""},     // Mohammed is in no record
	}
	for _, tt := range tests {
		if got := rn.fitsOther(tt.query, tt.want, twins); got != tt.fits {
			t.Errorf("fitsOther(%q, %s) = %q, want %q", tt.query, tt.want, got, tt.fits)
		}
	}
}
