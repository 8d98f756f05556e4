package sqlite

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/athar-org/athar"
)

// Records are stored in a compact binary form rather than JSON: the screening
// index reads every record at start-up, and encoding/json decodes a record
// about ten times slower than this (BenchmarkDecode). The form is the
// fields of athar.Person in declaration order: strings and slices prefixed by
// their length as a uvarint, integers as varints, booleans as a byte, a
// pointer as a presence byte. The first byte is the form's version; a change
// to athar.Person needs a new version (TestCodecCoversPerson fails until the
// codec knows the new field), and the decoder keeps reading the old ones.
// Version 2 added Owner and Label after Remarks.
const codecVersion = 2

var errCorrupt = errors.New("stored record is damaged")

// encodeRecord appends the binary form of p to b.
func encodeRecord(b []byte, p *athar.Person) []byte {
	e := encoder{b: append(b, codecVersion)}
	e.str(p.ID)
	e.str(string(p.Kind))
	e.uint(len(p.Names))
	for i := range p.Names {
		n := &p.Names[i]
		e.str(n.Full)
		e.str(string(n.Script))
		e.str(string(n.Kind))
		e.str(n.Quality)
		e.str(n.Source)
		e.bool(n.Parts != nil)
		if pp := n.Parts; pp != nil {
			e.str(pp.Given)
			e.str(pp.Father)
			e.str(pp.Grandfather)
			e.str(pp.Family)
			e.str(pp.Kunya)
			e.str(pp.Laqab)
			e.strs(pp.Titles)
		}
		e.str(n.Note)
	}
	e.str(string(p.Gender))
	e.uint(len(p.BirthDates))
	for _, d := range p.BirthDates {
		e.str(string(d.Qualifier))
		e.date(d.Date)
		e.date(d.From)
		e.date(d.To)
		e.str(d.Note)
	}
	e.places(p.BirthPlaces)
	e.strs(p.Nationalities)
	e.str(p.MotherName)
	e.strs(p.Titles)
	e.strs(p.Designations)
	e.uint(len(p.Documents))
	for _, d := range p.Documents {
		e.str(d.Type)
		e.str(d.Number)
		e.str(d.Country)
		e.str(d.Note)
		e.bool(d.Forged)
	}
	e.places(p.Addresses)
	e.uint(len(p.Lists))
	for _, l := range p.Lists {
		e.str(l.List)
		e.str(l.Reference)
		e.str(l.ListedOn)
		e.str(l.Program)
	}
	e.str(string(p.Status))
	e.str(p.Remarks)
	e.str(p.Owner)
	e.str(string(p.Label))
	pr := &p.Provenance
	e.str(pr.Dataset)
	e.str(pr.Version)
	e.str(pr.SourceID)
	e.time(pr.ImportedAt)
	e.str(pr.EnteredBy)
	e.uint(len(p.Extra))
	for _, x := range p.Extra {
		e.str(x.Key)
		e.str(x.Value)
	}
	return e.b
}

type encoder struct{ b []byte }

func (e *encoder) uint(n int)   { e.b = binary.AppendUvarint(e.b, uint64(n)) }
func (e *encoder) int(n int64)  { e.b = binary.AppendVarint(e.b, n) }
func (e *encoder) str(s string) { e.uint(len(s)); e.b = append(e.b, s...) }
func (e *encoder) strs(s []string) {
	e.uint(len(s))
	for _, v := range s {
		e.str(v)
	}
}

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) date(d athar.PartialDate) {
	e.int(int64(d.Year))
	e.int(int64(d.Month))
	e.int(int64(d.Day))
}

func (e *encoder) places(ps []athar.Place) {
	e.uint(len(ps))
	for _, p := range ps {
		e.str(p.City)
		e.str(p.Region)
		e.str(p.Country)
		e.str(p.Text)
	}
}

// time stores the zero time as 0 and any other as Unix nanoseconds + 1
// (times outside 1678-2262 lose their nanoseconds' range: none occur).
func (e *encoder) time(t time.Time) {
	if t.IsZero() {
		e.int(0)
		return
	}
	e.int(t.UnixNano() + 1)
}

