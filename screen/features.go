package screen

import (
	"fmt"
	"strings"

	"github.com/athar-org/athar"
)

// Feature is one piece of evidence beside the name, with what it added to
// the score. Weight is a log-likelihood ratio (natural log): how much more
// likely the observation is when query and list entry are the same person
// than when they are not. Positive supports a match, negative contradicts it.
type Feature struct {
	Feature string  `json:"feature"` // birth_date, nationality, gender, mother_name, birth_place, document
	Outcome string  `json:"outcome"` // e.g. same_date, same_year, within_1_year, contradiction, match, mismatch
	Weight  float64 `json:"weight"`
	Query   string  `json:"query,omitempty"`
	Listed  string  `json:"listed,omitempty"`
}

// The weights below are log-likelihood ratios, set from the rates at which
// the values agree for the same person in list data (m) and by chance among
// different people of the same region (u). They are deliberately moderate:
// lists carry placeholder dates and stale nationalities, and the name
// carries the identification.
const (
	wDateSame        = 2.5  // same full date: m≈0.8, u≈1/(365·30)·placeholder share
	wDateSameMonth   = 2.0  // same year and month
	wDateSameYear    = 1.5  // same year: m≈0.85, u≈1/30
	wDatePlaceholder = 1.2  // same year, but one side is a 1 January placeholder
	wDateWithin1     = 0.6  // one year apart: data-entry and approximate ages
	wDateWithin2     = 0.2  // two years apart
	wDateInRange     = 1.0  // within a range or an approximate year the list gives
	wDateFar         = -1.5 // three to five years apart
	wDateContradict  = -3.0 // more than five years apart

	wNatSame       = 0.7
	wNatDifferent  = -0.8 // dual nationalities and stale records make this soft
	wGenderSame    = 0.1
	wGenderDiffers = -3.0

	wPlaceSame    = 0.8
	wPlaceCountry = 0.3

	wDocExact = 5.0 // the same document number is near-proof
	wDocOCR   = 3.5 // equal up to OCR confusions (0/O, 1/I, 5/S, 8/B)

	wMotherSame    = 2.0
	wMotherDiffers = -1.5
)

// compareBirth compares the query's birth date with every date the list
// gives and keeps the best agreement: lists give several dates because they
// do not know which is right.
func compareBirth(q athar.PartialDate, listed []birth) (Feature, bool) {
	if q.IsZero() || len(listed) == 0 {
		return Feature{}, false
	}
	best := Feature{Feature: "birth_date", Weight: -1e9, Query: q.String()}
	for _, b := range listed {
		f := compareOneBirth(q, b.unpack())
		if f.Weight > best.Weight {
			best.Outcome, best.Weight, best.Listed = f.Outcome, f.Weight, f.Listed
		}
	}
	if best.Weight == -1e9 {
		return Feature{}, false
	}
	return best, true
}

