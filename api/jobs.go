package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/screen"
)

// Job statuses.
const (
	jobQueued  = "queued"
	jobRunning = "running"
	jobDone    = "done"
	jobFailed  = "failed"
)

// jobRunner runs batch jobs in the background, a few at a time.
type jobRunner struct {
	s       *Server
	workers int
	queue   chan *jobWork
	wg      sync.WaitGroup

	mu       sync.Mutex
	progress map[string]int // queries done, for jobs running
}

type jobWork struct {
	job   athar.Job
	user  athar.User
	items []screen.BatchItem
	opts  screen.Options
}

// jobQueueLen bounds the jobs waiting; more are refused with 503.
const jobQueueLen = 16

func newJobRunner(s *Server, workers int) *jobRunner {
	return &jobRunner{s: s, workers: workers, queue: make(chan *jobWork, jobQueueLen), progress: map[string]int{}}
}

func (jr *jobRunner) start() {
	for range jr.workers {
		jr.wg.Go(func() {
			for {
				select {
				case w := <-jr.queue:
					jr.run(w)
				case <-jr.s.bg.Done():
					return
				}
			}
		})
	}
}

func (jr *jobRunner) stop() { jr.wg.Wait() }

func (jr *jobRunner) setProgress(id string, done int) {
	jr.mu.Lock()
	if done < 0 {
		delete(jr.progress, id)
	} else {
		jr.progress[id] = done
	}
	jr.mu.Unlock()
}

func (jr *jobRunner) done(id string) (int, bool) {
	jr.mu.Lock()
	defer jr.mu.Unlock()
	n, ok := jr.progress[id]
	return n, ok
}

// jobChunk is how many queries are screened, audited and written together.
const jobChunk = 256

// run screens every query of a job, in input order, and stores the results.
func (jr *jobRunner) run(w *jobWork) {
	s := jr.s
	ctx := s.bg
	j := &w.job
	j.Status = jobRunning
	jr.setProgress(j.ID, 0)
	defer jr.setProgress(j.ID, -1)
	if err := s.store.UpdateJob(ctx, j, nil); err != nil {
		s.log.Error("batch job", "job", j.ID, "err", err)
	}
	c := &caller{User: w.user}
	var (
		buf     bytes.Buffer
		zw      = gzip.NewWriter(&buf)
		enc     = json.NewEncoder(zw)
		sum     = screen.BatchSummary{}
		results = make([]ScreenResult, jobChunk)
		errs    = make([]error, jobChunk)
		sc      = s.screener.Load()
		err     error
	)
	enc.SetEscapeHTML(false)
	for start := 0; start < len(w.items) && err == nil; start += jobChunk {
		chunk := w.items[start:min(start+jobChunk, len(w.items))]
		var wg sync.WaitGroup
		next := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			wg.Go(func() {
				for i := range next {
					results[i], errs[i] = jr.screenItem(ctx, sc, c, chunk[i], w.opts)
				}
			})
		}
		for i := range chunk {
			next <- i
		}
		close(next)
		wg.Wait()
		entries := make([]*athar.AuditEntry, 0, len(chunk))
		for i := range chunk {
			if errs[i] != nil { // the store failed, not the query
				err = errs[i]
				break
			}
			res := &results[i]
			sum.Queries++
			switch {
			case res.Error != "":
				sum.Errors++
			case len(res.Matches) > 0:
				sum.WithMatches++
			}
			if res.Error == "" {
				d := screenDetail(*res)
				d["job"], d["line"] = j.ID, chunk[i].Line
				entries = append(entries, entry(c, "screen", "", d))
			}
		}
		if err == nil {
			err = s.audit.record(ctx, entries...)
		}
		for i := range chunk {
			if err == nil {
				err = enc.Encode(batchLine{Line: chunk[i].Line, ScreenResult: results[i]})
			}
			results[i] = ScreenResult{}
		}
		s.metrics.screenings.Add(uint64(len(entries)))
		s.metrics.jobQueries.Add(uint64(len(chunk)))
		j.Done = start + len(chunk)
		jr.setProgress(j.ID, j.Done)
	}
	if err == nil {
		err = zw.Close()
	}
	j.FinishedAt = time.Now().UTC()
	j.Summary, _ = json.Marshal(sum)
	var out []byte
	if err != nil {
		j.Status, j.Error = jobFailed, athar.ErrorMessage(err)
		s.log.Error("batch job", "job", j.ID, "err", err)
	} else {
		j.Status, out = jobDone, buf.Bytes()
	}
	// The job's own context may have ended with the server; save anyway.
	sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.store.UpdateJob(sctx, j, out); err != nil {
		s.log.Error("batch job", "job", j.ID, "err", err)
	}
}

