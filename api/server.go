// Package api is Athar's HTTP API: screening, batch jobs, the registry of
// persons of interest, review decisions and the audit log, for screening
// officers, analysts and other systems. Every /v1 route needs a bearer
// token; what a caller sees depends on their organisation and role (see
// docs/api.md).
package api

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/screen"
	"github.com/athar-org/athar/store"
	"github.com/athar-org/athar/store/sqlite"
)

// Store is what the server keeps its data in: the registry, and the
// users, decisions, jobs and audit log beside it. *sqlite.Store is one.
type Store interface {
	store.Store

	Authenticate(ctx context.Context, tokenHash []byte) (athar.User, athar.Token, error)

	AppendAudit(ctx context.Context, entries ...*athar.AuditEntry) error
	AuditEntries(ctx context.Context, org string, after int64, limit int) ([]athar.AuditEntry, error)
	AuditFor(ctx context.Context, target string, actions []string, limit int) ([]athar.AuditEntry, error)
	// VerifyAudit checks the hash chain; a broken chain is an error with a
	// BrokenEntry() (seq int64, reason string) method.
	VerifyAudit(ctx context.Context) (n int, head string, err error)

	SaveDecision(ctx context.Context, d *athar.Decision) error
	Decision(ctx context.Context, org, id string) (athar.Decision, error)
	Decisions(ctx context.Context, f athar.DecisionFilter) ([]athar.Decision, error)
	DecisionKeys(ctx context.Context) ([]string, error)

	CreateJob(ctx context.Context, j *athar.Job) error
	UpdateJob(ctx context.Context, j *athar.Job, results []byte) error
	Job(ctx context.Context, id string) (athar.Job, error)
	Jobs(ctx context.Context, login string) ([]athar.Job, error)
	JobResults(ctx context.Context, id string) ([]byte, error)
	FailUnfinishedJobs(ctx context.Context, msg string) error

	// Claims and DocumentTexts read what `athar ingest` stored from the
	// news, for trails and destinations.
	Claims(ctx context.Context, f sqlite.ClaimFilter) ([]sqlite.Claim, error)
	DocumentTexts(ctx context.Context, ids []int64) (map[int64]string, error)
}

// Config is the server's configuration. Zero values take the defaults.
type Config struct {
	Addr   string // host:port; ":0" or "127.0.0.1:0" picks a free port
	Store  Store
	Logger *slog.Logger

	// RequestTimeout bounds the work of one ordinary request (default 15s).
	// Uploads (imports and batch jobs) get UploadTimeout (default 10m).
	RequestTimeout time.Duration
	UploadTimeout  time.Duration
	// MaxBodyBytes bounds a JSON request body (default 1 MiB);
	// MaxUploadBytes an uploaded list or batch (default 256 MiB).
	MaxBodyBytes   int64
	MaxUploadBytes int64
	// MaxListQueries bounds the queries of one POST /v1/screen (default
	// 100); MaxBatchQueries those of one batch job (default 100,000).
	MaxListQueries  int
	MaxBatchQueries int
	// MaxInFlight is the number of /v1 requests served at once (default
	// 64); more wait up to QueueWait (default 100ms) for a place and are
	// then refused with 503, so that an overloaded server sheds load
	// instead of falling over.
	MaxInFlight int
	QueueWait   time.Duration
	// RatePerToken, when positive, bounds the /v1 requests of one token
	// per second (bursts up to twice that); more get 429, so that one
	// runaway client does not take every place from the others.
	RatePerToken float64

	// UI, when set, serves every path that is not a route of the API (the
	// web interface); it must do its own authentication through the API.
	UI http.Handler
}

