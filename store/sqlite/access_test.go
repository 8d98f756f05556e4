package sqlite_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store/sqlite"
	"github.com/athar-org/athar/store/storetest"
)

func TestUsersAndTokens(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	if err := s.CreateUser(ctx, athar.User{Login: "amal", Org: "hol", Role: athar.RoleAdmin}); athar.ErrorCode(err) != athar.ENOTFOUND {
		t.Fatalf("user of an unknown organisation: got %v, want not_found", err)
	}
	if err := s.CreateOrganization(ctx, athar.Organization{ID: "hol", Name: "مخيم الهول"}); err != nil {
		t.Fatal(err)
	}
	if err := s.CreateOrganization(ctx, athar.Organization{ID: "hol"}); athar.ErrorCode(err) != athar.ECONFLICT {
		t.Fatalf("organisation twice: got %v, want conflict", err)
	}
	if err := s.CreateUser(ctx, athar.User{Login: "amal", Name: "أمل حسن", Org: "hol", Role: "boss"}); athar.ErrorCode(err) != athar.EINVALID {
		t.Fatalf("unknown role: got %v, want invalid", err)
	}
	if err := s.CreateUser(ctx, athar.User{Login: "amal", Name: "أمل حسن", Org: "hol", Role: athar.RoleAdmin}); err != nil {
		t.Fatal(err)
	}
	hash := sha256.Sum256([]byte("secret"))
	tok := athar.Token{User: "amal", Name: "laptop", ExpiresAt: time.Now().Add(time.Hour)}
	if err := s.CreateToken(ctx, &tok, hash[:]); err != nil {
		t.Fatal(err)
	}
	u, _, err := s.Authenticate(ctx, hash[:])
	if err != nil || u.Login != "amal" || u.Org != "hol" || u.Role != athar.RoleAdmin {
		t.Fatalf("Authenticate = %+v, %v", u, err)
	}
	other := sha256.Sum256([]byte("other"))
	if _, _, err := s.Authenticate(ctx, other[:]); athar.ErrorCode(err) != athar.EUNAUTHORIZED {
		t.Fatalf("unknown token: got %v", err)
	}
	if err := s.RevokeToken(ctx, tok.ID); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Authenticate(ctx, hash[:]); athar.ErrorCode(err) != athar.EUNAUTHORIZED {
		t.Fatalf("revoked token: got %v", err)
	}

	// An expired token and a disabled user are refused too.
	h2 := sha256.Sum256([]byte("second"))
	tok2 := athar.Token{User: "amal", ExpiresAt: time.Now().Add(time.Minute)}
	if err := s.CreateToken(ctx, &tok2, h2[:]); err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return time.Now().Add(2 * time.Minute) }
	if _, _, err := s.Authenticate(ctx, h2[:]); athar.ErrorCode(err) != athar.EUNAUTHORIZED {
		t.Fatalf("expired token: got %v", err)
	}
	s.Now = time.Now
	if _, _, err := s.Authenticate(ctx, h2[:]); err != nil {
		t.Fatal(err)
	}
	if err := s.DisableUser(ctx, "amal"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Authenticate(ctx, h2[:]); athar.ErrorCode(err) != athar.EUNAUTHORIZED {
		t.Fatalf("disabled user: got %v", err)
	}
}

