package sqlite

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strings"
	"time"

	"github.com/athar-org/athar"
)

// The audit log is a hash chain: entry n's hash is
//
//	SHA-256(hash of entry n-1 || "\n" || canonical JSON of entry n)
//
// with the empty string before the first entry. The canonical JSON holds
// seq, at, actor, org, action, target and detail in that order, detail as
// the exact text stored. Changing any stored field, or removing or
// reordering entries, breaks the chain at that entry.
//
// The chain cannot tell that the newest entries were cut off; an auditor
// who keeps the last hash from an export can (athar audit verify --head).

// AuditHash computes an entry's hash from the previous entry's.
func AuditHash(prev string, e *athar.AuditEntry) string {
	c := struct {
		Seq    int64  `json:"seq"`
		At     string `json:"at"`
		Actor  string `json:"actor"`
		Org    string `json:"org"`
		Action string `json:"action"`
		Target string `json:"target"`
		Detail string `json:"detail"`
	}{e.Seq, formatTime(e.At), e.Actor, e.Org, e.Action, e.Target, string(e.Detail)}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(c) // cannot fail: strings and an integer
	h := sha256.New()
	h.Write([]byte(prev))
	h.Write([]byte("\n"))
	h.Write(buf.Bytes())
	return hex.EncodeToString(h.Sum(nil))
}

// AppendAudit appends entries to the audit log in one transaction, in
// order, filling in each one's Seq, At (when zero), Prev and Hash. Detail,
// when given, must be a JSON object.
func (s *Store) AppendAudit(ctx context.Context, entries ...*athar.AuditEntry) error {
	if len(entries) == 0 {
		return nil
	}
	if err := checkAudit(entries); err != nil {
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("append to the audit log: %w", describe(err))
	}
	defer tx.Rollback()
	if err := s.appendAudit(ctx, tx, entries); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("append to the audit log: %w", describe(err))
	}
	return nil
}

// checkAudit refuses entries the log cannot hold.
func checkAudit(entries []*athar.AuditEntry) error {
	for _, e := range entries {
		if e == nil || e.Action == "" || e.Actor == "" {
			return athar.Errorf(athar.EINVALID, "an audit entry needs an actor and an action")
		}
		if len(e.Detail) > 0 && (e.Detail[0] != '{' || !json.Valid(e.Detail)) {
			return athar.Errorf(athar.EINVALID, "an audit entry's detail must be a JSON object")
		}
	}
	return nil
}

