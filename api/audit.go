package api

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/athar-org/athar"
)

// auditor appends entries to the audit log with group commit: requests
// that log at the same moment share one transaction, and each waits until
// its entry is committed. A request whose entry cannot be written fails:
// nothing is shown that the log does not record.
type auditor struct {
	st interface {
		AppendAudit(context.Context, ...*athar.AuditEntry) error
	}
	log     *slog.Logger
	m       *metrics
	reqs    chan auditReq
	mu      sync.RWMutex // held for reading while sending on reqs
	closed  bool
	stopped chan struct{}
}

type auditReq struct {
	entries []*athar.AuditEntry
	done    chan error
}

// maxAuditGroup bounds the entries committed together.
const maxAuditGroup = 1000

func newAuditor(st interface {
	AppendAudit(context.Context, ...*athar.AuditEntry) error
}, log *slog.Logger, m *metrics) *auditor {
	a := &auditor{st: st, log: log, m: m, reqs: make(chan auditReq, 1024), stopped: make(chan struct{})}
	go a.run()
	return a
}

func (a *auditor) run() {
	defer close(a.stopped)
	var (
		group   []auditReq
		entries []*athar.AuditEntry
	)
	for req := range a.reqs {
		group = append(group[:0], req)
		entries = append(entries[:0], req.entries...)
	drain:
		for len(entries) < maxAuditGroup {
			select {
			case r, ok := <-a.reqs:
				if !ok {
					break drain
				}
				group = append(group, r)
				entries = append(entries, r.entries...)
			default:
				break drain
			}
		}
		start := time.Now()
		// Not the request's context: once asked, the entry is written
		// even if the client goes away.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		err := a.st.AppendAudit(ctx, entries...)
		cancel()
		a.m.auditCommit.observe(time.Since(start))
		if err != nil {
			a.m.auditErrors.Add(uint64(len(entries)))
			a.log.Error("audit log", "err", err, "entries", len(entries))
		} else {
			a.m.auditEntries.Add(uint64(len(entries)))
		}
		for _, r := range group {
			r.done <- err
		}
	}
}

// record appends entries and waits until they are committed.
func (a *auditor) record(ctx context.Context, entries ...*athar.AuditEntry) error {
	done := make(chan error, 1)
	a.mu.RLock()
	if a.closed {
		a.mu.RUnlock()
		return errors.New("the audit log is closed")
	}
	select {
	case a.reqs <- auditReq{entries: entries, done: done}:
		a.mu.RUnlock()
	case <-ctx.Done():
		a.mu.RUnlock()
		return ctx.Err()
	}
	// Wait even if ctx ends: the entry is on its way to the log.
	return <-done
}

// close writes the entries under way and stops.
func (a *auditor) close() error {
	a.mu.Lock()
	if !a.closed {
		a.closed = true
		close(a.reqs)
	}
	a.mu.Unlock()
	<-a.stopped
	return nil
}

// entry makes an audit entry for the caller; detail is marshalled to JSON.
func entry(c *caller, action, target string, detail any) *athar.AuditEntry {
	e := &athar.AuditEntry{Actor: c.Login, Org: c.Org, Action: action, Target: target}
	if detail != nil {
		b, err := json.Marshal(detail)
		if err == nil {
			e.Detail = b
		}
	}
	return e
}

// auditPage is the answer of GET /v1/audit.
type auditPage struct {
	Entries []athar.AuditEntry `json:"entries"`
	Next    int64              `json:"next,omitempty"` // pass as ?after= for the next page
}

// handleAudit lists audit entries for an auditor, oldest first: those of
// the auditor's organisation and of the command line.
func (s *Server) handleAudit(w http.ResponseWriter, r *http.Request, c *caller) error {
	after, err := intParam(r, "after", 0, 0, 1<<62)
	if err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	es, err := s.store.AuditEntries(r.Context(), c.Org, int64(after), limit)
	if err != nil {
		return err
	}
	if err := s.audit.record(r.Context(), entry(c, "audit.read", "", map[string]any{"after": after, "count": len(es)})); err != nil {
		return err
	}
	p := auditPage{Entries: es}
	if es == nil {
		p.Entries = []athar.AuditEntry{}
	}
	if len(es) == limit {
		p.Next = es[len(es)-1].Seq
	}
	return writeJSON(w, http.StatusOK, p)
}

// intParam reads an integer query parameter within [lo, hi].
func intParam(r *http.Request, name string, def, lo, hi int) (int, error) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, athar.Errorf(athar.EINVALID, "%s=%.20q: want a whole number from %d to %d", name, v, lo, hi)
	}
	return n, nil
}

// AuditCheck is the answer of GET /v1/audit/verify.
type AuditCheck struct {
	Intact   bool   `json:"intact"`
	Entries  int    `json:"entries"`             // entries checked and intact
	Head     string `json:"head"`                // the hash of the last intact entry
	BrokenAt int64  `json:"broken_at,omitempty"` // the first broken entry
	Reason   string `json:"reason,omitempty"`
}

// handleVerifyAudit checks the whole chain, as athar audit verify does.
func (s *Server) handleVerifyAudit(w http.ResponseWriter, r *http.Request, c *caller) error {
	n, head, err := s.store.VerifyAudit(r.Context())
	check := AuditCheck{Intact: err == nil, Entries: n, Head: head}
	var b interface{ BrokenEntry() (int64, string) }
	switch {
	case errors.As(err, &b):
		check.BrokenAt, check.Reason = b.BrokenEntry()
	case err != nil:
		return err
	}
	if err := s.audit.record(r.Context(), entry(c, "audit.verify", "", map[string]any{"intact": check.Intact, "entries": n, "broken_at": check.BrokenAt})); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, check)
}
