package api

import (
	"context"
	"github.com/athar-org/athar/claims"
	"net/http"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/store/sqlite"
)

// Claims from the news (stored by `athar ingest`) carry no sharing label:
// they come from published articles. What is labelled is the registry
// record a claim's subject was linked to, so a link to a record the caller
// may not see is removed, and a trail asked for by such a record's id
// gives only the claims that name the person in words.

// Trail is the answer of GET /v1/trails/{id}.
type Trail struct {
	ID     string         `json:"id"`
	Claims []sqlite.Claim `json:"claims"`
}

// Destination is one place with the claims that put people there.
type Destination = claims.Destination

// visibleLinks removes the registry links of claims to records the caller
// may not see. Claims selected only through such a link are dropped.
func (s *Server) visibleLinks(ctx context.Context, c *caller, asked string, cs []sqlite.Claim) ([]sqlite.Claim, error) {
	seen := map[string]bool{}
	out := cs[:0]
	for _, cl := range cs {
		if cl.RegistryID != "" {
			ok, known := seen[cl.RegistryID]
			if !known {
				_, err := s.visiblePerson(ctx, c, cl.RegistryID)
				if err != nil && athar.ErrorCode(err) != athar.ENOTFOUND {
					return nil, err
				}
				ok = err == nil
				seen[cl.RegistryID] = ok
			}
			if !ok {
				if asked != "" && !strings.EqualFold(cl.Subject, asked) && cl.SubjectText != asked {
					continue // found only by the hidden record's id
				}
				cl.RegistryID, cl.LinkScore = "", 0
			}
		}
		out = append(out, cl)
	}
	return out, nil
}

func (s *Server) handleTrail(w http.ResponseWriter, r *http.Request, c *caller) error {
	id := strings.TrimSpace(r.PathValue("id"))
	if id == "" {
		return athar.Errorf(athar.EINVALID, "give a registry id or a subject's name")
	}
	cs, err := s.store.Claims(r.Context(), sqlite.ClaimFilter{Person: id})
	if err != nil {
		return err
	}
	if cs, err = s.visibleLinks(r.Context(), c, id, cs); err != nil {
		return err
	}
	if err := s.audit.record(r.Context(), entry(c, "trail.read", id, map[string]any{"claims": len(cs)})); err != nil {
		return err
	}
	if cs == nil {
		cs = []sqlite.Claim{}
	}
	return writeJSON(w, http.StatusOK, Trail{ID: id, Claims: cs})
}

func (s *Server) handleDestinations(w http.ResponseWriter, r *http.Request, c *caller) error {
	v := r.URL.Query()
	since, group := strings.TrimSpace(v.Get("since")), strings.TrimSpace(v.Get("group"))
	if _, err := extract.ParseDocumentDate(since); err != nil {
		return athar.Errorf(athar.EINVALID, "since: %v", err)
	}
	cs, err := s.store.Claims(r.Context(), sqlite.ClaimFilter{Since: since, Group: group})
	if err != nil {
		return err
	}
	if cs, err = s.visibleLinks(r.Context(), c, "", cs); err != nil {
		return err
	}
	ids := make([]int64, 0, len(cs))
	for _, cl := range cs {
		ids = append(ids, cl.DocumentID)
	}
	docs, err := s.store.DocumentTexts(r.Context(), ids)
	if err != nil {
		return err
	}
	ds := claims.Destinations(cs, docs)
	if err := s.audit.record(r.Context(), entry(c, "destinations.read", "", map[string]any{"since": since, "group": group, "places": len(ds)})); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, map[string]any{"destinations": ds})
}
