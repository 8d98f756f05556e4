package screen

import (
	"context"
	"fmt"
	"github.com/athar-org/athar/names"
	"iter"
	"strings"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/shareddata"
	"github.com/athar-org/athar/sources/un"
)

// loadUN reads a UN list file into memory.
func loadUN(tb testing.TB, file string) []*athar.Person {
	tb.Helper()
	out, err := un.ReadFile(context.Background(), shareddata.Path(tb, "un", file))
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// unScreener indexes the 2026 UN list.
func unScreener(t *testing.T) *Screener {
	t.Helper()
	s, err := NewFromRecords(context.Background(), records(loadUN(t, "consolidated-2026-02-27.xml")))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func records(ps []*athar.Person) iter.Seq2[*athar.Person, error] {
	return func(yield func(*athar.Person, error) bool) {
		for _, p := range ps {
			if !yield(p, nil) {
				return
			}
		}
	}
}

func TestScreenUN(t *testing.T) {
	ctx := context.Background()
	s := unScreener(t)
	tests := []struct {
		q    Query
		want string
	}{
		{Query{Name: "أبو بكر البغدادي"}, "QDi.299"},
		{Query{Name: "Abu Bakr al-Baghdadi"}, "QDi.299"},
		{Query{Name: "إبراهيم عواد إبراهيم البدري", BirthDate: "1971"}, "QDi.299"},
		{Query{Name: "Ibrahim Awad Ibrahim al-Badri al-Samarrai"}, "QDi.299"},
		// Typing slips that change how a word sounds.
		{Query{Name: "GHAZL HAMMUD AL-UBAIDI"}, "IQi.051"},
		{Query{Name: "OMAR ALI HUKSSAIN"}, "QDi.359"},
		{Query{Name: "ABDUL HAKIM HURAD"}, "QDi.120"},
	}
	for _, tt := range tests {
		m, err := s.Screen(ctx, tt.q, Options{Limit: 5, Threshold: 0})
		if err != nil {
			t.Fatal(err)
		}
		if len(m) == 0 || m[0].ID != tt.want {
			t.Errorf("%s: got %v, want %s first", tt.q.Name, summarize(m), tt.want)
			continue
		}
		t.Logf("%s: %v", tt.q.Name, summarize(m))
	}
}

// Scores the list's own records must keep: a compound split over two UN
// name fields (ABDEL | RAHMAN) is the same name as the compound; a brother
// (another given name, the same father and family) stays a relative's
// score even when his birth year falls in the listed range.
func TestScreenUN_Scores(t *testing.T) {
	ctx := context.Background()
	s := unScreener(t)
	tests := []struct {
		q        Query
		id       string
		min, max float64
	}{
		{Query{Name: "ABDEL RAHMAN JUMA BARKALLA"}, "SDi.005", 0.9, 1},
		{Query{Name: "طلحة محمد رحیمی", BirthDate: "1953"}, "TAi.015", 0, kinCapLow + 0.001},
	}
	for _, tt := range tests {
		ms, err := s.Screen(ctx, tt.q, Options{Limit: 5, Threshold: 0})
		if err != nil {
			t.Fatal(err)
		}
		var got float64 = -1
		for _, m := range ms {
			if m.ID == tt.id {
				got = m.Score
			}
		}
		if got < tt.min || got > tt.max {
			t.Errorf("%s: %s scored %.3f, want %.2f to %.2f (%v)", tt.q.Name, tt.id, got, tt.min, tt.max, summarize(ms))
		}
	}
}

func summarize(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s %s %.3f", m.ID, m.Name, m.Score))
	}
	return out
}

func TestScreen_CanSee(t *testing.T) {
	ctx := context.Background()
	mk := func(id, owner string, label athar.TLP) *athar.Person {
		return &athar.Person{ID: id, Kind: athar.KindPerson, Owner: owner, Label: label,
			Names: []athar.Name{{Full: "غازي حمود العبيدي", Script: athar.ScriptArabic, Kind: athar.NamePrimary}}}
	}
	s, err := NewFromRecords(ctx, records([]*athar.Person{mk("a-amber", "org-a", athar.TLPAmber), mk("b-green", "org-b", athar.TLPGreen)}))
	if err != nil {
		t.Fatal(err)
	}
	onlyB := func(owner string, label athar.TLP) bool {
		return owner == "org-b" || label == athar.TLPGreen || label == athar.TLPClear || label == ""
	}
	ms, err := s.Screen(ctx, Query{Name: "Ghazi Hammud al-Ubaidi"}, Options{Threshold: 0, CanSee: onlyB})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != 1 || ms[0].ID != "b-green" {
		t.Fatalf("got %v, want only b-green", summarize(ms))
	}
	ms, _ = s.Screen(ctx, Query{Name: "Ghazi Hammud al-Ubaidi"}, Options{Threshold: 0})
	if len(ms) != 2 {
		t.Fatalf("without a filter got %v, want both", summarize(ms))
	}
}

// TestScreen_CommonNamesAtScale screens exact copies of registry records
// whose every name unit is common, with the common-key limit lowered so that
// a 30,000-person registry behaves like a million-person one: the record must
// still come back among the ten best, found through the walks of common keys.
//
// It runs twice: with the common keys' postings merged, and with the densest
// keys' bitmaps ANDed, as a million-person registry does.
func TestScreen_CommonNamesAtScale(t *testing.T) {
	ctx := context.Background()
	s, err := NewFromRecords(ctx, synthRecords(30000, 11))
	if err != nil {
		t.Fatal(err)
	}
	ix := s.currentIndex()
	ix.common = 300
	for _, dense := range []int{0, 900} {
		t.Run(fmt.Sprintf("dense=%d", dense), func(t *testing.T) {
			ix.dense = nil
			if dense > 0 {
				ix.indexDense(dense)
				if len(ix.dense) == 0 {
					t.Fatal("no key is dense")
				}
			}
			commonNamesFound(t, s)
			// Without a birth year the first tied records are kept: the
			// query must still answer, within the limit, the record's own
			// name first or among records holding all its units.
			e := &ix.entries[0]
			if dense > 0 {
				e = nil
				for i := range ix.entries {
					if allDense(ix, &ix.entries[i].names[0].name) {
						e = &ix.entries[i]
						break
					}
				}
				if e == nil {
					t.Fatal("no record whose every unit is dense")
				}
			}
			ms, err := s.Screen(ctx, Query{Name: e.names[0].name.Original}, Options{Limit: 10, Threshold: 0})
			if err != nil {
				t.Fatal(err)
			}
			if len(ms) == 0 || len(ms) > 10 {
				t.Fatalf("%d matches for a listed name without a birth year", len(ms))
			}
		})
	}
}

// allDense reports whether every unit of a name, two or more, has a dense
// key: its query intersects bitmaps only.
func allDense(ix *index, n *names.Name) bool {
	if len(n.Units) < 2 {
		return false
	}
	for ui := range n.Units {
		if ix.dense[n.Units[ui].Keys[0]] == nil {
			return false
		}
	}
	return true
}

// commonNamesFound screens records whose every unit is common by their own
// name and birth date and fails unless nine in ten come back among the
// ten best.
func commonNamesFound(t *testing.T, s *Screener) {
	ctx := context.Background()
	ix := s.currentIndex()
	found, tried := 0, 0
	for i := 0; i < len(ix.entries) && tried < 40; i++ {
		e := &ix.entries[i]
		n := e.names[0].name
		common := true
		for ui := range n.Units {
			if ps := ix.keys[n.Units[ui].Keys[0]]; len(ps) <= ix.common {
				common = false
			}
		}
		if !common || len(e.births) == 0 {
			continue
		}
		tried++
		ms, err := s.Screen(ctx, Query{Name: n.Original, BirthDate: e.births[0].unpack().Date.String()}, Options{Limit: 10, Threshold: 0})
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.ID == e.id {
				found++
				break
			}
		}
	}
	if tried < 10 {
		t.Fatalf("only %d records with common names only", tried)
	}
	if found < tried*9/10 {
		t.Fatalf("found %d of %d records of common names among the ten best", found, tried)
	}
	t.Logf("found %d of %d", found, tried)
}

