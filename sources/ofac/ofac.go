// Package ofac imports the US Treasury OFAC Specially Designated Nationals
// list in its CSV layout: sdn.csv (ent_num, SDN_Name, SDN_Type, Program,
// Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks;
// "-0-" for empty) with optional alternate-names files in the alt.csv layout
// (ent_num, alt_num, alt_type, alt_name, alt_remarks). The files are told
// apart by their number of columns, in any order.
//
// Individuals become persons and entities organisations, with record id
// "ofac-<ent_num>". Vessels and aircraft are skipped, with one warning that
// counts them: Athar screens people and the groups they belong to, and a
// ship's name matched against a person only makes noise.
package ofac

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
)

// Importer reads the OFAC SDN CSV with its alternate-names CSV.
type Importer struct{}

var _ sources.Importer = (*Importer)(nil)

// NewImporter returns an importer for the OFAC SDN CSV files.
func NewImporter() *Importer { return &Importer{} }

const (
	sdnColumns = 12
	altColumns = 5
)

// alt is one alternate name from alt.csv.
type alt struct {
	typ, name, remarks string
}

type sdnFile struct {
	name  string
	r     *csv.Reader
	src   *sources.Reader
	first []string
}

// Import reads the inputs: one or more SDN files and any number of
// alternate-names files. The SDN file gives no date; the version is the
// YYYY-MM-DD date in the SDN file's name when there is one ("sdn-2024-05-03.csv"),
// else "".
//
// Errors (*sources.ParseError): a file that is neither layout, bad CSV
// quoting, a row with the wrong number of fields, an ent_num that is not a
// number or appears twice, text that is not UTF-8 (sources.ErrNotUTF8).
// Warnings: alternate names whose SDN entry is missing (one warning with
// the count), skipped vessels and aircraft (one warning with the count),
// remarks that cannot be read.
func (im *Importer) Import(ctx context.Context, in []sources.Input, sink sources.Sink) (string, error) {
	if len(in) == 0 {
		return "", errors.New("ofac: no input file given")
	}
	warn := func(w sources.Warning) {
		if sink.Warn != nil {
			sink.Warn(w)
		}
	}
	// The alternate names are read first, into a map by ent_num, because
	// the SDN file is the one that streams and each SDN row needs its
	// aliases at hand. The alt file is a fraction of the SDN file's size
	// (about 1 MB for 19,000 names), so this is bounded by the list, not
	// by the number of inputs.
	alts := make(map[string][]alt)
	altFile := make(map[string]string) // ent_num → file, for warnings
	var sdns []sdnFile
	for _, f := range in {
		src := &sources.Reader{R: f.R}
		r := csv.NewReader(src)
		r.FieldsPerRecord = -1
		first, err := r.Read()
		if err == io.EOF {
			return "", &sources.ParseError{File: f.Name, Err: errors.New("empty file")}
		}
		if err != nil {
			return "", csvError(f.Name, src, err)
		}
		switch len(first) {
		case sdnColumns:
			sdns = append(sdns, sdnFile{name: f.Name, r: r, src: src, first: first})
		case altColumns:
			if err := readAlts(ctx, f.Name, r, src, first, alts, altFile); err != nil {
				return "", err
			}
		default:
			return "", &sources.ParseError{File: f.Name, Line: 1, Err: fmt.Errorf("%d columns: neither an SDN file (%d columns) nor an alternate-names file (%d columns)", len(first), sdnColumns, altColumns)}
		}
	}
	if len(sdns) == 0 {
		return "", fmt.Errorf("no SDN file among the inputs: an SDN file has %d columns, and %s has %d (an alternate-names file)", sdnColumns, in[0].Name, altColumns)
	}

	version := fileDate.FindString(filepath.Base(sdns[0].name))
	st := &state{sink: sink, warn: warn, alts: alts, seen: make(map[string]bool), version: version}
	for _, f := range sdns {
		if err := st.readSDN(ctx, f); err != nil {
			return "", err
		}
	}

	if st.skipped["vessel"]+st.skipped["aircraft"] > 0 {
		warn(sources.Warning{File: sdns[0].name, Message: fmt.Sprintf("skipped %d vessels and %d aircraft: Athar screens persons and organisations", st.skipped["vessel"], st.skipped["aircraft"])})
	}
	// Alternate names left over belong to entries the SDN file lacks:
	// typically an alt file newer or older than the SDN file.
	if len(alts) > 0 {
		var ids []string
		n := 0
		for id, list := range alts {
			ids = append(ids, id)
			n += len(list)
		}
		sort.Slice(ids, func(i, j int) bool { return numLess(ids[i], ids[j]) })
		sample := ids[:min(5, len(ids))]
		warn(sources.Warning{File: altFile[ids[0]], Message: fmt.Sprintf("%d alternate names refer to %d SDN entries absent from the SDN file (ent_num %s…); they were not imported", n, len(ids), strings.Join(sample, ", "))})
	}

	return version, nil
}

