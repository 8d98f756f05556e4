package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/athar-org/athar"
)

// Problem is an RFC 9457 problem detail, the body of every error response.
type Problem struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	Code     string `json:"code,omitempty"` // the athar.Error code, for programs
}

// httpError is an error with its own status, for the conditions of HTTP
// itself (a body too large, an overloaded server) that have no athar code.
type httpError struct {
	status int
	msg    string
	retry  int // seconds, for Retry-After; 0 for none
}

func (e *httpError) Error() string { return e.msg }

func errStatus(status int, format string, args ...any) error {
	return &httpError{status: status, msg: fmt.Sprintf(format, args...)}
}

// statusOf maps an error to its HTTP status and the message the client
// reads. Errors that are not *athar.Error or *httpError are internal: the
// client reads only "Internal error.".
func statusOf(err error) (status int, code, msg string) {
	var he *httpError
	if errors.As(err, &he) {
		return he.status, "", he.msg
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return http.StatusRequestEntityTooLarge, athar.EINVALID, fmt.Sprintf("the request body is larger than %d bytes", mb.Limit)
	}
	code = athar.ErrorCode(err)
	switch code {
	case athar.EINVALID:
		status = http.StatusBadRequest
	case athar.ENOTFOUND:
		status = http.StatusNotFound
	case athar.ECONFLICT:
		status = http.StatusConflict
	case athar.EUNAUTHORIZED:
		status = http.StatusUnauthorized
	case athar.EFORBIDDEN:
		status = http.StatusForbidden
	default:
		status = http.StatusInternalServerError
	}
	return status, code, athar.ErrorMessage(err)
}

// writeProblem writes err as problem+json, and logs it in full when it is
// internal. The log names the route, never the request's content.
func (s *Server) writeProblem(w http.ResponseWriter, r *http.Request, err error) {
	status, code, msg := statusOf(err)
	if status == http.StatusInternalServerError {
		s.log.Error("internal error", "id", requestID(r), "route", routeName(r), "err", err)
	}
	var he *httpError
	if errors.As(err, &he) && he.retry > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(he.retry))
	}
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="athar"`)
	}
	p := Problem{Type: "about:blank", Title: http.StatusText(status), Status: status, Detail: msg, Code: code}
	if id := requestID(r); id != "" {
		p.Instance = "urn:athar:request:" + id
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(p)
}

// writeJSON writes v as the JSON response.
func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
