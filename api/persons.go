package api

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/screen"
)

// visiblePerson reads a record the caller may see. A record they may not
// see does not exist for them: the error is the same ENOTFOUND as for an
// unknown id.
func (s *Server) visiblePerson(ctx context.Context, c *caller, id string) (*athar.Person, error) {
	p, err := s.store.Person(ctx, id)
	if err != nil {
		return nil, err
	}
	if !canSee(&c.User, p.Owner, p.Label) {
		return nil, athar.Errorf(athar.ENOTFOUND, "no record with id %q", id)
	}
	return p, nil
}

func (s *Server) handleGetPerson(w http.ResponseWriter, r *http.Request, c *caller) error {
	id := r.PathValue("id")
	p, err := s.visiblePerson(r.Context(), c, id)
	if err != nil {
		if athar.ErrorCode(err) == athar.ENOTFOUND {
			// Failed reads are logged too: an auditor sees who probes ids.
			if aerr := s.audit.record(r.Context(), entry(c, "person.read", id, map[string]any{"found": false})); aerr != nil {
				return aerr
			}
		}
		return err
	}
	if err := s.audit.record(r.Context(), entry(c, "person.read", id, map[string]any{"found": true})); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, p)
}

// PersonHit is one answer of a registry search.
type PersonHit struct {
	ID      string     `json:"id"`
	Name    string     `json:"name"`
	Kind    athar.Kind `json:"kind"`
	Score   float64    `json:"score"`
	Dataset string     `json:"dataset,omitempty"`
}

// SearchResponse is the answer of GET /v1/persons.
type SearchResponse struct {
	Results []PersonHit `json:"results"`
	Count   int         `json:"count"`
}

// handleSearchPersons searches the registry by name with the screener, so
// that any spelling or script finds the record.
func (s *Server) handleSearchPersons(w http.ResponseWriter, r *http.Request, c *caller) error {
	v := r.URL.Query()
	name := strings.TrimSpace(v.Get("name"))
	if name == "" {
		return athar.Errorf(athar.EINVALID, "give ?name= to search the registry")
	}
	limit, err := intParam(r, "limit", 20, 1, screen.MaxLimit)
	if err != nil {
		return err
	}
	threshold := 0.3
	if t := v.Get("threshold"); t != "" {
		threshold, err = strconv.ParseFloat(t, 64)
		if err != nil || threshold < 0 || threshold > 1 {
			return athar.Errorf(athar.EINVALID, "threshold=%.20q: want a score from 0 to 1", t)
		}
	}
	q := screen.Query{Name: name, BirthDate: v.Get("birth_date"), Nationality: v.Get("nationality")}
	ms, err := s.screener.Load().Screen(r.Context(), q, screen.Options{Limit: limit, Threshold: threshold, CanSee: seeFunc(&c.User)})
	if err != nil {
		return err
	}
	resp := SearchResponse{Results: make([]PersonHit, len(ms)), Count: len(ms)}
	ids := make([]string, len(ms))
	for i, m := range ms {
		resp.Results[i] = PersonHit{ID: m.ID, Name: m.Name, Kind: m.Kind, Score: m.Score}
		ids[i] = m.ID
	}
	if err := s.audit.record(r.Context(), entry(c, "person.search", "", map[string]any{"query": q, "results": ids})); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, resp)
}

// checkEntered checks a record an analyst entered and stamps it with its
// owner and provenance. The owner is always the analyst's organisation.
func checkEntered(c *caller, p *athar.Person) error {
	if p.Owner != "" && p.Owner != c.Org {
		return athar.Errorf(athar.EINVALID, "owner %q: a record entered by hand belongs to the organisation of the user who enters it (%s)", p.Owner, c.Org)
	}
	p.Owner = c.Org
	if p.Label == "" {
		p.Label = athar.TLPAmber // safe by default: shared only when the analyst says so
	}
	if !p.Label.Valid() {
		return athar.Errorf(athar.EINVALID, "label %q: want CLEAR, GREEN, AMBER or RED", p.Label)
	}
	if len(p.Names) == 0 {
		return athar.Errorf(athar.EINVALID, "a record needs at least one name")
	}
	for i, n := range p.Names {
		if strings.TrimSpace(n.Full) == "" {
			return athar.Errorf(athar.EINVALID, "names[%d].full is empty", i)
		}
	}
	p.Provenance = athar.Provenance{Dataset: athar.ManualDataset, SourceID: p.ID, EnteredBy: c.Login}
	return nil
}

// personDetail is what the audit log keeps of an edit: the whole record
// as saved, so that the log is the record's history.
func personDetail(p *athar.Person) map[string]any {
	return map[string]any{"record": p}
}

