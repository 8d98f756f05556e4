package api_test

import (
	"context"
	"net/url"
	"testing"

	"github.com/athar-org/athar/api"
	"github.com/athar-org/athar/store/sqlite"
)

// addNews stores two outlets' copies of one report and a second report, as
// `athar ingest` would, with claims linked to QDi.299 and to A's AMBER
// record A-9.
func addNews(t *testing.T, e *env) {
	t.Helper()
	ctx := context.Background()
	same := "وقال مسؤول عراقي إن أبو بكر البغدادي فر إلى الصحراء الغربية في الأنبار بعد معركة الباغوز."
	docs := []struct {
		source, published, text string
		claims                  []sqlite.Claim
	}{
		{"wire", "2019-03-25", same, []sqlite.Claim{
			{Type: "fled_to", Subject: "Abu Bakr al-Baghdadi", SubjectText: "أبو بكر البغدادي", RegistryID: "QDi.299", LinkScore: 0.75,
				PlaceID: "anbar", PlaceName: "Anbar", Country: "IQ", Lat: 33.4, Lon: 42.5, PlaceKind: "province",
				DateEnd: "2019-03-25", Certainty: 0.7, Credibility: 6, Evidence: same},
		}},
		{"copy", "2019-03-26", same + " ", []sqlite.Claim{
			{Type: "fled_to", Subject: "Abu Bakr al-Baghdadi", SubjectText: "أبو بكر البغدادي", RegistryID: "QDi.299", LinkScore: 0.75,
				PlaceID: "anbar", PlaceName: "Anbar", Country: "IQ", Lat: 33.4, Lon: 42.5, PlaceKind: "province",
				DateEnd: "2019-03-26", Certainty: 0.7, Credibility: 6, Evidence: same},
		}},
		{"other", "2019-06-01", "اعتقلت السلطات التركية سعد الزوبعي في غازي عنتاب وفق بيان رسمي صدر اليوم عن الولاية.", []sqlite.Claim{
			{Type: "arrested_in", Subject: "Saad al-Zubai", SubjectText: "سعد الزوبعي", RegistryID: "A-9", LinkScore: 0.8,
				PlaceID: "gaziantep", PlaceName: "Gaziantep", Country: "TR", Lat: 37.07, Lon: 37.38, PlaceKind: "city",
				DateStart: "2019-05-30", DateEnd: "2019-05-30", Certainty: 0.85, Credibility: 6,
				Evidence: "اعتقلت السلطات التركية سعد الزوبعي في غازي عنتاب"},
			{Type: "fled_to", Subject: "Abu Bakr al-Baghdadi", SubjectText: "أبو بكر البغدادي", RegistryID: "QDi.299", LinkScore: 0.75,
				PlaceID: "anbar", PlaceName: "Anbar", Country: "IQ", Lat: 33.4, Lon: 42.5, PlaceKind: "province",
				DateEnd: "2019-06-01", Certainty: 0.5, Credibility: 6, Evidence: "ويعتقد أن زعيم التنظيم انتقل إلى مناطق صحراوية غرب العراق منذ أشهر"},
		}},
	}
	for _, d := range docs {
		src, err := e.st.EnsureSource(ctx, d.source, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := e.st.AddDocument(ctx, sqlite.Document{SourceID: src.ID, Published: d.published, Text: d.text}, d.claims); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTrailsAndDestinations(t *testing.T) {
	e := start(t, api.Config{})
	e.want(e.do("a-analyst", "POST", "/v1/persons", map[string]any{
		"id": "A-9", "label": "AMBER",
		"names": []map[string]string{{"full": "سعد عبد الكريم الزوبعي", "script": "Arab", "kind": "primary"}},
	}), 201)
	addNews(t, e)

	// Every role reads a public record's trail, oldest first.
	for _, login := range []string{"b-screener", "a-analyst", "b-auditor"} {
		var tr api.Trail
		e.want(e.do(login, "GET", "/v1/trails/QDi.299", nil), 200).decode(t, &tr)
		if len(tr.Claims) != 3 || tr.Claims[0].Source != "wire" || tr.Claims[2].Source != "other" {
			t.Fatalf("%s: trail of QDi.299: %+v", login, tr.Claims)
		}
	}
	// A sees its AMBER record's trail with the link; B does not learn that
	// A-9 exists or is linked, but finds the claim by the name in the news.
	var tr api.Trail
	e.want(e.do("a-screener", "GET", "/v1/trails/A-9", nil), 200).decode(t, &tr)
	if len(tr.Claims) != 1 || tr.Claims[0].RegistryID != "A-9" {
		t.Fatalf("A: trail of A-9: %+v", tr.Claims)
	}
	e.want(e.do("b-screener", "GET", "/v1/trails/A-9", nil), 200).decode(t, &tr)
	if len(tr.Claims) != 0 {
		t.Fatalf("B: trail of A's AMBER record: %+v", tr.Claims)
	}
	e.want(e.do("b-screener", "GET", "/v1/trails/"+url.PathEscape("Saad al-Zubai"), nil), 200).decode(t, &tr)
	if len(tr.Claims) != 1 || tr.Claims[0].RegistryID != "" || tr.Claims[0].LinkScore != 0 {
		t.Fatalf("B: trail by name: %+v", tr.Claims)
	}

	// Two copies of one report and a second report: 3 claims, 2 sources.
	var ds struct{ Destinations []api.Destination }
	e.want(e.do("b-screener", "GET", "/v1/destinations", nil), 200).decode(t, &ds)
	if len(ds.Destinations) != 2 {
		t.Fatalf("destinations: %+v", ds.Destinations)
	}
	if d := ds.Destinations[0]; d.Place != "Anbar" || d.Claims != 3 || d.IndependentSources != 2 || len(d.ClaimList) != 3 || len(d.Sources) != 3 {
		t.Fatalf("first destination: %+v", d)
	}
	for _, cl := range ds.Destinations[1].ClaimList {
		if cl.RegistryID != "" {
			t.Fatalf("B sees the link to A's AMBER record: %+v", cl)
		}
	}
	for _, tc := range []struct {
		query  string
		places int
	}{
		{"since=2019-05-01", 2},
		{"since=2019-07-01", 0},
		{"group=" + url.QueryEscape("baghdadi"), 1},
		{"group=nobody", 0},
	} {
		e.want(e.do("a-auditor", "GET", "/v1/destinations?"+tc.query, nil), 200).decode(t, &ds)
		if len(ds.Destinations) != tc.places {
			t.Errorf("?%s: %d places, want %d", tc.query, len(ds.Destinations), tc.places)
		}
	}
	if p := e.want(e.do("a-screener", "GET", "/v1/destinations?since=March", nil), 400).problem(t); p.Detail == "" {
		t.Fatal("no detail")
	}
	e.want(e.do("", "GET", "/v1/destinations", nil), 401)

	// Reads are audited.
	var log struct {
		Entries []struct{ Action, Actor, Target string }
	}
	e.want(e.do("b-auditor", "GET", "/v1/audit?limit=1000", nil), 200).decode(t, &log)
	var trails, dests int
	for _, en := range log.Entries {
		switch en.Action {
		case "trail.read":
			trails++
		case "destinations.read":
			dests++
		}
	}
	if trails == 0 || dests == 0 {
		t.Fatalf("audit of org b: %d trail reads, %d destination reads", trails, dests)
	}
}
