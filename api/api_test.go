package api_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/api"
	"github.com/athar-org/athar/store/sqlite"
	"github.com/athar-org/athar/store/storetest"
)

// env is a running server on loopback with two organisations and a user of
// each role.
type env struct {
	t      *testing.T
	srv    *api.Server
	st     *sqlite.Store
	base   string
	tokens map[string]string // login → token
}

// users of the test deployment: login → organisation, role.
var users = []struct {
	login, org string
	role       athar.Role
}{
	{"a-screener", "a", athar.RoleScreener},
	{"a-analyst", "a", athar.RoleAnalyst},
	{"a-admin", "a", athar.RoleAdmin},
	{"a-auditor", "a", athar.RoleAuditor},
	{"b-screener", "b", athar.RoleScreener},
	{"b-analyst", "b", athar.RoleAnalyst},
	{"b-auditor", "b", athar.RoleAuditor},
}

func start(t *testing.T, cfg api.Config) *env {
	t.Helper()
	return startWith(t, cfg, nil)
}

// startWith is start with the store seen by the server wrapped, to make it
// fail on purpose.
func startWith(t *testing.T, cfg api.Config, wrap func(*sqlite.Store) api.Store) *env {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "athar.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })

	// A public list, as imported from the UN.
	imp, err := st.BeginImport(ctx, "un")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []*athar.Person{
		storetest.Person("QDi.299", "إبراهيم عواد إبراهيم البدري", "Ibrahim Awwad Ibrahim al-Badri"),
		storetest.Person("QDi.317", "أبو محمد الجولاني", "Abu Mohammed al-Jawlani"),
		storetest.Person("QDi.401", "عبد الرحمن مصطفى القادولي", "Abd al-Rahman Mustafa al-Qaduli"),
	} {
		if err := imp.Put(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := imp.Commit(ctx, athar.Dataset{Name: "un", Format: "un", Version: "2026-02-27"}); err != nil {
		t.Fatal(err)
	}

	e := &env{t: t, st: st, tokens: map[string]string{}}
	for _, org := range []string{"a", "b"} {
		if err := st.CreateOrganization(ctx, athar.Organization{ID: org}); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range users {
		if err := st.CreateUser(ctx, athar.User{Login: u.login, Org: u.org, Role: u.role}); err != nil {
			t.Fatal(err)
		}
		secret, hash := api.NewToken()
		if err := st.CreateToken(ctx, &athar.Token{User: u.login, ExpiresAt: time.Now().Add(time.Hour)}, hash); err != nil {
			t.Fatal(err)
		}
		e.tokens[u.login] = secret
	}

	cfg.Addr = "127.0.0.1:0"
	cfg.Store = st
	if wrap != nil {
		cfg.Store = wrap(st)
	}
	srv, err := api.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Open(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := srv.WaitReady(wctx); err != nil {
		t.Fatal(err)
	}
	e.srv = srv
	e.base = "http://" + srv.Addr()
	return e
}

// response is a response read whole.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

func (r response) problem(t *testing.T) api.Problem {
	t.Helper()
	if ct := r.header.Get("Content-Type"); ct != "application/problem+json" {
		t.Fatalf("error response of type %q, want application/problem+json: %s", ct, r.body)
	}
	var p api.Problem
	r.decode(t, &p)
	if p.Status != r.status || p.Detail == "" {
		t.Fatalf("problem %+v does not match status %d", p, r.status)
	}
	return p
}

// do sends a request as login ("" for none); body is JSON-encoded unless
// it is a string or []byte.
func (e *env) do(login, method, path string, body any, header ...string) response {
	e.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		j, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, e.base+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if login != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[login])
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: b}
}

func (e *env) want(r response, status int) response {
	e.t.Helper()
	if r.status != status {
		e.t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	return r
}

func (e *env) screen(login string, q map[string]any) api.ScreenResult {
	e.t.Helper()
	var resp api.ScreenResponse
	e.want(e.do(login, "POST", "/v1/screen", map[string]any{"query": q, "threshold": 0.3}), 200).decode(e.t, &resp)
	if len(resp.Results) != 1 {
		e.t.Fatalf("%d results for one query", len(resp.Results))
	}
	return resp.Results[0]
}

func ids(ms []api.Match) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.ID
	}
	return out
}

func TestUnauthorized(t *testing.T) {
	e := start(t, api.Config{})
	for _, tc := range []struct{ method, path string }{
		{"POST", "/v1/screen"}, {"GET", "/v1/persons/QDi.299"}, {"GET", "/v1/persons?name=x"},
		{"POST", "/v1/persons"}, {"GET", "/v1/datasets"}, {"GET", "/v1/decisions"}, {"GET", "/v1/audit"},
		{"POST", "/v1/jobs"}, {"POST", "/v1/imports"}, {"GET", "/v1/me"},
	} {
		r := e.do("", tc.method, tc.path, `{"query":{"name":"أبو بكر البغدادي"}}`)
		e.want(r, 401)
		r.problem(t)
		if r.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s %s: 401 without WWW-Authenticate", tc.method, tc.path)
		}
	}
	// A wrong token, and a right one sent the wrong way.
	for _, h := range []string{"Bearer athar_nottherightone", "Basic " + e.tokens["a-screener"], e.tokens["a-screener"]} {
		req, _ := http.NewRequest("GET", e.base+"/v1/me", nil)
		req.Header.Set("Authorization", h)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 401 {
			t.Errorf("Authorization %.20q...: status %d, want 401", h, res.StatusCode)
		}
	}
	// Public routes need no token.
	for _, p := range []string{"/healthz", "/readyz", "/metrics", "/openapi.json"} {
		e.want(e.do("", "GET", p, nil), 200)
	}
}

