// Package storetest holds the test suite every store.Store implementation
// must pass. An implementation's tests call Run with a function that opens a
// new, empty store.
package storetest

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store"
)

// Run runs the suite. open returns a new, empty store; Run closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"PersonNotFound", testPersonNotFound},
		{"RoundTrip", testRoundTrip},
		{"ImportReplaces", testImportReplaces},
		{"ReimportIdempotent", testReimportIdempotent},
		{"ReadersSeeOldVersionUntilCommit", testReadersSeeOldVersion},
		{"Rollback", testRollback},
		{"FailedImportLeavesOldVersion", testFailedImport},
		{"ConflictAcrossDatasets", testConflict},
		{"ConflictAfterManyRecords", testConflictLate},
		{"CancelledImport", testCancelledImport},
		{"ManualRecords", testManual},
		{"PersonsOrder", testPersonsOrder},
		{"PersonsSnapshot", testPersonsSnapshot},
		{"PersonsStopEarly", testPersonsStopEarly},
		{"DatasetsCounts", testDatasetsCounts},
		{"InvalidRecords", testInvalidRecords},
		{"CommitChecksName", testCommitChecksName},
		{"ManyRecords", testManyRecords},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// Person returns a small person record with an Arabic and a Latin name.
func Person(id, ar, latin string) *athar.Person {
	return &athar.Person{
		ID:   id,
		Kind: athar.KindPerson,
		Names: []athar.Name{
			{Full: ar, Script: athar.ScriptArabic, Kind: athar.NamePrimary},
			{Full: latin, Script: athar.ScriptLatin, Kind: athar.NameAlias},
		},
		Provenance: athar.Provenance{SourceID: id},
	}
}

func org(id, name string) *athar.Person {
	return &athar.Person{
		ID:         id,
		Kind:       athar.KindOrganization,
		Names:      []athar.Name{{Full: name, Script: athar.ScriptLatin, Kind: athar.NamePrimary}},
		Provenance: athar.Provenance{SourceID: id},
	}
}

// fullPerson fills every field of the record, so that a round trip shows
// what a store loses.
func fullPerson() *athar.Person {
	return &athar.Person{
		ID:   "QDi.299",
		Kind: athar.KindPerson,
		Names: []athar.Name{
			{Full: "Ibrahim Awwad Ibrahim Ali al-Badri al-Samarrai", Script: athar.ScriptLatin, Kind: athar.NamePrimary,
				Source: "FIRST_NAME..FOURTH_NAME",
				Parts:  &athar.NameParts{Given: "Ibrahim", Father: "Awwad", Grandfather: "Ibrahim", Family: "al-Samarrai", Titles: []string{"Dr."}}},
			{Full: "إبراهيم عواد إبراهيم علي البدري السامرائي", Script: athar.ScriptArabic, Kind: athar.NameOriginal, Source: "NAME_ORIGINAL_SCRIPT"},
			{Full: "أبو بكر البغدادي الحسيني القريشي", Script: athar.ScriptArabic, Kind: athar.NameWeak, Quality: "Low",
				Parts: &athar.NameParts{Kunya: "أبو بكر", Laqab: "البغدادي"}, Note: "kunya <&> nom de guerre"},
			{Full: "Abu Bakr al-Baghdadi", Script: athar.ScriptLatin, Kind: athar.NameWeak, Quality: "Low"},
			{Full: "Dr. Ibrahim", Script: athar.ScriptLatin, Kind: athar.NameFormer, Quality: "fka"},
		},
		Gender: athar.GenderMale,
		BirthDates: []athar.BirthDate{
			{Qualifier: athar.DateExact, Date: athar.PartialDate{Year: 1971}},
			{Qualifier: athar.DateApproximate, Date: athar.PartialDate{Year: 1971, Month: 7, Day: 28}, Note: "as reported"},
			{Qualifier: athar.DateBetween, From: athar.PartialDate{Year: 1970}, To: athar.PartialDate{Year: 1972, Month: 3}},
		},
		BirthPlaces:   []athar.Place{{City: "Samarra", Region: "صلاح الدين", Country: "IQ", Text: "Samarra, Iraq"}},
		Nationalities: []string{"IQ"},
		MotherName:    "فاطمة",
		Titles:        []string{"Dr."},
		Designations:  []string{"leader"},
		Documents:     []athar.Document{{Type: "passport", Number: "A1234567", Country: "IQ", Note: "expired", Forged: true}},
		Addresses:     []athar.Place{{Country: "SY", Text: "الرقة"}},
		Lists:         []athar.ListEntry{{List: "UN ISIL (Da'esh) & Al-Qaida", Reference: "QDi.299", ListedOn: "2011-10-05", Program: "SDGT"}},
		Status:        athar.StatusDeceased,
		Remarks:       "INTERPOL-UN Security Council Special Notice web link.",
		Owner:         "interior-ministry",
		Label:         athar.TLPAmber,
		Provenance:    athar.Provenance{SourceID: "QDi.299", EnteredBy: "someone"},
		Extra:         []athar.ExtraField{{Key: "SORT_KEY", Value: "x"}},
	}
}

