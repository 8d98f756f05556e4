package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/athar-org/athar/api"
	"github.com/athar-org/athar/store/sqlite"
)

// TestAccessAndAudit goes the way an operator does: import a list, add the
// first admin and a screener, give the screener a token, serve, screen and
// read a record, then verify and export the audit log, and find a changed
// row named by audit verify.
func TestAccessAndAudit(t *testing.T) {
	db := filepath.Join(t.TempDir(), "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "csv", "--dataset", "camp", "testdata/camp-registry.csv")
	mustAthar(t, "users", "add", "--db", db, "--org", "hol", "--role", "admin", "--name", "أمل حسن", "amal")
	mustAthar(t, "users", "add", "--db", db, "--org", "hol", "--role", "screener", "bilal")
	if code, _, errs := runAthar(t, "users", "add", "--db", db, "--org", "hol", "--role", "boss", "x"); code != exitUsage || !strings.Contains(errs, "--role") {
		t.Errorf("unknown role: exit %d, %s", code, errs)
	}
	if code, _, errs := runAthar(t, "users", "add", "--db", db, "--org", "hol", "--role", "admin", "amal"); code != exitFailure || !strings.Contains(errs, "exists") {
		t.Errorf("user twice: exit %d, %s", code, errs)
	}
	code, tok, errs := runAthar(t, "tokens", "create", "--db", db, "--name", "gate 2", "bilal")
	tok = strings.TrimSpace(tok)
	if code != exitOK || !strings.HasPrefix(tok, "athar_") || !strings.Contains(errs, "shown only this once") {
		t.Fatalf("tokens create: exit %d, %q, %s", code, tok, errs)
	}
	list := mustAthar(t, "users", "list", "--db", db)
	if !strings.Contains(list, "amal") || !strings.Contains(list, "screener") {
		t.Errorf("users list:\n%s", list)
	}
	tlist := mustAthar(t, "tokens", "list", "--db", db)
	if strings.Contains(tlist, tok) || !strings.Contains(tlist, "gate 2") {
		t.Errorf("tokens list shows the secret, or not the token:\n%s", tlist)
	}

	// Serve, screen and read as bilal.
	ctx := context.Background()
	st, err := sqlite.OpenExisting(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := api.New(api.Config{Addr: "127.0.0.1:0", Store: st})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Open(ctx); err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	if err := srv.WaitReady(wctx); err != nil {
		t.Fatal(err)
	}
	call := func(method, path, body string) int {
		req, _ := http.NewRequest(method, "http://"+srv.Addr()+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	if s := call("POST", "/v1/screen", `{"query":{"name":"زينب خالد عمر"}}`); s != 200 {
		t.Fatalf("screen: %d", s)
	}
	if s := call("GET", "/v1/persons/C-0002", ""); s != 200 {
		t.Fatalf("read: %d", s)
	}
	srv.Close()
	st.Close()

	out := mustAthar(t, "audit", "verify", "--db", db)
	if !strings.Contains(out, "intact") {
		t.Fatalf("audit verify: %s", out)
	}
	exp := mustAthar(t, "audit", "export", "--db", db)
	lines := strings.Split(strings.TrimSpace(exp), "\n")
	var actions []string
	for _, l := range lines {
		var e struct {
			Seq    int64
			Action string
			Actor  string
			Hash   string
		}
		if err := json.Unmarshal([]byte(l), &e); err != nil {
			t.Fatal(err)
		}
		actions = append(actions, e.Action)
	}
	want := "dataset.import org.create user.create user.create token.create screen person.read"
	if got := strings.Join(actions, " "); got != want {
		t.Errorf("audit actions: %s\nwant %s", got, want)
	}
	var last struct{ Hash string }
	json.Unmarshal([]byte(lines[len(lines)-1]), &last)
	mustAthar(t, "audit", "verify", "--db", db, "--head", last.Hash)

	// Someone rewrites the screening's query in SQL.
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE audit SET detail = replace(detail, 'زينب', 'سارة') WHERE action = 'screen'`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, _, errs = runAthar(t, "audit", "verify", "--db", db)
	if code != exitFailure || !strings.Contains(errs, "broken at entry 6") {
		t.Fatalf("audit verify after tampering: exit %d, %s", code, errs)
	}

	tid := strings.Fields(strings.Split(tlist, "\n")[1])[0]
	mustAthar(t, "tokens", "revoke", "--db", db, tid)
	mustAthar(t, "users", "disable", "--db", db, "bilal")
	if code, _, _ := runAthar(t, "tokens", "revoke", "--db", db, "nope"); code != exitFailure {
		t.Errorf("revoke of an unknown token: exit %d", code)
	}
}

// refuseAuditWrites makes the audit table of the registry db refuse every
// insert, through a connection of its own, as a full disk would.
func refuseAuditWrites(t *testing.T, db string) {
	t.Helper()
	raw, err := sql.Open("sqlite3", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER full BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
}

// A change of organisations, users or tokens whose audit entry cannot be
// written is not made: the entry is committed in the change's transaction.
// It used to be written after the change, leaving it unaudited when that
// failed.
func TestAccessCmd_AuditFailureChangesNothing(t *testing.T) {
	tests := []struct {
		name string
		args func(db, token string) []string
	}{
		{"users add, new organisation", func(db, _ string) []string {
			return []string{"users", "add", "--db", db, "--org", "ain", "--role", "screener", "dana"}
		}},
		{"users add", func(db, _ string) []string {
			return []string{"users", "add", "--db", db, "--org", "hol", "--role", "screener", "dana"}
		}},
		{"users disable", func(db, _ string) []string { return []string{"users", "disable", "--db", db, "bilal"} }},
		{"tokens create", func(db, _ string) []string { return []string{"tokens", "create", "--db", db, "bilal"} }},
		{"tokens revoke", func(db, token string) []string { return []string{"tokens", "revoke", "--db", db, token} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "athar.db")
			mustAthar(t, "users", "add", "--db", db, "--org", "hol", "--role", "screener", "bilal")
			mustAthar(t, "tokens", "create", "--db", db, "bilal")
			before := accessState(t, db)
			refuseAuditWrites(t, db)

			token := strings.Fields(strings.Split(mustAthar(t, "tokens", "list", "--db", db), "\n")[1])[0]
			code, out, errs := runAthar(t, tt.args(db, token)...)
			if code != exitFailure || !strings.Contains(errs, "audit log") {
				t.Errorf("exit %d, want %d and an error naming the audit log\nstdout: %s\nstderr: %s", code, exitFailure, out, errs)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing: no change to report, no token to use", out)
			}
			if after := accessState(t, db); after != before {
				t.Errorf("the unaudited change was made:\n%s\nwas:\n%s", after, before)
			}
		})
	}
}

// accessState describes the organisations, users and tokens of the registry
// db, to compare before and after a change.
func accessState(t *testing.T, db string) string {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.OpenExisting(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	orgs, err := st.Organizations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	users, err := st.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tokens, err := st.Tokens(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("organisations %+v\nusers %+v\ntokens %+v", orgs, users, tokens)
}
