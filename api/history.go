package api

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/athar-org/athar"
)

// historyLimit bounds the versions returned.
const historyLimit = 200

// Change is one saved version of a record entered by hand, from the audit
// log: who entered what, when.
type Change struct {
	At     time.Time       `json:"at"`
	User   string          `json:"user"`
	Org    string          `json:"org"`
	Action string          `json:"action"` // person.create, person.update, person.delete
	Record json.RawMessage `json:"record,omitempty"`
}

// handlePersonHistory lists the versions of a record entered by hand, oldest
// first. Records of imported lists change only by import: see the
// dataset's versions.
func (s *Server) handlePersonHistory(w http.ResponseWriter, r *http.Request, c *caller) error {
	id := r.PathValue("id")
	if _, err := s.visiblePerson(r.Context(), c, id); err != nil {
		return err
	}
	es, err := s.store.AuditFor(r.Context(), id, []string{"person.create", "person.update", "person.delete",
		"person.create.failed", "person.update.failed", "person.delete.failed"}, historyLimit)
	if err != nil {
		return err
	}
	out := make([]Change, 0, len(es))
	for i, e := range es {
		if i+1 < len(es) && es[i+1].Action == e.Action+".failed" {
			continue // logged, then not saved
		}
		if strings.HasSuffix(e.Action, ".failed") {
			continue
		}
		var d struct {
			Record json.RawMessage `json:"record"`
		}
		var label struct {
			Owner string    `json:"owner"`
			Label athar.TLP `json:"label"`
		}
		json.Unmarshal(e.Detail, &d) // written by this package
		if json.Unmarshal(d.Record, &label) != nil || !canSee(&c.User, label.Owner, label.Label) {
			continue // a version labelled for its owner only, before it was shared
		}
		out = append(out, Change{At: e.At, User: e.Actor, Org: e.Org, Action: e.Action, Record: d.Record})
	}
	if err := s.audit.record(r.Context(), entry(c, "person.history", id, nil)); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"id": id, "history": out})
}

// Version is one import of a dataset, over the API or with athar import.
type Version struct {
	At      time.Time `json:"at"`
	User    string    `json:"user"`
	Version string    `json:"version"`
	SHA256  string    `json:"sha256"`
	Persons int       `json:"persons"`
	Orgs    int       `json:"organizations"`
}

// handleDatasetVersions lists a dataset's current version and its imports,
// through the API or with athar import (the audit log keeps them; the
// registry keeps only the current version's records).
func (s *Server) handleDatasetVersions(w http.ResponseWriter, r *http.Request, c *caller) error {
	name := r.PathValue("name")
	counts, _ := s.counts.Load().visible(&c.User)
	if _, ok := counts[name]; !ok {
		return athar.Errorf(athar.ENOTFOUND, "no dataset %q", name)
	}
	sets, err := s.store.Datasets(r.Context())
	if err != nil {
		return err
	}
	var current *athar.Dataset
	for i := range sets {
		if sets[i].Name == name {
			current = &sets[i]
			current.Files = nil
			n := counts[name]
			current.Persons, current.Orgs = n[0], n[1]
		}
	}
	if current == nil {
		return athar.Errorf(athar.ENOTFOUND, "no dataset %q", name)
	}
	// "import" is how the server named the action before it took the
	// command line's name; entries already in the log keep it.
	es, err := s.store.AuditFor(r.Context(), name, []string{athar.AuditImport, "import"}, historyLimit)
	if err != nil {
		return err
	}
	imports := make([]Version, 0, len(es))
	for _, e := range es {
		var d struct {
			Version, SHA256 string
			Persons         int
			Orgs            int `json:"organizations"`
		}
		json.Unmarshal(e.Detail, &d)
		imports = append(imports, Version{At: e.At, User: e.Actor, Version: d.Version, SHA256: d.SHA256, Persons: d.Persons, Orgs: d.Orgs})
	}
	return writeJSON(w, http.StatusOK, map[string]any{"current": current, "imports": imports})
}