// The audited changes of organisations, users and tokens commit with their
// audit entry or not at all: an entry that cannot be written leaves the
// registry as it was, and no entry.
func TestAccessAudited(t *testing.T) {
	ctx := context.Background()
	hash := sha256.Sum256([]byte("second"))
	changes := []struct {
		name   string
		action string
		change func(s *sqlite.Store, e *athar.AuditEntry) error
		made   func(t *testing.T, s *sqlite.Store) bool
	}{
		{"add organisation", "org.create",
			func(s *sqlite.Store, e *athar.AuditEntry) error {
				return s.CreateOrganizationAudited(ctx, athar.Organization{ID: "ain"}, e)
			},
			func(t *testing.T, s *sqlite.Store) bool {
				orgs, err := s.Organizations(ctx)
				if err != nil {
					t.Fatal(err)
				}
				return len(orgs) == 2
			}},
		{"add user", "user.create",
			func(s *sqlite.Store, e *athar.AuditEntry) error {
				return s.CreateUserAudited(ctx, athar.User{Login: "bilal", Org: "hol", Role: athar.RoleScreener}, e)
			},
			func(t *testing.T, s *sqlite.Store) bool {
				_, err := s.User(ctx, "bilal")
				if err != nil && athar.ErrorCode(err) != athar.ENOTFOUND {
					t.Fatal(err)
				}
				return err == nil
			}},
		{"disable user", "user.disable",
			func(s *sqlite.Store, e *athar.AuditEntry) error { return s.DisableUserAudited(ctx, "amal", e) },
			func(t *testing.T, s *sqlite.Store) bool {
				u, err := s.User(ctx, "amal")
				if err != nil {
					t.Fatal(err)
				}
				return u.Disabled
			}},
		{"create token", "token.create",
			func(s *sqlite.Store, e *athar.AuditEntry) error {
				tok := athar.Token{User: "amal", ExpiresAt: time.Now().Add(time.Hour)}
				return s.CreateTokenAudited(ctx, &tok, hash[:], func(tok athar.Token) *athar.AuditEntry {
					e.Target = tok.ID
					return e
				})
			},
			func(t *testing.T, s *sqlite.Store) bool {
				ts, err := s.Tokens(ctx, "amal")
				if err != nil {
					t.Fatal(err)
				}
				return len(ts) == 2
			}},
		{"revoke token", "token.revoke",
			func(s *sqlite.Store, e *athar.AuditEntry) error {
				ts, err := s.Tokens(ctx, "amal")
				if err != nil {
					return err
				}
				return s.RevokeTokenAudited(ctx, ts[0].ID, e)
			},
			func(t *testing.T, s *sqlite.Store) bool {
				ts, err := s.Tokens(ctx, "amal")
				if err != nil {
					t.Fatal(err)
				}
				return !ts[0].RevokedAt.IsZero()
			}},
	}
	audits := []struct {
		name     string
		breakSQL string // run on the registry before the change
		actor    string
		made     bool
	}{
		{"entry with the change", "", "cli:amal", true},
		{"audit log refuses writes", `CREATE TRIGGER full BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END`, "cli:amal", false},
		{"entry without an actor", "", "", false},
	}
	for _, c := range changes {
		for _, a := range audits {
			t.Run(c.name+"/"+a.name, func(t *testing.T) {
				s := mustOpen(t)
				defer s.Close()
				if err := s.CreateOrganization(ctx, athar.Organization{ID: "hol"}); err != nil {
					t.Fatal(err)
				}
				if err := s.CreateUser(ctx, athar.User{Login: "amal", Org: "hol", Role: athar.RoleAdmin}); err != nil {
					t.Fatal(err)
				}
				first := sha256.Sum256([]byte("first"))
				if err := s.CreateToken(ctx, &athar.Token{User: "amal", ExpiresAt: time.Now().Add(time.Hour)}, first[:]); err != nil {
					t.Fatal(err)
				}
				if a.breakSQL != "" {
					execRaw(t, s.Path(), a.breakSQL)
				}

				err := c.change(s, &athar.AuditEntry{Actor: a.actor, Action: c.action})
				if (err == nil) != a.made {
					t.Fatalf("%s: %v, want made %v", c.name, err, a.made)
				}
				if got := c.made(t, s); got != a.made {
					t.Errorf("change made %v, want %v", got, a.made)
				}
				es, err := s.AuditEntries(ctx, "", 0, 10)
				if err != nil {
					t.Fatal(err)
				}
				if a.made != (len(es) == 1) || len(es) > 1 {
					t.Fatalf("%d audit entries, want made %v", len(es), a.made)
				}
				if a.made && (es[0].Action != c.action || (c.action == "token.create" && es[0].Target == "")) {
					t.Errorf("entry %+v, want action %s and a target", es[0], c.action)
				}
			})
		}
	}
}