func TestRevokedToken(t *testing.T) {
	e := start(t, api.Config{})
	e.want(e.do("a-screener", "GET", "/v1/me", nil), 200)
	toks, err := e.st.Tokens(context.Background(), "a-screener")
	if err != nil || len(toks) != 1 {
		t.Fatal(toks, err)
	}
	if err := e.st.RevokeToken(context.Background(), toks[0].ID); err != nil {
		t.Fatal(err)
	}
	// The server trusts a checked token for 2s; by then it is refused.
	start := time.Now()
	for e.do("a-screener", "GET", "/v1/me", nil).status != 401 {
		if time.Since(start) > 5*time.Second {
			t.Fatal("the revoked token still works after 5s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("revocation took %v", d)
	}
}

func TestRoles(t *testing.T) {
	e := start(t, api.Config{})
	rec := map[string]any{"names": []map[string]string{{"full": "خالد عمر الحمد", "script": "Arab", "kind": "primary"}}}
	tests := []struct {
		login, method, path string
		body                any
		want                int
	}{
		{"a-screener", "POST", "/v1/persons", rec, 403},
		{"a-screener", "PUT", "/v1/persons/QDi.299", rec, 403},
		{"a-screener", "DELETE", "/v1/persons/QDi.299", nil, 403},
		{"a-screener", "POST", "/v1/imports?format=csv&dataset=x", "id,name\n", 403},
		{"a-screener", "GET", "/v1/audit", nil, 403},
		{"a-analyst", "GET", "/v1/audit", nil, 403},
		{"a-admin", "GET", "/v1/audit", nil, 403},
		{"a-auditor", "POST", "/v1/screen", map[string]any{"query": map[string]string{"name": "x"}}, 403},
		{"a-analyst", "POST", "/v1/imports?format=un", "<x/>", 403}, // public lists: admins only
		{"a-analyst", "PUT", "/v1/persons/QDi.299", rec, 409},       // an imported record
		{"a-auditor", "GET", "/v1/audit", nil, 200},
		{"a-auditor", "GET", "/v1/persons/QDi.299", nil, 200},
		{"a-screener", "GET", "/v1/persons/QDi.299", nil, 200},
	}
	for _, tt := range tests {
		r := e.do(tt.login, tt.method, tt.path, tt.body)
		if r.status != tt.want {
			t.Errorf("%s %s %s: status %d, want %d: %s", tt.login, tt.method, tt.path, r.status, tt.want, r.body)
			continue
		}
		if r.status >= 400 {
			r.problem(t)
		}
	}
	// The screener's attempt changed nothing.
	var p athar.Person
	e.want(e.do("a-screener", "GET", "/v1/persons/QDi.299", nil), 200).decode(t, &p)
	if p.PrimaryName() != "إبراهيم عواد إبراهيم البدري" {
		t.Errorf("record changed: %q", p.PrimaryName())
	}
}

func TestSharingLabels(t *testing.T) {
	e := start(t, api.Config{})
	// Organisation A enters a record of its own, AMBER, and one GREEN.
	var amber, green athar.Person
	e.want(e.do("a-analyst", "POST", "/v1/persons", map[string]any{
		"id": "A-17", "label": "AMBER",
		"names":       []map[string]string{{"full": "سعد عبد الكريم الزوبعي", "script": "Arab", "kind": "primary"}},
		"birth_dates": []map[string]string{{"date": "1984"}},
	}), 201).decode(t, &amber)
	if amber.Owner != "a" || amber.Label != athar.TLPAmber || amber.Provenance.EnteredBy != "a-analyst" || amber.Provenance.Dataset != athar.ManualDataset {
		t.Fatalf("saved record: owner %q label %q provenance %+v", amber.Owner, amber.Label, amber.Provenance)
	}
	e.want(e.do("a-analyst", "POST", "/v1/persons", map[string]any{
		"id": "A-18", "label": "GREEN",
		"names": []map[string]string{{"full": "مروان حسين الدليمي", "script": "Arab", "kind": "primary"}},
	}), 201).decode(t, &green)

	// B: the AMBER record does not exist; the GREEN one does.
	pb := e.want(e.do("b-screener", "GET", "/v1/persons/A-17", nil), 404).problem(t)
	pn := e.want(e.do("b-screener", "GET", "/v1/persons/A-99", nil), 404).problem(t)
	if strings.Replace(pb.Detail, "A-17", "A-99", 1) != pn.Detail {
		t.Errorf("an unseen record and an unknown one read differently: %q vs %q", pb.Detail, pn.Detail)
	}
	e.want(e.do("b-screener", "GET", "/v1/persons/A-18", nil), 200)
	e.want(e.do("a-screener", "GET", "/v1/persons/A-17", nil), 200)

	// Screening and search: A finds it, B never sees it.
	q := map[string]any{"name": "Saad Abdulkarim al-Zobaie", "birth_date": "1984"}
	if got := ids(e.screen("a-screener", q).Matches); len(got) == 0 || got[0] != "A-17" {
		t.Fatalf("A screening: %v, want A-17 first", got)
	}
	for _, m := range e.screen("b-screener", q).Matches {
		if m.ID == "A-17" {
			t.Fatalf("B's screening shows A's AMBER record")
		}
	}
	var sr api.SearchResponse
	e.want(e.do("b-analyst", "GET", "/v1/persons?name=%D8%B3%D8%B9%D8%AF+%D8%A7%D9%84%D8%B2%D9%88%D8%A8%D8%B9%D9%8A&threshold=0", nil), 200).decode(t, &sr)
	for _, h := range sr.Results {
		if h.ID == "A-17" {
			t.Fatal("B's search shows A's AMBER record")
		}
	}

	// Counts: the manual dataset holds 2 records for A, 1 for B.
	count := func(login string) int {
		var resp struct{ Datasets []athar.Dataset }
		e.want(e.do(login, "GET", "/v1/datasets", nil), 200).decode(t, &resp)
		for _, d := range resp.Datasets {
			if d.Name == athar.ManualDataset {
				return d.Persons
			}
		}
		return 0
	}
	if a, b := count("a-screener"), count("b-screener"); a != 2 || b != 1 {
		t.Errorf("manual dataset: A counts %d, B counts %d; want 2 and 1", a, b)
	}
	var sresp api.ScreenResponse
	e.want(e.do("b-screener", "POST", "/v1/screen", map[string]any{"query": q}), 200).decode(t, &sresp)
	if sresp.Records != 4 {
		t.Errorf("B screens against %d records, want 4 (3 public, 1 GREEN)", sresp.Records)
	}

	// B may not edit A's GREEN record (it sees it: 403), nor the AMBER one
	// (it does not: 404); nor decide on the AMBER one.
	edit := map[string]any{"names": []map[string]string{{"full": "x", "script": "Latn", "kind": "primary"}}}
	e.want(e.do("b-analyst", "PUT", "/v1/persons/A-18", edit), 403)
	e.want(e.do("b-analyst", "PUT", "/v1/persons/A-17", edit), 404)
	e.want(e.do("b-screener", "POST", "/v1/decisions", map[string]any{
		"query": q, "person_id": "A-17", "outcome": "false_positive", "reason": "x", "officer": "y",
	}), 404)
	// A's analyst edits it; the edit is screened at once.
	r := e.want(e.do("a-analyst", "PUT", "/v1/persons/A-17", map[string]any{
		"label": "AMBER", "names": []map[string]string{{"full": "سعد عبد الكريم الزوبعي", "kind": "primary"}, {"full": "Abu Omar al-Iraqi", "kind": "alias"}},
	}), 200)
	if h := r.header.Get("Athar-Index"); h != "current" {
		t.Errorf("Athar-Index %q after a small edit, want current", h)
	}
	if got := ids(e.screen("a-screener", map[string]any{"name": "أبو عمر العراقي"}).Matches); len(got) == 0 || got[0] != "A-17" {
		t.Errorf("after the edit, A's screening finds %v, want A-17", got)
	}

	// Its history: who entered what, when.
	var hist struct {
		History []api.Change
	}
	e.want(e.do("a-auditor", "GET", "/v1/persons/A-17/history", nil), 200).decode(t, &hist)
	if len(hist.History) != 2 || hist.History[0].Action != "person.create" || hist.History[1].Action != "person.update" ||
		hist.History[1].User != "a-analyst" || !strings.Contains(string(hist.History[1].Record), "Abu Omar al-Iraqi") ||
		strings.Contains(string(hist.History[0].Record), "Abu Omar al-Iraqi") {
		t.Errorf("history: %+v", hist.History)
	}
	e.want(e.do("b-analyst", "GET", "/v1/persons/A-17/history", nil), 404)

	// Shared later as GREEN: B sees the record and the GREEN version, not
	// the AMBER ones before it.
	e.want(e.do("a-analyst", "PUT", "/v1/persons/A-17", map[string]any{
		"label": "GREEN", "names": []map[string]string{{"full": "سعد عبد الكريم الزوبعي", "kind": "primary"}},
	}), 200)
	e.want(e.do("b-analyst", "GET", "/v1/persons/A-17/history", nil), 200).decode(t, &hist)
	if len(hist.History) != 1 || hist.History[0].Action != "person.update" || strings.Contains(string(hist.History[0].Record), "Abu Omar") {
		t.Errorf("B's history of a record shared later: %+v", hist.History)
	}
}

func TestDecisionRemembered(t *testing.T) {
	e := start(t, api.Config{})
	q := map[string]any{"name": "إبراهيم عواد البدري", "birth_date": "1990-03-01"}
	res := e.screen("a-screener", q)
	if len(res.Matches) == 0 || res.Matches[0].ID != "QDi.299" || !res.Matches[0].Alert || res.Matches[0].Review != nil {
		t.Fatalf("first screening: %+v", res.Matches)
	}
	var d athar.Decision
	e.want(e.do("a-screener", "POST", "/v1/decisions", map[string]any{
		"query": q, "person_id": "QDi.299", "outcome": "false_positive",
		"reason": "الأب مختلف، والعمر لا يطابق / another father, another age", "officer": "ضابط أمل حسن",
	}), 201).decode(t, &d)
	if d.QueryKey != res.QueryKey || d.Owner != "a" || d.Label != athar.TLPAmber {
		t.Fatalf("decision %+v", d)
	}

	// The same person, written with other spacing and diacritics: no alarm.
	again := e.screen("a-screener", map[string]any{"name": " إِبراهيم  عواد البدري ", "birth_date": "1990-03-01"})
	if again.QueryKey != res.QueryKey {
		t.Fatalf("query keys differ: %s vs %s", again.QueryKey, res.QueryKey)
	}
	m := again.Matches[0]
	if m.ID != "QDi.299" || m.Alert || m.Review == nil || m.Review.Outcome != athar.OutcomeFalsePositive || m.Review.DecisionID != d.ID {
		t.Fatalf("second screening: %+v", m)
	}
	// Another birth date is another person: it alarms.
	other := e.screen("a-screener", map[string]any{"name": "إبراهيم عواد البدري", "birth_date": "1971"})
	if !other.Matches[0].Alert || other.Matches[0].Review != nil {
		t.Errorf("another person is not alarmed: %+v", other.Matches[0])
	}
	// Organisation B does not see A's AMBER decision: it still alarms there.
	if mb := e.screen("b-screener", q).Matches[0]; !mb.Alert || mb.Review != nil {
		t.Errorf("B sees A's AMBER decision: %+v", mb)
	}

	// A confirmed match is kept, and decisions are searchable.
	e.want(e.do("a-screener", "POST", "/v1/decisions", map[string]any{
		"query": map[string]any{"name": "Abu Mohammed al-Jawlani"}, "person_id": "QDi.317", "outcome": "confirmed_match",
		"reason": "documents match", "officer": "Bilal Omar", "label": "GREEN",
	}), 201)
	var list api.DecisionList
	e.want(e.do("b-screener", "GET", "/v1/decisions?outcome=confirmed_match", nil), 200).decode(t, &list)
	if len(list.Decisions) != 1 || list.Decisions[0].PersonID != "QDi.317" {
		t.Errorf("B's confirmed matches: %+v", list.Decisions)
	}
	e.want(e.do("a-screener", "GET", "/v1/decisions?q=father", nil), 200).decode(t, &list)
	if len(list.Decisions) != 1 || list.Decisions[0].ID != d.ID {
		t.Errorf("search by reason: %+v", list.Decisions)
	}
	e.want(e.do("b-screener", "GET", "/v1/decisions?q=father", nil), 200).decode(t, &list)
	if len(list.Decisions) != 0 {
		t.Errorf("B finds A's AMBER decision: %+v", list.Decisions)
	}
	e.want(e.do("b-screener", "GET", "/v1/decisions/"+d.ID, nil), 404)
	e.want(e.do("a-auditor", "GET", "/v1/decisions/"+d.ID, nil), 200)

	e.want(e.do("a-screener", "POST", "/v1/decisions", map[string]any{
		"query": q, "person_id": "QDi.299", "outcome": "maybe", "reason": "x", "officer": "y",
	}), 400)
	e.want(e.do("a-screener", "POST", "/v1/decisions", map[string]any{
		"query": q, "person_id": "QDi.299", "outcome": "false_positive", "officer": "y",
	}), 400)
}

// auditLog reads the audit log as an auditor sees it.
func (e *env) auditLog(auditor string) []athar.AuditEntry {
	e.t.Helper()
	var all []athar.AuditEntry
	after := int64(0)
	for {
		var page struct {
			Entries []athar.AuditEntry
			Next    int64
		}
		e.want(e.do(auditor, "GET", fmt.Sprintf("/v1/audit?after=%d&limit=1000", after), nil), 200).decode(e.t, &page)
		all = append(all, page.Entries...)
		if page.Next == 0 {
			return all
		}
		after = page.Next
	}
}

func TestAuditEntries(t *testing.T) {
	e := start(t, api.Config{})
	q := map[string]any{"name": "عبد الرحمن القادولي"}
	res := e.screen("a-screener", q)
	e.want(e.do("b-screener", "GET", "/v1/persons/QDi.401", nil), 200)
	e.want(e.do("b-screener", "GET", "/v1/persons/nope", nil), 404)
	e.want(e.do("a-analyst", "POST", "/v1/persons", map[string]any{
		"id": "A-1", "names": []map[string]string{{"full": "علي حسن", "kind": "primary"}},
	}), 201)
	var d athar.Decision
	e.want(e.do("a-screener", "POST", "/v1/decisions", map[string]any{
		"query": q, "person_id": "QDi.401", "outcome": "needs_more_information", "reason": "no papers", "officer": "Amal",
	}), 201).decode(t, &d)
	// An edit the registry refuses is logged, then logged as failed.
	e.want(e.do("a-analyst", "POST", "/v1/persons", map[string]any{
		"id": "A-2", "kind": "robot", "names": []map[string]string{{"full": "علي حسن", "kind": "primary"}},
	}), 400)

	log := append(e.auditLog("a-auditor"), e.auditLog("b-auditor")...)
	find := func(actor, action, target string) *athar.AuditEntry {
		for i := range log {
			if log[i].Actor == actor && log[i].Action == action && log[i].Target == target {
				return &log[i]
			}
		}
		t.Errorf("no audit entry %s %s %s in %d entries", actor, action, target, len(log))
		return nil
	}
	if s := find("a-screener", "screen", ""); s != nil {
		var detail struct {
			Query   map[string]any
			Results []string
		}
		json.Unmarshal(s.Detail, &detail)
		if detail.Query["name"] != "عبد الرحمن القادولي" || len(detail.Results) != len(res.Matches) || detail.Results[0] != "QDi.401" {
			t.Errorf("screen entry detail: %s", s.Detail)
		}
		if s.Org != "a" || s.At.IsZero() || s.Hash == "" {
			t.Errorf("screen entry: %+v", s)
		}
	}
	// B's auditor sees B's entries and the command line's, not A's: they
	// hold A's queries and records.
	var bpage struct{ Entries []athar.AuditEntry }
	e.want(e.do("b-auditor", "GET", "/v1/audit?limit=1000", nil), 200).decode(t, &bpage)
	if len(bpage.Entries) == 0 {
		t.Error("B's auditor sees no entries")
	}
	for _, en := range bpage.Entries {
		if en.Org != "b" && en.Org != "" {
			t.Errorf("B's auditor sees %s's entry %d (%s)", en.Org, en.Seq, en.Action)
		}
	}
	find("b-screener", "person.read", "QDi.401")
	find("b-screener", "person.read", "nope")
	find("a-analyst", "person.create", "A-1")
	find("a-screener", "decision.create", d.ID)
	if tried, failed := find("a-analyst", "person.create", "A-2"), find("a-analyst", "person.create.failed", "A-2"); tried != nil && failed != nil && failed.Seq <= tried.Seq {
		t.Errorf("the failure (%d) is logged before the attempt (%d)", failed.Seq, tried.Seq)
	}

	// The chain holds over what the server wrote; the auditor can check it.
	var check api.AuditCheck
	e.want(e.do("a-auditor", "GET", "/v1/audit/verify", nil), 200).decode(t, &check)
	if !check.Intact || check.Entries < 5 || check.Head == "" {
		t.Fatalf("audit check: %+v", check)
	}
	e.want(e.do("a-admin", "GET", "/v1/audit/verify", nil), 403)
	raw, err := sql.Open("sqlite3", e.st.Path())
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`UPDATE audit SET actor = 'someone-else' WHERE action = 'person.create'`); err != nil {
		t.Fatal(err)
	}
	e.want(e.do("a-auditor", "GET", "/v1/audit/verify", nil), 200).decode(t, &check)
	created := find("a-analyst", "person.create", "A-1")
	if check.Intact || created == nil || check.BrokenAt != created.Seq || !strings.Contains(check.Reason, "changed") {
		t.Errorf("audit check after tampering: %+v", check)
	}
}

func TestBadInput(t *testing.T) {
	e := start(t, api.Config{MaxBodyBytes: 64 << 10, MaxListQueries: 3})
	long := strings.Repeat("ب", 3000) // 6000 bytes
	tests := []struct {
		name string
		body any
		want int
	}{
		{"invalid UTF-8", []byte("{\"query\":{\"name\":\"\xff\xfe\"}}"), 400},
		{"unknown field", `{"query":{"name":"علي","nickname":"x"}}`, 400},
		{"unknown top field", `{"query":{"name":"علي"},"fast":true}`, 400},
		{"oversize field", map[string]any{"query": map[string]string{"name": long}}, 400},
		{"not JSON", `{"query":`, 400},
		{"two values", `{"query":{"name":"علي"}} {}`, 400},
		{"wrong type", `{"query":{"name":5}}`, 400},
		{"empty", ``, 400},
		{"no name", `{"query":{}}`, 400},
		{"both", `{"query":{"name":"a"},"queries":[{"name":"b"}]}`, 400},
		{"too many queries", `{"queries":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"}]}`, 400},
		{"bad threshold", `{"query":{"name":"a"},"threshold":2}`, 400},
		{"bad limit", `{"query":{"name":"a"},"limit":-1}`, 400},
		{"bad birth date", `{"query":{"name":"علي","birth_date":"yesterday"}}`, 400},
		{"body too large", `{"query":{"name":"` + strings.Repeat("a", 70<<10) + `"}}`, 413},
	}
	for _, tt := range tests {
		r := e.do("a-screener", "POST", "/v1/screen", tt.body)
		if r.status != tt.want {
			t.Errorf("%s: status %d, want %d: %s", tt.name, r.status, tt.want, r.body)
			continue
		}
		r.problem(t)
	}
	e.want(e.do("a-screener", "GET", "/v1/nothing", nil), 404).problem(t)
	e.want(e.do("a-screener", "PATCH", "/v1/screen", nil), 405).problem(t)
	e.want(e.do("a-analyst", "POST", "/v1/persons", map[string]any{"names": []map[string]string{{"full": "x"}}, "label": "PURPLE"}), 400)
	e.want(e.do("a-analyst", "POST", "/v1/persons", map[string]any{"names": []map[string]string{{"full": "x"}}, "owner": "b"}), 400)
	e.want(e.do("a-analyst", "POST", "/v1/persons", map[string]any{"names": []map[string]string{}}), 400)
}

func TestJobs(t *testing.T) {
	e := start(t, api.Config{})
	in := strings.Join([]string{
		`{"id":"r1","name":"أبو محمد الجولاني"}`,
		`{"id":"r2","name":"Abd al-Rahman al-Qaduli","birth_date":"1959"}`,
		`{"id":"r3","nam":"typo"}`,
		`{"id":"r4","name":"مريم يوسف"}`,
	}, "\n") + "\n"
	var j athar.Job
	r := e.want(e.do("a-screener", "POST", "/v1/jobs?threshold=0.5", in, "Content-Type", "application/x-ndjson"), 202)
	r.decode(t, &j)
	if j.Queries != 4 || r.header.Get("Location") != "/v1/jobs/"+j.ID {
		t.Fatalf("job %+v, location %q", j, r.header.Get("Location"))
	}
	deadline := time.Now().Add(30 * time.Second)
	for j.Status != "done" {
		if j.Status == "failed" || time.Now().After(deadline) {
			t.Fatalf("job %+v", j)
		}
		time.Sleep(20 * time.Millisecond)
		e.want(e.do("a-screener", "GET", "/v1/jobs/"+j.ID, nil), 200).decode(t, &j)
	}
	if j.Done != 4 {
		t.Errorf("done %d of 4", j.Done)
	}
	// Another user's job does not exist for them.
	e.want(e.do("b-screener", "GET", "/v1/jobs/"+j.ID, nil), 404)
	e.want(e.do("b-screener", "GET", "/v1/jobs/"+j.ID+"/results", nil), 404)

	res := e.want(e.do("a-screener", "GET", "/v1/jobs/"+j.ID+"/results", nil), 200)
	lines := strings.Split(strings.TrimSpace(string(res.body)), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d result lines, want 4:\n%s", len(lines), res.body)
	}
	want := []struct {
		id, first string
		err       bool
	}{{"r1", "QDi.317", false}, {"r2", "QDi.401", false}, {"r3", "", true}, {"r4", "", false}}
	for i, l := range lines {
		var got struct {
			Line    int
			QueryID string `json:"query_id"`
			Matches []api.Match
			Error   string
		}
		if err := json.Unmarshal([]byte(l), &got); err != nil {
			t.Fatal(err)
		}
		w := want[i]
		if got.Line != i+1 || got.QueryID != w.id || (got.Error != "") != w.err {
			t.Errorf("line %d: %+v", i+1, got)
		}
		if w.first != "" && (len(got.Matches) == 0 || got.Matches[0].ID != w.first) {
			t.Errorf("line %d: matches %v, want %s first", i+1, ids(got.Matches), w.first)
		}
		if w.first == "" && len(got.Matches) > 0 {
			t.Errorf("line %d: matches %v, want none", i+1, ids(got.Matches))
		}
	}
	// Each screened line is in the audit log.
	n := 0
	for _, a := range e.auditLog("a-auditor") {
		if a.Action == "screen" && bytes.Contains(a.Detail, []byte(j.ID)) {
			n++
		}
	}
	if n != 3 {
		t.Errorf("%d audit entries for the job's screenings, want 3", n)
	}

	e.want(e.do("a-screener", "POST", "/v1/jobs", in), 400) // no format
	e.want(e.do("a-screener", "POST", "/v1/jobs?format=csv", "id,name\n"), 400)
}

func TestImport(t *testing.T) {
	e := start(t, api.Config{})
	csv := "id,name,name_ar,birth_date\nH-1,Khalid Omar al-Hamad,خالد عمر الحمد,1990\n"
	r := e.do("a-analyst", "POST", "/v1/imports?format=csv&dataset=hol-wanted&label=AMBER", csv, "Content-Type", "text/csv")
	if r.status != 201 {
		t.Fatalf("import: %d %s", r.status, r.body)
	}
	var ir api.ImportResult
	r.decode(t, &ir)
	if sum := sha256.Sum256([]byte(csv)); ir.Dataset.SHA256 != hex.EncodeToString(sum[:]) || ir.Dataset.Persons != 1 {
		t.Errorf("import result %+v: want the upload's SHA-256 and 1 person", ir.Dataset)
	}
	if got := ids(e.screen("a-screener", map[string]any{"name": "خالد عمر الحمد"}).Matches); len(got) == 0 || got[0] != "H-1" {
		t.Errorf("after import A screens %v, want H-1", got)
	}
	if got := e.screen("b-screener", map[string]any{"name": "خالد عمر الحمد"}).Matches; len(got) != 0 {
		t.Errorf("B sees A's AMBER import: %v", ids(got))
	}
	var vs struct {
		Current athar.Dataset
		Imports []api.Version
	}
	e.want(e.do("a-screener", "GET", "/v1/datasets/hol-wanted/versions", nil), 200).decode(t, &vs)
	if vs.Current.Persons != 1 || len(vs.Imports) != 1 || vs.Imports[0].User != "a-analyst" || vs.Imports[0].SHA256 == "" || vs.Imports[0].Persons != 1 {
		t.Errorf("versions: %+v", vs)
	}
	e.want(e.do("b-screener", "GET", "/v1/datasets/hol-wanted/versions", nil), 404)

	// B cannot replace A's dataset, nor the public list.
	e.want(e.do("b-analyst", "POST", "/v1/imports?format=csv&dataset=hol-wanted", csv, "Content-Type", "text/csv"), 409)
	e.want(e.do("b-analyst", "POST", "/v1/imports?format=csv&dataset=un", csv, "Content-Type", "text/csv"), 409)
	// Nor a dataset imported on the command line, which has no owner.
	ctx := context.Background()
	imp, err := e.st.BeginImport(ctx, "camp")
	if err != nil {
		t.Fatal(err)
	}
	imp.Put(ctx, storetest.Person("C-1", "زينب خالد عمر", "Zaynab Khalid Umar"))
	if _, err := imp.Commit(ctx, athar.Dataset{Name: "camp", Format: "csv"}); err != nil {
		t.Fatal(err)
	}
	if err := e.srv.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	e.want(e.do("a-analyst", "POST", "/v1/imports?format=csv&dataset=camp", csv, "Content-Type", "text/csv"), 409)
	e.want(e.do("a-screener", "GET", "/v1/persons/C-1", nil), 200)
	// A bad list is a 400 and changes nothing.
	e.want(e.do("a-admin", "POST", "/v1/imports?format=un", "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>", "Content-Type", "application/xml"), 400)
	e.want(e.do("a-screener", "GET", "/v1/persons/QDi.299", nil), 200)
}

// A public list is CLEAR, over the API as with athar import: a label that
// would restrict it is refused and changes nothing; CLEAR, or no label,
// makes a list every organisation screens against.
func TestImport_PublicListLabel(t *testing.T) {
	e := start(t, api.Config{})
	const unXML = `<CONSOLIDATED_LIST dateGenerated="2026-03-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>ABU BAKR</FIRST_NAME><SECOND_NAME>AL-BAGHDADI</SECOND_NAME><REFERENCE_NUMBER>QDi.299</REFERENCE_NUMBER><NAME_ORIGINAL_SCRIPT>أبو بكر البغدادي</NAME_ORIGINAL_SCRIPT></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`
	const sdn = "36,\"AL-BADRI, Ibrahim Awwad\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\r\n"
	tests := []struct {
		name, query, body string
		want              int
	}{
		{"UN labelled RED", "format=un&label=RED", unXML, 400},
		{"UN labelled amber", "format=un&label=amber", unXML, 400},
		{"OFAC labelled GREEN", "format=ofac&label=GREEN", sdn, 400},
		{"UN with a bad label", "format=un&label=pink", unXML, 400},
		{"UN labelled clear", "format=un&label=clear", unXML, 201},
		{"UN without a label", "format=un", unXML, 201},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.do("a-admin", "POST", "/v1/imports?"+tt.query, tt.body, "Content-Type", "application/xml")
			if r.status != tt.want {
				t.Errorf("status %d, want %d: %s", r.status, tt.want, r.body)
			}
			if tt.want == 400 && !strings.Contains(string(r.body), "public") {
				t.Errorf("body %s: want it to say the list is public", r.body)
			}
			// The public list stays CLEAR: another organisation sees it.
			p := e.do("b-screener", "GET", "/v1/persons/QDi.299", nil)
			if p.status != 200 {
				t.Fatalf("b-screener reads QDi.299: status %d: %s", p.status, p.body)
			}
			var got athar.Person
			p.decode(t, &got)
			if (got.Label != athar.TLPClear && got.Label != "") || got.Owner != "" {
				t.Errorf("QDi.299: owner %q label %q, want none and CLEAR", got.Owner, got.Label)
			}
		})
	}
}

