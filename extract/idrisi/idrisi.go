// Package idrisi evaluates place recognition and resolution on the IDRISI
// location-mention data set (Arabic tweets, LMD-AR: one directory per event
// holding train.jsonl and dev.jsonl; Suwaileh et al., CC BY 4.0).
package idrisi

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/athar-org/athar/extract"
	"github.com/athar-org/athar/geo"
)

// Tweet is one line of an IDRISI JSONL file, reduced to what the evaluation
// reads.
type Tweet struct {
	ID       string    `json:"tweet_id"`
	Text     string    `json:"text"`
	Mentions []Mention `json:"location_mentions"`
}

// Mention is a gold location mention. Offsets count Unicode code points.
type Mention struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Start int    `json:"start_offset"`
	End   int    `json:"end_offset"`
	OSM   *struct {
		Lat string `json:"lat"`
		Lon string `json:"lon"`
	} `json:"osm_json"`
}

// Counts are the tallies behind the figures of one event or of all.
type Counts struct {
	Tweets     int `json:"tweets"`
	Gold       int `json:"gold"`       // gold mentions, each span once
	Duplicates int `json:"duplicates"` // gold mentions listed again with the same span, not counted
	Predicted  int `json:"predicted"`  // places the recogniser found
	Matched    int `json:"matched"`    // predicted places overlapping a gold mention (one to one)
	Exact      int `json:"exact"`      // of which the spans are equal
	Located    int `json:"located"`    // matched mentions whose gold mention has coordinates
	Within161  int `json:"within_161km"`
}

// Scores are the figures computed from Counts.
type Scores struct {
	Precision      float64 `json:"precision"`
	Recall         float64 `json:"recall"`
	F1             float64 `json:"f1"`
	ExactPrecision float64 `json:"exact_precision"`
	ExactRecall    float64 `json:"exact_recall"`
	ExactF1        float64 `json:"exact_f1"`
	Acc161         float64 `json:"acc_at_161km"`
}

// Result is the evaluation of one event, or of all events.
type Result struct {
	Event string `json:"event"`
	Counts
	Scores
	// RecallByType is the overlap recall per gold mention type (Country,
	// City/town, Road/street, ...).
	RecallByType              map[string]float64 `json:"recall_by_type,omitempty"`
	matchedByType, goldByType map[string]int
}

// Report is the whole evaluation.
type Report struct {
	Split   string   `json:"split"`
	Match   string   `json:"match"` // how spans are matched
	Events  []Result `json:"events"`
	Overall Result   `json:"overall"`
}

// Evaluate runs the finder over dir/*/<split>.jsonl.
func Evaluate(ctx context.Context, f *extract.PlaceFinder, dir, split string) (*Report, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*", split+".jsonl"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no %s.jsonl files under %s (want one directory per event)", split, dir)
	}
	sort.Strings(files)
	rep := &Report{Split: split, Match: "overlap: a found place counts when its byte span overlaps a gold mention's, one to one; exact figures need equal spans"}
	all := newResult("all")
	for _, file := range files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r := newResult(filepath.Base(filepath.Dir(file)))
		if err := evalFile(f, file, r, all); err != nil {
			return nil, err
		}
		r.finish()
		rep.Events = append(rep.Events, *r)
	}
	all.finish()
	rep.Overall = *all
	return rep, nil
}

func newResult(event string) *Result {
	return &Result{Event: event, matchedByType: map[string]int{}, goldByType: map[string]int{}}
}

func evalFile(f *extract.PlaceFinder, file string, rs ...*Result) error {
	fh, err := os.Open(file)
	if err != nil {
		return err
	}
	defer fh.Close()
	return evalReader(f, fh, file, rs...)
}

func evalReader(f *extract.PlaceFinder, rd io.Reader, file string, rs ...*Result) error {
	sc := bufio.NewScanner(rd)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var t Tweet
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return fmt.Errorf("%s line %d: %w", file, line, err)
		}
		found := f.Find(t.Text)
		for _, r := range rs {
			r.add(t, found)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// byteOffsets converts code point offsets to byte offsets of s.
func byteOffsets(s string, cps ...int) []int {
	out := make([]int, len(cps))
	for i := range out {
		out[i] = -1
	}
	cp := 0
	for b := range s {
		for i, c := range cps {
			if c == cp {
				out[i] = b
			}
		}
		cp++
	}
	for i, c := range cps {
		if c == cp {
			out[i] = len(s)
		}
	}
	return out
}

func (r *Result) add(t Tweet, found []extract.Place) {
	r.Tweets++
	r.Predicted += len(found)
	used := make([]bool, len(found))
	seen := map[[2]int]bool{}
	for _, m := range t.Mentions {
		// The data lists some mentions twice with the same span (about
		// one in twenty): they count once.
		if seen[[2]int{m.Start, m.End}] {
			r.Duplicates++
			continue
		}
		seen[[2]int{m.Start, m.End}] = true
		r.Gold++
		r.goldByType[m.Type]++
		off := byteOffsets(t.Text, m.Start, m.End)
		start, end := off[0], off[1]
		if start < 0 || end < 0 || start >= end || !utf8.ValidString(t.Text) {
			continue // an offset outside the text: counted as missed
		}
		for i, p := range found {
			if used[i] || p.Span.End <= start || p.Span.Start >= end {
				continue
			}
			used[i] = true
			r.Matched++
			r.matchedByType[m.Type]++
			if p.Span.Start == start && p.Span.End == end {
				r.Exact++
			}
			if m.OSM != nil {
				lat, err1 := strconv.ParseFloat(m.OSM.Lat, 64)
				lon, err2 := strconv.ParseFloat(m.OSM.Lon, 64)
				if err1 == nil && err2 == nil {
					r.Located++
					if geo.DistanceKm(lat, lon, p.Lat, p.Lon) <= 161 {
						r.Within161++
					}
				}
			}
			break
		}
	}
}

func (r *Result) finish() {
	r.Precision, r.Recall, r.F1 = prf(r.Matched, r.Predicted, r.Gold)
	r.ExactPrecision, r.ExactRecall, r.ExactF1 = prf(r.Exact, r.Predicted, r.Gold)
	if r.Located > 0 {
		r.Acc161 = float64(r.Within161) / float64(r.Located)
	}
	r.RecallByType = map[string]float64{}
	for t, n := range r.goldByType {
		r.RecallByType[t] = float64(r.matchedByType[t]) / float64(n)
	}
}

func prf(tp, pred, gold int) (p, r, f float64) {
	if pred > 0 {
		p = float64(tp) / float64(pred)
	}
	if gold > 0 {
		r = float64(tp) / float64(gold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}
