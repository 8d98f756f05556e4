package api_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/api"
	"github.com/athar-org/athar/internal/shareddata"
	"github.com/athar-org/athar/sources"
	"github.com/athar-org/athar/sources/un"
	"github.com/athar-org/athar/store/sqlite"
	"os"
)

// BenchmarkScreenHTTP measures single screenings over HTTP on loopback
// against the UN list, with authentication, decisions and the audit log.
func BenchmarkScreenHTTP(b *testing.B) {
	path := shareddata.Path(b, "un", "consolidated-2026-02-27.xml")
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "athar.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	imp, _ := st.BeginImport(ctx, "un")
	if _, err := un.NewImporter().Import(ctx, []sources.Input{{Name: path, R: f}}, sources.Sink{Put: imp.Put}); err != nil {
		b.Fatal(err)
	}
	f.Close()
	if _, err := imp.Commit(ctx, athar.Dataset{Name: "un", Format: "un"}); err != nil {
		b.Fatal(err)
	}
	st.CreateOrganization(ctx, athar.Organization{ID: "a"})
	st.CreateUser(ctx, athar.User{Login: "s", Org: "a", Role: athar.RoleScreener})
	tok, hash := api.NewToken()
	st.CreateToken(ctx, &athar.Token{User: "s", ExpiresAt: time.Now().Add(time.Hour)}, hash)
	srv, _ := api.New(api.Config{Addr: "127.0.0.1:0", Store: st, MaxInFlight: 1024})
	if err := srv.Open(ctx); err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	srv.WaitReady(ctx)
	url := "http://" + srv.Addr() + "/v1/screen"
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	bodies := [][]byte{
		[]byte(`{"query":{"name":"أبو بكر البغدادي"}}`),
		[]byte(`{"query":{"name":"Abu Muhammad al-Julani"}}`),
		[]byte(`{"query":{"name":"محمد علي حسين"}}`),
	}
	b.SetParallelism(8)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			req, _ := http.NewRequest("POST", url, bytes.NewReader(bodies[i%len(bodies)]))
			req.Header.Set("Authorization", "Bearer "+tok)
			res, err := client.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 {
				b.Fatalf("status %d", res.StatusCode)
			}
			i++
		}
	})
}