func (c *Config) defaults() {
	if c.Addr == "" {
		c.Addr = "127.0.0.1:8080"
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	setDefault(&c.RequestTimeout, 15*time.Second)
	setDefault(&c.UploadTimeout, 10*time.Minute)
	setDefault(&c.MaxBodyBytes, 1<<20)
	setDefault(&c.MaxUploadBytes, 256<<20)
	setDefault(&c.MaxListQueries, 100)
	setDefault(&c.MaxBatchQueries, 100_000)
	setDefault(&c.MaxInFlight, 64)
	setDefault(&c.QueueWait, 100*time.Millisecond)
}

func setDefault[T comparable](p *T, v T) {
	var zero T
	if *p == zero {
		*p = v
	}
}

// Server is the API server. Open starts it; Close (or the end of the
// context given to Open) stops it gracefully.
type Server struct {
	cfg   Config
	store Store
	log   *slog.Logger

	screener atomic.Pointer[screen.Screener]
	counts   atomic.Pointer[tally]
	reload   reloader // under its own mutex
	ready    chan struct{}
	readyErr error // set before ready is closed

	limits  rateLimiter
	audit   *auditor
	decided keySet // query keys with a decision
	tokens  tokenCache
	jobs    *jobRunner
	metrics *metrics
	slots   chan struct{} // in-flight /v1 requests
	routes  []route

	ln       net.Listener
	srv      *http.Server
	bg       context.Context // jobs and index builds; cancelled by Close
	stopBG   context.CancelFunc
	wg       sync.WaitGroup
	closeOne sync.Once
	// stopCheckpoints ends the store's background checkpoints, if any.
	stopCheckpoints func() error
	closeErr        error
}

// New checks the configuration and builds the server's handlers. It does
// not listen yet.
func New(cfg Config) (*Server, error) {
	cfg.defaults()
	if cfg.Store == nil {
		return nil, errors.New("api: no store")
	}
	s := &Server{
		cfg:     cfg,
		store:   cfg.Store,
		log:     cfg.Logger,
		ready:   make(chan struct{}),
		metrics: newMetrics(),
		slots:   make(chan struct{}, cfg.MaxInFlight),
	}
	s.bg, s.stopBG = context.WithCancel(context.Background())
	s.audit = newAuditor(cfg.Store, s.log, s.metrics)
	s.jobs = newJobRunner(s, max(1, runtime.GOMAXPROCS(0)/2))
	s.routes = s.routeTable()
	s.srv = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	return s, nil
}

// Open listens on the configured address, then serves in the background
// and builds the screening index; /readyz answers 503 until the index is
// built. When ctx ends the server shuts down gracefully, as with Close.
func (s *Server) Open(ctx context.Context) error {
	if err := s.store.FailUnfinishedJobs(ctx, "the server stopped before the job finished; submit it again"); err != nil {
		return err
	}
	keys, err := s.store.DecisionKeys(ctx)
	if err != nil {
		return err
	}
	for _, k := range keys {
		s.decided.add(k)
	}
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Addr, err)
	}
	// A store that can checkpoint in the background spares the requests
	// waiting on an audit commit the stall of a checkpoint.
	if cs, ok := s.store.(interface {
		StartCheckpoints(context.Context, time.Duration) (func() error, error)
	}); ok {
		stop, err := cs.StartCheckpoints(ctx, 200*time.Millisecond)
		if err != nil {
			ln.Close()
			return err
		}
		s.stopCheckpoints = stop
	}
	s.ln = ln
	s.wg.Go(func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.log.Error("serve", "err", err)
		}
	})
	s.wg.Go(func() {
		start := time.Now()
		err := s.buildIndex(s.bg)
		if err != nil {
			s.log.Error("build the screening index", "err", err)
		} else {
			s.log.Info("screening index built", "records", s.screener.Load().Len(), "elapsed", time.Since(start).Round(time.Millisecond).String())
		}
		s.readyErr = err
		close(s.ready)
	})
	s.jobs.start()
	go func() {
		select {
		case <-ctx.Done():
			s.Close()
		case <-s.bg.Done():
		}
	}()
	return nil
}

// Addr is the address the server listens on, once open.
func (s *Server) Addr() string {
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}

// Ready is closed once the screening index is built (or failed to build:
// see WaitReady).
func (s *Server) Ready() <-chan struct{} { return s.ready }

// WaitReady waits until the screening index is built and returns the error
// that kept it from being built, if any.
func (s *Server) WaitReady(ctx context.Context) error {
	select {
	case <-s.ready:
		return s.readyErr
	case <-ctx.Done():
		return ctx.Err()
	}
}

// shutdownGrace is how long Close lets requests under way finish.
const shutdownGrace = 10 * time.Second

// Close stops the server: it stops accepting connections, lets requests
// under way finish (up to shutdownGrace), stops the batch jobs and writes
// the last audit entries. Closing twice is safe.
func (s *Server) Close() error {
	s.closeOne.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		defer cancel()
		err := s.srv.Shutdown(ctx)
		if errors.Is(err, context.DeadlineExceeded) {
			err = s.srv.Close()
		}
		s.stopBG()
		s.jobs.stop()
		s.wg.Wait()
		err = errors.Join(err, s.audit.close())
		if s.stopCheckpoints != nil {
			err = errors.Join(err, s.stopCheckpoints())
		}
		s.closeErr = err
	})
	return s.closeErr
}

// buildIndex builds the screening index from the store, counting the
// records by dataset, owner and label as it goes.
func (s *Server) buildIndex(ctx context.Context) error {
	t := newTally()
	sc, err := screen.New(ctx, tallySource{s.store, t})
	if err != nil {
		return err
	}
	s.counts.Store(t) // first: a handler that sees the screener reads the counts
	s.screener.Store(sc)
	return nil
}

// tallySource is the store seen by the screener: it counts the records it
// hands over.
type tallySource struct {
	st store.Store
	t  *tally
}

func (ts tallySource) Persons(ctx context.Context) iter.Seq2[*athar.Person, error] {
	return func(yield func(*athar.Person, error) bool) {
		for p, err := range ts.st.Persons(ctx) {
			if p != nil {
				ts.t.add(p)
			}
			if !yield(p, err) {
				return
			}
		}
	}
}

// reloader rebuilds the screening index in the background after changes
// to the registry. Changes that come while a rebuild runs share the next
// one. A rebuild of a large registry takes longer than a request may, so
// a request waits for it only a little (indexWait) and says whether the
// change is screened yet.
type reloader struct {
	mu      sync.Mutex
	want    uint64 // changes asked for
	done    uint64 // changes a finished rebuild covers
	running bool
	waiters []reloadWaiter
}

