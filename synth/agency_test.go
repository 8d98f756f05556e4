package synth_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
	"github.com/athar-org/athar/sources/agency"
	"github.com/athar-org/athar/synth"
)

// The agency importer reads what synth writes, in both forms, with no
// warning and nothing lost.
func TestWrite_AgencyImporterReadsIt(t *testing.T) {
	const n = 3000
	for _, tt := range []struct {
		f  synth.Format
		im *agency.Importer
	}{
		{synth.FormatJSONL, agency.NewJSONLImporter()},
		{synth.FormatCSV, agency.NewCSVImporter()},
	} {
		t.Run(string(tt.f), func(t *testing.T) {
			var b bytes.Buffer
			if err := synth.Write(context.Background(), &b, tt.f, 5, n); err != nil {
				t.Fatal(err)
			}
			var got []*athar.Person
			var warns []sources.Warning
			_, err := tt.im.Import(context.Background(), []sources.Input{{Name: "synth." + string(tt.f), R: &b}}, sources.Sink{
				Put:  func(_ context.Context, p *athar.Person) error { got = append(got, p); return nil },
				Warn: func(w sources.Warning) { warns = append(warns, w) },
			})
			if err != nil {
				t.Fatal(err)
			}
			for i, w := range warns {
				if i < 5 {
					t.Errorf("warning: %+v", w)
				}
			}
			if len(got) != n {
				t.Fatalf("imported %d persons, want %d", len(got), n)
			}
			g := synth.New(5)
			for i, p := range got {
				rec := g.Next()
				if p.ID != rec.ID || p.PrimaryName() != rec.Name || p.MotherName != rec.MotherName || string(p.Gender) != rec.Gender {
					t.Fatalf("person %d: imported %+v from %+v", i+1, p, rec)
				}
				if len(p.Nationalities) != len(rec.Nationality) {
					t.Fatalf("%s: nationalities %v, want %v", p.ID, p.Nationalities, rec.Nationality)
				}
				if rec.BirthDate != "" && (len(p.BirthDates) == 0) {
					t.Fatalf("%s: birth date %q lost", p.ID, rec.BirthDate)
				}
				wantNames := 1
				if rec.NameLatin != "" {
					wantNames++
				}
				if rec.Kunya != "" {
					wantNames++
				}
				if len(p.Names) != wantNames {
					t.Fatalf("%s: names %+v, want %d", p.ID, p.Names, wantNames)
				}
				wantDocs := len(rec.Documents)
				if tt.f == synth.FormatCSV {
					wantDocs = min(wantDocs, 1)
				}
				if len(p.Documents) != wantDocs {
					t.Fatalf("%s: documents %+v, want %d", p.ID, p.Documents, wantDocs)
				}
			}
		})
	}
}
