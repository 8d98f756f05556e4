package screen

import (
	"context"
	"testing"

	"github.com/athar-org/athar/names"
)

// The query's unit weights are computed once per query: candidates weighs
// each unit for retrieval and leaves the weight in the query's SimCache,
// where the comparisons that follow read it instead of weighing again.
func TestCandidates_WeighQueryOnce(t *testing.T) {
	ix, err := buildIndex(context.Background(), synthRecords(300, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		query []string
	}{
		{"Arabic kunya and nisba", []string{"أبو بكر البغدادي"}},
		{"Latin", []string{"Ibrahim Awwad Ibrahim al-Badri"}},
		{"common names", []string{"محمد علي حسين"}},
		{"Arabic and Latin", []string{"إبراهيم عواد البدري", "Ibrahim Awad al-Samarra'i"}},
		{"Somali spelling", []string{"Maxamed Cabdullaahi Cismaan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var qn []names.Name
			for _, n := range tt.query {
				qn = append(qn, names.Analyze(n))
			}
			sc := ix.newScratch()
			sc.sims.Reset()
			ix.candidates(sc, qn, nil, 0, nil)
			rare := false
			for qi := range qn {
				sc.sims.SetQueryName(qi)
				for ui := range qn[qi].Units {
					u := &qn[qi].Units[ui]
					want := ix.freq.Weight(u)
					rare = rare || want != names.DefaultWeight
					// Without a frequency table a unit weighs
					// DefaultWeight: the index's weight comes back
					// only from the cache.
					if got := sc.sims.QueryWeight(nil, ui, u); got != want {
						t.Errorf("%s: weight %v after candidates, want %v kept from retrieval", u.Norm, got, want)
					}
				}
			}
			if !rare {
				t.Fatal("every unit weighs DefaultWeight: the test cannot tell")
			}
		})
	}
}
