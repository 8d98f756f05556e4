package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/athar-org/athar"
)

// This file keeps the API's organisations, users and tokens.

// randomID returns prefix followed by n random bytes in hex.
func randomID(prefix string, n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand)
	return prefix + hex.EncodeToString(b)
}

// checkName checks a short identifier a user typed: a login, an
// organisation id, a token name.
func checkName(what, s string, max int) error {
	switch {
	case strings.TrimSpace(s) == "":
		return athar.Errorf(athar.EINVALID, "%s is empty", what)
	case len(s) > max:
		return athar.Errorf(athar.EINVALID, "%s is longer than %d bytes", what, max)
	case !utf8.ValidString(s) || strings.ContainsFunc(s, unicode.IsControl):
		return athar.Errorf(athar.EINVALID, "%s %q holds control characters or invalid UTF-8", what, s)
	}
	return nil
}

// CreateOrganization adds an organisation; ECONFLICT when its id is taken.
func (s *Store) CreateOrganization(ctx context.Context, o athar.Organization) error {
	return s.createOrganization(ctx, o, nil)
}

// CreateOrganizationAudited is CreateOrganization, with audit appended to
// the audit log in the same transaction: the organisation and its entry are
// committed together or not at all.
func (s *Store) CreateOrganizationAudited(ctx context.Context, o athar.Organization, audit *athar.AuditEntry) error {
	return s.createOrganization(ctx, o, []*athar.AuditEntry{audit})
}

func (s *Store) createOrganization(ctx context.Context, o athar.Organization, audit []*athar.AuditEntry) error {
	if err := checkName("organisation id", o.ID, 100); err != nil {
		return err
	}
	if strings.ContainsFunc(o.ID, unicode.IsSpace) {
		return athar.Errorf(athar.EINVALID, "organisation id %q holds spaces", o.ID)
	}
	if o.Name == "" {
		o.Name = o.ID
	}
	if err := checkName("organisation name", o.Name, 200); err != nil {
		return err
	}
	return s.writeAudited(ctx, "add organisation "+o.ID, audit, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)`,
			o.ID, o.Name, formatTime(s.Now()))
		if isConstraint(err) {
			return athar.Errorf(athar.ECONFLICT, "organisation %q exists already", o.ID)
		}
		if err != nil {
			return fmt.Errorf("add organisation %s: %w", o.ID, describe(err))
		}
		return nil
	})
}

// Organizations lists every organisation by id.
func (s *Store) Organizations(ctx context.Context) ([]athar.Organization, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, name, created_at FROM organizations ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read organisations: %w", describe(err))
	}
	defer rows.Close()
	var out []athar.Organization
	for rows.Next() {
		var (
			o  athar.Organization
			at string
		)
		if err := rows.Scan(&o.ID, &o.Name, &at); err != nil {
			return nil, fmt.Errorf("read organisations: %w", err)
		}
		o.CreatedAt, _ = parseTime(at)
		out = append(out, o)
	}
	return out, rows.Err()
}

// CreateUser adds a user of an existing organisation; ECONFLICT when the
// login is taken.
func (s *Store) CreateUser(ctx context.Context, u athar.User) error {
	return s.createUser(ctx, u, nil)
}

// CreateUserAudited is CreateUser, with audit appended to the audit log in
// the same transaction: the user and their entry are committed together or
// not at all.
func (s *Store) CreateUserAudited(ctx context.Context, u athar.User, audit *athar.AuditEntry) error {
	return s.createUser(ctx, u, []*athar.AuditEntry{audit})
}

func (s *Store) createUser(ctx context.Context, u athar.User, audit []*athar.AuditEntry) error {
	if err := checkName("login", u.Login, 100); err != nil {
		return err
	}
	if strings.ContainsFunc(u.Login, unicode.IsSpace) {
		return athar.Errorf(athar.EINVALID, "login %q holds spaces", u.Login)
	}
	if u.Name != "" {
		if err := checkName("name", u.Name, 200); err != nil {
			return err
		}
	}
	if !u.Role.Valid() {
		return athar.Errorf(athar.EINVALID, "unknown role %q (want screener, analyst, admin or auditor)", u.Role)
	}
	return s.writeAudited(ctx, "add user "+u.Login, audit, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM organizations WHERE id = ?`, u.Org).Scan(&n); err != nil {
			return fmt.Errorf("add user %s: %w", u.Login, describe(err))
		}
		if n == 0 {
			return athar.Errorf(athar.ENOTFOUND, "no organisation %q", u.Org)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO users (login, name, org, role, disabled, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			u.Login, u.Name, u.Org, string(u.Role), u.Disabled, formatTime(s.Now()))
		if isConstraint(err) {
			return athar.Errorf(athar.ECONFLICT, "user %q exists already", u.Login)
		}
		if err != nil {
			return fmt.Errorf("add user %s: %w", u.Login, describe(err))
		}
		return nil
	})
}

