package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a buffer the command writes while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeCmd runs athar serve on a free port, asks it a question, and
// stops it as SIGTERM would: by ending its context.
func TestServeCmd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "athar.db")
	mustAthar(t, "import", "--db", db, "--format", "csv", "--dataset", "camp", "testdata/camp-registry.csv")
	mustAthar(t, "users", "add", "--db", db, "--org", "hol", "--role", "screener", "bilal")
	_, tok, _ := runAthar(t, "tokens", "create", "--db", db, "bilal")
	tok = strings.TrimSpace(tok)

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb lockedBuffer
	done := make(chan int)
	go func() {
		done <- Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, strings.NewReader(""), &out, &errb)
	}()
	re := regexp.MustCompile(`listening on (http://[0-9.:]+)`)
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == ""; {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("no address in the output:\n%s\n%s", out.String(), errb.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	for deadline := time.Now().Add(30 * time.Second); ; {
		res, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("not ready after 30s")
		}
		time.Sleep(20 * time.Millisecond)
	}
	req, _ := http.NewRequest("POST", base+"/v1/screen", strings.NewReader(`{"query":{"name":"Zaynab Khalid Umar"}}`))
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "C-0002") {
		t.Fatalf("screen: %d %s", res.StatusCode, body)
	}

	// The import made above on the command line is among the dataset's
	// versions, with its counts, as an import over the API would be.
	req, _ = http.NewRequest("GET", base+"/v1/datasets/camp/versions", nil)
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var vs struct {
		Imports []struct {
			User    string `json:"user"`
			Persons int    `json:"persons"`
			SHA256  string `json:"sha256"`
		} `json:"imports"`
	}
	err = json.NewDecoder(res.Body).Decode(&vs)
	res.Body.Close()
	if err != nil || res.StatusCode != 200 || len(vs.Imports) != 1 || !strings.HasPrefix(vs.Imports[0].User, "cli:") ||
		vs.Imports[0].Persons == 0 || vs.Imports[0].SHA256 == "" {
		t.Fatalf("versions: %d %+v %v", res.StatusCode, vs, err)
	}

	cancel()
	select {
	case code := <-done:
		if code != exitOK || !strings.Contains(out.String(), "Stopped.") {
			t.Errorf("serve: exit %d\n%s\n%s", code, out.String(), errb.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	if strings.Contains(errb.String(), "Zaynab") || strings.Contains(errb.String(), "زينب") {
		t.Error("the access log holds the name screened")
	}
	if code, _, errs := runAthar(t, "serve", "--db", filepath.Join(t.TempDir(), "none.db")); code != exitFailure || !strings.Contains(errs, "does not exist") {
		t.Errorf("serve of a missing registry: exit %d, %s", code, errs)
	}
}
