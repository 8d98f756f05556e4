// Package web is Athar's web interface: static pages in Arabic and English
// that call the same /v1 API as any other client, embedded in the binary so
// that `athar serve` works on a laptop with no network at all.
//
// The pages hold no data and decide nothing: every record, score and
// decision comes from the API with the user's token, so roles and sharing
// labels are enforced by the server, never only hidden by the page.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var static embed.FS

// Files is the interface's files, as embedded.
func Files() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // cannot happen: the directory is embedded
	}
	return sub
}

// securityHeaders keep the pages from loading anything that is not the
// server's own (no CDN, no inline script an injected name could run) and
// from being framed.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "no-referrer",
	"X-Frame-Options":        "DENY",
}

// assetExt are the extensions of the interface's files: a missing one is a
// 404, while any other missing path is taken for a page's address.
var assetExt = map[string]bool{".js": true, ".css": true, ".woff2": true, ".woff": true, ".png": true,
	".svg": true, ".ico": true, ".json": true, ".txt": true, ".map": true, ".html": true}

// Handler serves the interface. A path that names no file and no asset
// (/screen, /persons/QDi.299) gets index.html, so that an address can be
// reloaded or bookmarked.
func Handler() http.Handler {
	files := Files()
	fileServer := http.FileServerFS(files)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range securityHeaders {
			w.Header().Set(k, v)
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
		if name == "" || name == "index.html" {
			serveIndex(w, r, files)
			return
		}
		if _, err := fs.Stat(files, name); err != nil {
			if !assetExt[path.Ext(name)] {
				serveIndex(w, r, files)
				return
			}
			http.NotFound(w, r)
			return
		}
		// The assets change with the binary; revalidate rather than cache
		// old scripts against a newer API.
		w.Header().Set("Cache-Control", "no-cache")
		fileServer.ServeHTTP(w, r)
	})
}

func serveIndex(w http.ResponseWriter, r *http.Request, files fs.FS) {
	b, err := fs.ReadFile(files, "index.html")
	if err != nil {
		http.Error(w, "the web interface is missing from this build", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if r.Method == http.MethodHead {
		return
	}
	w.Write(b)
}
