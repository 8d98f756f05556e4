package api

import (
	"context"
	_ "embed"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/athar-org/athar"
)

// route is one endpoint. Routes with roles are under /v1: they need a
// token of one of those roles, and count against MaxInFlight.
type route struct {
	method, pattern string
	name            string       // the OpenAPI operationId, and the metrics label
	roles           []athar.Role // nil: public
	long            bool         // takes a large body or may run long: UploadTimeout
	h               func(w http.ResponseWriter, r *http.Request, c *caller) error
}

func (s *Server) routeTable() []route {
	pub := func(method, pattern, name string, h func(http.ResponseWriter, *http.Request) error) route {
		return route{method: method, pattern: pattern, name: name,
			h: func(w http.ResponseWriter, r *http.Request, _ *caller) error { return h(w, r) }}
	}
	return []route{
		pub("GET", "/healthz", "health", s.handleHealth),
		pub("GET", "/readyz", "ready", s.handleReady),
		pub("GET", "/metrics", "metrics", s.handleMetrics),
		pub("GET", "/openapi.json", "openapi", s.handleOpenAPI),
		{method: "GET", pattern: "/v1/me", name: "me", roles: readRoles, h: s.handleMe},
		{method: "POST", pattern: "/v1/screen", name: "screen", roles: screenRoles, h: s.handleScreen},
		{method: "POST", pattern: "/v1/jobs", name: "createJob", roles: screenRoles, long: true, h: s.handleCreateJob},
		{method: "GET", pattern: "/v1/jobs", name: "listJobs", roles: screenRoles, h: s.handleListJobs},
		{method: "GET", pattern: "/v1/jobs/{id}", name: "getJob", roles: screenRoles, h: s.handleGetJob},
		{method: "GET", pattern: "/v1/jobs/{id}/results", name: "getJobResults", roles: screenRoles, h: s.handleJobResults},
		{method: "GET", pattern: "/v1/persons", name: "searchPersons", roles: readRoles, h: s.handleSearchPersons},
		{method: "POST", pattern: "/v1/persons", name: "createPerson", roles: editRoles, h: s.handleCreatePerson},
		{method: "GET", pattern: "/v1/persons/{id}", name: "getPerson", roles: readRoles, h: s.handleGetPerson},
		{method: "PUT", pattern: "/v1/persons/{id}", name: "updatePerson", roles: editRoles, h: s.handleUpdatePerson},
		{method: "DELETE", pattern: "/v1/persons/{id}", name: "deletePerson", roles: editRoles, h: s.handleDeletePerson},
		{method: "GET", pattern: "/v1/persons/{id}/history", name: "getPersonHistory", roles: readRoles, h: s.handlePersonHistory},
		{method: "GET", pattern: "/v1/datasets", name: "listDatasets", roles: readRoles, h: s.handleDatasets},
		{method: "GET", pattern: "/v1/datasets/{name}/versions", name: "listDatasetVersions", roles: readRoles, h: s.handleDatasetVersions},
		{method: "POST", pattern: "/v1/imports", name: "createImport", roles: editRoles, long: true, h: s.handleImport},
		{method: "POST", pattern: "/v1/decisions", name: "createDecision", roles: screenRoles, h: s.handleCreateDecision},
		{method: "GET", pattern: "/v1/decisions", name: "listDecisions", roles: readRoles, h: s.handleListDecisions},
		{method: "GET", pattern: "/v1/decisions/{id}", name: "getDecision", roles: readRoles, h: s.handleGetDecision},
		{method: "GET", pattern: "/v1/trails/{id}", name: "getTrail", roles: readRoles, h: s.handleTrail},
		{method: "GET", pattern: "/v1/destinations", name: "listDestinations", roles: readRoles, h: s.handleDestinations},
		{method: "GET", pattern: "/v1/audit", name: "listAudit", roles: auditorRoles, h: s.handleAudit},
		{method: "GET", pattern: "/v1/audit/verify", name: "verifyAudit", roles: auditorRoles, long: true, h: s.handleVerifyAudit},
	}
}

// Handler returns the server's HTTP handler, for tests and for serving
// under another server.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	allow := map[string][]string{}
	for _, rt := range s.routes {
		mux.Handle(rt.method+" "+rt.pattern, s.wrap(rt))
		allow[rt.pattern] = append(allow[rt.pattern], rt.method)
	}
	// The mux's own 404 and 405 are plain text; answer problem+json.
	for p, methods := range allow {
		methods := strings.Join(methods, ", ")
		mux.Handle(p, s.wrap(route{name: "methodNotAllowed", h: func(w http.ResponseWriter, r *http.Request, _ *caller) error {
			w.Header().Set("Allow", methods)
			return errStatus(http.StatusMethodNotAllowed, "%s takes %s, not %s", r.URL.Path, methods, r.Method)
		}}))
	}
	notFound := s.wrap(route{name: "notFound", h: func(w http.ResponseWriter, r *http.Request, _ *caller) error {
		return errStatus(http.StatusNotFound, errNoRoute)
	}})
	mux.Handle("/v1/", notFound)
	if s.cfg.UI != nil {
		mux.Handle("/", s.wrap(route{name: "ui", h: func(w http.ResponseWriter, r *http.Request, _ *caller) error {
			s.cfg.UI.ServeHTTP(w, r)
			return nil
		}}))
	} else {
		mux.Handle("/", notFound)
	}
	return mux
}

// errNoRoute is the detail of a 404 for a path no route serves (as opposed
// to a record that does not exist).
const errNoRoute = "no such route; see /openapi.json"

