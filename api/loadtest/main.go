// Command loadtest sends single-screening requests to an Athar API server
// on loopback for a bounded time and reports throughput, latency
// percentiles and statuses.
//
//	go run ./api/loadtest --url http://127.0.0.1:8080 --token $TOKEN --rate 2000 --duration 20s
//
// With --rate 0 it runs closed-loop (each worker sends its next request
// when the last one is answered) to find the most the server sustains;
// with --rate N it sends N requests a second whatever the answers (open
// loop), measuring latency from when each request was due, so that an
// overloaded server shows as latency and 503s, not as a slower client.
// It refuses any host that is not loopback.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"time"
)

// defaultNames are queries of every kind: listed people in both scripts,
// kunyas, common names, and people on no list.
var defaultNames = []string{
	"أبو بكر البغدادي", "Ibrahim Awad Ibrahim al-Badri", "أبو محمد الجولاني", "Abu Muhammad al-Julani",
	"محمد علي حسين", "Muhammad Ali Husayn", "عبد الرحمن مصطفى القادولي", "Abd al-Rahman al-Qaduli",
	"Hajji Iman", "أيمن الظواهري", "Ayman al-Zawahiri", "فاطمة حسن", "Zaynab Khalid Umar",
	"Abu Hamza al-Muhajir", "أبو حمزة المهاجر", "Anwar al-Awlaki", "خالد عمر الحمد", "Saad al-Zobaie",
	"Abu Ayyub al-Masri", "مريم عبد الله", "Usama bin Ladin", "Hamza bin Laden", "يوسف إبراهيم",
	"Abu Omar al-Shishani", "طارق الحرزي", "Abu Sulayman al-Naser", "حجي بكر", "Abu Ali al-Anbari",
}

func main() {
	var (
		base     = flag.String("url", "http://127.0.0.1:8080", "the server's base `URL` (loopback only)")
		token    = flag.String("token", os.Getenv("ATHAR_TOKEN"), "API token (default $ATHAR_TOKEN)")
		duration = flag.Duration("duration", 10*time.Second, "how long to send (at most 5m)")
		rate     = flag.Int("rate", 0, "requests per second (0: closed loop, as fast as answered)")
		workers  = flag.Int("workers", 32, "concurrent requests at most")
		names    = flag.String("names", "", "a `FILE` of names to screen, one a line (default: a built-in mix)")
	)
	flag.Parse()
	if err := run(*base, *token, *duration, *rate, *workers, *names); err != nil {
		fmt.Fprintln(os.Stderr, "loadtest:", err)
		os.Exit(1)
	}
}