// An upload that holds no records is refused and changes nothing, unless
// allow_empty=true asks to empty the dataset.
func TestImport_NoRecords(t *testing.T) {
	e := start(t, api.Config{})
	csv := "id,name,name_ar\nH-1,Khalid Omar al-Hamad,خالد عمر الحمد\n"
	e.want(e.do("a-analyst", "POST", "/v1/imports?format=csv&dataset=hol-wanted", csv, "Content-Type", "text/csv"), 201)
	tests := []struct {
		name, login, query, body string
		keeps                    string // a record the refused upload must leave in place
	}{
		{"CSV header without rows", "a-analyst", "format=csv&dataset=hol-wanted", "id,name,name_ar\n", "H-1"},
		{"empty JSONL", "a-analyst", "format=jsonl&dataset=hol-wanted", "", "H-1"},
		{"JSONL of blank lines", "a-analyst", "format=jsonl&dataset=hol-wanted&allow_empty=false", "\n\n", "H-1"},
		{"UN list without entries", "a-admin", "format=un", `<CONSOLIDATED_LIST dateGenerated="2026-03-01"><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>`, "QDi.299"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.want(e.do(tt.login, "POST", "/v1/imports?"+tt.query, tt.body), 400)
			if !strings.Contains(string(r.body), "holds no records") || !strings.Contains(string(r.body), "allow_empty=true") {
				t.Errorf("body %s: want it to say the upload holds no records and how to empty the dataset", r.body)
			}
			e.want(e.do("a-screener", "GET", "/v1/persons/"+tt.keeps, nil), 200)
		})
	}
	var vs struct{ Imports []api.Version }
	e.want(e.do("a-screener", "GET", "/v1/datasets/hol-wanted/versions", nil), 200).decode(t, &vs)
	if len(vs.Imports) != 1 {
		t.Errorf("%d imports in the versions, want the first one only", len(vs.Imports))
	}

	e.want(e.do("a-analyst", "POST", "/v1/imports?format=csv&dataset=hol-wanted&allow_empty=maybe", "id,name\n"), 400)
	var ir api.ImportResult
	e.want(e.do("a-analyst", "POST", "/v1/imports?format=csv&dataset=hol-wanted&allow_empty=true", "id,name\n"), 201).decode(t, &ir)
	if ir.Dataset.Persons != 0 || ir.Dataset.Orgs != 0 {
		t.Errorf("allow_empty=true: dataset %+v, want no records", ir.Dataset)
	}
	e.want(e.do("a-screener", "GET", "/v1/persons/H-1", nil), 404)
}

