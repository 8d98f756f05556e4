package extract

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

// Annotation is a hand annotation of one article (testdata/articles/*.json):
// the places and dates a reader finds in it, in text order. Claims are kept
// in the same file for the claim extractor; each names its place and date by
// their text.
type Annotation struct {
	File         string `json:"file"`              // the article's file name
	Written      bool   `json:"written,omitempty"` // the text is ours, in testdata/written; else in the shared articles
	DocumentDate string `json:"document_date"`     // YYYY-MM-DD, for relative dates
	Note         string `json:"note,omitempty"`
	// Unseen marks a text written to check the rules on text they were not
	// tuned on; ClaimsOnly one whose places and dates are not annotated.
	Unseen     bool        `json:"unseen,omitempty"`
	ClaimsOnly bool        `json:"claims_only,omitempty"`
	Places     []GoldPlace `json:"places"`
	Dates      []GoldDate  `json:"dates"`
	Claims     []GoldClaim `json:"claims"`
}

// GoldClaim is an annotated who-went-where claim: its type, who it is about
// (free English, not scored) and its place as written, with Context to tell
// the occurrence apart as for places. Claims are listed in the text order of
// their places.
type GoldClaim struct {
	Type    ClaimType `json:"type"`
	Subject string    `json:"subject"`
	Place   string    `json:"place"`
	Context string    `json:"context,omitempty"`
}

// GoldPlace is an annotated place mention. Text is the word or words as
// written (clitics included); Context, when set, is a longer snippet that
// holds Text and tells its occurrence apart. Lat/Lon, when set, is where the
// place is; a found place must lie within 161 km of it.
type GoldPlace struct {
	Text    string   `json:"text"`
	Context string   `json:"context,omitempty"`
	Country string   `json:"country"` // "" for an area spanning countries
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
}

// GoldDate is an annotated date with its interval.
type GoldDate struct {
	Text      string    `json:"text"`
	Context   string    `json:"context,omitempty"`
	Start     string    `json:"start"`
	End       string    `json:"end"`
	Precision Precision `json:"precision"`
}

// ReadAnnotation reads an annotation file.
func ReadAnnotation(path string) (*Annotation, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var a Annotation
	if err := json.Unmarshal(b, &a); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &a, nil
}

// locate finds each item's span, searching forward from the previous one.
func locate(text string, items []struct{ text, context string }) ([]Span, error) {
	spans := make([]Span, len(items))
	cur := 0
	for i, it := range items {
		find := it.text
		if it.context != "" {
			find = it.context
		}
		start := -1
		for from := cur; ; {
			j := strings.Index(text[from:], find)
			if j < 0 {
				return nil, fmt.Errorf("annotation %d (%q) not found after byte %d", i, find, cur)
			}
			if wordEdge(text, from+j, from+j+len(find)) {
				start = from + j
				break
			}
			from += j + 1
		}
		if it.context != "" {
			k := strings.Index(find, it.text)
			if k < 0 {
				return nil, fmt.Errorf("annotation %d: context %q does not hold %q", i, find, it.text)
			}
			start += k
		}
		spans[i] = Span{start, start + len(it.text)}
		cur = spans[i].End
	}
	return spans, nil
}

// wordEdge reports whether text[i:j] does not end inside a word (it may
// start inside one: the heading "تركيا وإيرانوتشير" glues words together,
// so only the end is checked when a letter follows the start of a phrase).
func wordEdge(text string, i, j int) bool {
	r, _ := utf8.DecodeRuneInString(text[j:])
	if j < len(text) && geo.IsWordRune(r) {
		return false
	}
	return true
}

// Score is a precision/recall tally.
type Score struct {
	Gold, Found, Matched, Correct int
}