type routeKey struct{}

type requestIDKey struct{}

// requestID is the id of a request, sent back in X-Request-Id and in
// problems, and logged, so that a user's report finds the log line.
func requestID(r *http.Request) string {
	id, _ := r.Context().Value(requestIDKey{}).(string)
	return id
}

// routeName names the route of a request, for logs and metrics.
func routeName(r *http.Request) string {
	if n, ok := r.Context().Value(routeKey{}).(string); ok {
		return n
	}
	return "unknown"
}

// statusWriter remembers the status and size of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// wrap adds to a route what every request gets: timeouts, panic recovery,
// metrics and an access log line; and for /v1 routes load shedding,
// authentication and the role check.
//
// The access log names the route pattern, never the URL: a search's query
// string holds the name searched for. It names the token, not the person.
func (s *Server) wrap(rt route) http.Handler {
	timeout := s.cfg.RequestTimeout
	if rt.long {
		timeout = s.cfg.UploadTimeout
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		rc := http.NewResponseController(w)
		rc.SetReadDeadline(start.Add(timeout))
		rc.SetWriteDeadline(start.Add(timeout + 5*time.Second))
		reqID := newID("")[:16]
		w.Header().Set("X-Request-Id", reqID)
		ctx := context.WithValue(r.Context(), routeKey{}, rt.name)
		ctx = context.WithValue(ctx, requestIDKey{}, reqID)
		ctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		r = r.WithContext(ctx)
		var c *caller

		s.metrics.inFlight.Add(1)
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("panic", "route", rt.name, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				if sw.status == 0 {
					s.writeProblem(sw, r, fmt.Errorf("panic: %v", v))
				}
			}
			s.metrics.inFlight.Add(-1)
			d := time.Since(start)
			if sw.status == 0 {
				sw.status = http.StatusOK
			}
			s.metrics.observe(rt.name, sw.status, d)
			attrs := []slog.Attr{
				slog.String("id", reqID), slog.String("method", r.Method), slog.String("route", rt.name),
				slog.Int("status", sw.status), slog.Int64("bytes", sw.bytes),
				slog.Float64("ms", float64(d.Microseconds())/1000),
			}
			if c != nil {
				attrs = append(attrs, slog.String("token", c.TokenID), slog.String("role", string(c.Role)))
			}
			s.log.LogAttrs(ctx, slog.LevelInfo, "request", attrs...)
		}()

		err := s.serve(sw, r, rt, &c)
		if err != nil {
			if sw.status != 0 { // too late for a problem: the body has begun
				s.log.Warn("request failed after the response began", "id", reqID, "route", rt.name, "err", err)
				return
			}
			s.writeProblem(sw, r, err)
		}
	})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, rt route, cp **caller) error {
	if rt.roles == nil {
		return rt.h(w, r, nil)
	}
	// Shed before authenticating: an overloaded server should not spend a
	// database read on a request it cannot serve.
	if !s.acquire(r.Context()) {
		s.metrics.shed.Add(1)
		return &httpError{status: http.StatusServiceUnavailable, msg: "the server is busy; try again in a moment", retry: 1}
	}
	defer func() { <-s.slots }()
	c, err := s.authenticate(r)
	if err != nil {
		return err
	}
	*cp = c
	if s.cfg.RatePerToken > 0 && !s.limits.allow(c.TokenID, s.cfg.RatePerToken, time.Now()) {
		s.metrics.limited.Add(1)
		return &httpError{status: http.StatusTooManyRequests, msg: "too many requests with this token; slow down", retry: 1}
	}
	if !c.allowed(rt.roles) {
		return athar.Errorf(athar.EFORBIDDEN, "the %s role may not do this (%s %s)", c.Role, rt.method, rt.pattern)
	}
	if s.screener.Load() == nil {
		return &httpError{status: http.StatusServiceUnavailable, msg: "the server is starting: the screening index is being built", retry: 5}
	}
	return rt.h(w, r, c)
}

// acquire takes a place among the requests in flight, waiting up to
// QueueWait.
func (s *Server) acquire(ctx context.Context) bool {
	select {
	case s.slots <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(s.cfg.QueueWait)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) error {
	return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) error {
	select {
	case <-s.ready:
		if s.readyErr != nil {
			return &httpError{status: http.StatusServiceUnavailable, msg: "the screening index could not be built; see the server's log"}
		}
		// No record count here: the route is public, and counts are told
		// only of what the caller may see.
		return writeJSON(w, http.StatusOK, map[string]any{"status": "ready"})
	default:
		return &httpError{status: http.StatusServiceUnavailable, msg: "the screening index is being built", retry: 5}
	}
}

func (s *Server) handleMetrics(w http.ResponseWriter, r *http.Request) error {
	n := 0
	if sc := s.screener.Load(); sc != nil {
		n = sc.Len()
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	return s.metrics.write(w, n)
}

//go:embed openapi.json
var openAPI []byte

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Content-Type", "application/json")
	_, err := w.Write(openAPI)
	return err
}

// me is the answer of GET /v1/me.
type me struct {
	athar.User
	Token string `json:"token_id"`
}

func (s *Server) handleMe(w http.ResponseWriter, r *http.Request, c *caller) error {
	return writeJSON(w, http.StatusOK, me{User: c.User, Token: c.TokenID})
}

// Routes lists the server's routes as "METHOD /pattern".
func (s *Server) Routes() []string {
	out := make([]string, len(s.routes))
	for i, rt := range s.routes {
		out[i] = rt.method + " " + rt.pattern
	}
	return out
}
