package api

import (
	"testing"

	"github.com/athar-org/athar"
)

// FuzzDecodeScreenRequest checks that no body makes the decoder panic or
// fail with anything but a user's error (400).
func FuzzDecodeScreenRequest(f *testing.F) {
	for _, s := range []string{
		`{"query":{"name":"أبو بكر البغدادي","birth_date":"1971"}}`,
		`{"queries":[{"name":"محمد علي حسين"},{"names":["Ali","علي"],"documents":[{"number":"A123"}]}],"limit":5,"threshold":0.2}`,
		"{\"query\":{\"name\":\"\xff\"}}",
		`{"query":{"name":"x"}} []`,
		`{"query":null}`,
		`[1,2]`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var req ScreenRequest
		if err := decodeStrict(b, &req); err != nil && athar.ErrorCode(err) != athar.EINVALID {
			t.Fatalf("decode %q: %v (code %s), want invalid", b, err, athar.ErrorCode(err))
		}
	})
}

// FuzzDecodePerson does the same for a record entered by hand.
func FuzzDecodePerson(f *testing.F) {
	for _, s := range []string{
		`{"id":"A-1","names":[{"full":"خالد عمر","kind":"primary"}],"label":"AMBER","birth_dates":[{"date":"1984"}]}`,
		`{"names":[{"full":"x","parts":{"given":"x"}}],"documents":[{"type":"passport","number":"A1"}]}`,
		`{"birth_dates":[{"date":"1984-13-40"}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var p athar.Person
		if err := decodeStrict(b, &p); err != nil && athar.ErrorCode(err) != athar.EINVALID {
			t.Fatalf("decode %q: %v (code %s), want invalid", b, err, athar.ErrorCode(err))
		}
	})
}

// FuzzDecodeDecision does the same for a review decision.
func FuzzDecodeDecision(f *testing.F) {
	f.Add([]byte(`{"query":{"name":"إبراهيم عواد البدري","birth_date":"1990"},"person_id":"QDi.299","outcome":"false_positive","reason":"الأب مختلف","officer":"أمل","label":"AMBER"}`))
	f.Add([]byte(`{"query":{"name":"x"},"outcome":7}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var d DecisionRequest
		if err := decodeStrict(b, &d); err != nil && athar.ErrorCode(err) != athar.EINVALID {
			t.Fatalf("decode %q: %v (code %s), want invalid", b, err, athar.ErrorCode(err))
		}
	})
}
