package main

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"testing"

	"github.com/athar-org/athar/geo"
)

func TestCleanArabic(t *testing.T) {
	tests := map[string]string{
		"الموصل":           "الموصل",
		"حفر الباطن\u200e": "حفر الباطن",
		"دير-الزور":        "دير الزور",
		"تهران":            "تهران",
		"پیشاور":           "", // Persian letters
		"لد":               "", // too short
		"Mosul":            "",
		"  جَبَلَة  ":      "جَبَلَة",
		"مزار شریف":        "", // Persian ya
	}
	for in, want := range tests {
		if got := cleanArabic(in); got != want {
			t.Errorf("cleanArabic(%q) = %q, want %q", in, got, want)
		}
	}
}

// writeMO writes a little-endian GNU .mo catalogue.
func writeMO(t *testing.T, pairs [][2]string) string {
	t.Helper()
	n := len(pairs)
	hdr := 28
	origTab, transTab := hdr, hdr+8*n
	data := hdr + 16*n
	var strs []byte
	b := make([]byte, data)
	le := binary.LittleEndian
	le.PutUint32(b[0:], 0x950412de)
	le.PutUint32(b[8:], uint32(n))
	le.PutUint32(b[12:], uint32(origTab))
	le.PutUint32(b[16:], uint32(transTab))
	for i, p := range pairs {
		for k, s := range p {
			tab := origTab
			if k == 1 {
				tab = transTab
			}
			le.PutUint32(b[tab+8*i:], uint32(len(s)))
			le.PutUint32(b[tab+8*i+4:], uint32(data+len(strs)))
			strs = append(strs, s...)
			strs = append(strs, 0)
		}
	}
	path := filepath.Join(t.TempDir(), "x.mo")
	if err := os.WriteFile(path, append(b, strs...), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadMO(t *testing.T) {
	path := writeMO(t, [][2]string{{"99072", "الموصل"}, {"Syria", "سوريا"}})
	m, err := readMO(path)
	if err != nil {
		t.Fatal(err)
	}
	if m["99072"] != "الموصل" || m["Syria"] != "سوريا" || len(m) != 2 {
		t.Errorf("readMO = %v", m)
	}
	bad := filepath.Join(t.TempDir(), "bad.mo")
	os.WriteFile(bad, []byte("not a catalogue at all, clearly"), 0o644)
	if _, err := readMO(bad); err == nil {
		t.Error("readMO accepted a file that is not a catalogue")
	}
}

func TestLatinKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Al Jawf", "Jawf"},
		{"Laghouat", "laghouat"},
		{"Ash Sharqīyah", "Sharqyah"},
	}
	for _, tt := range tests {
		if latinKey(tt.a) != latinKey(tt.b) {
			t.Errorf("latinKey(%q) = %q, latinKey(%q) = %q; want equal", tt.a, latinKey(tt.a), tt.b, latinKey(tt.b))
		}
	}
	if latinKey("Kunduz") == latinKey("Kandahar") {
		t.Error("different names compare equal")
	}
}

func TestSeatOf(t *testing.T) {
	cities := []city{
		{Place: geo.Place{ID: "gn:1", Name: "Ataq", Country: "YE"}, code: "PPLA", admin1: "05"},
		{Place: geo.Place{ID: "gn:2", Name: "Laghouat", Country: "DZ"}, code: "PPLA", admin1: "03"},
		{Place: geo.Place{ID: "gn:3", Name: "Laghouat", Country: "DZ"}, code: "PPL", admin1: "03"},
	}
	byID := map[string]*city{}
	for i := range cities {
		byID[cities[i].ID] = &cities[i]
	}
	if c := seatOf("DZ-03", "Laghouat", cities, byID); c == nil || c.ID != "gn:2" {
		t.Errorf("seatOf(DZ-03) = %v, want the PPLA gn:2", c)
	}
	if c := seatOf("DZ-99", "Nowhere", cities, byID); c != nil {
		t.Errorf("seatOf(DZ-99) = %v, want nil", c.ID)
	}
}

func TestUnknownKept(t *testing.T) {
	tests := []struct {
		cc   string
		lat  float64
		want bool
	}{
		{"SY", 36.7, true},  // Tall Abyad, population 0 in GeoNames
		{"NG", 12.9, true},  // Borno
		{"GE", 42.1, true},  // Pankisi
		{"TR", 36.9, true},  // Turkey's south
		{"TR", 41.0, false}, // Istanbul's latitude
		{"FR", 48.8, false},
		{"ID", -1.4, false},
	}
	for _, tt := range tests {
		if got := unknownKept(tt.cc, tt.lat); got != tt.want {
			t.Errorf("unknownKept(%s, %.1f) = %v, want %v", tt.cc, tt.lat, got, tt.want)
		}
	}
}