func compareOneBirth(q athar.PartialDate, b athar.BirthDate) Feature {
	lo, hi := b.Years()
	if lo == 0 && hi == 0 {
		return Feature{Weight: -1e9}
	}
	f := Feature{Listed: describeBirth(b)}
	if b.Qualifier == athar.DateBetween || b.Qualifier == athar.DateApproximate {
		if b.Qualifier == athar.DateApproximate { // "approximately 1975": a few years either way
			lo, hi = lo-2, hi+2
		}
		if hi == 0 {
			hi = lo
		}
		if lo == 0 {
			lo = hi
		}
		switch d := yearGap(q.Year, lo, hi); {
		case d == 0:
			f.Outcome, f.Weight = "in_range", wDateInRange
		case d <= 2:
			f.Outcome, f.Weight = "near_range", wDateWithin2
		case d <= 5:
			f.Outcome, f.Weight = "far", wDateFar
		default:
			f.Outcome, f.Weight = "contradiction", wDateContradict
		}
		return f
	}
	d := b.Date
	gap := q.Year - d.Year
	if gap < 0 {
		gap = -gap
	}
	switch {
	case gap == 0 && q.Precision() == athar.PrecisionDay && d.Precision() == athar.PrecisionDay && q == d:
		if isPlaceholder(q) && isPlaceholder(d) {
			f.Outcome, f.Weight = "same_year_placeholder", wDatePlaceholder
		} else {
			f.Outcome, f.Weight = "same_date", wDateSame
		}
	case gap == 0 && (isPlaceholder(q) || isPlaceholder(d)):
		f.Outcome, f.Weight = "same_year_placeholder", wDatePlaceholder
	case gap == 0 && q.Month != 0 && d.Month != 0 && q.Month == d.Month:
		f.Outcome, f.Weight = "same_month", wDateSameMonth
	case gap == 0 && q.Month != 0 && d.Month != 0:
		// Same year, months differ: day/month swaps and typos are common.
		f.Outcome, f.Weight = "same_year_other_month", wDateWithin1
	case gap == 0:
		f.Outcome, f.Weight = "same_year", wDateSameYear
	case gap == 1:
		f.Outcome, f.Weight = "within_1_year", wDateWithin1
	case gap == 2:
		f.Outcome, f.Weight = "within_2_years", wDateWithin2
	case gap <= 5:
		f.Outcome, f.Weight = "far", wDateFar
	default:
		f.Outcome, f.Weight = "contradiction", wDateContradict
	}
	return f
}

// isPlaceholder reports a 1 January date, which Iraqi and Syrian records use
// when only the year is known.
func isPlaceholder(d athar.PartialDate) bool { return d.Month == 1 && d.Day == 1 }

func yearGap(y, lo, hi int) int {
	switch {
	case y < lo:
		return lo - y
	case y > hi:
		return y - hi
	}
	return 0
}

func describeBirth(b athar.BirthDate) string {
	switch b.Qualifier {
	case athar.DateBetween:
		return fmt.Sprintf("%s–%s", b.From, b.To)
	case athar.DateApproximate:
		return "about " + b.Date.String()
	}
	return b.Date.String()
}

func compareNationality(q []string, listed []string) (Feature, bool) {
	if len(q) == 0 || len(listed) == 0 {
		return Feature{}, false
	}
	f := Feature{Feature: "nationality", Query: strings.Join(q, ";"), Listed: strings.Join(listed, ";")}
	for _, a := range q {
		for _, b := range listed {
			if a == b {
				f.Outcome, f.Weight = "match", wNatSame
				return f, true
			}
		}
	}
	f.Outcome, f.Weight = "mismatch", wNatDifferent
	return f, true
}

func compareGender(q, listed athar.Gender) (Feature, bool) {
	if q == "" || listed == "" {
		return Feature{}, false
	}
	f := Feature{Feature: "gender", Query: string(q), Listed: string(listed)}
	if q == listed {
		f.Outcome, f.Weight = "match", wGenderSame
	} else {
		f.Outcome, f.Weight = "contradiction", wGenderDiffers
	}
	return f, true
}

// compareDocuments looks for the query's document numbers among the
// listed ones, exactly or up to OCR confusions.
func compareDocuments(q []string, listed []string) (Feature, bool) {
	if len(q) == 0 || len(listed) == 0 {
		return Feature{}, false
	}
	best := Feature{}
	for _, qn := range q {
		for _, d := range listed {
			ln := NormalizeDocument(d)
			if ln == "" {
				continue
			}
			switch {
			case qn == ln:
				return Feature{Feature: "document", Outcome: "exact", Weight: wDocExact, Query: qn, Listed: d}, true
			case len(qn) >= 5 && ocrFold(qn) == ocrFold(ln) && best.Weight < wDocOCR:
				best = Feature{Feature: "document", Outcome: "ocr_variant", Weight: wDocOCR, Query: qn, Listed: d}
			}
		}
	}
	// A different number is no contradiction: people hold many documents.
	return best, best.Feature != ""
}
