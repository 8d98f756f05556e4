package api

import (
	"encoding/json"
	"net/http"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/screen"
)

// DecisionRequest is the body of POST /v1/decisions.
type DecisionRequest struct {
	Query    screen.Query  `json:"query"`     // the query as screened
	PersonID string        `json:"person_id"` // the record it matched
	Outcome  athar.Outcome `json:"outcome"`
	Reason   string        `json:"reason"`
	Officer  string        `json:"officer"`         // the officer's name
	Label    athar.TLP     `json:"label,omitempty"` // default AMBER
}

func (s *Server) handleCreateDecision(w http.ResponseWriter, r *http.Request, c *caller) error {
	var req DecisionRequest
	if err := s.decodeJSON(w, r, &req); err != nil {
		return err
	}
	switch {
	case len(req.Query.AllNames()) == 0:
		return athar.Errorf(athar.EINVALID, "query: give the query as it was screened, with its name")
	case strings.TrimSpace(req.PersonID) == "":
		return athar.Errorf(athar.EINVALID, "person_id: give the id of the record the query matched")
	case !req.Outcome.Valid():
		return athar.Errorf(athar.EINVALID, "outcome %q: want confirmed_match, false_positive or needs_more_information", req.Outcome)
	case strings.TrimSpace(req.Reason) == "":
		return athar.Errorf(athar.EINVALID, "reason: say why; the next officer will read it")
	case strings.TrimSpace(req.Officer) == "":
		return athar.Errorf(athar.EINVALID, "officer: give the name of the officer who decided")
	}
	if req.Label == "" {
		req.Label = athar.TLPAmber
	}
	if !req.Label.Valid() {
		return athar.Errorf(athar.EINVALID, "label %q: want CLEAR, GREEN, AMBER or RED", req.Label)
	}
	if _, err := s.visiblePerson(r.Context(), c, req.PersonID); err != nil {
		return err
	}
	q, err := json.Marshal(req.Query)
	if err != nil {
		return err
	}
	d := athar.Decision{
		QueryKey: QueryKey(req.Query), Query: q, PersonID: req.PersonID, Outcome: req.Outcome,
		Reason: strings.TrimSpace(req.Reason), Officer: strings.TrimSpace(req.Officer),
		User: c.Login, Owner: c.Org, Label: req.Label,
	}
	// The log goes first, as for edits; the id is made here so that the
	// entry names the decision.
	d.ID = newID("d_")
	if err := s.audit.record(r.Context(), entry(c, "decision.create", d.ID, map[string]any{"decision": d})); err != nil {
		return err
	}
	if err := s.store.SaveDecision(r.Context(), &d); err != nil {
		return s.editFailed(r.Context(), c, "decision.create", d.ID, err)
	}
	s.decided.add(d.QueryKey)
	return writeJSON(w, http.StatusCreated, d)
}

// DecisionList is the answer of GET /v1/decisions.
type DecisionList struct {
	Decisions []athar.Decision `json:"decisions"`
	Next      string           `json:"next,omitempty"` // pass as ?before= for the next page
}

func (s *Server) handleListDecisions(w http.ResponseWriter, r *http.Request, c *caller) error {
	v := r.URL.Query()
	limit, err := intParam(r, "limit", 100, 1, 1000)
	if err != nil {
		return err
	}
	f := athar.DecisionFilter{
		Org: c.Org, QueryKey: v.Get("query_key"), Outcome: athar.Outcome(v.Get("outcome")),
		Text: v.Get("q"), Before: v.Get("before"), Limit: limit,
	}
	if f.Outcome != "" && !f.Outcome.Valid() {
		return athar.Errorf(athar.EINVALID, "outcome %q: want confirmed_match, false_positive or needs_more_information", f.Outcome)
	}
	if id := v.Get("person_id"); id != "" {
		f.PersonID = []string{id}
	}
	ds, err := s.store.Decisions(r.Context(), f)
	if err != nil {
		return err
	}
	resp := DecisionList{Decisions: make([]athar.Decision, 0, len(ds))}
	seen := map[string]bool{}
	for _, d := range ds {
		// A decision about a record the caller may not see is not shown.
		ok, known := seen[d.PersonID]
		if !known {
			_, err := s.visiblePerson(r.Context(), c, d.PersonID)
			ok = err == nil
			seen[d.PersonID] = ok
		}
		if ok {
			resp.Decisions = append(resp.Decisions, d)
		}
	}
	if len(ds) == limit {
		resp.Next = ds[len(ds)-1].ID
	}
	if err := s.audit.record(r.Context(), entry(c, "decision.list", "", map[string]any{"filter": f, "count": len(resp.Decisions)})); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, resp)
}

func (s *Server) handleGetDecision(w http.ResponseWriter, r *http.Request, c *caller) error {
	id := r.PathValue("id")
	d, err := s.store.Decision(r.Context(), c.Org, id)
	if err != nil {
		return err
	}
	if _, err := s.visiblePerson(r.Context(), c, d.PersonID); err != nil {
		return athar.Errorf(athar.ENOTFOUND, "no decision %q", id)
	}
	if err := s.audit.record(r.Context(), entry(c, "decision.read", id, nil)); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, d)
}
