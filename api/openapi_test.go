package api_test

import (
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/athar-org/athar/api"
)

// TestOpenAPI checks /openapi.json against the real routes: every route is
// documented, and every documented route is served (the server answers
// something else than its "no such route" 404 or a 405).
func TestOpenAPI(t *testing.T) {
	e := start(t, api.Config{})
	raw := e.want(e.do("", "GET", "/openapi.json", nil), 200).body
	var doc struct {
		OpenAPI    string                                `json:"openapi"`
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas   map[string]json.RawMessage `json:"schemas"`
			Responses map[string]json.RawMessage `json:"responses"`
		} `json:"components"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi %q, want 3.x", doc.OpenAPI)
	}
	var documented []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			var o struct {
				OperationID string                     `json:"operationId"`
				Responses   map[string]json.RawMessage `json:"responses"`
			}
			if err := json.Unmarshal(op, &o); err != nil {
				t.Fatal(err)
			}
			if o.OperationID == "" || len(o.Responses) == 0 {
				t.Errorf("%s %s: no operationId or responses", method, path)
			}
			documented = append(documented, strings.ToUpper(method)+" "+path)
		}
	}
	served := e.srv.Routes()
	slices.Sort(documented)
	slices.Sort(served)
	for _, r := range served {
		if !slices.Contains(documented, r) {
			t.Errorf("route %s is not documented", r)
		}
	}
	for _, d := range documented {
		if !slices.Contains(served, d) {
			t.Errorf("documented route %s is not in the route table", d)
		}
		// And the server answers it for real.
		method, path, _ := strings.Cut(d, " ")
		path = strings.NewReplacer("{id}", "QDi.299", "{name}", "un").Replace(path)
		r := e.do("a-auditor", method, path, nil)
		if r.status == 405 || (r.status == 404 && strings.Contains(string(r.body), "no such route")) {
			t.Errorf("documented route %s: the server answers %d %s", d, r.status, r.body)
		}
	}

	// Every reference resolves.
	for _, m := range regexp.MustCompile(`"#/components/(schemas|responses)/([A-Za-z]+)"`).FindAllStringSubmatch(string(raw), -1) {
		var ok bool
		if m[1] == "schemas" {
			_, ok = doc.Components.Schemas[m[2]]
		} else {
			_, ok = doc.Components.Responses[m[2]]
		}
		if !ok {
			t.Errorf("unresolved reference %s", m[0])
		}
	}
}
