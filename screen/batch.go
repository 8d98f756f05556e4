package screen

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/athar-org/athar"
)

// BatchResult is one line of a batch output file: the matches for one
// query, best first, or the error that kept the line from being screened.
type BatchResult struct {
	QueryID string  `json:"query_id"`
	Line    int     `json:"line"`
	Matches []Match `json:"matches"`
	Error   string  `json:"error,omitempty"`
}

// BatchSummary counts what a batch did.
type BatchSummary struct {
	Queries     int         `json:"queries"`      // lines read, bad ones included
	Errors      int         `json:"errors"`       // lines that could not be screened
	WithMatches int         `json:"with_matches"` // queries with at least one match
	BadLines    []BatchItem `json:"-"`            // the first bad lines, for the report
}

// maxReportedBadLines bounds BatchSummary.BadLines; every bad line is still
// in the output file.
const maxReportedBadLines = 20

// batchChunk is how many queries are screened together: large enough to keep
// every core busy, small enough that output follows input closely.
const batchChunk = 256

// Batch screens every query in r (JSON Lines or CSV, see ReadBatch) and
// writes one BatchResult line to w per input line, in input order. Bad lines
// become error lines; they never stop the batch. progress, when not nil, is
// called with the number of lines done so far.
func (s *Screener) Batch(ctx context.Context, r io.Reader, format string, w io.Writer, opts Options, progress func(done int)) (BatchSummary, error) {
	var sum BatchSummary
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	workers := runtime.GOMAXPROCS(0)

	chunk := make([]BatchItem, 0, batchChunk)
	results := make([]BatchResult, batchChunk)
	flush := func() error {
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Go(func() {
				for i := range next {
					results[i] = s.screenItem(ctx, chunk[i], opts)
				}
			})
		}
		for i := range chunk {
			next <- i
		}
		close(next)
		wg.Wait()
		for i := range chunk {
			res := &results[i]
			sum.Queries++
			if res.Error != "" {
				sum.Errors++
				if len(sum.BadLines) < maxReportedBadLines {
					sum.BadLines = append(sum.BadLines, BatchItem{Line: res.Line, Err: fmt.Errorf("%s", res.Error)})
				}
			} else if len(res.Matches) > 0 {
				sum.WithMatches++
			}
			if err := enc.Encode(res); err != nil {
				return fmt.Errorf("write results: %w", err)
			}
			*res = BatchResult{}
		}
		chunk = chunk[:0]
		if progress != nil {
			progress(sum.Queries)
		}
		return nil
	}
	err := ReadBatch(ctx, r, format, func(it BatchItem) error {
		chunk = append(chunk, it)
		if len(chunk) == batchChunk {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err == nil {
		err = ctx.Err()
	}
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write results: %w", ferr)
	}
	return sum, err
}

func (s *Screener) screenItem(ctx context.Context, it BatchItem, opts Options) BatchResult {
	res := BatchResult{QueryID: it.Query.ID, Line: it.Line, Matches: []Match{}}
	if it.Err != nil {
		res.Error = fmt.Sprintf("line %d: %s", it.Line, athar.ErrorMessage(it.Err))
		return res
	}
	if res.QueryID == "" {
		res.QueryID = fmt.Sprintf("line-%d", it.Line)
	}
	m, err := s.Screen(ctx, it.Query, opts)
	if err != nil {
		res.Error = fmt.Sprintf("line %d: %s", it.Line, athar.ErrorMessage(err))
		return res
	}
	res.Matches = m
	return res
}
