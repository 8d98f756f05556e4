package athar

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// PartialDate is a calendar date of which only the year, or the year and
// month, may be known. The zero value is the unknown date.
type PartialDate struct {
	Year  int // 0 when unknown
	Month int // 1-12, 0 when unknown
	Day   int // 1-31, 0 when unknown
}

// Precision of a PartialDate.
type Precision int

const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// IsZero reports whether nothing of the date is known.
func (d PartialDate) IsZero() bool { return d.Year == 0 }

// Precision reports how much of the date is known.
func (d PartialDate) Precision() Precision {
	switch {
	case d.Year == 0:
		return PrecisionNone
	case d.Month == 0:
		return PrecisionYear
	case d.Day == 0:
		return PrecisionMonth
	}
	return PrecisionDay
}

// String formats the date as YYYY, YYYY-MM or YYYY-MM-DD, or "" when unknown.
func (d PartialDate) String() string {
	switch d.Precision() {
	case PrecisionYear:
		return fmt.Sprintf("%04d", d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%04d-%02d", d.Year, d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
	}
	return ""
}

var monthNames = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
	"apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
	"aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
	"nov": 11, "november": 11, "dec": 12, "december": 12,
}

// ParsePartialDate reads the date forms found in lists and registries:
// "1971", "1971-05", "1971-05-12", "1971/05/12", "12/05/1971" (day first),
// "12 May 1971", "May 1971", "12 May. 1971" and Arabic-Indic digits.
func ParsePartialDate(s string) (PartialDate, error) {
	orig := s
	s = strings.TrimSpace(foldDigits(s))
	if s == "" {
		return PartialDate{}, fmt.Errorf("empty date")
	}
	fields := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == '-' || r == '/' || r == '.' || r == ' ' || r == ',' || r == '\t'
	})
	var d PartialDate
	var err error
	switch len(fields) {
	case 1:
		d.Year, err = atoiRange(fields[0], 1, 9999)
		if len(fields[0]) != 4 {
			err = fmt.Errorf("not a year")
		}
	case 2: // 1971-05, May 1971, 05/1971
		if m, ok := monthNames[fields[0]]; ok {
			d.Month = m
			d.Year, err = atoiRange(fields[1], 1, 9999)
		} else if len(fields[0]) == 4 {
			d.Year, err = atoiRange(fields[0], 1, 9999)
			if err == nil {
				d.Month, err = atoiRange(fields[1], 1, 12)
			}
		} else {
			d.Month, err = atoiRange(fields[0], 1, 12)
			if err == nil {
				d.Year, err = atoiRange(fields[1], 1, 9999)
			}
		}
	case 3:
		if len(fields[0]) == 4 { // Y M D
			d.Year, err = atoiRange(fields[0], 1, 9999)
			if err == nil {
				d.Month, err = monthField(fields[1])
			}
			if err == nil {
				d.Day, err = atoiRange(fields[2], 1, 31)
			}
		} else if m, ok := monthNames[fields[0]]; ok { // May 12 1971
			d.Month = m
			d.Day, err = atoiRange(fields[1], 1, 31)
			if err == nil {
				d.Year, err = atoiRange(fields[2], 1, 9999)
			}
		} else { // D M Y
			d.Day, err = atoiRange(fields[0], 1, 31)
			if err == nil {
				d.Month, err = monthField(fields[1])
			}
			if err == nil {
				d.Year, err = atoiRange(fields[2], 1, 9999)
			}
		}
	default:
		err = fmt.Errorf("too many parts")
	}
	if err == nil && d.Day != 0 && d.Day > daysIn(d.Year, d.Month) {
		err = fmt.Errorf("day %d out of range for %04d-%02d", d.Day, d.Year, d.Month)
	}
	if err != nil {
		return PartialDate{}, fmt.Errorf("invalid date %q: %w", orig, err)
	}
	return d, nil
}

func monthField(s string) (int, error) {
	if m, ok := monthNames[s]; ok {
		return m, nil
	}
	return atoiRange(s, 1, 12)
}

func atoiRange(s string, lo, hi int) (int, error) {
	if s == "" || len(s) > 4 {
		return 0, fmt.Errorf("%q is not a number from %d to %d", s, lo, hi)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%q is not a number from %d to %d", s, lo, hi)
	}
	return n, nil
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// foldDigits maps Arabic-Indic and Eastern Arabic-Indic digits to ASCII.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		}
		return r
	}, s)
}

// MarshalJSON writes the date as a string: "1971", "1971-05" or "1971-05-12".
func (d PartialDate) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads what MarshalJSON writes, and "" as the unknown date.
func (d *PartialDate) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = PartialDate{}
		return nil
	}
	v, err := ParsePartialDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// DateQualifier says how a birth date is to be read.
type DateQualifier string

const (
	DateExact       DateQualifier = "exact"
	DateApproximate DateQualifier = "approximate"
	DateBetween     DateQualifier = "between"
)

// BirthDate is one recorded date of birth. For DateBetween, From and To bound
// the range and Date is zero; otherwise Date holds the (partial) date.
type BirthDate struct {
	Qualifier DateQualifier `json:"qualifier"`
	Date      PartialDate   `json:"date,omitzero"`
	From      PartialDate   `json:"from,omitzero"`
	To        PartialDate   `json:"to,omitzero"`
	Note      string        `json:"note,omitempty"`
}

// Years returns the first and last year the birth date allows, or 0, 0 when
// no year is known.
func (b BirthDate) Years() (lo, hi int) {
	if b.Qualifier == DateBetween {
		return b.From.Year, b.To.Year
	}
	return b.Date.Year, b.Date.Year
}
