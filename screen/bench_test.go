package screen

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/synth"
)

func synthRecords(n int, seed uint64) func(yield func(*athar.Person, error) bool) {
	return func(yield func(*athar.Person, error) bool) {
		g := synth.New(seed)
		for range n {
			r := g.Next()
			if !yield(r.Person(), nil) {
				return
			}
		}
	}
}

// benchQueries are queries of the kinds officers type: Arabic and Latin,
// full and partial, some with a birth year.
func benchQueries(n int, seed uint64) []Query {
	g := synth.New(seed)
	qs := make([]Query, 0, n)
	for i := range n {
		r := g.Next()
		q := Query{ID: r.ID, Name: r.Name}
		switch i % 4 {
		case 1:
			if r.NameLatin != "" {
				q.Name = r.NameLatin
			}
		case 2:
			q.BirthDate = r.BirthDate
		case 3:
			q.Name = r.GivenName + " " + r.FatherName + " " + r.FamilyName
		}
		qs = append(qs, q)
	}
	return qs
}

var (
	millionOnce sync.Once
	million     *Screener
	millionMem  uint64
)

// millionScreener builds the 1,000,000-person index once per test binary and
// measures the heap it holds.
func millionScreener(b testing.TB) *Screener {
	millionOnce.Do(func() {
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		s, err := NewFromRecords(context.Background(), synthRecords(1_000_000, 7))
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		million = s
		millionMem = after.HeapAlloc - before.HeapAlloc
		b.Logf("1M index: built in %s, heap %d MB", time.Since(start).Round(time.Millisecond), millionMem>>20)
	})
	return million
}

// benchDistinct is how many different queries the single-query benchmarks
// cycle through: more than they run, so that the latencies are those of
// many names, not of a few repeated ones whose postings and table slots the
// CPU's caches would keep warm.
const benchDistinct = 20000

// benchScreen screens queries one by one and reports the 50th and 99th
// percentile latency beside the mean.
func benchScreen(b *testing.B, s *Screener, qs []Query) {
	ctx := context.Background()
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		t := time.Now()
		if _, err := s.Screen(ctx, qs[i%len(qs)], Options{Limit: 10, Threshold: -1}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t))
	}
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) > 0 {
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
		b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds()), "p99-µs")
	}
}

func BenchmarkScreen_UN(b *testing.B) {
	s, err := NewFromRecords(context.Background(), records(loadUN(b, "consolidated-2026-02-27.xml")))
	if err != nil {
		b.Fatal(err)
	}
	benchScreen(b, s, benchQueries(benchDistinct, 99))
}

func BenchmarkScreen_1M(b *testing.B) {
	s := millionScreener(b)
	b.ReportMetric(float64(millionMem)/(1<<20), "index-MB")
	benchScreen(b, s, benchQueries(benchDistinct, 99))
}

// benchBatch screens a JSON Lines batch of n queries per iteration and
// reports queries per second.
func benchBatch(b *testing.B, s *Screener, n int) {
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for _, q := range benchQueries(n, 5) {
		enc.Encode(q)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Batch(context.Background(), bytes.NewReader(in.Bytes()), "jsonl", io.Discard, Options{Limit: 10, Threshold: -1}, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "queries/s")
}

func BenchmarkBatch_UN(b *testing.B) {
	s, err := NewFromRecords(context.Background(), records(loadUN(b, "consolidated-2026-02-27.xml")))
	if err != nil {
		b.Fatal(err)
	}
	benchBatch(b, s, 5000)
}

func BenchmarkBatch_1M(b *testing.B) {
	benchBatch(b, millionScreener(b), 2000)
}

func BenchmarkBuild_100k(b *testing.B) {
	for b.Loop() {
		if _, err := NewFromRecords(context.Background(), synthRecords(100_000, 3)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(100_000*b.N)/b.Elapsed().Seconds(), "records/s")
}