// importAll imports one version of a dataset and fails the test on error.
func importAll(t *testing.T, s store.Store, dataset, version string, ps ...*athar.Person) athar.Dataset {
	t.Helper()
	ctx := context.Background()
	imp, err := s.BeginImport(ctx, dataset)
	if err != nil {
		t.Fatalf("BeginImport(%s): %v", dataset, err)
	}
	defer imp.Rollback()
	for _, p := range ps {
		if err := imp.Put(ctx, p); err != nil {
			t.Fatalf("Put(%s): %v", p.ID, err)
		}
	}
	ds, err := imp.Commit(ctx, athar.Dataset{Name: dataset, Format: "test", Version: version, Files: []string{dataset + ".txt"}, SHA256: "abc"})
	if err != nil {
		t.Fatalf("Commit(%s): %v", dataset, err)
	}
	return ds
}

// putOrCommit puts p and commits, returning the first error: a store may
// report a bad record from Put or only from Commit.
func putOrCommit(imp store.Import, p *athar.Person) error {
	ctx := context.Background()
	if err := imp.Put(ctx, p); err != nil {
		return err
	}
	_, err := imp.Commit(ctx, athar.Dataset{Name: p.Provenance.Dataset})
	return err
}

// ids lists the ids Persons yields, failing the test on error.
func ids(t *testing.T, s store.Store) []string {
	t.Helper()
	var got []string
	for p, err := range s.Persons(context.Background()) {
		if err != nil {
			t.Fatalf("Persons: %v", err)
		}
		got = append(got, p.ID)
	}
	return got
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := athar.ErrorCode(err); got != code {
		t.Fatalf("%s: got error %v (code %q), want code %q", what, err, got, code)
	}
}

func mustPerson(t *testing.T, s store.Store, id string) *athar.Person {
	t.Helper()
	p, err := s.Person(context.Background(), id)
	if err != nil {
		t.Fatalf("Person(%s): %v", id, err)
	}
	return p
}

func dataset(t *testing.T, s store.Store, name string) (athar.Dataset, bool) {
	t.Helper()
	sets, err := s.Datasets(context.Background())
	if err != nil {
		t.Fatalf("Datasets: %v", err)
	}
	for _, ds := range sets {
		if ds.Name == name {
			return ds, true
		}
	}
	return athar.Dataset{}, false
}