const userColumns = `login, name, org, role, disabled, created_at`

func scanUser(sc interface{ Scan(...any) error }) (athar.User, error) {
	var (
		u    athar.User
		role string
		at   string
	)
	if err := sc.Scan(&u.Login, &u.Name, &u.Org, &role, &u.Disabled, &at); err != nil {
		return u, err
	}
	u.Role = athar.Role(role)
	u.CreatedAt, _ = parseTime(at)
	return u, nil
}

// User returns one user, or ENOTFOUND.
func (s *Store) User(ctx context.Context, login string) (athar.User, error) {
	u, err := scanUser(s.r.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE login = ?`, login))
	if errors.Is(err, sql.ErrNoRows) {
		return u, athar.Errorf(athar.ENOTFOUND, "no user %q", login)
	}
	if err != nil {
		return u, fmt.Errorf("read user %s: %w", login, describe(err))
	}
	return u, nil
}

// Users lists every user by login.
func (s *Store) Users(ctx context.Context) ([]athar.User, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY login`)
	if err != nil {
		return nil, fmt.Errorf("read users: %w", describe(err))
	}
	defer rows.Close()
	var out []athar.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("read users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// DisableUser stops a user from signing in; their tokens stop working at
// once. ENOTFOUND for an unknown login.
func (s *Store) DisableUser(ctx context.Context, login string) error {
	return s.disableUser(ctx, login, nil)
}

// DisableUserAudited is DisableUser, with audit appended to the audit log
// in the same transaction: the user is disabled with their entry or not at
// all.
func (s *Store) DisableUserAudited(ctx context.Context, login string, audit *athar.AuditEntry) error {
	return s.disableUser(ctx, login, []*athar.AuditEntry{audit})
}

func (s *Store) disableUser(ctx context.Context, login string, audit []*athar.AuditEntry) error {
	return s.writeAudited(ctx, "disable user "+login, audit, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE users SET disabled = 1 WHERE login = ?`, login)
		if err != nil {
			return fmt.Errorf("disable user %s: %w", login, describe(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return athar.Errorf(athar.ENOTFOUND, "no user %q", login)
		}
		return nil
	})
}

// CreateToken records a token for an existing, enabled user. hash is the
// SHA-256 of the secret; the secret itself is never stored. The token's ID
// and CreatedAt are filled in.
func (s *Store) CreateToken(ctx context.Context, t *athar.Token, hash []byte) error {
	return s.createToken(ctx, t, hash, nil)
}

// CreateTokenAudited is CreateToken, with the entry audit makes of the
// token (its ID filled in) appended to the audit log in the same
// transaction: the token and its entry are committed together or not at
// all.
func (s *Store) CreateTokenAudited(ctx context.Context, t *athar.Token, hash []byte, audit func(athar.Token) *athar.AuditEntry) error {
	if audit == nil {
		return athar.Errorf(athar.EINVALID, "an audited change needs an audit entry")
	}
	return s.createToken(ctx, t, hash, audit)
}

func (s *Store) createToken(ctx context.Context, t *athar.Token, hash []byte, audit func(athar.Token) *athar.AuditEntry) error {
	if len(hash) != 32 {
		return athar.Errorf(athar.EINVALID, "a token hash is 32 bytes")
	}
	if t.Name != "" {
		if err := checkName("token name", t.Name, 200); err != nil {
			return err
		}
	}
	u, err := s.User(ctx, t.User)
	if err != nil {
		return err
	}
	if u.Disabled {
		return athar.Errorf(athar.EINVALID, "user %q is disabled", u.Login)
	}
	now := s.Now().UTC()
	if !t.ExpiresAt.After(now) {
		return athar.Errorf(athar.EINVALID, "the token would expire before it is made (%s)", t.ExpiresAt.Format(time.RFC3339))
	}
	if t.ID == "" {
		t.ID = hex.EncodeToString(hash[:6])
	}
	t.CreatedAt = now
	var entries []*athar.AuditEntry
	if audit != nil {
		entries = []*athar.AuditEntry{audit(*t)}
	}
	return s.writeAudited(ctx, "create token", entries, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO tokens (id, hash, user_login, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
			t.ID, hash, t.User, t.Name, formatTime(now), formatTime(t.ExpiresAt))
		if isConstraint(err) {
			return athar.Errorf(athar.ECONFLICT, "token id %s exists already", t.ID)
		}
		if err != nil {
			return fmt.Errorf("create token: %w", describe(err))
		}
		return nil
	})
}

// RevokeToken makes a token stop working at once. Revoking a revoked token
// is not an error; an unknown id is ENOTFOUND.
func (s *Store) RevokeToken(ctx context.Context, id string) error {
	return s.revokeToken(ctx, id, nil)
}

// RevokeTokenAudited is RevokeToken, with audit appended to the audit log
// in the same transaction: the token is revoked with its entry or not at
// all.
func (s *Store) RevokeTokenAudited(ctx context.Context, id string, audit *athar.AuditEntry) error {
	return s.revokeToken(ctx, id, []*athar.AuditEntry{audit})
}

func (s *Store) revokeToken(ctx context.Context, id string, audit []*athar.AuditEntry) error {
	return s.writeAudited(ctx, "revoke token "+id, audit, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE tokens SET revoked_at = CASE WHEN revoked_at = '' THEN ? ELSE revoked_at END WHERE id = ?`,
			formatTime(s.Now()), id)
		if err != nil {
			return fmt.Errorf("revoke token %s: %w", id, describe(err))
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return athar.Errorf(athar.ENOTFOUND, "no token %q", id)
		}
		return nil
	})
}