func (s *Server) handleCreatePerson(w http.ResponseWriter, r *http.Request, c *caller) error {
	var p athar.Person
	if err := s.decodeJSON(w, r, &p); err != nil {
		return err
	}
	if p.ID == "" {
		p.ID = newID("M-")
	}
	if err := checkEntered(c, &p); err != nil {
		return err
	}
	// An id taken by any record, seen or not, is a conflict; the message
	// does not say by whom.
	if _, err := s.store.Person(r.Context(), p.ID); err == nil {
		return athar.Errorf(athar.ECONFLICT, "record id %q is taken; choose another or leave id empty", p.ID)
	} else if athar.ErrorCode(err) != athar.ENOTFOUND {
		return err
	}
	return s.savePerson(w, r, c, &p, "person.create", http.StatusCreated)
}

func (s *Server) handleUpdatePerson(w http.ResponseWriter, r *http.Request, c *caller) error {
	id := r.PathValue("id")
	var p athar.Person
	if err := s.decodeJSON(w, r, &p); err != nil {
		return err
	}
	if p.ID != "" && p.ID != id {
		return athar.Errorf(athar.EINVALID, "the record's id %q is not the id in the path (%q)", p.ID, id)
	}
	p.ID = id
	old, err := s.visiblePerson(r.Context(), c, id)
	if err != nil {
		return err
	}
	if err := checkEditable(old, c, "edit"); err != nil {
		return err
	}
	if err := checkEntered(c, &p); err != nil {
		return err
	}
	return s.savePerson(w, r, c, &p, "person.update", http.StatusOK)
}

// checkEditable refuses a change (verb: edit, delete) to a record that came
// from an imported list, or that another organisation owns.
func checkEditable(old *athar.Person, c *caller, verb string) error {
	if old.Provenance.Dataset != athar.ManualDataset {
		return athar.Errorf(athar.ECONFLICT, "record %s belongs to dataset %q; imported records change only when their list is imported again", old.ID, old.Provenance.Dataset)
	}
	if old.Owner != c.Org {
		return athar.Errorf(athar.EFORBIDDEN, "record %s belongs to organisation %s; only its analysts may %s it", old.ID, old.Owner, verb)
	}
	return nil
}

// savePerson writes the edit to the audit log, then to the registry (the
// log goes first, so that no edit is ever unrecorded; an edit that then
// fails is followed by a ".failed" entry).
func (s *Server) savePerson(w http.ResponseWriter, r *http.Request, c *caller, p *athar.Person, action string, status int) error {
	ctx := r.Context()
	p.Provenance.ImportedAt = time.Now().UTC() // as the store will set it; the log shows when
	if err := s.audit.record(ctx, entry(c, action, p.ID, personDetail(p))); err != nil {
		return err
	}
	if err := s.store.SavePerson(ctx, p); err != nil {
		return s.editFailed(ctx, c, action, p.ID, err)
	}
	saved, err := s.store.Person(ctx, p.ID)
	if err != nil {
		return err
	}
	s.reindex(ctx, w)
	return writeJSON(w, status, saved)
}

// editFailed records that an edit already in the audit log did not happen,
// and returns err.
func (s *Server) editFailed(ctx context.Context, c *caller, action, target string, err error) error {
	if aerr := s.audit.record(ctx, entry(c, action+".failed", target, map[string]any{"error": athar.ErrorMessage(err)})); aerr != nil {
		s.log.Error("audit log", "err", aerr)
	}
	return err
}

func (s *Server) handleDeletePerson(w http.ResponseWriter, r *http.Request, c *caller) error {
	id := r.PathValue("id")
	old, err := s.visiblePerson(r.Context(), c, id)
	if err != nil {
		return err
	}
	if err := checkEditable(old, c, "delete"); err != nil {
		return err
	}
	if err := s.audit.record(r.Context(), entry(c, "person.delete", id, personDetail(old))); err != nil {
		return err
	}
	if err := s.store.DeletePerson(r.Context(), id); err != nil {
		return s.editFailed(r.Context(), c, "person.delete", id, err)
	}
	s.reindex(r.Context(), w)
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// DatasetInfo is a dataset as a caller sees it: the counts are of the
// records they may see.
type DatasetInfo struct {
	athar.Dataset
}

func (s *Server) handleDatasets(w http.ResponseWriter, r *http.Request, c *caller) error {
	sets, err := s.store.Datasets(r.Context())
	if err != nil {
		return err
	}
	counts, _ := s.counts.Load().visible(&c.User)
	out := []athar.Dataset{}
	for _, ds := range sets {
		n, ok := counts[ds.Name]
		if !ok {
			continue // nothing in it this caller may see: not even its name
		}
		ds.Persons, ds.Orgs = n[0], n[1]
		ds.Files = nil // server paths or uploaders' file names
		out = append(out, ds)
	}
	return writeJSON(w, http.StatusOK, map[string]any{"datasets": out})
}