func testPersonNotFound(t *testing.T, s store.Store) {
	_, err := s.Person(context.Background(), "QDi.299")
	wantCode(t, "Person on an empty store", err, athar.ENOTFOUND)
	importAll(t, s, "un", "1", Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn"))
	_, err = s.Person(context.Background(), "QDi.299")
	wantCode(t, "Person of an absent id", err, athar.ENOTFOUND)
}

func testRoundTrip(t *testing.T, s store.Store) {
	want := fullPerson()
	ds := importAll(t, s, "un", "2026-02-27", fullPerson())
	got := mustPerson(t, s, want.ID)

	if got.Provenance.Dataset != "un" || got.Provenance.Version != "2026-02-27" {
		t.Errorf("provenance: got dataset %q version %q, want un 2026-02-27", got.Provenance.Dataset, got.Provenance.Version)
	}
	if !got.Provenance.ImportedAt.Equal(ds.ImportedAt) || ds.ImportedAt.IsZero() {
		t.Errorf("provenance: got imported_at %v, want the dataset's %v", got.Provenance.ImportedAt, ds.ImportedAt)
	}
	want.Provenance.Dataset = "un"
	want.Provenance.Version = "2026-02-27"
	want.Provenance.ImportedAt = got.Provenance.ImportedAt
	if !reflect.DeepEqual(got, want) {
		t.Errorf("record changed in the store:\ngot  %+v\nwant %+v", got, want)
	}
}

func testImportReplaces(t *testing.T, s store.Store) {
	importAll(t, s, "un", "2018-10-29",
		Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn"),
		Person("QDi.2", "عمر الشيشاني", "Umar al-Shishani"),
		org("QDe.115", "Islamic State in Iraq and the Levant"))
	importAll(t, s, "other", "1", Person("X-1", "أحمد", "Ahmad"))

	newer := Person("QDi.2", "طرخان باتيراشفيلي", "Tarkhan Batirashvili")
	importAll(t, s, "un", "2026-02-27", newer, Person("QDi.299", "أبو بكر البغدادي", "Abu Bakr al-Baghdadi"))

	if got, want := ids(t, s), []string{"QDi.2", "QDi.299", "X-1"}; !slices.Equal(got, want) {
		t.Errorf("after the second import: got ids %q, want %q", got, want)
	}
	for _, id := range []string{"QDi.1", "QDe.115"} {
		_, err := s.Person(context.Background(), id)
		wantCode(t, "Person("+id+") of the replaced version", err, athar.ENOTFOUND)
	}
	if got := mustPerson(t, s, "QDi.2").PrimaryName(); got != "طرخان باتيراشفيلي" {
		t.Errorf("QDi.2: got name %q, want the new version's", got)
	}
	ds, _ := dataset(t, s, "un")
	if ds.Version != "2026-02-27" || ds.Persons != 2 || ds.Orgs != 0 {
		t.Errorf("dataset un: got version %q, %d persons, %d organisations; want 2026-02-27, 2, 0", ds.Version, ds.Persons, ds.Orgs)
	}
	if other, ok := dataset(t, s, "other"); !ok || other.Persons != 1 {
		t.Errorf("dataset other: got %+v, want untouched with 1 person", other)
	}
}

func testReimportIdempotent(t *testing.T, s store.Store) {
	recs := func() []*athar.Person {
		return []*athar.Person{fullPerson(), Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn")}
	}
	importAll(t, s, "un", "v1", recs()...)
	first := mustPerson(t, s, "QDi.299")
	importAll(t, s, "un", "v1", recs()...)
	second := mustPerson(t, s, "QDi.299")
	second.Provenance.ImportedAt = first.Provenance.ImportedAt
	if !reflect.DeepEqual(first, second) {
		t.Errorf("re-import changed the record:\nfirst  %+v\nsecond %+v", first, second)
	}
	if got, want := ids(t, s), []string{"QDi.1", "QDi.299"}; !slices.Equal(got, want) {
		t.Errorf("got ids %q, want %q", got, want)
	}
}

func testReadersSeeOldVersion(t *testing.T, s store.Store) {
	ctx := context.Background()
	importAll(t, s, "un", "v1", Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn"))

	imp, err := s.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	if err := imp.Put(ctx, Person("QDi.2", "عمر الشيشاني", "Umar al-Shishani")); err != nil {
		t.Fatal(err)
	}
	// During the import, readers see all of the old version and nothing of
	// the new one.
	mustPerson(t, s, "QDi.1")
	_, err = s.Person(ctx, "QDi.2")
	wantCode(t, "Person of a record not yet committed", err, athar.ENOTFOUND)
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.1"}) {
		t.Errorf("Persons during the import: got %q, want the old version [QDi.1]", got)
	}
	if ds, _ := dataset(t, s, "un"); ds.Version != "v1" {
		t.Errorf("Datasets during the import: got version %q, want v1", ds.Version)
	}

	if _, err := imp.Commit(ctx, athar.Dataset{Name: "un", Version: "v2"}); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.2"}) {
		t.Errorf("Persons after Commit: got %q, want [QDi.2]", got)
	}
	if err := imp.Rollback(); err != nil {
		t.Errorf("Rollback after Commit: %v", err)
	}
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.2"}) {
		t.Errorf("Persons after Rollback after Commit: got %q, want [QDi.2]", got)
	}
}