func TestMetricsAndLoadShedding(t *testing.T) {
	e := start(t, api.Config{MaxInFlight: 1, QueueWait: time.Microsecond})
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		codes = map[int]int{}
	)
	for range 40 {
		wg.Go(func() {
			r := e.do("a-screener", "POST", "/v1/screen", map[string]any{"query": map[string]string{"name": "أبو محمد الجولاني"}})
			mu.Lock()
			codes[r.status]++
			mu.Unlock()
			if r.status == 503 && r.header.Get("Retry-After") == "" {
				t.Error("503 without Retry-After")
			}
		})
	}
	wg.Wait()
	if codes[200]+codes[503] != 40 || codes[200] == 0 {
		t.Fatalf("statuses %v: want only 200 and 503", codes)
	}
	t.Logf("under overload: %v", codes)
	// It recovers.
	e.want(e.do("a-screener", "POST", "/v1/screen", map[string]any{"query": map[string]string{"name": "أبو محمد الجولاني"}}), 200)

	m := string(e.want(e.do("", "GET", "/metrics", nil), 200).body)
	for _, want := range []string{
		`athar_http_requests_total{route="screen",status="200"}`,
		`athar_http_request_duration_seconds_bucket{route="screen",le="+Inf"}`,
		`athar_http_request_duration_seconds_count{route="screen"}`,
		"# TYPE athar_http_request_duration_seconds histogram",
		"athar_screenings_total ",
		"athar_index_records 3",
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %q", want)
		}
	}
	if codes[503] > 0 && !strings.Contains(m, `status="503"`) {
		t.Error("metrics do not count the 503s")
	}
	if strings.Contains(m, "الجولاني") {
		t.Error("metrics hold a screened name")
	}
}

func TestGracefulShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "athar.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := api.New(api.Config{Addr: "127.0.0.1:0", Store: st})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Open(ctx); err != nil {
		t.Fatal(err)
	}
	addr := srv.Addr()
	if res, err := http.Get("http://" + addr + "/healthz"); err != nil {
		t.Fatal(err)
	} else {
		res.Body.Close()
	}
	cancel()
	deadline := time.Now().Add(15 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			break // closed
		}
		res.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("the server still answers after its context ended")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
}

// failingAudit is the store with an audit log that cannot be written.
type failingAudit struct {
	*sqlite.Store
	fail func() bool
}

func (f failingAudit) AppendAudit(ctx context.Context, es ...*athar.AuditEntry) error {
	if f.fail() {
		return fmt.Errorf("disk full")
	}
	return f.Store.AppendAudit(ctx, es...)
}

// TestAuditFailureHidesResults checks that nothing is shown that the audit
// log does not record.
func TestAuditFailureHidesResults(t *testing.T) {
	var mu sync.Mutex
	broken := false
	e := startWith(t, api.Config{}, func(st *sqlite.Store) api.Store {
		return failingAudit{st, func() bool { mu.Lock(); defer mu.Unlock(); return broken }}
	})
	e.want(e.do("a-screener", "GET", "/v1/persons/QDi.299", nil), 200)
	mu.Lock()
	broken = true
	mu.Unlock()
	for _, r := range []response{
		e.do("a-screener", "GET", "/v1/persons/QDi.299", nil),
		e.do("a-screener", "POST", "/v1/screen", map[string]any{"query": map[string]string{"name": "أبو محمد الجولاني"}}),
	} {
		e.want(r, 500)
		if p := r.problem(t); p.Detail != "Internal error." || strings.Contains(string(r.body), "QDi.") {
			t.Errorf("a failed audit still shows: %s", r.body)
		}
	}
}

