package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/athar-org/athar"
)

// CreateJob records a new batch job, filling in its ID and CreatedAt.
func (s *Store) CreateJob(ctx context.Context, j *athar.Job) error {
	if j.ID == "" {
		j.ID = randomID("j_", 10)
	}
	j.CreatedAt = s.Now().UTC()
	_, err := s.w.ExecContext(ctx, `INSERT INTO jobs (id, user_login, org, status, format, queries, done, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		j.ID, j.User, j.Org, j.Status, j.Format, j.Queries, j.Done, formatTime(j.CreatedAt))
	if err != nil {
		return fmt.Errorf("create job: %w", describe(err))
	}
	return nil
}

// UpdateJob saves a job's status, progress, error and summary, and its
// results (gzip-compressed JSON Lines) when results is not nil.
func (s *Store) UpdateJob(ctx context.Context, j *athar.Job, results []byte) error {
	finished := ""
	if !j.FinishedAt.IsZero() {
		finished = formatTime(j.FinishedAt)
	}
	q := `UPDATE jobs SET status = ?, done = ?, error = ?, summary = ?, finished_at = ? WHERE id = ?`
	args := []any{j.Status, j.Done, j.Error, string(j.Summary), finished, j.ID}
	if results != nil {
		q = `UPDATE jobs SET status = ?, done = ?, error = ?, summary = ?, finished_at = ?, results = ? WHERE id = ?`
		args = []any{j.Status, j.Done, j.Error, string(j.Summary), finished, results, j.ID}
	}
	if _, err := s.w.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("save job %s: %w", j.ID, describe(err))
	}
	return nil
}

const jobColumns = `id, user_login, org, status, format, queries, done, error, summary, created_at, finished_at`

func scanJob(sc interface{ Scan(...any) error }) (athar.Job, error) {
	var (
		j                        athar.Job
		summary, created, finish string
	)
	if err := sc.Scan(&j.ID, &j.User, &j.Org, &j.Status, &j.Format, &j.Queries, &j.Done, &j.Error, &summary, &created, &finish); err != nil {
		return j, err
	}
	if summary != "" {
		j.Summary = []byte(summary)
	}
	j.CreatedAt, _ = parseTime(created)
	j.FinishedAt, _ = parseTime(finish)
	return j, nil
}

// Job returns one job, or ENOTFOUND.
func (s *Store) Job(ctx context.Context, id string) (athar.Job, error) {
	j, err := scanJob(s.r.QueryRowContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return j, athar.Errorf(athar.ENOTFOUND, "no job %q", id)
	}
	if err != nil {
		return j, fmt.Errorf("read job %s: %w", id, describe(err))
	}
	return j, nil
}

// Jobs lists the jobs of one user, newest first.
func (s *Store) Jobs(ctx context.Context, login string) ([]athar.Job, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+jobColumns+` FROM jobs WHERE user_login = ? ORDER BY created_at DESC LIMIT 1000`, login)
	if err != nil {
		return nil, fmt.Errorf("read jobs: %w", describe(err))
	}
	defer rows.Close()
	out := []athar.Job{}
	for rows.Next() {
		j, err := scanJob(rows)
		if err != nil {
			return nil, fmt.Errorf("read jobs: %w", err)
		}
		out = append(out, j)
	}
	return out, rows.Err()
}

// JobResults returns a finished job's results as stored (gzip-compressed
// JSON Lines), or ENOTFOUND when there are none.
func (s *Store) JobResults(ctx context.Context, id string) ([]byte, error) {
	var b []byte
	err := s.r.QueryRowContext(ctx, `SELECT results FROM jobs WHERE id = ? AND results IS NOT NULL`, id).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, athar.Errorf(athar.ENOTFOUND, "job %q has no results", id)
	}
	if err != nil {
		return nil, fmt.Errorf("read job %s: %w", id, describe(err))
	}
	return b, nil
}

// FailUnfinishedJobs marks every queued or running job failed with the
// given message: a server that starts again has lost their input.
func (s *Store) FailUnfinishedJobs(ctx context.Context, msg string) error {
	_, err := s.w.ExecContext(ctx, `UPDATE jobs SET status = 'failed', error = ?, finished_at = ? WHERE status IN ('queued', 'running')`,
		msg, formatTime(s.Now()))
	if err != nil {
		return fmt.Errorf("mark unfinished jobs: %w", describe(err))
	}
	return nil
}