func testRollback(t *testing.T, s store.Store) {
	ctx := context.Background()
	importAll(t, s, "un", "v1", Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn"))
	for _, dataset := range []string{"un", "new"} {
		imp, err := s.BeginImport(ctx, dataset)
		if err != nil {
			t.Fatal(err)
		}
		if err := imp.Put(ctx, Person("QDi.2-"+dataset, "عمر الشيشاني", "Umar al-Shishani")); err != nil {
			t.Fatal(err)
		}
		if err := imp.Rollback(); err != nil {
			t.Fatalf("Rollback: %v", err)
		}
		if err := imp.Rollback(); err != nil {
			t.Errorf("second Rollback: %v", err)
		}
	}
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.1"}) {
		t.Errorf("after rollbacks: got ids %q, want [QDi.1]", got)
	}
	sets, err := s.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) != 1 || sets[0].Name != "un" || sets[0].Version != "v1" || sets[0].Persons != 1 {
		t.Errorf("after rollbacks: got datasets %+v, want only un v1 with 1 person", sets)
	}
	// The store takes a new import after a rollback.
	importAll(t, s, "un", "v2", Person("QDi.3", "أبو محمد العدناني", "Abu Muhammad al-Adnani"))
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.3"}) {
		t.Errorf("after a new import: got ids %q, want [QDi.3]", got)
	}
}

func testFailedImport(t *testing.T, s store.Store) {
	ctx := context.Background()
	importAll(t, s, "un", "v1", Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn"))

	imp, err := s.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	if err := imp.Put(ctx, Person("QDi.2", "عمر الشيشاني", "Umar al-Shishani")); err != nil {
		t.Fatal(err)
	}
	err = putOrCommit(imp, Person("QDi.2", "عمر الشيشاني", "Umar al-Shishani"))
	wantCode(t, "Put of an id twice in one import", err, athar.EINVALID)
	if !strings.Contains(err.Error(), "QDi.2") {
		t.Errorf("error %q does not name the id", err)
	}
	if _, err := imp.Commit(ctx, athar.Dataset{Name: "un", Version: "v2"}); err == nil {
		t.Error("Commit after a failed Put succeeded; want an error")
	}
	if err := imp.Rollback(); err != nil {
		t.Errorf("Rollback: %v", err)
	}
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.1"}) {
		t.Errorf("after a failed import: got ids %q, want the old version [QDi.1]", got)
	}
	if ds, _ := dataset(t, s, "un"); ds.Version != "v1" {
		t.Errorf("after a failed import: got version %q, want v1", ds.Version)
	}
}