type reloadWaiter struct {
	gen  uint64
	done chan struct{}
}

// requestIndex asks for a rebuild covering every change committed before
// the call; the channel is closed when one has finished.
func (s *Server) requestIndex() <-chan struct{} {
	r := &s.reload
	r.mu.Lock()
	defer r.mu.Unlock()
	r.want++
	w := reloadWaiter{gen: r.want, done: make(chan struct{})}
	r.waiters = append(r.waiters, w)
	if !r.running {
		r.running = true
		s.wg.Go(s.rebuildLoop)
	}
	return w.done
}

// rebuildLoop rebuilds until no change is left unindexed.
func (s *Server) rebuildLoop() {
	r := &s.reload
	for {
		r.mu.Lock()
		if r.done >= r.want || s.bg.Err() != nil {
			r.running = false
			r.mu.Unlock()
			return
		}
		target := r.want
		r.mu.Unlock()

		s.metrics.reloads.Add(1)
		start := time.Now()
		err := s.buildIndex(s.bg)
		if err != nil {
			s.log.Error("rebuild the screening index", "err", err)
			select { // try again, without spinning
			case <-time.After(time.Second):
			case <-s.bg.Done():
			}
			continue
		}
		s.log.Info("screening index rebuilt", "records", s.screener.Load().Len(), "elapsed", time.Since(start).Round(time.Millisecond).String())
		r.mu.Lock()
		r.done = target
		kept := r.waiters[:0]
		for _, w := range r.waiters {
			if w.gen <= r.done {
				close(w.done)
			} else {
				kept = append(kept, w)
			}
		}
		r.waiters = kept
		r.mu.Unlock()
	}
}

// Reindex rebuilds the screening index so that it holds every change
// committed before the call, and waits for it (or for ctx).
func (s *Server) Reindex(ctx context.Context) error {
	select {
	case <-s.requestIndex():
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// indexWait is how long a request that changed the registry waits for the
// screening index to hold the change before it answers.
const indexWait = 3 * time.Second

// reindex asks for a rebuild after a change and waits up to indexWait. It
// sets the Athar-Index header: "current" when the change is screened
// already, "pending" when the rebuild goes on after the answer.
func (s *Server) reindex(ctx context.Context, w http.ResponseWriter) {
	t := time.NewTimer(indexWait)
	defer t.Stop()
	state := "pending"
	select {
	case <-s.requestIndex():
		state = "current"
	case <-t.C:
	case <-ctx.Done():
	}
	w.Header().Set("Athar-Index", state)
}

// tally counts records by dataset, owning organisation and label, so that
// a caller is told only the counts of what they may see.
type tally struct {
	mu sync.Mutex
	by map[tallyKey]*athar.Dataset
}

type tallyKey struct {
	dataset, owner string
	label          athar.TLP
}

func newTally() *tally { return &tally{by: map[tallyKey]*athar.Dataset{}} }

func (t *tally) add(p *athar.Person) {
	k := tallyKey{p.Provenance.Dataset, p.Owner, labelOf(p.Label)}
	t.mu.Lock()
	c := t.by[k]
	if c == nil {
		c = &athar.Dataset{}
		t.by[k] = c
	}
	if p.Kind == athar.KindOrganization {
		c.Orgs++
	} else {
		c.Persons++
	}
	t.mu.Unlock()
}

// visible returns, per dataset, the records u may see, and whether any
// record of the dataset is not u's organisation's (another's, or public).
func (t *tally) visible(u *athar.User) (counts map[string][2]int, foreign map[string]bool) {
	counts, foreign = map[string][2]int{}, map[string]bool{}
	t.mu.Lock()
	defer t.mu.Unlock()
	for k, c := range t.by {
		if k.owner != u.Org { // another organisation's, or public
			foreign[k.dataset] = true
		}
		if !canSee(u, k.owner, k.label) {
			continue
		}
		n := counts[k.dataset]
		n[0] += c.Persons
		n[1] += c.Orgs
		counts[k.dataset] = n
	}
	return counts, foreign
}

// keySet is a set of strings safe for concurrent use.
type keySet struct {
	mu sync.RWMutex
	m  map[string]struct{}
}

func (k *keySet) add(key string) {
	k.mu.Lock()
	if k.m == nil {
		k.m = map[string]struct{}{}
	}
	k.m[key] = struct{}{}
	k.mu.Unlock()
}

func (k *keySet) has(key string) bool {
	k.mu.RLock()
	_, ok := k.m[key]
	k.mu.RUnlock()
	return ok
}

// rateLimiter is a token bucket per API token.
type rateLimiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket // by token id
}

type bucket struct {
	tokens float64
	last   time.Time
}

// allow takes one request from the token's bucket, which refills at rate
// a second up to a burst of 2×rate.
func (l *rateLimiter) allow(token string, rate float64, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets = map[string]*bucket{}
	}
	b := l.buckets[token]
	if b == nil {
		b = &bucket{tokens: 2 * rate, last: now}
		l.buckets[token] = b
	}
	b.tokens = min(2*rate, b.tokens+now.Sub(b.last).Seconds()*rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}