// batchLine is one line of a job's results.
type batchLine struct {
	Line int `json:"line"`
	ScreenResult
}

// screenItem screens one query of a batch. A bad query becomes an error
// line; only a failure of the store is returned as an error.
func (jr *jobRunner) screenItem(ctx context.Context, sc *screen.Screener, c *caller, it screen.BatchItem, opts screen.Options) (ScreenResult, error) {
	res := ScreenResult{QueryID: it.Query.ID, Query: it.Query, Matches: []Match{}}
	if res.QueryID == "" {
		res.QueryID = fmt.Sprintf("line-%d", it.Line)
	}
	if it.Err != nil {
		res.Error = fmt.Sprintf("line %d: %s", it.Line, athar.ErrorMessage(it.Err))
		return res, nil
	}
	ms, err := sc.Screen(ctx, it.Query, opts)
	if err != nil {
		if athar.ErrorCode(err) != athar.EINVALID {
			return res, err
		}
		res.Error = fmt.Sprintf("line %d: %s", it.Line, athar.ErrorMessage(err))
		res.QueryKey = QueryKey(it.Query)
		return res, nil
	}
	rv, err := jr.s.review(ctx, c, it.Query, ms)
	if err != nil {
		return res, err
	}
	rv.QueryID = res.QueryID
	return rv, nil
}

// batchFormat tells the format of an uploaded batch from ?format= or the
// Content-Type.
func batchFormat(r *http.Request) (string, error) {
	if f := r.URL.Query().Get("format"); f != "" {
		if f != "jsonl" && f != "csv" {
			return "", athar.Errorf(athar.EINVALID, "format=%.20q: want jsonl or csv", f)
		}
		return f, nil
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch mt {
	case "text/csv":
		return "csv", nil
	case "application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-seq":
		return "jsonl", nil
	}
	return "", athar.Errorf(athar.EINVALID, "cannot tell the batch's format: send Content-Type text/csv or application/x-ndjson, or ?format=csv|jsonl")
}

func (s *Server) handleCreateJob(w http.ResponseWriter, r *http.Request, c *caller) error {
	format, err := batchFormat(r)
	if err != nil {
		return err
	}
	limit, err := intParam(r, "limit", screen.DefaultLimit, 1, screen.MaxLimit)
	if err != nil {
		return err
	}
	opts := screen.Options{Limit: limit, Threshold: -1, CanSee: seeFunc(&c.User)}
	if t := r.URL.Query().Get("threshold"); t != "" {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil || v < 0 || v > 1 {
			return athar.Errorf(athar.EINVALID, "threshold=%.20q: want a score from 0 to 1", t)
		}
		opts.Threshold = v
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxUploadBytes))
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		return athar.Errorf(athar.EINVALID, "cannot read the batch: %v", err)
	}
	var items []screen.BatchItem
	err = screen.ReadBatch(r.Context(), bytes.NewReader(body), format, func(it screen.BatchItem) error {
		if len(items) == s.cfg.MaxBatchQueries {
			return errStatus(http.StatusRequestEntityTooLarge, "the batch has more than %d queries; split it", s.cfg.MaxBatchQueries)
		}
		items = append(items, it)
		return nil
	})
	if err != nil {
		var he *httpError
		if errors.As(err, &he) {
			return err
		}
		return athar.Errorf(athar.EINVALID, "cannot read the batch: %s", athar.ErrorMessage(err))
	}
	if len(items) == 0 {
		return athar.Errorf(athar.EINVALID, "the batch holds no query")
	}
	sum := sha256.Sum256(body)
	// The log goes first, as for edits; the id is made here so that the
	// entry names the job.
	j := athar.Job{ID: newID("j_"), User: c.Login, Org: c.Org, Status: jobQueued, Format: format, Queries: len(items)}
	if err := s.audit.record(r.Context(), entry(c, "job.create", j.ID, map[string]any{
		"format": format, "queries": len(items), "sha256": hex.EncodeToString(sum[:]),
	})); err != nil {
		return err
	}
	if err := s.store.CreateJob(r.Context(), &j); err != nil {
		return s.editFailed(r.Context(), c, "job.create", j.ID, err)
	}
	select {
	case s.jobs.queue <- &jobWork{job: j, user: c.User, items: items, opts: opts}:
	default:
		j.Status, j.Error, j.FinishedAt = jobFailed, "the server has too many batch jobs waiting", time.Now().UTC()
		s.store.UpdateJob(r.Context(), &j, nil)
		return &httpError{status: http.StatusServiceUnavailable, msg: "too many batch jobs are waiting; try again later", retry: 30}
	}
	w.Header().Set("Location", "/v1/jobs/"+j.ID)
	return writeJSON(w, http.StatusAccepted, j)
}