// A write whose audit entry cannot be written changes nothing: an import's
// entry is committed in its transaction, a job's entry is written before
// the job. Without that, a failed entry left an unaudited change behind.
func TestAuditFailureChangesNothing(t *testing.T) {
	ctx := context.Background()
	const unXML = `<CONSOLIDATED_LIST dateGenerated="2026-03-01T00:00:00Z"><INDIVIDUALS><INDIVIDUAL><DATAID>9</DATAID><FIRST_NAME>ABU BAKR</FIRST_NAME><SECOND_NAME>AL-BAGHDADI</SECOND_NAME><REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER><NAME_ORIGINAL_SCRIPT>أبو بكر البغدادي</NAME_ORIGINAL_SCRIPT></INDIVIDUAL></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`
	tests := []struct {
		name, login, path, body, ctype string
		kept, absent                   string // records the failed write must keep and not add
	}{
		{"agency list", "a-analyst", "/v1/imports?format=csv&dataset=hol-wanted", "id,name,name_ar\nH-2,Zaynab Khalid Umar,زينب خالد عمر\n", "text/csv", "H-1", "H-2"},
		{"UN list", "a-admin", "/v1/imports?format=un", unXML, "application/xml", "QDi.299", "QDi.999"},
		{"batch job", "a-screener", "/v1/jobs", `{"id":"r1","name":"أبو محمد الجولاني"}` + "\n", "application/x-ndjson", "H-1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := start(t, api.Config{})
			e.want(e.do("a-analyst", "POST", "/v1/imports?format=csv&dataset=hol-wanted", "id,name,name_ar\nH-1,Khalid Omar al-Hamad,خالد عمر الحمد\n", "Content-Type", "text/csv"), 201)
			before, err := e.st.Datasets(ctx)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := sql.Open("sqlite3", e.st.Path())
			if err != nil {
				t.Fatal(err)
			}
			if _, err := raw.Exec(`CREATE TRIGGER full BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
				t.Fatal(err)
			}
			raw.Close()

			if r := e.do(tt.login, "POST", tt.path, tt.body, "Content-Type", tt.ctype); r.status != 500 {
				t.Errorf("status %d, want 500: %s", r.status, r.body)
			}
			after, err := e.st.Datasets(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(after) != len(before) {
				t.Fatalf("datasets %+v, want %+v", after, before)
			}
			for i := range before {
				if after[i].Version != before[i].Version || after[i].SHA256 != before[i].SHA256 {
					t.Errorf("dataset %s changed: %+v, was %+v", before[i].Name, after[i], before[i])
				}
			}
			if _, err := e.st.Person(ctx, tt.kept); err != nil {
				t.Errorf("%s: %v, want it kept", tt.kept, err)
			}
			if tt.absent != "" {
				if _, err := e.st.Person(ctx, tt.absent); athar.ErrorCode(err) != athar.ENOTFOUND {
					t.Errorf("%s: %v, want it not imported", tt.absent, err)
				}
			}
			if jobs, err := e.st.Jobs(ctx, tt.login); err != nil || len(jobs) != 0 {
				t.Errorf("jobs of %s: %+v (%v), want none", tt.login, jobs, err)
			}
		})
	}
}

func TestUIHandler(t *testing.T) {
	ui := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, "<!doctype html><html dir=rtl lang=ar><title>أثر</title></html>")
	})
	e := start(t, api.Config{UI: ui})
	if r := e.want(e.do("", "GET", "/screen", nil), 200); !strings.Contains(string(r.body), "أثر") {
		t.Errorf("the UI is not served: %s", r.body)
	}
	// The API's own paths stay the API's.
	e.want(e.do("a-screener", "GET", "/v1/nothing", nil), 404).problem(t)
	e.want(e.do("", "GET", "/v1/me", nil), 401)
	e.want(e.do("", "GET", "/healthz", nil), 200)
}

func TestRatePerToken(t *testing.T) {
	e := start(t, api.Config{RatePerToken: 5})
	codes := map[int]int{}
	start := time.Now()
	for range 30 {
		r := e.do("a-screener", "GET", "/v1/me", nil)
		codes[r.status]++
		if r.status == 429 && r.header.Get("Retry-After") == "" {
			t.Error("429 without Retry-After")
		}
	}
	refill := int(time.Since(start).Seconds()*5) + 1
	if codes[200] < 10 || codes[200] > 10+refill || codes[429] == 0 {
		t.Errorf("30 quick requests at 5/s (burst 10) in %v: %v", time.Since(start), codes)
	}
	// Another token is not held back by this one.
	e.want(e.do("b-screener", "GET", "/v1/me", nil), 200)
	time.Sleep(400 * time.Millisecond) // two more requests' worth
	e.want(e.do("a-screener", "GET", "/v1/me", nil), 200)
}