func run(base, token string, duration time.Duration, rate, workers int, namesFile string) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	host := u.Hostname()
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address; this tool only loads a local server", host)
	}
	if token == "" {
		return fmt.Errorf("no token: give --token or set ATHAR_TOKEN")
	}
	if duration <= 0 || duration > 5*time.Minute {
		return fmt.Errorf("--duration %v: want up to 5m", duration)
	}
	qs := defaultNames
	if namesFile != "" {
		if qs, err = readNames(namesFile); err != nil {
			return err
		}
	}
	bodies := make([][]byte, len(qs))
	for i, n := range qs {
		bodies[i], _ = json.Marshal(map[string]any{"query": map[string]string{"name": n}})
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, duration)
	defer cancel()
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: workers, MaxConnsPerHost: workers},
	}

	type result struct {
		status int
		lat    time.Duration
	}
	var (
		mu      sync.Mutex
		results []result
	)
	send := func(due time.Time, i int) {
		req, _ := http.NewRequest("POST", base+"/v1/screen", bytes.NewReader(bodies[i%len(bodies)]))
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "application/json")
		status := 0
		res, err := client.Do(req)
		if err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
			status = res.StatusCode
		}
		r := result{status, time.Since(due)}
		mu.Lock()
		results = append(results, r)
		mu.Unlock()
	}

	before, _ := serverHistogram(client, base)
	start := time.Now()
	var wg sync.WaitGroup
	if rate <= 0 {
		for w := range workers {
			wg.Go(func() {
				for i := w; ctx.Err() == nil; i += workers {
					send(time.Now(), i)
				}
			})
		}
	} else {
		// Open loop: a ticket per due time; a worker late to take one still
		// measures from the due time.
		due := make(chan time.Time, workers)
		for w := range workers {
			wg.Go(func() {
				i := w
				for d := range due {
					send(d, i)
					i += workers
				}
			})
		}
		interval := time.Second / time.Duration(rate)
		next := start
	loop:
		for ctx.Err() == nil {
			next = next.Add(interval)
			if d := time.Until(next); d > 0 {
				select {
				case <-time.After(d):
				case <-ctx.Done():
					break loop
				}
			}
			select {
			case due <- next:
			default: // every worker is busy and the queue is full: count a client-side drop
				mu.Lock()
				results = append(results, result{-1, 0})
				mu.Unlock()
			}
		}
		close(due)
	}
	wg.Wait()
	elapsed := time.Since(start)

	codes := map[int]int{}
	var lats []time.Duration
	for _, r := range results {
		codes[r.status]++
		if r.status == http.StatusOK {
			lats = append(lats, r.lat)
		}
	}
	slices.Sort(lats)
	pct := func(p float64) time.Duration {
		if len(lats) == 0 {
			return 0
		}
		return lats[min(len(lats)-1, int(float64(len(lats))*p))]
	}
	mode := "closed loop"
	if rate > 0 {
		mode = fmt.Sprintf("open loop at %d/s", rate)
	}
	fmt.Printf("%s, %d workers, %s: %d requests, %.0f answered 200/s\n", mode, workers, elapsed.Round(time.Millisecond), len(results), float64(codes[200])/elapsed.Seconds())
	fmt.Printf("latency of 200s: p50 %s  p90 %s  p99 %s  max %s\n", pct(0.5).Round(10*time.Microsecond), pct(0.9).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), pct(1).Round(10*time.Microsecond))
	keys := make([]int, 0, len(codes))
	for k := range codes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		name := fmt.Sprint(k)
		switch k {
		case 0:
			name = "transport error"
		case -1:
			name = "not sent (client saturated)"
		}
		parts = append(parts, fmt.Sprintf("%s: %d", name, codes[k]))
	}
	fmt.Println("statuses:", strings.Join(parts, ", "))
	if after, err := serverHistogram(client, base); err == nil && before != nil {
		fmt.Println("server-side (from /metrics):", describeServer(before, after))
	}
	return nil
}

// serverHistogram reads the cumulative buckets of the screen route's
// latency histogram from /metrics: upper bound → count.
func serverHistogram(client *http.Client, base string) (map[float64]float64, error) {
	res, err := client.Get(base + "/metrics")
	if err != nil {
		return nil, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("/metrics: %s", res.Status)
	}
	const prefix = `athar_http_request_duration_seconds_bucket{route="screen",le="`
	h := map[float64]float64{}
	sc := bufio.NewScanner(res.Body)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), prefix)
		if !ok {
			continue
		}
		le, rest, ok := strings.Cut(line, `"} `)
		if !ok {
			continue
		}
		var bound, n float64
		if le == "+Inf" {
			bound = math.Inf(1)
		} else if _, err := fmt.Sscan(le, &bound); err != nil {
			continue
		}
		if _, err := fmt.Sscan(rest, &n); err != nil {
			continue
		}
		h[bound] = n
	}
	return h, sc.Err()
}

// describeServer says which bucket holds the median and the 99th percentile
// of the requests served between two scrapes.
func describeServer(before, after map[float64]float64) string {
	bounds := make([]float64, 0, len(after))
	for b := range after {
		bounds = append(bounds, b)
	}
	slices.Sort(bounds)
	total := after[math.Inf(1)] - before[math.Inf(1)]
	if total <= 0 {
		return "no screening counted"
	}
	at := func(q float64) string {
		for _, b := range bounds {
			if after[b]-before[b] >= q*total {
				if math.IsInf(b, 1) {
					return "over 10s"
				}
				return "≤ " + time.Duration(b*float64(time.Second)).String()
			}
		}
		return "?"
	}
	var under20 float64
	for _, b := range bounds {
		if b == 0.02 {
			under20 = (after[b] - before[b]) / total * 100
		}
	}
	return fmt.Sprintf("%.0f screenings, p50 %s, p99 %s, %.2f%% under 20ms", total, at(0.5), at(0.99), under20)
}

func readNames(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no names", path)
	}
	return out, sc.Err()
}