// ownJob reads a job of the caller's; another user's job does not exist
// for them.
func (s *Server) ownJob(ctx context.Context, c *caller, id string) (athar.Job, error) {
	j, err := s.store.Job(ctx, id)
	if err != nil {
		return j, err
	}
	if j.User != c.Login {
		return athar.Job{}, athar.Errorf(athar.ENOTFOUND, "no job %q", id)
	}
	if n, ok := s.jobs.done(id); ok {
		j.Done = n
	}
	return j, nil
}

func (s *Server) handleGetJob(w http.ResponseWriter, r *http.Request, c *caller) error {
	j, err := s.ownJob(r.Context(), c, r.PathValue("id"))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, j)
}

func (s *Server) handleListJobs(w http.ResponseWriter, r *http.Request, c *caller) error {
	js, err := s.store.Jobs(r.Context(), c.Login)
	if err != nil {
		return err
	}
	for i := range js {
		if n, ok := s.jobs.done(js[i].ID); ok {
			js[i].Done = n
		}
	}
	return writeJSON(w, http.StatusOK, map[string]any{"jobs": js})
}

// handleJobResults sends a finished job's results as JSON Lines, one line
// per input line in input order.
func (s *Server) handleJobResults(w http.ResponseWriter, r *http.Request, c *caller) error {
	j, err := s.ownJob(r.Context(), c, r.PathValue("id"))
	if err != nil {
		return err
	}
	switch j.Status {
	case jobFailed:
		return athar.Errorf(athar.ECONFLICT, "job %s failed: %s", j.ID, j.Error)
	case jobQueued, jobRunning:
		return athar.Errorf(athar.ECONFLICT, "job %s is %s (%d of %d queries done); its results come when it is done", j.ID, j.Status, j.Done, j.Queries)
	}
	gz, err := s.store.JobResults(r.Context(), j.ID)
	if err != nil {
		return err
	}
	if err := s.audit.record(r.Context(), entry(c, "job.results", j.ID, nil)); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Cache-Control", "no-store")
	if acceptsGzip(r) {
		w.Header().Set("Content-Encoding", "gzip")
		_, err = w.Write(gz)
		return err
	}
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return fmt.Errorf("job %s results: %w", j.ID, err)
	}
	_, err = io.Copy(w, zr)
	return err
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range bytes.Split([]byte(r.Header.Get("Accept-Encoding")), []byte(",")) {
		if e, _, _ := bytes.Cut(bytes.TrimSpace(part), []byte(";")); string(e) == "gzip" {
			return true
		}
	}
	return false
}