// Precision is Matched/Found; Recall is Matched/Gold; CorrectRecall is
// Correct/Gold (found with the right country and location, or interval).
func (s Score) Precision() float64     { return ratio(s.Matched, s.Found) }
func (s Score) Recall() float64        { return ratio(s.Matched, s.Gold) }
func (s Score) CorrectRecall() float64 { return ratio(s.Correct, s.Gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ScorePlaces compares found places with the annotation: a found place
// matches a gold one when their spans overlap (one to one), and is correct
// when it also has the gold country and, where the annotation gives a
// location, lies within 161 km of it.
func ScorePlaces(text string, gold []GoldPlace, found []Place) (Score, []string, error) {
	items := make([]struct{ text, context string }, len(gold))
	for i, g := range gold {
		items[i].text, items[i].context = g.Text, g.Context
	}
	spans := make([]Span, len(found))
	for j, p := range found {
		spans[j] = p.Span
	}
	return scoreSpans(text, items, spans, func(i, j int) string {
		g, p := gold[i], found[j]
		ok := p.Country == g.Country
		if ok && g.Lat != nil && g.Lon != nil {
			ok = geo.DistanceKm(*g.Lat, *g.Lon, p.Lat, p.Lon) <= 161
		}
		if ok {
			return ""
		}
		return fmt.Sprintf("wrong: %s → %s (%s)", g.Text, p.Name, p.Country)
	}, func(j int) string { return "false: " + found[j].Text + " → " + found[j].Name })
}

// ScoreDates compares found dates with the annotation: spans overlapping,
// correct when the interval is the same.
func ScoreDates(text string, gold []GoldDate, found []Date) (Score, []string, error) {
	items := make([]struct{ text, context string }, len(gold))
	for i, g := range gold {
		items[i].text, items[i].context = g.Text, g.Context
	}
	spans := make([]Span, len(found))
	for j, d := range found {
		spans[j] = d.Span
	}
	return scoreSpans(text, items, spans, func(i, j int) string {
		g, d := gold[i], found[j]
		if d.Start.String() == g.Start && d.End.String() == g.End {
			return ""
		}
		return fmt.Sprintf("wrong: %s → %s..%s", g.Text, d.Start, d.End)
	}, func(j int) string { return "false: " + found[j].Text })
}

// scoreSpans pairs each gold item, located in text, with the first unused
// found span that overlaps it, one to one. wrong says what is wrong with a
// matched pair ("" when it is correct); spurious describes a found item no
// gold item took.
func scoreSpans(text string, items []struct{ text, context string }, found []Span, wrong func(gold, found int) string, spurious func(found int) string) (Score, []string, error) {
	spans, err := locate(text, items)
	if err != nil {
		return Score{}, nil, err
	}
	s := Score{Gold: len(items), Found: len(found)}
	var notes []string
	used := make([]bool, len(found))
	for i, it := range items {
		hit := -1
		for j, f := range found {
			if !used[j] && f.Start < spans[i].End && f.End > spans[i].Start {
				hit = j
				break
			}
		}
		if hit < 0 {
			notes = append(notes, "missed: "+it.text)
			continue
		}
		used[hit] = true
		s.Matched++
		if w := wrong(i, hit); w != "" {
			notes = append(notes, w)
		} else {
			s.Correct++
		}
	}
	for j := range found {
		if !used[j] {
			notes = append(notes, spurious(j))
		}
	}
	return s, notes, nil
}

// ScoreClaims compares found claims with the annotation: a found claim
// matches a gold one when their places' spans overlap (one to one, same
// type first), and is correct when it also has the gold type. Precision
// here is Correct/Found: a claim counts only with the right type and place.
func ScoreClaims(text string, gold []GoldClaim, found []Claim) (Score, []string, error) {
	items := make([]struct{ text, context string }, len(gold))
	for i, g := range gold {
		items[i].text, items[i].context = g.Place, g.Context
	}
	spans, err := locateAny(text, items)
	if err != nil {
		return Score{}, nil, err
	}
	s := Score{Gold: len(gold), Found: len(found)}
	var notes []string
	used := make([]bool, len(found))
	overlap := func(p Place, sp Span) bool { return p.Span.Start < sp.End && p.Span.End > sp.Start }
	// Claims of the right type are matched first, so that a claim of the
	// wrong type does not take the place of a right one (arrested where he
	// hid: two claims on one place).
	exact := make([]int, len(gold))
	for i, g := range gold {
		exact[i] = -1
		for j, c := range found {
			if !used[j] && overlap(c.Place, spans[i]) && c.Type == g.Type {
				exact[i] = j
				used[j] = true
				break
			}
		}
	}
	for i, g := range gold {
		hit := exact[i]
		if hit < 0 {
			for j, c := range found {
				if !used[j] && overlap(c.Place, spans[i]) {
					hit = j
					break
				}
			}
		}
		if hit < 0 {
			notes = append(notes, fmt.Sprintf("missed: %s %s", g.Type, g.Place))
			continue
		}
		used[hit] = true
		s.Matched++
		if found[hit].Type == g.Type {
			s.Correct++
		} else {
			notes = append(notes, fmt.Sprintf("wrong type: %s %s → %s", g.Type, g.Place, found[hit].Type))
		}
	}
	for j, c := range found {
		if !used[j] {
			notes = append(notes, fmt.Sprintf("false: %s %s (%s)", c.Type, c.Place.Text, c.Place.Name))
		}
	}
	return s, notes, nil
}

// ClaimPrecision is Correct/Found: claims with the right type and place.
func (s Score) ClaimPrecision() float64 { return ratio(s.Correct, s.Found) }

// locateAny is locate for items that need not be in text order: each is
// searched from the start of the text, skipping the spans already given to
// an earlier item.
func locateAny(text string, items []struct{ text, context string }) ([]Span, error) {
	spans := make([]Span, len(items))
	for i, it := range items {
		taken := func(sp Span) bool {
			for _, o := range spans[:i] {
				if o == sp {
					return true
				}
			}
			return false
		}
		from := 0
		first := Span{-1, -1}
		for {
			one, err := locate(text[from:], []struct{ text, context string }{it})
			if err != nil && first.Start >= 0 {
				// Two claims of different types about one place mention
				// (arrested where he hid): both point to it.
				spans[i] = first
				break
			}
			if err != nil {
				return nil, fmt.Errorf("annotation %d: %w", i, err)
			}
			sp := Span{one[0].Start + from, one[0].End + from}
			if !taken(sp) {
				spans[i] = sp
				break
			}
			if first.Start < 0 {
				first = sp
			}
			from = sp.End
		}
	}
	return spans, nil
}

// ParseDocumentDate reads YYYY-MM-DD; "" gives the zero time.
func ParseDocumentDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("document date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}
