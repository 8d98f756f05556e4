package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/athar-org/athar"
)

// SaveDecision records a review decision, filling in its ID and CreatedAt.
// Decisions are never changed: a new decision on the same query and record
// supersedes the old one, and both stay.
func (s *Store) SaveDecision(ctx context.Context, d *athar.Decision) error {
	switch {
	case !d.Outcome.Valid():
		return athar.Errorf(athar.EINVALID, "outcome %q: want confirmed_match, false_positive or needs_more_information", d.Outcome)
	case !d.Label.Valid():
		return athar.Errorf(athar.EINVALID, "label %q: want CLEAR, GREEN, AMBER or RED", d.Label)
	case d.QueryKey == "" || d.PersonID == "" || d.User == "" || d.Owner == "":
		return athar.Errorf(athar.EINVALID, "a decision needs a query, a record, a user and an organisation")
	}
	if d.ID == "" {
		d.ID = randomID("d_", 10)
	}
	d.CreatedAt = s.Now().UTC()
	_, err := s.w.ExecContext(ctx, `INSERT INTO decisions (id, query_key, query, person_id, outcome, reason, officer, user_login, owner, label, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, d.QueryKey, string(d.Query), d.PersonID, string(d.Outcome), d.Reason, d.Officer, d.User, d.Owner, string(d.Label), formatTime(d.CreatedAt))
	if err != nil {
		return fmt.Errorf("save decision: %w", describe(err))
	}
	return nil
}

const decisionColumns = `id, query_key, query, person_id, outcome, reason, officer, user_login, owner, label, created_at`

func scanDecision(sc interface{ Scan(...any) error }) (athar.Decision, error) {
	var (
		d                         athar.Decision
		query, outcome, label, at string
	)
	if err := sc.Scan(&d.ID, &d.QueryKey, &query, &d.PersonID, &outcome, &d.Reason, &d.Officer, &d.User, &d.Owner, &label, &at); err != nil {
		return d, err
	}
	if query != "" {
		d.Query = json.RawMessage(query)
	}
	d.Outcome, d.Label = athar.Outcome(outcome), athar.TLP(label)
	d.CreatedAt, _ = parseTime(at)
	return d, nil
}

// visible is the SQL condition for a decision the organisation ?org may see.
// It mirrors the API's rule for records: CLEAR and GREEN are seen by every
// organisation of the deployment, AMBER and RED only by the owner.
const visibleDecision = `(label IN ('CLEAR', 'GREEN') OR owner = :org)`

// Decision returns one decision the organisation may see, or ENOTFOUND.
func (s *Store) Decision(ctx context.Context, org, id string) (athar.Decision, error) {
	d, err := scanDecision(s.r.QueryRowContext(ctx, `SELECT `+decisionColumns+` FROM decisions WHERE id = :id AND `+visibleDecision,
		sql.Named("id", id), sql.Named("org", org)))
	if errors.Is(err, sql.ErrNoRows) {
		return d, athar.Errorf(athar.ENOTFOUND, "no decision %q", id)
	}
	if err != nil {
		return d, fmt.Errorf("read decision %s: %w", id, describe(err))
	}
	return d, nil
}

// Decisions returns the decisions f selects that f.Org may see, newest
// first.
func (s *Store) Decisions(ctx context.Context, f athar.DecisionFilter) ([]athar.Decision, error) {
	if f.Org == "" {
		return nil, athar.Errorf(athar.EINVALID, "decisions are read on behalf of an organisation")
	}
	var (
		where = []string{visibleDecision}
		args  = []any{sql.Named("org", f.Org)}
	)
	if f.QueryKey != "" {
		where = append(where, `query_key = :key`)
		args = append(args, sql.Named("key", f.QueryKey))
	}
	if len(f.PersonID) > 0 {
		ph := make([]string, len(f.PersonID))
		for i, id := range f.PersonID {
			ph[i] = fmt.Sprintf(":p%d", i)
			args = append(args, sql.Named(fmt.Sprintf("p%d", i), id))
		}
		where = append(where, `person_id IN (`+strings.Join(ph, ", ")+`)`)
	}
	if f.Outcome != "" {
		where = append(where, `outcome = :outcome`)
		args = append(args, sql.Named("outcome", string(f.Outcome)))
	}
	if f.Text != "" {
		where = append(where, `(instr(lower(reason), lower(:text)) > 0 OR instr(lower(officer), lower(:text)) > 0 OR instr(lower(query), lower(:text)) > 0)`)
		args = append(args, sql.Named("text", f.Text))
	}
	if f.Before != "" {
		where = append(where, `(created_at, id) < (SELECT created_at, id FROM decisions WHERE id = :before)`)
		args = append(args, sql.Named("before", f.Before))
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	args = append(args, sql.Named("limit", limit))
	rows, err := s.r.QueryContext(ctx, `SELECT `+decisionColumns+` FROM decisions WHERE `+strings.Join(where, " AND ")+
		` ORDER BY created_at DESC, id DESC LIMIT :limit`, args...)
	if err != nil {
		return nil, fmt.Errorf("read decisions: %w", describe(err))
	}
	defer rows.Close()
	out := []athar.Decision{}
	for rows.Next() {
		d, err := scanDecision(rows)
		if err != nil {
			return nil, fmt.Errorf("read decisions: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// DecisionKeys returns every query key that has a decision, so that a
// server can skip the lookup for the many queries that have none.
func (s *Store) DecisionKeys(ctx context.Context) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT DISTINCT query_key FROM decisions`)
	if err != nil {
		return nil, fmt.Errorf("read decisions: %w", describe(err))
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("read decisions: %w", err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
