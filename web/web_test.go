package web_test

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/athar-org/athar/api"
	"github.com/athar-org/athar/store/sqlite"
	"github.com/athar-org/athar/web"
)

func get(t *testing.T, h http.Handler, method, path string) (*http.Response, string) {
	t.Helper()
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(method, path, nil))
	res := w.Result()
	b, _ := io.ReadAll(res.Body)
	return res, string(b)
}

func TestServesTheInterface(t *testing.T) {
	h := web.Handler()
	tests := []struct {
		path, status, ctype, body string
	}{
		{"/", "200", "text/html", `<html lang="ar" dir="rtl">`},
		{"/index.html", "200", "text/html", `src="/app.js"`},
		// Page addresses that name no file get the page, to be bookmarked.
		{"/screen", "200", "text/html", "أثر"},
		{"/persons/QDi.299", "200", "text/html", "أثر"},
		{"/app.js", "200", "text/javascript", "/v1/screen"},
		{"/i18n.js", "200", "text/javascript", "تدقيق شخص"},
		{"/style.css", "200", "text/css", "@font-face"},
		{"/fonts/noto-naskh-arabic-arabic-400-normal.woff2", "200", "font/woff2", "wOF2"},
		// The world map: data and libraries embedded, with their licences.
		{"/vendor/countries-110m.json", "200", "application/json", `"countries"`},
		{"/vendor/d3-geo.min.js", "200", "text/javascript", "geoNaturalEarth1"},
		{"/vendor/topojson-client.min.js", "200", "text/javascript", "feature"},
		{"/vendor/world-atlas.LICENSE.txt", "200", "text/plain", "Bostock"},
		{"/destinations", "200", "text/html", "أثر"},
		{"/nothing.js", "404", "text/plain", ""},
	}
	for _, tt := range tests {
		res, body := get(t, h, "GET", tt.path)
		if got := res.Status[:3]; got != tt.status {
			t.Errorf("GET %s: %s, want %s", tt.path, res.Status, tt.status)
		}
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
			t.Errorf("GET %s: Content-Type %q, want %s", tt.path, ct, tt.ctype)
		}
		if !strings.Contains(body, tt.body) {
			t.Errorf("GET %s: the body lacks %q", tt.path, tt.body)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy %q", tt.path, csp)
		}
	}
	if res, _ := get(t, h, "POST", "/"); res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /: %s", res.Status)
	}
}

// Every file the pages name is embedded, and none is fetched from
// elsewhere: the interface must work with no network.
func TestEverythingIsEmbedded(t *testing.T) {
	files := web.Files()
	ref := regexp.MustCompile(`(?:src|href)="([^"]+)"|url\(([^)]+)\)|(?:from|fetch\() ?'([^']+)'`)
	for _, name := range []string{"index.html", "style.css", "app.js", "map.js"} {
		b, err := fs.ReadFile(files, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ref.FindAllStringSubmatch(string(b), -1) {
			u := m[1] + m[2] + m[3]
			switch {
			case strings.HasPrefix(u, "data:"), strings.HasPrefix(u, "#"):
				continue
			case strings.Contains(u, "//"):
				t.Errorf("%s loads %s from elsewhere", name, u)
				continue
			}
			p := strings.TrimPrefix(strings.TrimPrefix(u, "./"), "/")
			if _, err := fs.Stat(files, p); err != nil {
				t.Errorf("%s names %s, which is not embedded", name, u)
			}
		}
	}
}

// The interface as athar serve serves it: beside the API, which keeps its
// own paths and its authentication.
func TestServedBesideTheAPI(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "athar.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := api.New(api.Config{Addr: "127.0.0.1:0", Store: st, UI: web.Handler()})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Open(ctx); err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	base := "http://" + srv.Addr()
	for _, tt := range []struct {
		path   string
		status int
		body   string
	}{
		{"/", 200, "app.js"},
		{"/app.js", 200, "Authorization"},
		{"/v1/me", 401, "unauthorized"},
		{"/v1/nothing", 404, "no such route"}, // the API's 404, not the page
		{"/healthz", 200, ""},
	} {
		res, err := http.Get(base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.status || !strings.Contains(string(b), tt.body) {
			t.Errorf("GET %s: %s %.80q, want %d with %q", tt.path, res.Status, b, tt.status, tt.body)
		}
	}
}
