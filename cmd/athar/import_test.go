package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/shareddata"
	"github.com/athar-org/athar/sources"
	"github.com/athar-org/athar/store/sqlite"
)

// runAthar runs the command line and returns its exit code and output.
func runAthar(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// mustAthar runs the command line and fails the test unless it succeeds.
func mustAthar(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := runAthar(t, args...)
	if code != 0 {
		t.Fatalf("athar %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errs)
	}
	return out
}

// writeFile writes data to dir/name and returns the path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func un2026(t *testing.T) string {
	return shareddata.Path(t, "un", "consolidated-2026-02-27.xml")
}

func un2018(t *testing.T) string {
	return shareddata.Path(t, "un", "consolidated-2018-10-29.xml")
}

func statsOf(t *testing.T, db string) registryStats {
	t.Helper()
	var st registryStats
	if err := json.Unmarshal([]byte(mustAthar(t, "stats", "--db", db, "--json")), &st); err != nil {
		t.Fatalf("stats --json: %v", err)
	}
	return st
}

func datasetOf(t *testing.T, db, name string) athar.Dataset {
	t.Helper()
	for _, ds := range statsOf(t, db).Datasets {
		if ds.Name == name {
			return ds
		}
	}
	t.Fatalf("stats: no dataset %s", name)
	return athar.Dataset{}
}

// checkUnchanged fails the test when an import that should have changed
// nothing (what) changed the records or the dataset name.
func checkUnchanged(t *testing.T, db, name string, before map[string]string, beforeDS athar.Dataset, what string) {
	t.Helper()
	if got := records(t, db); !reflect.DeepEqual(got, before) {
		t.Errorf("%s changed the records: %d, want %d", what, len(got), len(before))
	}
	if got := datasetOf(t, db, name); !reflect.DeepEqual(got, beforeDS) {
		t.Errorf("%s changed the dataset:\ngot  %+v\nwant %+v", what, got, beforeDS)
	}
}

func showJSON(t *testing.T, db, id string) *athar.Person {
	t.Helper()
	var p athar.Person
	if err := json.Unmarshal([]byte(mustAthar(t, "show", "--db", db, "--json", id)), &p); err != nil {
		t.Fatalf("show --json %s: %v", id, err)
	}
	return &p
}

func TestImportCmd_UN2026(t *testing.T) {
	xml := un2026(t)
	db := filepath.Join(t.TempDir(), "athar.db")
	out := mustAthar(t, "import", "--db", db, "--format", "un", xml)
	for _, want := range []string{"Imported dataset un, version 2026-02-27", "persons             730", "organisations       273"} {
		if !strings.Contains(out, want) {
			t.Errorf("import summary lacks %q:\n%s", want, out)
		}
	}

	ds := datasetOf(t, db, "un")
	if ds.Persons != 730 || ds.Orgs != 273 {
		t.Errorf("stats: got %d individuals and %d entities, want 730 and 273", ds.Persons, ds.Orgs)
	}
	if ds.Format != "un" || ds.Version != "2026-02-27" || len(ds.SHA256) != 64 || !slices.Equal(ds.Files, []string{xml}) {
		t.Errorf("stats: dataset %+v", ds)
	}

	p := showJSON(t, db, "QDi.299")
	want := map[string]athar.NameKind{
		"Abu Bakr al-Baghdadi": athar.NameWeak,
		"أبو بكر البغدادي الحسيني القريشي":          athar.NameWeak,
		"إبراهيم عواد إبراهيم علي البدري السامرائي": athar.NameOriginal,
	}
	for full, kind := range want {
		i := slices.IndexFunc(p.Names, func(n athar.Name) bool { return n.Full == full })
		if i < 0 {
			t.Errorf("QDi.299 lacks the name %q", full)
			continue
		}
		if p.Names[i].Kind != kind {
			t.Errorf("QDi.299 name %q: kind %q, want %q", full, p.Names[i].Kind, kind)
		}
	}
	if !slices.ContainsFunc(p.BirthDates, func(b athar.BirthDate) bool { lo, hi := b.Years(); return lo <= 1971 && 1971 <= hi }) {
		t.Errorf("QDi.299: birth dates %+v do not include 1971", p.BirthDates)
	}
	if !slices.Contains(p.Nationalities, "IQ") {
		t.Errorf("QDi.299: nationalities %q lack IQ", p.Nationalities)
	}
	if p.Provenance.Dataset != "un" || p.Provenance.Version != "2026-02-27" || p.Provenance.SourceID == "" {
		t.Errorf("QDi.299: provenance %+v", p.Provenance)
	}

	// The text form keeps the Arabic names whole, each at the end of its
	// line, where a terminal shows it right to left without reordering.
	text := mustAthar(t, "show", "--db", db, "QDi.299")
	for full := range want {
		if !slices.ContainsFunc(strings.Split(text, "\n"), func(l string) bool { return strings.HasSuffix(l, " "+full) }) {
			t.Errorf("show text has no line ending with %q:\n%s", full, text)
		}
	}
}

// records reads every record of the registry as JSON, without the import
// time, which differs between imports of the same file.
func records(t *testing.T, db string) map[string]string {
	t.Helper()
	s, err := sqlite.OpenExisting(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	recs := map[string]string{}
	for p, err := range s.Persons(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		p.Provenance.ImportedAt = time.Time{}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		recs[p.ID] = string(b)
	}
	return recs
}

func TestImportCmd_Reimport(t *testing.T) {
	xml := un2026(t)
	db := filepath.Join(t.TempDir(), "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "un", xml)
	first, firstDS := records(t, db), datasetOf(t, db, "un")
	mustAthar(t, "import", "--db", db, "--format", "un", xml)
	second, secondDS := records(t, db), datasetOf(t, db, "un")
	if len(first) != 1003 || !reflect.DeepEqual(first, second) {
		t.Errorf("re-import changed the records: %d then %d records", len(first), len(second))
	}
	firstDS.ImportedAt, secondDS.ImportedAt = time.Time{}, time.Time{}
	if !reflect.DeepEqual(firstDS, secondDS) {
		t.Errorf("re-import changed the dataset:\n%+v\n%+v", firstDS, secondDS)
	}
}

func TestImportCmd_2018Then2026(t *testing.T) {
	old, cur := un2018(t), un2026(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "un", old)
	if ds := datasetOf(t, db, "un"); ds.Persons != 703 {
		t.Errorf("2018 list: got %d individuals, want 703", ds.Persons)
	}
	before := records(t, db)
	mustAthar(t, "import", "--db", db, "--format", "un", cur)

	fresh := filepath.Join(dir, "fresh.db")
	mustAthar(t, "import", "--db", fresh, "--format", "un", cur)
	got, want := records(t, db), records(t, fresh)
	if !reflect.DeepEqual(got, want) {
		var stale []string
		for id := range got {
			if _, ok := want[id]; !ok {
				stale = append(stale, id)
			}
		}
		t.Errorf("2018 then 2026 differs from 2026 alone: %d records against %d; left over from 2018: %q", len(got), len(want), stale)
	}
	gone := 0
	for id := range before {
		if _, ok := want[id]; !ok {
			gone++
		}
	}
	if gone == 0 {
		t.Error("no 2018 record is absent from 2026; the test shows nothing")
	}
	if ds := datasetOf(t, db, "un"); ds.Version != "2026-02-27" || ds.Persons != 730 || ds.Orgs != 273 {
		t.Errorf("after 2018 then 2026: dataset %+v", ds)
	}
}

func TestImportCmd_TruncatedLeavesPreviousVersion(t *testing.T) {
	xml := un2026(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "un", xml)
	before, beforeDS := records(t, db), datasetOf(t, db, "un")

	data, err := os.ReadFile(xml)
	if err != nil {
		t.Fatal(err)
	}
	for _, cut := range []int{len(data) / 2, len(data) - 200} {
		bad := filepath.Join(dir, "truncated.xml")
		if err := os.WriteFile(bad, data[:cut], 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errs := runAthar(t, "import", "--db", db, "--format", "un", bad)
		if code != 1 {
			t.Errorf("import of a list cut at byte %d: exit %d, want 1\nstdout: %s\nstderr: %s", cut, code, out, errs)
		}
		if !strings.Contains(errs, bad) || !strings.Contains(errs, "nothing was imported") {
			t.Errorf("import of a truncated list: stderr %q should name the file and say nothing was imported", errs)
		}
		if strings.Contains(out, "Imported") {
			t.Errorf("import of a truncated list printed a summary: %s", out)
		}
		checkUnchanged(t, db, "un", before, beforeDS, "a failed import")
	}
}

func TestImportCmd_CSV(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "athar.db")
	warnings := filepath.Join(dir, "warnings.jsonl")
	out := mustAthar(t, "import", "--db", db, "--format", "csv", "--warnings", warnings, "testdata/camp-registry.csv")
	if !strings.Contains(out, "Imported dataset camp-registry, version sha256:") {
		t.Errorf("summary: want dataset camp-registry named after the file and a content version:\n%s", out)
	}
	ds := datasetOf(t, db, "camp-registry")
	if ds.Persons != 3 || ds.Format != "csv" {
		t.Errorf("dataset: %+v, want 3 persons of format csv", ds)
	}

	// The unknown column "tent" gives a warning, listed and written out.
	if !strings.Contains(out, "tent") {
		t.Errorf("summary does not list the warning about the column tent:\n%s", out)
	}
	f, err := os.Open(warnings)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var w sources.Warning
		if err := json.Unmarshal(sc.Bytes(), &w); err != nil || w.Message == "" || w.File != "testdata/camp-registry.csv" {
			t.Errorf("warnings file line %q: %v", sc.Text(), err)
		}
		n++
	}
	if n == 0 || !strings.Contains(out, "warnings ") {
		t.Errorf("warnings file holds %d warnings", n)
	}

	p := showJSON(t, db, "C-0001")
	if p.PrimaryName() != "محمد علي حسين الجبوري" || p.MotherName != "فاطمة" || p.Provenance.Dataset != "camp-registry" {
		t.Errorf("C-0001: name %q mother %q dataset %q", p.PrimaryName(), p.MotherName, p.Provenance.Dataset)
	}
	text := mustAthar(t, "show", "--db", db, "C-0003")
	for _, want := range []string{"عبد الله يوسف الحلبي", "Abdullah Yusuf al-Halabi", "1979-05-12", "N0098765", "wanted"} {
		if !strings.Contains(text, want) {
			t.Errorf("show C-0003 lacks %q:\n%s", want, text)
		}
	}

	// --dataset names the dataset; the same ids in a second dataset clash.
	code, _, errs := runAthar(t, "import", "--db", db, "--format", "csv", "--dataset", "camp-b", "testdata/camp-registry.csv")
	if code != 1 || !strings.Contains(errs, `"camp-registry"`) || !strings.Contains(errs, `"camp-b"`) {
		t.Errorf("import of held ids into another dataset: exit %d, stderr %q; want 1 naming both datasets", code, errs)
	}
	if st := statsOf(t, db); len(st.Datasets) != 1 {
		t.Errorf("the clashing import left datasets %+v", st.Datasets)
	}
}

func TestImportCmd_ConflictWithUN(t *testing.T) {
	xml := un2026(t)
	db := filepath.Join(t.TempDir(), "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "un", xml)
	code, _, errs := runAthar(t, "import", "--db", db, "--format", "csv", "testdata/clash.csv")
	if code != 1 || !strings.Contains(errs, "QDi.299") || !strings.Contains(errs, `"un"`) || !strings.Contains(errs, `"clash"`) {
		t.Errorf("import of a UN id from a CSV: exit %d, stderr %q; want 1 naming the id and both datasets", code, errs)
	}
	code, _, _ = runAthar(t, "show", "--db", db, "C-9001")
	if code != 1 {
		t.Errorf("a record of the failed import is visible (show exit %d)", code)
	}
	if p := showJSON(t, db, "QDi.299"); p.Provenance.Dataset != "un" {
		t.Errorf("QDi.299 now belongs to %q", p.Provenance.Dataset)
	}
}

func TestRegistryCmds_Usage(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"import without paths", []string{"import", "--db", missing, "--format", "un"}, 2, "at least 1"},
		{"import without --db", []string{"import", "--format", "un", "x.xml"}, 2, "--db"},
		{"import without --format", []string{"import", "--db", missing, "x.xml"}, 2, "--format"},
		{"import of an unknown format", []string{"import", "--db", missing, "--format", "xml", "x.xml"}, 2, "unknown format"},
		{"import with an empty --dataset", []string{"import", "--db", missing, "--format", "csv", "--dataset", "", "x.csv"}, 2, "--dataset"},
		{"import with an unknown flag", []string{"import", "--db", missing, "--fromat", "un", "x.xml"}, 2, "fromat"},
		{"import of a missing file", []string{"import", "--db", missing, "--format", "un", filepath.Join(dir, "nope.xml")}, 1, "nope.xml"},
		{"import of a directory", []string{"import", "--db", missing, "--format", "un", dir}, 1, "directory"},
		{"show without an id", []string{"show", "--db", missing}, 2, "1 argument"},
		{"show with two ids", []string{"show", "--db", missing, "a", "b"}, 2, "1 argument"},
		{"show without --db", []string{"show", "QDi.299"}, 2, "--db"},
		{"show of a missing registry", []string{"show", "--db", missing, "QDi.299"}, 1, "does not exist"},
		{"stats with an argument", []string{"stats", "--db", missing, "extra"}, 2, "0 argument"},
		{"stats without --db", []string{"stats"}, 2, "--db"},
		{"stats of a missing registry", []string{"stats", "--db", missing}, 1, "does not exist"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runAthar(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			if !strings.Contains(errs, tt.msg) {
				t.Errorf("stderr %q lacks %q", errs, tt.msg)
			}
			if _, err := os.Stat(missing); err == nil {
				t.Errorf("the command created the registry %s", missing)
			}
		})
	}
}

func TestShowCmd_NotFound(t *testing.T) {
	db := filepath.Join(t.TempDir(), "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "csv", "testdata/camp-registry.csv")
	code, out, errs := runAthar(t, "show", "--db", db, "QDi.404")
	if code != 1 || out != "" || !strings.Contains(errs, `no record with id "QDi.404"`) {
		t.Errorf("show of an absent id: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestStatsCmd_Text(t *testing.T) {
	db := filepath.Join(t.TempDir(), "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "csv", "testdata/camp-registry.csv")
	mustAthar(t, "import", "--db", db, "--format", "csv", "--dataset", "wanted", "testdata/clash.csv")
	out := mustAthar(t, "stats", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 6 { // registry, blank, header, 2 datasets, total
		t.Fatalf("stats: %d lines, want 6:\n%s", len(lines), out)
	}
	var camp, total string
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "camp-registry "):
			camp = l
		case strings.HasPrefix(l, "total "):
			total = l
		}
	}
	if f := strings.Fields(camp); len(f) < 4 || f[len(f)-3] != "3" || f[len(f)-1] != "3" {
		t.Errorf("stats line of camp-registry: %q", camp)
	}
	if f := strings.Fields(total); len(f) != 4 || f[1] != "5" || f[3] != "5" {
		t.Errorf("stats total line: %q, want 5 persons", total)
	}
}

func TestImportCmd_JSONL(t *testing.T) {
	db := filepath.Join(t.TempDir(), "athar.db")
	out := mustAthar(t, "import", "--db", db, "--format", "jsonl", "testdata/wanted.jsonl")
	if !strings.Contains(out, "Imported dataset wanted,") {
		t.Errorf("summary: want dataset wanted named after the file:\n%s", out)
	}
	if ds := datasetOf(t, db, "wanted"); ds.Persons != 1 || ds.Orgs != 1 {
		t.Errorf("dataset wanted: %d persons, %d organisations; want 1 and 1", ds.Persons, ds.Orgs)
	}
	p := showJSON(t, db, "W-0101")
	if len(p.Documents) != 1 || !p.Documents[0].Forged || p.Status != athar.StatusWanted {
		t.Errorf("W-0101: documents %+v status %q; want one forged passport, wanted", p.Documents, p.Status)
	}
	text := mustAthar(t, "show", "--db", db, "W-0102")
	if !strings.Contains(text, "(organisation)") || !strings.Contains(text, "كتيبة الفرقان") {
		t.Errorf("show W-0102:\n%s", text)
	}

	// A broken line stops the import with the file and line; what came
	// before it in the file is not committed.
	code, _, errs := runAthar(t, "import", "--db", db, "--format", "jsonl", "--dataset", "wanted", "testdata/broken.jsonl")
	if code != 1 || !strings.Contains(errs, "testdata/broken.jsonl:2") {
		t.Errorf("import of a broken line: exit %d, stderr %q; want 1 naming testdata/broken.jsonl:2", code, errs)
	}
	if code, _, _ := runAthar(t, "show", "--db", db, "W-0201"); code != 1 {
		t.Error("a record before the broken line was committed")
	}
	if ds := datasetOf(t, db, "wanted"); ds.Persons != 1 || ds.Orgs != 1 {
		t.Errorf("after the failed import: %d persons, %d organisations; want the previous 1 and 1", ds.Persons, ds.Orgs)
	}
}

func TestImportCmd_ManyWarnings(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("id,name,birth_date\n")
	for i := range 25 {
		fmt.Fprintf(&b, "R-%02d,محمد علي حسين,sometime in spring %d\n", i, i)
	}
	csv := filepath.Join(dir, "registry.csv")
	if err := os.WriteFile(csv, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "athar.db")
	out := mustAthar(t, "import", "--db", db, "--format", "csv", csv)
	if !regexp.MustCompile(`(?m)^  warnings +25$`).MatchString(out) || !strings.Contains(out, "the first 20 of 25; --warnings FILE writes all of them") {
		t.Errorf("summary of 25 warnings:\n%s", out)
	}
	if n := strings.Count(out, csv+":"); n != 20 {
		t.Errorf("summary lists %d warnings, want 20:\n%s", n, out)
	}

	warnings := filepath.Join(dir, "w.jsonl")
	out = mustAthar(t, "import", "--db", db, "--format", "csv", "--warnings", warnings, csv)
	if !strings.Contains(out, "all of them are in "+warnings) {
		t.Errorf("summary does not point to the warnings file:\n%s", out)
	}
	data, err := os.ReadFile(warnings)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n != 25 {
		t.Errorf("warnings file holds %d lines, want 25", n)
	}
}

// An import of an agency's list can set the owner and label of every
// record, and it is audited like the server's changes.
func TestImportCmd_OwnerLabelAudit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "athar.db")
	const camp = "testdata/camp-registry.csv"
	if code, _, stderr := runAthar(t, "import", "--db", db, "--format", "csv", "--label", "red", camp); code != 2 || !strings.Contains(stderr, "needs --owner") {
		t.Errorf("--label red without --owner: exit %d, %q; want a usage error", code, stderr)
	}
	if code, _, stderr := runAthar(t, "import", "--db", db, "--format", "csv", "--owner", "x", "--label", "pink", camp); code != 2 || !strings.Contains(stderr, "--label") {
		t.Errorf("--label pink: exit %d, %q; want a usage error", code, stderr)
	}
	mustAthar(t, "import", "--db", db, "--format", "csv", "--owner", "agency-x", "--label", "amber", camp)
	var p athar.Person
	if err := json.Unmarshal([]byte(mustAthar(t, "show", "--db", db, "--json", "C-0001")), &p); err != nil {
		t.Fatal(err)
	}
	if p.Owner != "agency-x" || p.Label != athar.TLPAmber {
		t.Errorf("C-0001: owner %q label %q, want agency-x AMBER", p.Owner, p.Label)
	}
	out := mustAthar(t, "audit", "export", "--db", db)
	if !strings.Contains(out, `"action":"dataset.import"`) || !strings.Contains(out, `"target":"camp-registry"`) || !strings.Contains(out, `"owner":"agency-x"`) {
		t.Errorf("audit log has no import entry: %s", out)
	}
}

// The public lists are CLEAR and have no owner, on the command line as
// over the API: --owner, or a --label other than CLEAR, is a usage error
// naming the flag, and nothing is imported.
func TestImportCmd_PublicListAccessFlags(t *testing.T) {
	dir := t.TempDir()
	unXML := filepath.Join(dir, "consolidated.xml")
	if err := os.WriteFile(unXML, []byte(`<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2026-03-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>IBRAHIM</FIRST_NAME><SECOND_NAME>AWWAD</SECOND_NAME><REFERENCE_NUMBER>QDi.299</REFERENCE_NUMBER><NAME_ORIGINAL_SCRIPT>إبراهيم عواد البدري</NAME_ORIGINAL_SCRIPT></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`), 0o644); err != nil {
		t.Fatal(err)
	}
	sdn := filepath.Join(dir, "sdn.csv")
	if err := os.WriteFile(sdn, []byte("36,\"AL-BADRI, Ibrahim Awwad\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\r\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		args  []string
		wants []string // in stderr
	}{
		{"UN with an owner", []string{"--format", "un", "--owner", "agency-x", unXML}, []string{"--owner", "UN list is public", "no owner"}},
		{"UN with owner and AMBER", []string{"--format", "un", "--owner", "agency-x", "--label", "amber", unXML}, []string{"--owner", "UN list is public"}},
		{"UN labelled RED", []string{"--format", "un", "--label", "red", unXML}, []string{"--label RED", "UN list is public", "CLEAR"}},
		{"OFAC with an owner", []string{"--format", "ofac", "--owner", "agency-x", sdn}, []string{"--owner", "OFAC list is public"}},
		{"OFAC labelled GREEN", []string{"--format", "ofac", "--label", "green", sdn}, []string{"--label GREEN", "OFAC list is public"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "athar.db")
			code, out, errs := runAthar(t, append([]string{"import", "--db", db}, tt.args...)...)
			if code != 2 {
				t.Errorf("exit %d, want 2\nstdout: %s\nstderr: %s", code, out, errs)
			}
			for _, w := range tt.wants {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
			if _, err := os.Stat(db); err == nil {
				t.Errorf("the refused import created the registry %s", db)
			}
		})
	}

	// --label CLEAR says what a public list is anyway: accepted.
	db := filepath.Join(dir, "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "un", "--label", "clear", unXML)
	var p athar.Person
	if err := json.Unmarshal([]byte(mustAthar(t, "show", "--db", db, "--json", "QDi.299")), &p); err != nil {
		t.Fatal(err)
	}
	if p.Owner != "" || p.Label != athar.TLPClear {
		t.Errorf("QDi.299: owner %q label %q, want none and CLEAR", p.Owner, p.Label)
	}
}

// An import whose audit entry cannot be written changes nothing: the entry
// is committed in the import's transaction. It used to be written after the
// commit, leaving an unaudited import behind when it failed.
func TestImportCmd_AuditFailureChangesNothing(t *testing.T) {
	dir := t.TempDir()
	csvFile := filepath.Join(dir, "camp.csv")
	if err := os.WriteFile(csvFile, []byte("id,name,name_latin\nC-0100,زينب خالد عمر,Zaynab Khalid Umar\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, format, file string
	}{
		{"CSV", "csv", csvFile},
		{"JSON Lines", "jsonl", "testdata/wanted.jsonl"},
		{"JSON Lines, allowed empty", "jsonl", os.DevNull},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "athar.db")
			mustAthar(t, "import", "--db", db, "--format", "csv", "--dataset", "camp", "testdata/camp-registry.csv")
			before, beforeDS := records(t, db), datasetOf(t, db, "camp")
			refuseAuditWrites(t, db)

			code, out, errs := runAthar(t, "import", "--db", db, "--format", tt.format, "--dataset", "camp", "--allow-empty", tt.file)
			if code != 1 {
				t.Errorf("exit %d, want 1\nstdout: %s\nstderr: %s", code, out, errs)
			}
			if !strings.Contains(errs, "audit log") || !strings.Contains(errs, "nothing was imported") {
				t.Errorf("stderr %q: want it to name the audit log and say nothing was imported", errs)
			}
			checkUnchanged(t, db, "camp", before, beforeDS, "the unaudited import")
		})
	}
}

// Input that holds no records is not an empty list: the import fails, says
// so, and the dataset keeps its records, unless --allow-empty asks to empty
// it.
func TestImportCmd_NoRecords(t *testing.T) {
	const sdnHeader = "ent_num,SDN_Name,SDN_Type,Program,Title,Call_Sign,Vess_type,Tonnage,GRT,Vess_flag,Vess_owner,Remarks\r\n"
	tests := []struct {
		name, format, file, data string
	}{
		{"empty JSONL", "jsonl", "export.jsonl", ""},
		{"JSONL of blank lines", "jsonl", "export.jsonl", "\n  \n\t\r\n"},
		{"CSV header without rows", "csv", "export.csv", "id,name,name_ar\n"},
		{"CSV header with a BOM, without rows", "csv", "export.csv", "\ufeffid,name\r\n\r\n"},
		{"OFAC SDN file without rows", "ofac", "sdn.csv", sdnHeader + "\x1a"},
		{"UN list without entries", "un", "consolidated.xml", `<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2026-03-01T00:00:00Z"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			db := filepath.Join(dir, "athar.db")
			mustAthar(t, "import", "--db", db, "--format", "csv", "--dataset", "camp", "testdata/camp-registry.csv")
			before, beforeDS := records(t, db), datasetOf(t, db, "camp")
			path := filepath.Join(dir, tt.file)
			if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}

			code, out, errs := runAthar(t, "import", "--db", db, "--format", tt.format, "--dataset", "camp", path)
			if code != 1 {
				t.Errorf("exit %d, want 1\nstdout: %s\nstderr: %s", code, out, errs)
			}
			for _, want := range []string{path + " holds no records", `dataset "camp" is unchanged`, "--allow-empty"} {
				if !strings.Contains(errs, want) {
					t.Errorf("stderr %q lacks %q", errs, want)
				}
			}
			if strings.Contains(out, "Imported") {
				t.Errorf("the refused import printed a summary: %s", out)
			}
			checkUnchanged(t, db, "camp", before, beforeDS, "the refused import")

			// --allow-empty empties the dataset on purpose.
			mustAthar(t, "import", "--db", db, "--format", tt.format, "--dataset", "camp", "--allow-empty", path)
			if ds := datasetOf(t, db, "camp"); ds.Persons != 0 || ds.Orgs != 0 || ds.Format != tt.format {
				t.Errorf("after --allow-empty: dataset %+v, want no records", ds)
			}
			if got := records(t, db); len(got) != 0 {
				t.Errorf("after --allow-empty: %d records, want 0", len(got))
			}
		})
	}
}

// The note about an owner the registry does not know comes only after an
// import that succeeded: a failed one has imported no records to be unseen.
func TestImportCmd_UnknownOwnerNote(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "athar.db")
	empty := filepath.Join(dir, "empty.jsonl")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	const note = `note: no organisation "agency-x"`
	tests := []struct {
		name     string
		file     string
		code     int
		wantNote bool
	}{
		{"broken file", "testdata/broken.jsonl", 1, false},
		{"file without records", empty, 1, false},
		{"missing file", filepath.Join(dir, "nope.jsonl"), 1, false},
		{"good file", "testdata/wanted.jsonl", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runAthar(t, "import", "--db", db, "--format", "jsonl", "--dataset", "wanted", "--owner", "agency-x", "--label", "amber", tt.file)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, out, errs)
			}
			if got := strings.Contains(errs, note); got != tt.wantNote {
				t.Errorf("stderr %q: note printed %v, want %v", errs, got, tt.wantNote)
			}
		})
	}
}
