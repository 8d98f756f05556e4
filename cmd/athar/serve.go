package main

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/api"
	"github.com/athar-org/athar/store/sqlite"
	"github.com/athar-org/athar/web"
)

// The registry is what the server keeps its data in.
var _ api.Store = (*sqlite.Store)(nil)

func newServeCmd(e *env) *cobra.Command {
	var (
		db, addr    string
		maxInFlight int
		timeout     time.Duration
		debug       bool
		rate        float64
	)
	c := &cobra.Command{
		Use:   "serve --db FILE [--addr 127.0.0.1:8080]",
		Short: "Serve the HTTP API (screening, registry, decisions, audit)",
		Long: `Serve the JSON API described in docs/api.md and at /openapi.json.

Every /v1 route needs a bearer token: create the first organisation and admin
and a token from the command line, then give the token to the client:

  athar users add --db athar.db --org hol --role admin --name "Amal Hassan" amal
  athar tokens create --db athar.db amal

The server listens on loopback by default; put it behind a TLS proxy before
exposing it. Access logs go to stderr as JSON lines; they name routes and
tokens, never the names screened. SIGINT or SIGTERM stops it gracefully.`,
		Example: `  athar serve --db athar.db
  athar serve --db athar.db --addr 0.0.0.0:8443`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			if err := requireFlag(c, "db", db); err != nil {
				return err
			}
			ctx := c.Context()
			st, err := sqlite.OpenExisting(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			level := slog.LevelInfo
			if debug {
				level = slog.LevelDebug
			}
			log := slog.New(slog.NewJSONHandler(e.stderr, &slog.HandlerOptions{Level: level}))
			srv, err := api.New(api.Config{Addr: addr, Store: st, Logger: log, MaxInFlight: maxInFlight, RequestTimeout: timeout, RatePerToken: rate,
				UI: web.Handler()})
			if err != nil {
				return err
			}
			if err := srv.Open(ctx); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Athar API and web interface listening on http://%s (building the screening index; /readyz says when ready)\n", srv.Addr())
			<-ctx.Done()
			fmt.Fprintln(e.stdout, "Shutting down: finishing requests under way...")
			if err := srv.Close(); err != nil {
				return err
			}
			fmt.Fprintln(e.stdout, "Stopped.")
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&db, "db", "", "the registry database `FILE`")
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	f.IntVar(&maxInFlight, "max-in-flight", 64, "API requests served at once; more wait briefly, then get 503")
	f.DurationVar(&timeout, "timeout", 15*time.Second, "time limit of one request (uploads get 10m)")
	f.Float64Var(&rate, "rate-per-token", 0, "most requests a second per token, bursts of twice that; more get 429 (0: no limit)")
	f.BoolVar(&debug, "debug", false, "log at debug level")
	return c
}
