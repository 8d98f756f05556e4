package geo

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// cldrTerritory matches a territory name in CLDR's Arabic locale.
var cldrTerritory = regexp.MustCompile(`<territory type="([A-Z]{2})"(?: alt="(\w+)")?>([^<]+)</territory>`)

// TestCLDRCountryNames checks that every country of the gazetteer is found
// by each of its CLDR Arabic names and that no such name leads to another
// country (iso-codes once gave Moldova the name المالديف). It reads the
// system's CLDR (Debian unicode-cldr-core) and skips where it is absent.
func TestCLDRCountryNames(t *testing.T) {
	raw, err := os.ReadFile("/usr/share/unicode/cldr/common/main/ar.xml")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("CLDR not installed; .ci/run installs unicode-cldr-core:", err)
		}
		t.Skip("CLDR not installed (apt-get install unicode-cldr-core):", err)
	}
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range cldrTerritory.FindAllStringSubmatch(string(raw), -1) {
		code := m[1]
		name, _, _ := strings.Cut(m[3], "(") // as the generator reads it
		if g.Country(code) == nil {
			continue // no place of that territory in GeoNames (Antarctica, ...)
		}
		n++
		var got []string
		own := false
		for _, p := range g.Lookup(name) {
			if p.Kind != KindCountry {
				continue
			}
			got = append(got, p.Country)
			own = own || p.Country == code
		}
		if !own || len(got) != 1 {
			t.Errorf("%s %q (%s): countries %v, want only %s", code, name, m[2], got, code)
		}
	}
	if n < 200 {
		t.Errorf("checked %d CLDR names, want at least 200", n)
	}
}

// TestCountryVariants checks the short and common forms news use.
func TestCountryVariants(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, code string }{
		{"المالديف", "MV"},
		{"جزر المالديف", "MV"},
		{"مولدوفا", "MD"},
		{"بوركينا", "BF"},
		{"بوركينا فاسو", "BF"},
		{"سري لانكا", "LK"},
		{"سريلانكا", "LK"},
		{"ساحل العاج", "CI"},
		{"أفريقيا الوسطى", "CF"},
		{"ميانمار", "MM"},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range g.Lookup(tt.name) {
			if p.Kind == KindCountry {
				got = append(got, p.Country)
			}
		}
		if len(got) != 1 || got[0] != tt.code {
			t.Errorf("%s: countries %v, want [%s]", tt.name, got, tt.code)
		}
	}
}