var fileDate = regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)

func numLess(a, b string) bool {
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return x < y
}

func readAlts(ctx context.Context, file string, r *csv.Reader, src *sources.Reader, first []string, alts map[string][]alt, altFile map[string]string) error {
	rec := first
	for {
		line, _ := r.FieldPos(0)
		if err := checkUTF8(file, line, rec); err != nil {
			return err
		}
		if len(rec) == 1 && isEOFMarker(rec[0]) {
			// DOS end-of-file mark (Ctrl-Z) that OFAC's files end with.
		} else if len(rec) != altColumns {
			return &sources.ParseError{File: file, Line: line, Err: fmt.Errorf("%d fields, want %d (ent_num, alt_num, alt_type, alt_name, alt_remarks)", len(rec), altColumns)}
		} else if !(line == 1 && isHeader(rec[0])) {
			id := value(rec[0])
			if !isNumber(id) {
				return &sources.ParseError{File: file, Line: line, Err: fmt.Errorf("ent_num %q is not a number", rec[0])}
			}
			alts[id] = append(alts[id], alt{typ: strings.ToLower(value(rec[2])), name: value(rec[3]), remarks: value(rec[4])})
			altFile[id] = file
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		rec, err = r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(file, src, err)
		}
	}
}

// state is one import in progress.
type state struct {
	sink    sources.Sink
	warn    func(sources.Warning)
	alts    map[string][]alt
	seen    map[string]bool
	skipped map[string]int
	version string
}

func (st *state) readSDN(ctx context.Context, f sdnFile) error {
	if st.skipped == nil {
		st.skipped = make(map[string]int)
	}
	rec := f.first
	for n := 0; ; n++ {
		line, _ := f.r.FieldPos(0)
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := checkUTF8(f.name, line, rec); err != nil {
			return err
		}
		switch {
		case len(rec) == 1 && isEOFMarker(rec[0]):
		case len(rec) != sdnColumns:
			return &sources.ParseError{File: f.name, Line: line, Err: fmt.Errorf("%d fields, want %d as in sdn.csv", len(rec), sdnColumns)}
		case line == 1 && isHeader(rec[0]):
		default:
			p, err := st.record(f.name, line, rec)
			if err != nil {
				return err
			}
			if p != nil {
				if err := st.sink.Put(ctx, p); err != nil {
					return err
				}
			}
		}
		var err error
		rec, err = f.r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(f.name, f.src, err)
		}
	}
}