// TestScreen_CanSeeCommonKeys: when the rare keys of a query reach only
// records the caller may not see, the common keys must still be walked for
// the records the caller may see.
func TestScreen_CanSeeCommonKeys(t *testing.T) {
	ctx := context.Background()
	var recs []*athar.Person
	for i := range 30 {
		recs = append(recs, &athar.Person{ID: fmt.Sprintf("b-%02d", i), Kind: athar.KindPerson, Owner: "org-b", Label: athar.TLPGreen,
			Names: []athar.Name{{Full: "محمد علي", Script: athar.ScriptArabic, Kind: athar.NamePrimary}}})
	}
	recs = append(recs, &athar.Person{ID: "a-amber", Kind: athar.KindPerson, Owner: "org-a", Label: athar.TLPAmber,
		Names: []athar.Name{{Full: "محمد علي الزركاني", Script: athar.ScriptArabic, Kind: athar.NamePrimary}}})
	s, err := NewFromRecords(ctx, records(recs))
	if err != nil {
		t.Fatal(err)
	}
	s.currentIndex().common = 10
	onlyB := func(owner string, label athar.TLP) bool {
		return owner == "org-b" || label == athar.TLPGreen || label == athar.TLPClear
	}
	ms, err := s.Screen(ctx, Query{Name: "محمد علي الزركاني"}, Options{Threshold: 0, Limit: 5, CanSee: onlyB})
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 {
		t.Fatal("no match: the common keys were not walked for the visible records")
	}
	for _, m := range ms {
		if m.ID == "a-amber" {
			t.Fatalf("the AMBER record of another organisation was returned: %v", summarize(ms))
		}
	}
}

