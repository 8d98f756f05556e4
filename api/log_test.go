package api_test

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/athar-org/athar/api"
)

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestAccessLogHoldsNoPersonalData screens, searches and reads, and checks
// that the log names neither the people nor the users.
func TestAccessLogHoldsNoPersonalData(t *testing.T) {
	var buf syncBuffer
	e := start(t, api.Config{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
	e.screen("a-screener", map[string]any{"name": "عبد الرحمن القادولي", "mother_name": "خديجة"})
	e.want(e.do("a-screener", "GET", "/v1/persons?name=Qaduli%20Abd%20al-Rahman", nil), 200)
	e.want(e.do("b-screener", "GET", "/v1/persons/QDi.401", nil), 200)
	e.want(e.do("b-screener", "POST", "/v1/screen", `{"query":{"name":"فاطمة حسن","nickname":"x"}}`), 400)
	e.srv.Close()
	log := buf.String()
	if strings.Count(log, `"msg":"request"`) < 4 {
		t.Fatalf("expected an access log line per request:\n%s", log)
	}
	for _, secret := range []string{"القادولي", "Qaduli", "خديجة", "فاطمة", "a-screener", "b-screener", "athar_"} {
		if strings.Contains(log, secret) {
			t.Errorf("the log holds %q:\n%s", secret, log)
		}
	}
	for _, want := range []string{`"route":"screen"`, `"route":"searchPersons"`, `"route":"getPerson"`, `"status":400`} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %s", want)
		}
	}
}

// TestInternalError checks that an unexpected error reaches the client as
// "Internal error." only, and the log in full.
func TestInternalError(t *testing.T) {
	var buf syncBuffer
	e := start(t, api.Config{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
	e.st.Close() // the store fails under the server
	r := e.want(e.do("a-screener", "GET", "/v1/me", nil), 500)
	p := r.problem(t)
	if p.Detail != "Internal error." || !strings.HasPrefix(p.Instance, "urn:athar:request:") {
		t.Errorf("problem %+v", p)
	}
	if id := r.header.Get("X-Request-Id"); id == "" || !strings.Contains(buf.String(), id) || !strings.Contains(buf.String(), "closed") {
		t.Errorf("the log does not hold the cause under request id %q:\n%s", id, buf.String())
	}
}