// record builds one SDN row; it returns nil for rows it skips.
func (st *state) record(file string, line int, rec []string) (*athar.Person, error) {
	ent := value(rec[0])
	if !isNumber(ent) {
		return nil, &sources.ParseError{File: file, Line: line, Err: fmt.Errorf("ent_num %q is not a number", rec[0])}
	}
	if st.seen[ent] {
		return nil, &sources.ParseError{File: file, Line: line, Err: fmt.Errorf("ent_num %s appears twice", ent)}
	}
	st.seen[strings.Clone(ent)] = true // a copy, not a slice of the whole line
	id := "ofac-" + ent
	warn := func(format string, args ...any) {
		st.warn(sources.Warning{File: file, Line: line, Record: id, Message: fmt.Sprintf(format, args...)})
	}
	alts := st.alts[ent]
	delete(st.alts, ent)

	p := &athar.Person{
		ID:         id,
		Kind:       athar.KindOrganization,
		Status:     athar.StatusUnknown,
		Provenance: athar.Provenance{SourceID: ent, Version: st.version},
	}
	switch typ := strings.ToLower(value(rec[2])); typ {
	case "individual":
		p.Kind = athar.KindPerson
	case "":
	case "vessel", "aircraft":
		st.skipped[typ]++
		return nil, nil
	default:
		warn("unknown SDN_Type %q; read as an entity", rec[2])
	}
	name := value(rec[1])
	if name == "" {
		return nil, &sources.ParseError{File: file, Line: line, Err: fmt.Errorf("ent_num %s has no SDN_Name", ent)}
	}
	add := func(n athar.Name) { addName(p, n) }
	primary := athar.Name{Full: name, Kind: athar.NamePrimary, Source: "SDN_Name"}
	if p.Kind == athar.KindPerson {
		if last, _, ok := strings.Cut(name, ","); ok && strings.TrimSpace(last) != "" {
			primary.Parts = &athar.NameParts{Family: strings.TrimSpace(last)}
		}
	}
	add(primary)
	st.naturalOrder(p, primary)
	for _, a := range alts {
		n := athar.Name{Full: a.name, Kind: athar.NameAlias, Quality: a.typ, Source: "alt", Note: a.remarks}
		switch a.typ {
		case "aka":
		case "fka":
			n.Kind = athar.NameFormer
		case "nka":
			// "now known as": the name in use today, as strong as an
			// a.k.a.
		default:
			warn("alternate name %q has unknown alt_type %q; kept as an alias", a.name, a.typ)
		}
		add(n)
		st.naturalOrder(p, n)
	}
	if t := value(rec[4]); t != "" {
		p.Titles = []string{t}
	}
	for prog := range strings.SplitSeq(value(rec[3]), "] [") {
		if prog = strings.Trim(prog, "[] "); prog != "" {
			p.Lists = append(p.Lists, athar.ListEntry{List: "OFAC SDN", Reference: ent, Program: prog})
		}
	}
	remarks := value(rec[11])
	p.Remarks = remarks
	applyRemarks(p, remarks, add, warn)
	for i, key := range []string{5: "call_sign", 6: "vessel_type", 7: "tonnage", 8: "grt", 9: "vessel_flag", 10: "vessel_owner"} {
		if key == "" {
			continue
		}
		if v := value(rec[i]); v != "" {
			p.Extra = append(p.Extra, athar.ExtraField{Key: key, Value: v})
		}
	}
	return p, nil
}

// naturalOrder adds "Ibrahim 'Awwad AL-BADRI" for an individual's
// "AL-BADRI, Ibrahim 'Awwad": the list writes surname first, people and
// Arabic records write the given name first, and the nasab chain (given,
// father, grandfather) only lines up in that order.
func (st *state) naturalOrder(p *athar.Person, n athar.Name) {
	if p.Kind != athar.KindPerson {
		return
	}
	full, ok := sources.NaturalOrder(n.Full)
	if !ok {
		return
	}
	kind := n.Kind
	if kind == athar.NamePrimary { // one primary name: the list's own form
		kind = athar.NameAlias
	}
	addName(p, athar.Name{Full: full, Kind: kind, Quality: n.Quality, Source: n.Source + " (natural order)", Note: n.Note})
}

// addName adds a name unless the record has it already.
func addName(p *athar.Person, n athar.Name) {
	n.Full = strings.Join(strings.Fields(n.Full), " ")
	if n.Full == "" {
		return
	}
	for _, x := range p.Names {
		if strings.EqualFold(x.Full, n.Full) {
			return
		}
	}
	n.Script = sources.DetectScript(n.Full)
	p.Names = append(p.Names, n)
}

// value trims a field and reads OFAC's "-0-" as empty.
func value(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	return s
}

func isNumber(s string) bool {
	if s == "" || len(s) > 12 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isHeader(first string) bool { return strings.EqualFold(strings.TrimSpace(first), "ent_num") }

func isEOFMarker(s string) bool { return strings.Trim(s, "\x1a \r\n") == "" }

// checkUTF8 fails on a row that is not UTF-8. OFAC's CSV files are plain
// ASCII (the names are transliterated; the copies in the shared test data
// hold no byte above 0x7F), so any other byte means a file saved again in
// a legacy encoding, whose names would be stored as garbage. It is an
// error rather than a guess at the encoding.
func checkUTF8(file string, line int, rec []string) error {
	for _, v := range rec {
		if !utf8.ValidString(v) {
			return &sources.ParseError{File: file, Line: line, Err: fmt.Errorf("%w; OFAC publishes its CSV files as plain ASCII, so this copy was saved in another encoding: convert it to UTF-8 (for instance iconv -f WINDOWS-1252 -t UTF-8) or download it again", sources.ErrNotUTF8)}
		}
	}
	return nil
}

func csvError(file string, src *sources.Reader, err error) error {
	if src.Failed(err) {
		return fmt.Errorf("reading %s: %w", file, err)
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &sources.ParseError{File: file, Line: pe.Line, Err: fmt.Errorf("%v (column %d)", pe.Err, pe.Column)}
	}
	return &sources.ParseError{File: file, Err: err}
}
