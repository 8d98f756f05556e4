package sqlite

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/athar-org/athar"
)

// fill sets every field reachable from v to a non-zero value, so that a
// field the codec forgets shows in a round trip. Each string is distinct.
func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("قيمة value %d", *n))
	case reflect.Int:
		v.SetInt(int64(*n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), n)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Date(2026, 2, 27, 10, 30, 0, *n, time.UTC)))
			return
		}
		for i := range v.NumField() {
			fill(v.Field(i), n)
		}
	default:
		panic(fmt.Sprintf("fill: the codec test does not know kind %s; teach fill and the codec", v.Kind()))
	}
}

// TestCodecCoversPerson fails when athar.Person gains a field the codec does
// not store.
func TestCodecCoversPerson(t *testing.T) {
	var p athar.Person
	n := 0
	fill(reflect.ValueOf(&p).Elem(), &n)
	got, err := decodeRecord(encodeRecord(nil, &p))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, &p) {
		gj, _ := json.Marshal(got)
		wj, _ := json.Marshal(&p)
		t.Errorf("round trip lost data (a new field in athar.Person? add it to codec.go under a new codecVersion):\ngot  %s\nwant %s", gj, wj)
	}
}

func TestCodecEmpty(t *testing.T) {
	got, err := decodeRecord(encodeRecord(nil, &athar.Person{ID: "x"}))
	if err != nil {
		t.Fatal(err)
	}
	// Names is never nil, so that the JSON form always has "names": [].
	want := &athar.Person{ID: "x", Names: []athar.Name{}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestCodecReadsJSON(t *testing.T) {
	want := &athar.Person{ID: "QDi.299", Kind: athar.KindPerson, Names: []athar.Name{{Full: "أبو بكر البغدادي", Kind: athar.NameWeak}}}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeRecord(b)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("decodeRecord of JSON: got %+v, %v; want %+v", got, err, want)
	}
}

func TestCodecDamaged(t *testing.T) {
	good := encodeRecord(nil, &athar.Person{ID: "QDi.299", Names: []athar.Name{{Full: "أبو بكر البغدادي"}}})
	for _, b := range [][]byte{
		nil,
		{2},
		good[:len(good)-1],
		append(append([]byte{}, good...), 0),
		{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01},
		[]byte(`{"id": 5}`),
	} {
		if _, err := decodeRecord(b); err == nil {
			t.Errorf("decodeRecord(%x) succeeded; want an error", b)
		}
	}
}

func FuzzDecodeRecord(f *testing.F) {
	var p athar.Person
	n := 0
	fill(reflect.ValueOf(&p).Elem(), &n)
	f.Add(encodeRecord(nil, &p))
	f.Add(encodeRecord(nil, &athar.Person{ID: "x"}))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := decodeRecord(b)
		if err != nil || b[0] != codecVersion {
			return
		}
		// What decodes in the current form encodes back to the same bytes.
		if again := encodeRecord(nil, p); string(again) != string(b) {
			t.Errorf("re-encoding differs:\n%x\n%x", again, b)
		}
	})
}

func benchRecord() *athar.Person {
	return &athar.Person{
		ID:   "CAMP-0001234",
		Kind: athar.KindPerson,
		Names: []athar.Name{
			{Full: "محمد علي حسين الجبوري", Script: athar.ScriptArabic, Kind: athar.NamePrimary, Source: "given_name..family_name",
				Parts: &athar.NameParts{Given: "محمد", Father: "علي", Grandfather: "حسين", Family: "الجبوري", Kunya: "أبو علي"}},
			{Full: "Muhammad Ali Husayn al-Jubouri", Script: athar.ScriptLatin, Kind: athar.NameAlias, Source: "name_latin"},
			{Full: "أبو علي", Script: athar.ScriptArabic, Kind: athar.NameWeak, Source: "kunya"},
		},
		Gender:        athar.GenderMale,
		BirthDates:    []athar.BirthDate{{Qualifier: athar.DateExact, Date: athar.PartialDate{Year: 1985, Month: 3, Day: 2}}},
		BirthPlaces:   []athar.Place{{Text: "الموصل"}},
		Nationalities: []string{"IQ"},
		MotherName:    "فاطمة",
		Documents:     []athar.Document{{Type: "national_id", Number: "000123456", Country: "IQ"}},
		Lists:         []athar.ListEntry{{List: "Camp registry", Reference: "R-1234"}},
		Status:        athar.StatusDetained,
		Provenance:    athar.Provenance{Dataset: "camp", SourceID: "CAMP-0001234"},
	}
}

// BenchmarkDecode compares the stored form with JSON, which the records
// were kept in first.
func BenchmarkDecode(b *testing.B) {
	p := benchRecord()
	b.Run("binary", func(b *testing.B) {
		rec := encodeRecord(nil, p)
		b.SetBytes(int64(len(rec)))
		for b.Loop() {
			if _, err := decodeRecord(rec); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		rec, _ := json.Marshal(p)
		b.SetBytes(int64(len(rec)))
		for b.Loop() {
			var q athar.Person
			if err := json.Unmarshal(rec, &q); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkEncode(b *testing.B) {
	p := benchRecord()
	b.Run("binary", func(b *testing.B) {
		for b.Loop() {
			encodeRecord(nil, p)
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}