func TestAuditChain(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	for i := range 5 {
		d, _ := json.Marshal(map[string]any{"query": map[string]string{"name": "محمد علي حسين"}, "i": i})
		if err := s.AppendAudit(ctx, &athar.AuditEntry{Actor: "amal", Org: "hol", Action: "screen", Detail: d}); err != nil {
			t.Fatal(err)
		}
	}
	n, head, err := s.VerifyAudit(ctx)
	if err != nil || n != 5 || head == "" {
		t.Fatalf("VerifyAudit = %d, %q, %v", n, head, err)
	}

	tests := []struct {
		name, sql string
		seq       int64
	}{
		{"detail changed", `UPDATE audit SET detail = replace(detail, 'محمد', 'احمد') WHERE seq = 3`, 3},
		{"actor changed", `UPDATE audit SET actor = 'nobody' WHERE seq = 2`, 2},
		{"entry removed", `DELETE FROM audit WHERE seq = 4`, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			defer s.Close()
			for range 5 {
				d := json.RawMessage(`{"query":{"name":"محمد علي حسين"}}`)
				if err := s.AppendAudit(ctx, &athar.AuditEntry{Actor: "amal", Action: "screen", Target: "QDi.299", Detail: d}); err != nil {
					t.Fatal(err)
				}
			}
			execRaw(t, s.Path(), tt.sql)
			_, _, err = s.VerifyAudit(ctx)
			var ab *sqlite.AuditBreak
			if !errors.As(err, &ab) || ab.Seq != tt.seq {
				t.Fatalf("VerifyAudit after %s: got %v, want a break at %d", tt.sql, err, tt.seq)
			}
		})
	}
}

func TestDecisionsVisibility(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	for _, d := range []athar.Decision{
		{QueryKey: "k1", PersonID: "QDi.299", Outcome: athar.OutcomeFalsePositive, Reason: "different father", Officer: "أمل", User: "amal", Owner: "a", Label: athar.TLPAmber},
		{QueryKey: "k1", PersonID: "QDi.299", Outcome: athar.OutcomeNeedsInfo, Reason: "ask for ID", Officer: "Bilal", User: "bilal", Owner: "b", Label: athar.TLPGreen},
	} {
		if err := s.SaveDecision(ctx, &d); err != nil {
			t.Fatal(err)
		}
	}
	for _, tt := range []struct {
		org  string
		text string
		want int
	}{{"a", "", 2}, {"b", "", 1}, {"c", "", 1}, {"a", "FATHER", 1}, {"b", "father", 0}} {
		ds, err := s.Decisions(ctx, athar.DecisionFilter{Org: tt.org, QueryKey: "k1", PersonID: []string{"QDi.299"}, Text: tt.text})
		if err != nil {
			t.Fatal(err)
		}
		if len(ds) != tt.want {
			t.Errorf("org %s text %q: %d decisions, want %d", tt.org, tt.text, len(ds), tt.want)
		}
	}
}

// BenchmarkAppendAudit measures the audit log's appends, one entry per
// transaction and in groups as the server's group commit makes them.
func BenchmarkAppendAudit(b *testing.B) {
	detail := json.RawMessage(`{"query":{"name":"عبد الرحمن مصطفى القادولي","birth_date":"1959"},"results":["QDi.401"],"scores":[0.97]}`)
	for _, group := range []int{1, 16, 256} {
		b.Run(fmt.Sprintf("group=%d", group), func(b *testing.B) {
			s := mustOpen(b)
			defer s.Close()
			ctx := context.Background()
			es := make([]*athar.AuditEntry, group)
			for b.Loop() {
				for i := range es {
					es[i] = &athar.AuditEntry{Actor: "bilal", Org: "hol", Action: "screen", Detail: detail}
				}
				if err := s.AppendAudit(ctx, es...); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*group)/b.Elapsed().Seconds(), "entries/s")
		})
	}
}

