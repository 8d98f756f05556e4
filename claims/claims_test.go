package claims

import (
	"testing"

	"github.com/athar-org/athar/store/sqlite"
)

func TestDestinations_CopiesCountOnce(t *testing.T) {
	const ev = "وقالت مصادر محلية إن عشرات من عناصر التنظيم فروا إلى إدلب خلال الأسابيع الماضية عبر طرق التهريب في البادية"
	cs := []sqlite.Claim{
		{ID: 1, DocumentID: 10, Type: "fled_to", Subject: "IS members", PlaceID: "idlib", PlaceName: "Idlib", Country: "SY", Source: "Outlet A", Evidence: ev, Certainty: 0.6},
		// The same report, lightly edited, in another outlet.
		{ID: 2, DocumentID: 11, Type: "fled_to", Subject: "IS members", PlaceID: "idlib", PlaceName: "Idlib", Country: "SY", Source: "Outlet B", Evidence: "و" + ev + " السورية", Certainty: 0.5},
		// An independent report of the same place.
		{ID: 3, DocumentID: 12, Type: "hiding_in", Subject: "foreign fighters", PlaceID: "idlib", PlaceName: "Idlib", Country: "SY", Source: "Outlet C", Evidence: "يختبئ مقاتلون أجانب في ريف إدلب الشمالي بحسب تقرير أممي صدر أمس", Certainty: 0.4},
		{ID: 4, DocumentID: 12, Type: "fled_to", Subject: "IS members", PlaceID: "tr", PlaceName: "Türkiye", Country: "TR", Source: "Outlet C", Evidence: "فر آخرون إلى تركيا", Certainty: 0.3},
	}
	docs := map[int64]string{10: "a", 11: "b", 12: "c"}
	ds := Destinations(cs, docs)
	if len(ds) != 2 {
		t.Fatalf("got %d places, want 2: %+v", len(ds), ds)
	}
	d := ds[0]
	if d.Place != "Idlib" || d.Claims != 3 || d.IndependentSources != 2 {
		t.Fatalf("got %s with %d claims and %d independent sources, want Idlib, 3, 2", d.Place, d.Claims, d.IndependentSources)
	}
	if len(d.ClaimIDs) != 3 || len(d.Sources) != 3 || d.MaxCertainty != 0.6 || d.Types["fled_to"] != 2 {
		t.Fatalf("got %+v", d)
	}
}