// TestScreen_CanSeeTiedCommonNames: when more records hold every unit of a
// common name than are compared, those the caller may not see must not take
// the places of those it may see, whether the tie is cut from postings or
// from bitmaps.
func TestScreen_CanSeeTiedCommonNames(t *testing.T) {
	ctx := context.Background()
	var recs []*athar.Person
	add := func(id, owner string) {
		recs = append(recs, &athar.Person{ID: id, Kind: athar.KindPerson, Owner: owner, Label: athar.TLPAmber,
			Names: []athar.Name{{Full: "أحمد علي", Script: athar.ScriptArabic, Kind: athar.NamePrimary}}})
	}
	for i := range 2 * maxTiedCandidates {
		add(fmt.Sprintf("a-%04d", i), "org-a")
	}
	for i := range 5 {
		add(fmt.Sprintf("b-%d", i), "org-b")
	}
	onlyB := func(owner string, label athar.TLP) bool { return owner == "org-b" }
	for _, dense := range []bool{false, true} {
		s, err := NewFromRecords(ctx, records(recs))
		if err != nil {
			t.Fatal(err)
		}
		ix := s.currentIndex()
		ix.common = 10
		if dense {
			ix.indexDense(10)
		} else {
			ix.dense = nil
		}
		ms, err := s.Screen(ctx, Query{Name: "أحمد علي"}, Options{Threshold: 0, Limit: 10, CanSee: onlyB})
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) != 5 {
			t.Fatalf("dense %v: got %v, want the five records of org-b", dense, summarize(ms))
		}
		for _, m := range ms {
			if !strings.HasPrefix(m.ID, "b-") {
				t.Fatalf("dense %v: a record of org-a was returned: %v", dense, summarize(ms))
			}
		}
	}
}
