package agency

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
)

// registryCSV makes n rows as a camp registry writes them: Arabic name
// parts, a kunya, a mother's name, a date, a place, a nationality and a
// document.
func registryCSV(n int) []byte {
	given := []string{"محمد", "أحمد", "علي", "حسين", "عمر", "خالد", "إبراهيم", "مصطفى"}
	family := []string{"الجبوري", "الدليمي", "العبيدي", "الحمداني", "الشمري", "العاني"}
	nat := []string{"IQ", "SY", "Iraq", "سوريا", "TR"}
	var b bytes.Buffer
	b.WriteString("id,name,name_latin,given_name,father_name,grandfather_name,family_name,kunya,mother_name,gender,birth_date,birth_place,nationality,document_type,document_number,document_country,status,list,list_reference,remarks\n")
	for i := range n {
		g, f, gf, fam := given[i%8], given[(i/8)%8], given[(i/64)%8], family[i%6]
		fmt.Fprintf(&b, "R-%07d,,Mohammed Ali,%s,%s,%s,%s,أبو %s,فاطمة %s,m,%d-%02d-%02d,\"الموصل، العراق\",%s,national_id,%09d,IQ,detained,Camp registry,R-%07d,\"block %d, tent %d\"\n",
			i, g, f, gf, fam, f, fam, 1960+i%40, 1+i%12, 1+i%28, nat[i%5], i*7, i, i%50, i%300)
	}
	return b.Bytes()
}

func BenchmarkCSV(b *testing.B) {
	const rows = 20000
	data := registryCSV(rows)
	sink := sources.Sink{Put: func(context.Context, *athar.Person) error { return nil }}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := NewCSVImporter().Import(context.Background(), []sources.Input{{Name: "r.csv", R: bytes.NewReader(data)}}, sink); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkJSONL(b *testing.B) {
	const rows = 20000
	var buf bytes.Buffer
	for i := range rows {
		fmt.Fprintf(&buf, `{"id":"R-%07d","given_name":"محمد","father_name":"علي","grandfather_name":"حسين","family_name":"الجبوري","kunya":"أبو علي","mother_name":"فاطمة","gender":"m","birth_date":"1980-05-%02d","birth_place":"الموصل، العراق","nationality":"IQ","documents":[{"type":"national_id","number":"%09d","country":"IQ"}],"status":"detained"}`+"\n", i, 1+i%28, i)
	}
	data := buf.Bytes()
	sink := sources.Sink{Put: func(context.Context, *athar.Person) error { return nil }}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := NewJSONLImporter().Import(context.Background(), []sources.Input{{Name: "r.jsonl", R: bytes.NewReader(data)}}, sink); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows*b.N)/b.Elapsed().Seconds(), "rows/s")
}
