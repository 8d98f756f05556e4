package sqlite_test

import (
	"context"
	"testing"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store/sqlite"
)

func TestClaims_RoundTrip(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	src, err := s.EnsureSource(ctx, "Diyaruna", "https://diyaruna.com", "C")
	if err != nil {
		t.Fatal(err)
	}
	if src.Reliability != "C" || src.ID == 0 {
		t.Fatalf("source %+v", src)
	}
	// Ensuring again without a grade keeps the grade.
	if again, err := s.EnsureSource(ctx, "Diyaruna", "", ""); err != nil || again.ID != src.ID || again.Reliability != "C" {
		t.Fatalf("again: %+v, %v", again, err)
	}
	claims := []sqlite.Claim{
		{Type: "fled_to", Subject: "foreign fighters", PlaceID: "iso:LY", PlaceName: "Libya", Country: "LY", Lat: 27, Lon: 17,
			PlaceKind: "country", DateEnd: "2018-08-10", Certainty: 0.45, Attribution: "وفقا للفيلي", Evidence: "فقد يفرون إلى ليبيا."},
		{Type: "killed_in", Subject: "Abu Abd Allah al-Masri", RegistryID: "QDi.999", LinkScore: 0.8, PlaceName: "Ubari",
			Country: "LY", Lat: 26.6, Lon: 12.8, PlaceKind: "city", DateStart: "2018-03-01", DateEnd: "2018-03-01",
			Certainty: 0.6, Evidence: "قتل أبو عبد الله المصري قرب أوباري."},
	}
	doc := sqlite.Document{SourceID: src.ID, Published: "2018-08-10", File: "a.txt", Text: "نص المقال"}
	id, added, err := s.AddDocument(ctx, doc, claims)
	if err != nil || !added {
		t.Fatalf("add: %v %v", added, err)
	}
	// The same text from the same source is stored once.
	id2, added, err := s.AddDocument(ctx, doc, claims)
	if err != nil || added || id2 != id {
		t.Fatalf("second add: id %d added %v err %v", id2, added, err)
	}
	all, err := s.Claims(ctx, sqlite.ClaimFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Type != "killed_in" || all[1].Type != "fled_to" {
		t.Fatalf("claims in date order: %+v", all)
	}
	if all[0].Source != "Diyaruna" || all[0].Reliability != "C" || all[0].Credibility != 6 || all[0].Published != "2018-08-10" {
		t.Errorf("joined fields: %+v", all[0])
	}
	byID, _ := s.Claims(ctx, sqlite.ClaimFilter{Person: "qdi.999"})
	byName, _ := s.Claims(ctx, sqlite.ClaimFilter{Person: "Abu Abd Allah al-Masri"})
	if len(byID) != 1 || len(byName) != 1 {
		t.Errorf("person filter: by ID %d, by name %d", len(byID), len(byName))
	}
	if g, _ := s.Claims(ctx, sqlite.ClaimFilter{Group: "FOREIGN"}); len(g) != 1 {
		t.Errorf("group filter: %d", len(g))
	}
	if g, _ := s.Claims(ctx, sqlite.ClaimFilter{Since: "2018-06-01"}); len(g) != 1 || g[0].Type != "fled_to" {
		t.Errorf("since filter: %+v", g)
	}
	if err := s.GradeClaim(ctx, all[0].ID, 2); err != nil {
		t.Fatal(err)
	}
	if err := s.GradeSource(ctx, "Diyaruna", "B"); err != nil {
		t.Fatal(err)
	}
	after, _ := s.Claims(ctx, sqlite.ClaimFilter{Person: "QDi.999"})
	if after[0].Credibility != 2 || after[0].Reliability != "B" {
		t.Errorf("grades: %+v", after[0])
	}
	texts, err := s.DocumentTexts(ctx, []int64{id, id, 999})
	if err != nil || len(texts) != 1 || texts[id] != "نص المقال" {
		t.Errorf("texts %v %v", texts, err)
	}
}

func TestClaims_BadGrades(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	for _, err := range []error{
		s.GradeSource(ctx, "nobody", "A"),
		s.GradeClaim(ctx, 42, 3),
	} {
		if athar.ErrorCode(err) != athar.ENOTFOUND {
			t.Errorf("want not found, got %v", err)
		}
	}
	for _, err := range []error{
		s.GradeSource(ctx, "x", "G"),
		s.GradeClaim(ctx, 1, 7),
		func() error { _, err := s.EnsureSource(ctx, " ", "", ""); return err }(),
		func() error { _, err := s.EnsureSource(ctx, "x", "", "a"); return err }(),
	} {
		if athar.ErrorCode(err) != athar.EINVALID {
			t.Errorf("want invalid, got %v", err)
		}
	}
}
