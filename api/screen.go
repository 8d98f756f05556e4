package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"slices"
	"strings"
	"unicode"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/screen"
)

// ScreenRequest is the body of POST /v1/screen: one query, or a small list.
type ScreenRequest struct {
	Query     *screen.Query  `json:"query,omitempty"`
	Queries   []screen.Query `json:"queries,omitempty"`
	Limit     int            `json:"limit,omitempty"`     // 0: screen.DefaultLimit
	Threshold *float64       `json:"threshold,omitempty"` // absent: screen.DefaultThreshold
}

// ScreenResponse is the answer: one result per query, in order.
type ScreenResponse struct {
	Results   []ScreenResult `json:"results"`
	Records   int            `json:"records"` // the records this caller may see
	Threshold float64        `json:"threshold"`
}

// ScreenResult is the answer for one query.
type ScreenResult struct {
	QueryID  string       `json:"query_id,omitempty"`
	QueryKey string       `json:"query_key"`
	Query    screen.Query `json:"query"`
	Matches  []Match      `json:"matches"`
	Error    string       `json:"error,omitempty"` // a query of a batch that could not be screened
}

// Match is a screening match (the same fields as athar screen --json) with
// what officers decided about it before.
type Match struct {
	screen.Match
	// Alert is false when the latest decision on this query identity and
	// record that the caller may see is a false positive: the hit was
	// reviewed and need not alarm again.
	Alert  bool    `json:"alert"`
	Review *Review `json:"review,omitempty"`
}

// Review is the latest decision on a match.
type Review struct {
	DecisionID string        `json:"decision_id"`
	Outcome    athar.Outcome `json:"outcome"`
	Reason     string        `json:"reason"`
	Officer    string        `json:"officer"`
	Org        string        `json:"org"`
	DecidedAt  string        `json:"decided_at"`
}

// QueryKey is the identity of a person screened, under which decisions are
// remembered: the SHA-256 of the query's names (each folded: lower case,
// Arabic diacritics and tatweel removed, hamza forms of alef, alef maqsura
// and teh marbuta unified, punctuation dropped), its birth date and its
// document numbers, each list sorted. The same person entered again the
// same way gets the same key; another birth date or document is another
// person.
func QueryKey(q screen.Query) string {
	var names []string
	for _, n := range q.AllNames() {
		if f := foldName(n); f != "" {
			names = append(names, f)
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	var docs []string
	for _, d := range q.Documents {
		if n := screen.NormalizeDocument(d.Number); n != "" {
			docs = append(docs, n)
		}
	}
	slices.Sort(docs)
	docs = slices.Compact(docs)
	h := sha256.New()
	h.Write([]byte("athar-query-v1\x00"))
	h.Write([]byte(strings.Join(names, "\x1f")))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(q.BirthDate)))
	h.Write([]byte{0})
	h.Write([]byte(strings.Join(docs, "\x1f")))
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// foldName is the stable folding of QueryKey. It is deliberately its own
// and simple: decisions are looked up by it for years, so it must not move
// when the name analysis improves.
func foldName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, dagger alef, tatweel
			continue
		case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
			r = 'ا'
		case r == 'ى':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else {
			space = true
		}
	}
	return b.String()
}