// TestStartCheckpoints writes while the background checkpoints run, and
// checks that nothing is lost and that stopping leaves an empty log.
func TestStartCheckpoints(t *testing.T) {
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	stop, err := s.StartCheckpoints(ctx, 5*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	for range 200 {
		if err := s.AppendAudit(ctx, &athar.AuditEntry{Actor: "bilal", Action: "screen", Detail: json.RawMessage(`{"query":{"name":"مريم يوسف"}}`)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil { // twice is fine
		t.Fatal(err)
	}
	if fi, err := os.Stat(s.Path() + "-wal"); err == nil && fi.Size() != 0 {
		t.Errorf("the write-ahead log holds %d bytes after stop; want it truncated", fi.Size())
	}
	if n, _, err := s.VerifyAudit(ctx); err != nil || n != 200 {
		t.Errorf("VerifyAudit = %d, %v; want 200 intact entries", n, err)
	}
}

// CommitAudited commits the new version and its audit entry together: an
// entry that cannot be written leaves the previous version, and no entry.
func TestCommitAudited(t *testing.T) {
	ctx := context.Background()
	good := func(ds athar.Dataset) *athar.AuditEntry {
		d, _ := json.Marshal(map[string]any{"version": ds.Version, "persons": ds.Persons})
		return &athar.AuditEntry{Actor: "cli:amal", Action: athar.AuditImport, Target: ds.Name, Detail: d}
	}
	tests := []struct {
		name      string
		breakSQL  string // run on the registry before the import
		audit     func(athar.Dataset) *athar.AuditEntry
		committed bool
	}{
		{"entry with the import", "", good, true},
		{"audit log refuses writes", `CREATE TRIGGER full BEFORE INSERT ON audit BEGIN SELECT RAISE(ABORT, 'disk full'); END`, good, false},
		{"entry without an actor", "", func(ds athar.Dataset) *athar.AuditEntry {
			return &athar.AuditEntry{Action: athar.AuditImport, Target: ds.Name}
		}, false},
		{"no entry", "", func(athar.Dataset) *athar.AuditEntry { return nil }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t)
			defer s.Close()
			imp, err := s.BeginImport(ctx, "un")
			if err != nil {
				t.Fatal(err)
			}
			imp.Put(ctx, storetest.Person("QDi.299", "إبراهيم عواد إبراهيم البدري", "Ibrahim Awwad Ibrahim al-Badri"))
			if _, err := imp.Commit(ctx, athar.Dataset{Name: "un", Version: "v1"}); err != nil {
				t.Fatal(err)
			}
			if tt.breakSQL != "" {
				execRaw(t, s.Path(), tt.breakSQL)
			}

			imp, err = s.BeginImport(ctx, "un")
			if err != nil {
				t.Fatal(err)
			}
			defer imp.Rollback()
			imp.Put(ctx, storetest.Person("QDi.317", "أبو محمد الجولاني", "Abu Mohammed al-Jawlani"))
			_, err = imp.CommitAudited(ctx, athar.Dataset{Name: "un", Version: "v2"}, tt.audit)
			if (err == nil) != tt.committed {
				t.Fatalf("CommitAudited: %v, want committed %v", err, tt.committed)
			}
			imp.Rollback()

			want, gone := "QDi.317", "QDi.299"
			if !tt.committed {
				want, gone = gone, want
			}
			if _, err := s.Person(ctx, want); err != nil {
				t.Errorf("%s: %v, want it in the registry", want, err)
			}
			if _, err := s.Person(ctx, gone); athar.ErrorCode(err) != athar.ENOTFOUND {
				t.Errorf("%s: %v, want ENOTFOUND", gone, err)
			}
			es, err := s.AuditFor(ctx, "un", []string{athar.AuditImport}, 10)
			if err != nil {
				t.Fatal(err)
			}
			if tt.committed != (len(es) == 1) || len(es) > 1 {
				t.Fatalf("%d import entries, want committed %v", len(es), tt.committed)
			}
			if tt.committed {
				if d := string(es[0].Detail); d != `{"persons":1,"version":"v2"}` {
					t.Errorf("entry detail %s, want the committed dataset's", d)
				}
				if _, _, err := s.VerifyAudit(ctx); err != nil {
					t.Errorf("VerifyAudit: %v", err)
				}
			}
		})
	}
}