func testConflict(t *testing.T, s store.Store) {
	ctx := context.Background()
	importAll(t, s, "un", "v1", Person("QDi.299", "أبو بكر البغدادي", "Abu Bakr al-Baghdadi"))
	imp, err := s.BeginImport(ctx, "camp-registry")
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	if err := imp.Put(ctx, Person("C-1", "محمد علي حسين", "Muhammad Ali Husayn")); err != nil {
		t.Fatal(err)
	}
	err = putOrCommit(imp, Person("QDi.299", "إبراهيم عواد البدري", "Ibrahim Awwad al-Badri"))
	wantCode(t, "Put of an id another dataset holds", err, athar.ECONFLICT)
	msg := athar.ErrorMessage(err)
	for _, want := range []string{"QDi.299", `"un"`, `"camp-registry"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("conflict message %q does not name %s", msg, want)
		}
	}
	imp.Rollback()
	if got := mustPerson(t, s, "QDi.299").Provenance.Dataset; got != "un" {
		t.Errorf("QDi.299: got dataset %q, want un", got)
	}
	if _, ok := dataset(t, s, "camp-registry"); ok {
		t.Error("the failed import left dataset camp-registry behind")
	}
}

// testConflictLate puts a clashing record after many good ones, so that a
// store writing in batches has written some before it meets the clash.
func testConflictLate(t *testing.T, s store.Store) {
	ctx := context.Background()
	importAll(t, s, "un", "v1", Person("QDi.299", "أبو بكر البغدادي", "Abu Bakr al-Baghdadi"))
	imp, err := s.BeginImport(ctx, "camp")
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	var putErr error
	for i := range 3000 {
		id := fmt.Sprintf("C-%05d", i)
		if i == 1000 {
			id = "QDi.299"
		}
		if putErr = imp.Put(ctx, Person(id, "محمد علي حسين", "Muhammad Ali Husayn")); putErr != nil {
			break
		}
	}
	if putErr == nil {
		_, putErr = imp.Commit(ctx, athar.Dataset{Name: "camp"})
	}
	wantCode(t, "an import with a clash at record 1000", putErr, athar.ECONFLICT)
	if !strings.Contains(putErr.Error(), "QDi.299") {
		t.Errorf("error %q does not name the id", putErr)
	}
	imp.Rollback()
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.299"}) {
		t.Errorf("after the failed import: got %d records, want only QDi.299", len(got))
	}
}

// testCancelledImport cancels the context of an import half-way: nothing of
// it may be committed.
func testCancelledImport(t *testing.T, s store.Store) {
	importAll(t, s, "un", "v1", Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn"))
	ctx, cancel := context.WithCancel(context.Background())
	imp, err := s.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	for i := range 500 {
		if err := imp.Put(ctx, Person(fmt.Sprintf("QDi.%d", 1000+i), "عمر", "Umar")); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	var putErr error
	for i := range 1000 {
		if putErr = imp.Put(ctx, Person(fmt.Sprintf("QDi.%d", 2000+i), "عمر", "Umar")); putErr != nil {
			break
		}
	}
	if putErr == nil {
		_, putErr = imp.Commit(ctx, athar.Dataset{Name: "un", Version: "v2"})
	}
	if putErr == nil {
		t.Fatal("an import whose context was cancelled committed")
	}
	imp.Rollback()
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.1"}) {
		t.Errorf("after a cancelled import: got %d records, want only QDi.1", len(got))
	}
	if ds, _ := dataset(t, s, "un"); ds.Version != "v1" {
		t.Errorf("after a cancelled import: version %q, want v1", ds.Version)
	}
}

func testManual(t *testing.T, s store.Store) {
	ctx := context.Background()
	_, err := s.BeginImport(ctx, athar.ManualDataset)
	wantCode(t, "BeginImport(manual)", err, athar.EINVALID)

	m := Person("M-1", "فاطمة حسن", "Fatima Hasan")
	m.Provenance.EnteredBy = "officer 7"
	if err := s.SavePerson(ctx, m); err != nil {
		t.Fatalf("SavePerson: %v", err)
	}
	importAll(t, s, "un", "v1", Person("QDi.1", "محمد علي حسين", "Muhammad Ali Husayn"))
	importAll(t, s, "un", "v2", Person("QDi.2", "عمر الشيشاني", "Umar al-Shishani"))

	got := mustPerson(t, s, "M-1")
	if got.Provenance.Dataset != athar.ManualDataset || got.Provenance.EnteredBy != "officer 7" || got.Provenance.ImportedAt.IsZero() {
		t.Errorf("manual record after imports: got provenance %+v, want dataset manual, entered_by officer 7, a save time", got.Provenance)
	}
	if got.PrimaryName() != "فاطمة حسن" {
		t.Errorf("manual record: got name %q", got.PrimaryName())
	}

	// Replacing a manual record.
	m2 := Person("M-1", "فاطمة حسن علي", "Fatima Hasan Ali")
	if err := s.SavePerson(ctx, m2); err != nil {
		t.Fatalf("SavePerson (replace): %v", err)
	}
	if got := mustPerson(t, s, "M-1").PrimaryName(); got != "فاطمة حسن علي" {
		t.Errorf("replaced manual record: got name %q", got)
	}

	err = s.SavePerson(ctx, Person("QDi.2", "عمر", "Umar"))
	wantCode(t, "SavePerson of an imported id", err, athar.ECONFLICT)

	imp, err := s.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	err = putOrCommit(imp, Person("M-1", "فاطمة", "Fatima"))
	wantCode(t, "Put of a manual record's id", err, athar.ECONFLICT)
	imp.Rollback()

	err = s.DeletePerson(ctx, "QDi.2")
	wantCode(t, "DeletePerson of an imported record", err, athar.ECONFLICT)
	err = s.DeletePerson(ctx, "M-404")
	wantCode(t, "DeletePerson of an absent id", err, athar.ENOTFOUND)

	if ds, ok := dataset(t, s, athar.ManualDataset); !ok || ds.Persons != 1 {
		t.Errorf("manual dataset: got %+v, want 1 person", ds)
	}
	if err := s.DeletePerson(ctx, "M-1"); err != nil {
		t.Fatalf("DeletePerson: %v", err)
	}
	_, err = s.Person(ctx, "M-1")
	wantCode(t, "Person after DeletePerson", err, athar.ENOTFOUND)
	if got := ids(t, s); !slices.Equal(got, []string{"QDi.2"}) {
		t.Errorf("after deleting the manual record: got ids %q, want [QDi.2]", got)
	}
}

// testPersonsOrder wants the ids in byte order, as Go compares strings (a
// PostgreSQL store needs COLLATE "C" for this).
func testPersonsOrder(t *testing.T, s store.Store) {
	if err := s.SavePerson(context.Background(), Person("M-2", "زينب", "Zaynab")); err != nil {
		t.Fatal(err)
	}
	importAll(t, s, "b", "1",
		Person("b-10", "أحمد", "Ahmad"), Person("B-2", "علي", "Ali"), Person("ب-1", "حسن", "Hasan"))
	importAll(t, s, "a", "1",
		Person("a-2", "محمد", "Muhammad"), Person("a-10", "عمر", "Umar"), Person("QDi.1", "خالد", "Khalid"))
	want := []string{"B-2", "M-2", "QDi.1", "a-10", "a-2", "b-10", "ب-1"}
	if got := ids(t, s); !slices.Equal(got, want) {
		t.Errorf("Persons order: got %q, want %q (byte order of the id)", got, want)
	}
	if !slices.IsSorted(want) {
		t.Fatal("the expected order is not sorted; fix the test")
	}
}

func testPersonsSnapshot(t *testing.T, s store.Store) {
	ctx := context.Background()
	var old []*athar.Person
	for i := range 50 {
		old = append(old, Person(fmt.Sprintf("old-%03d", i), "محمد علي حسين", "Muhammad Ali Husayn"))
	}
	importAll(t, s, "un", "v1", old...)

	var got []string
	n := 0
	for p, err := range s.Persons(ctx) {
		if err != nil {
			t.Fatalf("Persons: %v", err)
		}
		got = append(got, p.ID)
		n++
		if n == 10 {
			// A new version is committed while the iteration is half-way.
			importAll(t, s, "un", "v2", Person("new-1", "عمر", "Umar"), Person("old-049", "عمر", "Umar"))
		}
		if p.Provenance.Version != "v1" {
			t.Errorf("record %s of version %q during an iteration that began at v1", p.ID, p.Provenance.Version)
		}
	}
	if len(got) != 50 || got[0] != "old-000" || got[49] != "old-049" {
		t.Errorf("an iteration crossing a commit yielded %d records (%q...); want the 50 of the old version", len(got), got[:min(3, len(got))])
	}
	if got := ids(t, s); !slices.Equal(got, []string{"new-1", "old-049"}) {
		t.Errorf("after the iteration: got %q, want the new version", got)
	}
}

func testPersonsStopEarly(t *testing.T, s store.Store) {
	ctx := context.Background()
	importAll(t, s, "un", "v1", Person("a", "أ", "A"), Person("b", "ب", "B"), Person("c", "ت", "C"))
	for range 20 { // a leaked read snapshot or connection would show here
		n := 0
		for _, err := range s.Persons(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			n++
			if n == 2 {
				break
			}
		}
	}
	importAll(t, s, "un", "v2", Person("d", "ث", "D"))
	if got := ids(t, s); !slices.Equal(got, []string{"d"}) {
		t.Errorf("after stopping iterations early: got %q, want [d]", got)
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	for p, err := range s.Persons(cctx) {
		if err == nil {
			t.Errorf("Persons with a cancelled context yielded %s, want an error", p.ID)
		}
		break
	}
}

func testDatasetsCounts(t *testing.T, s store.Store) {
	ctx := context.Background()
	sets, err := s.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(sets) != 0 {
		t.Errorf("a new store has datasets %+v", sets)
	}
	before := time.Now().Add(-time.Minute)
	importAll(t, s, "un", "2026-02-27",
		Person("QDi.1", "محمد", "Muhammad"), Person("QDi.2", "عمر", "Umar"), org("QDe.115", "ISIL"))
	importAll(t, s, "ofac", "2024-05-03", org("ofac-1", "Al-Nusrah Front"), org("ofac-2", "Jabhat al-Nusra"))
	if err := s.SavePerson(ctx, Person("M-1", "زينب", "Zaynab")); err != nil {
		t.Fatal(err)
	}
	sets, err = s.Datasets(ctx)
	if err != nil {
		t.Fatal(err)
	}
	type counts struct {
		name, format, version string
		persons, orgs         int
	}
	var got []counts
	for _, ds := range sets {
		got = append(got, counts{ds.Name, ds.Format, ds.Version, ds.Persons, ds.Orgs})
		if ds.ImportedAt.Before(before) {
			t.Errorf("dataset %s: imported_at %v is not the time of the import", ds.Name, ds.ImportedAt)
		}
	}
	want := []counts{
		{"manual", "manual", "", 1, 0},
		{"ofac", "test", "2024-05-03", 0, 2},
		{"un", "test", "2026-02-27", 2, 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Datasets:\ngot  %+v\nwant %+v", got, want)
	}
	if un, _ := dataset(t, s, "un"); !slices.Equal(un.Files, []string{"un.txt"}) || un.SHA256 != "abc" {
		t.Errorf("dataset un: got files %q sha256 %q, want [un.txt] abc", un.Files, un.SHA256)
	}
}

func testInvalidRecords(t *testing.T, s store.Store) {
	ctx := context.Background()
	bad := []struct {
		name string
		p    *athar.Person
	}{
		{"no id", Person("", "محمد", "Muhammad")},
		{"blank id", Person("  ", "محمد", "Muhammad")},
		{"control character", Person("a\x00b", "محمد", "Muhammad")},
		{"unknown kind", &athar.Person{ID: "x", Kind: "ship"}},
	}
	for _, tt := range bad {
		imp, err := s.BeginImport(ctx, "un")
		if err != nil {
			t.Fatal(err)
		}
		wantCode(t, "Put of a record with "+tt.name, imp.Put(ctx, tt.p), athar.EINVALID)
		imp.Rollback()
		wantCode(t, "SavePerson of a record with "+tt.name, s.SavePerson(ctx, tt.p), athar.EINVALID)
	}
	for _, name := range []string{"", " ", "a\nb"} {
		_, err := s.BeginImport(ctx, name)
		wantCode(t, fmt.Sprintf("BeginImport(%q)", name), err, athar.EINVALID)
	}
	// A record with no kind is a person.
	importAll(t, s, "un", "1", &athar.Person{ID: "k", Names: []athar.Name{{Full: "خالد", Script: athar.ScriptArabic, Kind: athar.NamePrimary}}})
	if got := mustPerson(t, s, "k").Kind; got != athar.KindPerson {
		t.Errorf("record with no kind: got kind %q, want person", got)
	}
}

func testCommitChecksName(t *testing.T, s store.Store) {
	ctx := context.Background()
	imp, err := s.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	defer imp.Rollback()
	_, err = imp.Commit(ctx, athar.Dataset{Name: "ofac"})
	wantCode(t, "Commit with another dataset's name", err, athar.EINVALID)
}

func testManyRecords(t *testing.T, s store.Store) {
	const n = 3000
	var ps []*athar.Person
	for i := range n {
		p := fullPerson()
		p.ID = fmt.Sprintf("P-%05d", i)
		if i%3 == 0 {
			p.Kind = athar.KindOrganization
		}
		ps = append(ps, p)
	}
	ds := importAll(t, s, "big", "1", ps...)
	if ds.Persons != 2000 || ds.Orgs != 1000 {
		t.Errorf("Commit: got %d persons, %d organisations; want 2000, 1000", ds.Persons, ds.Orgs)
	}
	got := ids(t, s)
	if len(got) != n || got[0] != "P-00000" || got[n-1] != fmt.Sprintf("P-%05d", n-1) {
		t.Errorf("Persons: got %d records, want %d in order", len(got), n)
	}
}