// writeAudited runs change in one write transaction and appends the audit
// entries (none for an unaudited change) in the same transaction, so that
// the change and its entries are committed together or not at all. what
// names the change in errors.
func (s *Store) writeAudited(ctx context.Context, what string, audit []*athar.AuditEntry, change func(*sql.Tx) error) error {
	if err := checkAudit(audit); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", what, describe(err))
	}
	defer tx.Rollback()
	if err := change(tx); err != nil {
		return err
	}
	if len(audit) > 0 {
		if err := s.appendAudit(ctx, tx, audit); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: %w", what, describe(err))
	}
	return nil
}

// Tokens lists the tokens of one user, or of everyone for login "".
func (s *Store) Tokens(ctx context.Context, login string) ([]athar.Token, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, user_login, name, created_at, expires_at, revoked_at FROM tokens
		WHERE ?1 = '' OR user_login = ?1 ORDER BY user_login, created_at`, login)
	if err != nil {
		return nil, fmt.Errorf("read tokens: %w", describe(err))
	}
	defer rows.Close()
	var out []athar.Token
	for rows.Next() {
		var (
			t                 athar.Token
			created, exp, rev string
		)
		if err := rows.Scan(&t.ID, &t.User, &t.Name, &created, &exp, &rev); err != nil {
			return nil, fmt.Errorf("read tokens: %w", err)
		}
		t.CreatedAt, _ = parseTime(created)
		t.ExpiresAt, _ = parseTime(exp)
		t.RevokedAt, _ = parseTime(rev)
		out = append(out, t)
	}
	return out, rows.Err()
}

// Authenticate returns the user and token whose secret hashes to hash. A
// token that is unknown, revoked or expired, or whose user is disabled,
// gives EUNAUTHORIZED, with the same message for all, so that a caller
// learns nothing about which tokens exist.
func (s *Store) Authenticate(ctx context.Context, hash []byte) (athar.User, athar.Token, error) {
	var (
		t                 athar.Token
		created, exp, rev string
	)
	row := s.r.QueryRowContext(ctx, `SELECT t.id, t.name, t.created_at, t.expires_at, t.revoked_at,
		u.login, u.name, u.org, u.role, u.disabled, u.created_at
		FROM tokens t JOIN users u ON u.login = t.user_login WHERE t.hash = ?`, hash)
	var (
		u      athar.User
		role   string
		uAt    string
		denied = athar.Errorf(athar.EUNAUTHORIZED, "the token is unknown, expired or revoked")
	)
	err := row.Scan(&t.ID, &t.Name, &created, &exp, &rev, &u.Login, &u.Name, &u.Org, &role, &u.Disabled, &uAt)
	if errors.Is(err, sql.ErrNoRows) {
		return u, t, denied
	}
	if err != nil {
		return u, t, fmt.Errorf("authenticate: %w", describe(err))
	}
	u.Role = athar.Role(role)
	u.CreatedAt, _ = parseTime(uAt)
	t.User = u.Login
	t.CreatedAt, _ = parseTime(created)
	if t.ExpiresAt, err = parseTime(exp); err != nil {
		return u, t, denied
	}
	t.RevokedAt, _ = parseTime(rev)
	if u.Disabled || rev != "" || !s.Now().Before(t.ExpiresAt) {
		return u, t, denied
	}
	return u, t, nil
}
