package api

import (
	"bufio"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// metrics are the server's Prometheus metrics, written in the text
// exposition format (version 0.0.4) by hand: a handful of counters and
// histograms do not need a client library.
type metrics struct {
	mu        sync.Mutex
	requests  map[requestKey]*atomic.Uint64
	durations map[string]*histogram // by route

	inFlight     atomic.Int64
	shed         atomic.Uint64
	limited      atomic.Uint64
	screenings   atomic.Uint64
	matches      atomic.Uint64
	auditEntries atomic.Uint64
	auditErrors  atomic.Uint64
	auditCommit  *histogram
	jobQueries   atomic.Uint64
	reloads      atomic.Uint64
}

type requestKey struct {
	route  string
	status int
}

func newMetrics() *metrics {
	return &metrics{
		requests:    map[requestKey]*atomic.Uint64{},
		durations:   map[string]*histogram{},
		auditCommit: newHistogram(),
	}
}

// latencyBuckets are the histogram's upper bounds, in seconds.
var latencyBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// histogram counts observations per bucket; its methods are safe for
// concurrent use without a lock.
type histogram struct {
	counts [15]atomic.Uint64 // len(latencyBuckets) + the +Inf bucket
	sumNs  atomic.Int64
}

func newHistogram() *histogram { return &histogram{} }

func (h *histogram) observe(d time.Duration) {
	sec := d.Seconds()
	i, _ := slices.BinarySearch(latencyBuckets, sec)
	h.counts[i].Add(1)
	h.sumNs.Add(int64(d))
}

func (m *metrics) observe(route string, status int, d time.Duration) {
	k := requestKey{route, status}
	m.mu.Lock()
	c := m.requests[k]
	if c == nil {
		c = new(atomic.Uint64)
		m.requests[k] = c
	}
	h := m.durations[route]
	if h == nil {
		h = newHistogram()
		m.durations[route] = h
	}
	m.mu.Unlock()
	c.Add(1)
	h.observe(d)
}

// write writes every metric in the text exposition format.
func (m *metrics) write(w io.Writer, records int) error {
	bw := bufio.NewWriter(w)
	m.mu.Lock()
	reqs := make([]requestKey, 0, len(m.requests))
	for k := range m.requests {
		reqs = append(reqs, k)
	}
	routes := make([]string, 0, len(m.durations))
	for r := range m.durations {
		routes = append(routes, r)
	}
	m.mu.Unlock()
	slices.SortFunc(reqs, func(a, b requestKey) int {
		if c := strings.Compare(a.route, b.route); c != 0 {
			return c
		}
		return a.status - b.status
	})
	slices.Sort(routes)

	fmt.Fprintln(bw, "# HELP athar_http_requests_total HTTP requests served, by route and status.")
	fmt.Fprintln(bw, "# TYPE athar_http_requests_total counter")
	for _, k := range reqs {
		m.mu.Lock()
		n := m.requests[k].Load()
		m.mu.Unlock()
		fmt.Fprintf(bw, "athar_http_requests_total{route=%s,status=\"%d\"} %d\n", quoteLabel(k.route), k.status, n)
	}
	fmt.Fprintln(bw, "# HELP athar_http_request_duration_seconds Time to serve a request, by route.")
	fmt.Fprintln(bw, "# TYPE athar_http_request_duration_seconds histogram")
	for _, r := range routes {
		m.mu.Lock()
		h := m.durations[r]
		m.mu.Unlock()
		writeHistogram(bw, "athar_http_request_duration_seconds", "route="+quoteLabel(r)+",", h)
	}
	counter := func(name, help string, v uint64) {
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", name, help, name, name, v)
	}
	gauge := func(name, help string, v int64) {
		fmt.Fprintf(bw, "# HELP %s %s\n# TYPE %s gauge\n%s %d\n", name, help, name, name, v)
	}
	gauge("athar_http_requests_in_flight", "Requests being served.", m.inFlight.Load())
	counter("athar_http_requests_shed_total", "Requests refused with 503 because the server was full.", m.shed.Load())
	counter("athar_http_requests_limited_total", "Requests refused with 429 because their token sent too many.", m.limited.Load())
	counter("athar_screenings_total", "Queries screened, single and batch.", m.screenings.Load())
	counter("athar_screening_matches_total", "Matches returned by screenings.", m.matches.Load())
	counter("athar_batch_queries_total", "Queries screened by batch jobs.", m.jobQueries.Load())
	counter("athar_audit_entries_total", "Entries appended to the audit log.", m.auditEntries.Load())
	counter("athar_audit_errors_total", "Failed appends to the audit log (the requests failed too).", m.auditErrors.Load())
	counter("athar_index_reloads_total", "Rebuilds of the screening index after a change.", m.reloads.Load())
	fmt.Fprintln(bw, "# HELP athar_audit_commit_seconds Time to commit a group of audit entries.")
	fmt.Fprintln(bw, "# TYPE athar_audit_commit_seconds histogram")
	writeHistogram(bw, "athar_audit_commit_seconds", "", m.auditCommit)
	gauge("athar_index_records", "Records in the screening index.", int64(records))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	gauge("go_goroutines", "Goroutines that currently exist.", int64(runtime.NumGoroutine()))
	gauge("go_memstats_heap_alloc_bytes", "Bytes of allocated heap objects.", int64(ms.HeapAlloc))
	gauge("go_memstats_sys_bytes", "Bytes obtained from the operating system.", int64(ms.Sys))
	return bw.Flush()
}

func writeHistogram(w io.Writer, name, labels string, h *histogram) {
	var cum uint64
	for i, le := range latencyBuckets {
		cum += h.counts[i].Load()
		fmt.Fprintf(w, "%s_bucket{%sle=\"%s\"} %d\n", name, labels, strconv.FormatFloat(le, 'g', -1, 64), cum)
	}
	cum += h.counts[len(latencyBuckets)].Load()
	fmt.Fprintf(w, "%s_bucket{%sle=\"+Inf\"} %d\n", name, labels, cum)
	l := strings.TrimSuffix(labels, ",")
	if l != "" {
		l = "{" + l + "}"
	}
	sum := float64(h.sumNs.Load()) / float64(time.Second)
	fmt.Fprintf(w, "%s_sum%s %s\n%s_count%s %d\n", name, l, strconv.FormatFloat(sum, 'g', -1, 64), name, l, cum)
}

// quoteLabel quotes a label value as the exposition format wants.
func quoteLabel(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