// appendAudit appends checked entries to the chain within tx, a write
// transaction: it holds the write lock, so the chain's head cannot move
// under it.
func (s *Store) appendAudit(ctx context.Context, tx *sql.Tx, entries []*athar.AuditEntry) error {
	var (
		seq  int64
		prev string
	)
	err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1`).Scan(&seq, &prev)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("append to the audit log: %w", describe(err))
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO audit (seq, at, actor, org, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("append to the audit log: %w", describe(err))
	}
	defer stmt.Close()
	now := s.Now().UTC()
	for _, e := range entries {
		seq++
		e.Seq = seq
		if e.At.IsZero() {
			e.At = now
		}
		e.At = e.At.UTC()
		e.Prev = prev
		e.Hash = AuditHash(prev, e)
		if _, err := stmt.ExecContext(ctx, e.Seq, formatTime(e.At), e.Actor, e.Org, e.Action, e.Target, string(e.Detail), e.Prev, e.Hash); err != nil {
			return fmt.Errorf("append to the audit log: %w", describe(err))
		}
		prev = e.Hash
	}
	return nil
}

// AuditEntries returns up to limit entries with seq greater than after, in
// order: the entries of the organisation org and those of the command line
// (which have no organisation). An organisation's entries hold its queries
// and records, so they are not shown to another's auditors.
func (s *Store) AuditEntries(ctx context.Context, org string, after int64, limit int) ([]athar.AuditEntry, error) {
	var out []athar.AuditEntry
	for e, err := range s.audit(ctx, s.r, org, after, limit) {
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// AuditLog yields every entry in order, from one read snapshot.
func (s *Store) AuditLog(ctx context.Context) iter.Seq2[athar.AuditEntry, error] {
	return func(yield func(athar.AuditEntry, error) bool) {
		tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
		if err != nil {
			yield(athar.AuditEntry{}, fmt.Errorf("read the audit log: %w", describe(err)))
			return
		}
		defer tx.Rollback()
		for e, err := range s.audit(ctx, tx, allOrgs, 0, -1) {
			if !yield(e, err) || err != nil {
				return
			}
		}
	}
}

// allOrgs selects the entries of every organisation, for the whole log.
const allOrgs = "\x00all"

func (s *Store) audit(ctx context.Context, q querier, org string, after int64, limit int) iter.Seq2[athar.AuditEntry, error] {
	return func(yield func(athar.AuditEntry, error) bool) {
		rows, err := q.QueryContext(ctx, `SELECT seq, at, actor, org, action, target, detail, prev_hash, hash
			FROM audit WHERE seq > ?1 AND (?2 = ?3 OR org = ?2 OR org = '') ORDER BY seq LIMIT ?4`, after, org, allOrgs, limit)
		if err != nil {
			yield(athar.AuditEntry{}, fmt.Errorf("read the audit log: %w", describe(err)))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var (
				e          athar.AuditEntry
				at, detail string
			)
			if err := rows.Scan(&e.Seq, &at, &e.Actor, &e.Org, &e.Action, &e.Target, &detail, &e.Prev, &e.Hash); err != nil {
				yield(e, fmt.Errorf("read the audit log: %w", err))
				return
			}
			t, err := time.Parse(time.RFC3339Nano, at)
			if err != nil {
				// Keep the entry readable; the chain check will name it.
				t = time.Time{}
			}
			e.At = t
			if detail != "" {
				e.Detail = json.RawMessage(detail)
			}
			if !yield(e, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(athar.AuditEntry{}, fmt.Errorf("read the audit log: %w", describe(err)))
		}
	}
}

// AuditBreak is the first entry where the audit chain does not hold.
type AuditBreak struct {
	Seq    int64
	Reason string
}

func (b *AuditBreak) Error() string {
	return fmt.Sprintf("audit entry %d: %s", b.Seq, b.Reason)
}

// VerifyAudit checks the whole chain. It returns the number of entries
// checked, the hash of the last one, and an *AuditBreak naming the first
// broken entry, or another error when the log cannot be read.
func (s *Store) VerifyAudit(ctx context.Context) (n int, head string, err error) {
	var (
		prev string
		want int64 = 1
	)
	for e, err := range s.AuditLog(ctx) {
		if err != nil {
			return n, prev, err
		}
		// The stored time must read back to the same text, or the hash
		// would be computed over something else than what is stored.
		switch {
		case e.Seq != want:
			return n, prev, &AuditBreak{Seq: e.Seq, Reason: fmt.Sprintf("expected entry %d here: entries were removed or renumbered", want)}
		case e.Prev != prev:
			return n, prev, &AuditBreak{Seq: e.Seq, Reason: "its previous hash does not match the entry before it: an entry before it was changed or removed"}
		case e.At.IsZero():
			return n, prev, &AuditBreak{Seq: e.Seq, Reason: "its time cannot be read: it was changed"}
		case AuditHash(prev, &e) != e.Hash:
			return n, prev, &AuditBreak{Seq: e.Seq, Reason: "its content does not match its hash: it was changed"}
		}
		prev = e.Hash
		want++
		n++
	}
	return n, prev, nil
}

// AuditFor returns the newest entries (up to limit) about one target with
// one of the given actions, oldest first: a record's edits, a dataset's
// imports.
func (s *Store) AuditFor(ctx context.Context, target string, actions []string, limit int) ([]athar.AuditEntry, error) {
	if len(actions) == 0 {
		return nil, nil
	}
	args := []any{target}
	ph := make([]string, len(actions))
	for i, a := range actions {
		ph[i] = "?"
		args = append(args, a)
	}
	args = append(args, limit)
	rows, err := s.r.QueryContext(ctx, `SELECT seq, at, actor, org, action, target, detail, prev_hash, hash FROM audit
		WHERE target = ? AND action IN (`+strings.Join(ph, ", ")+`) ORDER BY seq DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("read the audit log: %w", describe(err))
	}
	defer rows.Close()
	var out []athar.AuditEntry
	for rows.Next() {
		var (
			e          athar.AuditEntry
			at, detail string
		)
		if err := rows.Scan(&e.Seq, &at, &e.Actor, &e.Org, &e.Action, &e.Target, &detail, &e.Prev, &e.Hash); err != nil {
			return nil, fmt.Errorf("read the audit log: %w", err)
		}
		e.At, _ = time.Parse(time.RFC3339Nano, at)
		if detail != "" {
			e.Detail = json.RawMessage(detail)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the audit log: %w", describe(err))
	}
	slices.Reverse(out)
	return out, nil
}

// BrokenEntry returns the entry where the chain breaks and why, for callers
// that do not import this package.
func (b *AuditBreak) BrokenEntry() (seq int64, reason string) { return b.Seq, b.Reason }