// decodeRecord reads what encodeRecord wrote. Damaged input gives an error,
// never a panic.
func decodeRecord(b []byte) (*athar.Person, error) {
	if len(b) == 0 {
		return nil, errCorrupt
	}
	if b[0] == '{' { // registries written before the binary form kept JSON
		p := new(athar.Person)
		if err := json.Unmarshal(b, p); err != nil {
			return nil, fmt.Errorf("%w: %v", errCorrupt, err)
		}
		return p, nil
	}
	version := b[0]
	if version < 1 || version > codecVersion {
		return nil, fmt.Errorf("stored record has format version %d; this Athar reads 1 to %d", version, codecVersion)
	}
	d := newDecoder(b[1:])
	p := new(athar.Person)
	p.ID = d.str()
	p.Kind = athar.Kind(d.str())
	p.Names = make([]athar.Name, d.count(6))
	for i := range p.Names {
		n := &p.Names[i]
		n.Full = d.str()
		n.Script = athar.Script(d.str())
		n.Kind = athar.NameKind(d.str())
		n.Quality = d.str()
		n.Source = d.str()
		if d.bool() {
			n.Parts = &athar.NameParts{
				Given: d.str(), Father: d.str(), Grandfather: d.str(), Family: d.str(),
				Kunya: d.str(), Laqab: d.str(), Titles: d.strs(),
			}
		}
		n.Note = d.str()
	}
	p.Gender = athar.Gender(d.str())
	if n := d.count(11); n > 0 {
		p.BirthDates = make([]athar.BirthDate, n)
		for i := range p.BirthDates {
			bd := &p.BirthDates[i]
			bd.Qualifier = athar.DateQualifier(d.str())
			bd.Date = d.date()
			bd.From = d.date()
			bd.To = d.date()
			bd.Note = d.str()
		}
	}
	p.BirthPlaces = d.places()
	p.Nationalities = d.strs()
	p.MotherName = d.str()
	p.Titles = d.strs()
	p.Designations = d.strs()
	if n := d.count(5); n > 0 {
		p.Documents = make([]athar.Document, n)
		for i := range p.Documents {
			p.Documents[i] = athar.Document{Type: d.str(), Number: d.str(), Country: d.str(), Note: d.str(), Forged: d.bool()}
		}
	}
	p.Addresses = d.places()
	if n := d.count(4); n > 0 {
		p.Lists = make([]athar.ListEntry, n)
		for i := range p.Lists {
			p.Lists[i] = athar.ListEntry{List: d.str(), Reference: d.str(), ListedOn: d.str(), Program: d.str()}
		}
	}
	p.Status = athar.Status(d.str())
	p.Remarks = d.str()
	if version >= 2 {
		p.Owner = d.str()
		p.Label = athar.TLP(d.str())
	}
	p.Provenance = athar.Provenance{Dataset: d.str(), Version: d.str(), SourceID: d.str(), ImportedAt: d.time(), EnteredBy: d.str()}
	if n := d.count(2); n > 0 {
		p.Extra = make([]athar.ExtraField, n)
		for i := range p.Extra {
			p.Extra[i] = athar.ExtraField{Key: d.str(), Value: d.str()}
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	if d.left() != 0 {
		return nil, fmt.Errorf("%w: %d bytes left over", errCorrupt, d.left())
	}
	return p, nil
}

// decoder reads the binary form. After the first error every read returns
// a zero value, and err holds the error. The strings it returns are slices
// of one copy of the record: one allocation instead of one per string.
type decoder struct {
	b   []byte
	s   string // the same bytes as b
	off int
	err error
}

func newDecoder(b []byte) decoder { return decoder{b: b, s: string(b)} }

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.off = len(d.b)
}

func (d *decoder) left() int { return len(d.b) - d.off }

func (d *decoder) uint() uint64 {
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) int() int64 {
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.off += n
	return v
}

// count reads a slice length; each element takes at least min bytes, which
// bounds what damaged input can make us allocate.
func (d *decoder) count(min int) int {
	n := d.uint()
	if n > uint64(d.left()/min) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.uint()
	if n > uint64(d.left()) {
		d.fail()
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

func (d *decoder) strs() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	s := make([]string, n)
	for i := range s {
		s[i] = d.str()
	}
	return s
}

func (d *decoder) bool() bool {
	if d.left() == 0 || d.b[d.off] > 1 {
		d.fail()
		return false
	}
	v := d.b[d.off] == 1
	d.off++
	return v
}

func (d *decoder) small() int {
	v := d.int()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail()
		return 0
	}
	return int(v)
}

func (d *decoder) date() athar.PartialDate {
	return athar.PartialDate{Year: d.small(), Month: d.small(), Day: d.small()}
}

func (d *decoder) places() []athar.Place {
	n := d.count(4)
	if n == 0 {
		return nil
	}
	ps := make([]athar.Place, n)
	for i := range ps {
		ps[i] = athar.Place{City: d.str(), Region: d.str(), Country: d.str(), Text: d.str()}
	}
	return ps
}

func (d *decoder) time() time.Time {
	v := d.int()
	if v == 0 {
		return time.Time{}
	}
	return time.Unix(0, v-1).UTC()
}