func (s *Server) handleScreen(w http.ResponseWriter, r *http.Request, c *caller) error {
	var req ScreenRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	qs := req.Queries
	switch {
	case req.Query != nil && len(qs) > 0:
		return athar.Errorf(athar.EINVALID, "give either \"query\" or \"queries\", not both")
	case req.Query != nil:
		qs = []screen.Query{*req.Query}
	case len(qs) == 0:
		return athar.Errorf(athar.EINVALID, "give \"query\": {\"name\": ...} or \"queries\": [...]")
	case len(qs) > s.cfg.MaxListQueries:
		return athar.Errorf(athar.EINVALID, "%d queries: at most %d per request; submit a batch job (POST /v1/jobs) for more", len(qs), s.cfg.MaxListQueries)
	}
	opts := screen.Options{Limit: req.Limit, Threshold: -1, CanSee: seeFunc(&c.User)}
	if req.Threshold != nil {
		opts.Threshold = *req.Threshold
		if opts.Threshold < 0 {
			return athar.Errorf(athar.EINVALID, "threshold %v: want a score from 0 to 1", opts.Threshold)
		}
	}
	sc := s.screener.Load()
	resp := ScreenResponse{Results: make([]ScreenResult, len(qs)), Threshold: screen.DefaultThreshold}
	if req.Threshold != nil {
		resp.Threshold = *req.Threshold
	}
	entries := make([]*athar.AuditEntry, len(qs))
	for i, q := range qs {
		ms, err := sc.Screen(r.Context(), q, opts)
		if err != nil {
			if len(qs) > 1 && athar.ErrorCode(err) == athar.EINVALID {
				return athar.Errorf(athar.EINVALID, "queries[%d]: %s", i, athar.ErrorMessage(err))
			}
			return err
		}
		res, err := s.review(r.Context(), c, q, ms)
		if err != nil {
			return err
		}
		resp.Results[i] = res
		entries[i] = entry(c, "screen", "", screenDetail(res))
		s.metrics.matches.Add(uint64(len(ms)))
	}
	s.metrics.screenings.Add(uint64(len(qs)))
	// The screening is in the log before anyone reads its result.
	if err := s.audit.record(r.Context(), entries...); err != nil {
		return err
	}
	resp.Records = s.visibleRecords(&c.User)
	return writeJSON(w, http.StatusOK, resp)
}

// screenDetail is what the audit log keeps of a screening: the query and
// the ids of the results, with their scores and alerts.
func screenDetail(res ScreenResult) map[string]any {
	ids := make([]string, len(res.Matches))
	scores := make([]float64, len(res.Matches))
	for i, m := range res.Matches {
		ids[i], scores[i] = m.ID, m.Score
	}
	return map[string]any{"query": res.Query, "query_key": res.QueryKey, "results": ids, "scores": scores}
}

// review attaches to each match the latest decision on it that the caller
// may see.
func (s *Server) review(ctx context.Context, c *caller, q screen.Query, ms []screen.Match) (ScreenResult, error) {
	res := ScreenResult{QueryID: q.ID, QueryKey: QueryKey(q), Query: q, Matches: make([]Match, len(ms))}
	ids := make([]string, len(ms))
	for i, m := range ms {
		res.Matches[i] = Match{Match: m, Alert: true}
		ids[i] = m.ID
	}
	// Most people screened were never decided on: skip the lookup. The set
	// is filled at start and by this server's decisions; decisions written
	// by another server on the same file are seen after a restart.
	if len(ms) == 0 || !s.decided.has(res.QueryKey) {
		return res, nil
	}
	ds, err := s.store.Decisions(ctx, athar.DecisionFilter{Org: c.Org, QueryKey: res.QueryKey, PersonID: ids, Limit: 1000})
	if err != nil {
		return res, err
	}
	latest := map[string]*athar.Decision{}
	for i := range ds { // newest first
		if _, ok := latest[ds[i].PersonID]; !ok {
			latest[ds[i].PersonID] = &ds[i]
		}
	}
	for i := range res.Matches {
		d := latest[res.Matches[i].ID]
		if d == nil {
			continue
		}
		res.Matches[i].Review = &Review{DecisionID: d.ID, Outcome: d.Outcome, Reason: d.Reason, Officer: d.Officer,
			Org: d.Owner, DecidedAt: d.CreatedAt.Format("2006-01-02T15:04:05Z07:00")}
		res.Matches[i].Alert = d.Outcome != athar.OutcomeFalsePositive
	}
	return res, nil
}

// visibleRecords counts the records u may see.
func (s *Server) visibleRecords(u *athar.User) int {
	t := s.counts.Load()
	if t == nil {
		return 0
	}
	counts, _ := t.visible(u)
	n := 0
	for _, c := range counts {
		n += c[0] + c[1]
	}
	return n
}
