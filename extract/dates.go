package extract

import (
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a date the text gives.
type Precision string

const (
	PrecisionDay         Precision = "day"
	PrecisionWeek        Precision = "week"
	PrecisionPartOfMonth Precision = "part-of-month" // مطلع، منتصف، أواخر الشهر
	PrecisionMonth       Precision = "month"
	PrecisionPartOfYear  Precision = "part-of-year" // مطلع، منتصف، أواخر العام
	PrecisionYear        Precision = "year"
	PrecisionVague       Precision = "vague" // قبل أشهر, مؤخرا, خلال الأشهر الماضية: a rough range
)

// Day is a calendar day; it marshals to JSON as "YYYY-MM-DD", or null when
// unknown.
type Day struct{ time.Time }

// MarshalJSON writes the day as "YYYY-MM-DD".
func (d Day) MarshalJSON() ([]byte, error) {
	if d.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + d.Format(time.DateOnly) + `"`), nil
}

// String returns YYYY-MM-DD, or "" when unknown.
func (d Day) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// Date is a date or period named in the text, as an interval of days.
type Date struct {
	Span      Span      `json:"span"`
	Text      string    `json:"text"`
	Start     Day       `json:"start"` // first day, inclusive; null when unresolved
	End       Day       `json:"end"`   // last day, inclusive; null when unresolved
	Precision Precision `json:"precision"`
	// Relative is set when the interval was worked out from the document's
	// date (أمس, العام الماضي, or a month named without its year). Without
	// a document date such dates have no interval.
	Relative bool `json:"relative,omitempty"`
}

// Resolved reports whether the date has an interval.
func (d Date) Resolved() bool { return !d.Start.IsZero() }

var months = map[string]int{
	// Levantine and Iraqi names
	"كانون الثاني": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8,
	"ايلول": 9, "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الاول": 12,
	// Egyptian and Gulf names
	"يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7,
	"اغسطس": 8, "اغسطوس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
	// Maghrebi names
	"جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويليه": 7, "اوت": 8,
}

// ambiguousMonths are month names that are also common words (آب father,
// مارس practised, ماي): they count only beside a day, a year, شهر or the
// paired name.
var ambiguousMonths = setOf("اب", "مارس", "ماي", "اوت", "جوان")

var ordinals = map[string]int{
	"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7, "الثامن": 8,
	"التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12, "الثالث عشر": 13, "الرابع عشر": 14,
	"الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19,
	"العشرين": 20, "الحادي والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23,
	"الرابع والعشرين": 24, "الخامس والعشرين": 25, "السادس والعشرين": 26, "السابع والعشرين": 27,
	"الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30, "الحادي والثلاثين": 31,
	"اول": 1,
}

// Parts of a month or year: 1 early, 2 middle, 3 late.
var parts = map[string]int{
	"مطلع": 1, "اوائل": 1, "بدايه": 1, "بدايات": 1, "اول": 1, "مستهل": 1, "اوايل": 1,
	"منتصف": 2, "اواسط": 2, "وسط": 2,
	"اواخر": 3, "نهايه": 3, "اخر": 3, "اواخر شهر": 3, "ختام": 3,
}

var yearWords = setOf("عام", "سنه", "العام", "السنه", "عامي")

// yearContext are words after which a bare four-digit number is a year.
var yearContext = setOf("عام", "سنه", "العام", "السنه", "منذ", "في", "خلال", "حتي", "قبل", "بعد", "مطلع",
	"اواخر", "منتصف", "بدايه", "نهايه", "اوائل", "اواسط", "ربيع", "صيف", "خريف", "شتاء", "من", "الي", "عامي", "بين")

var weekdays = map[string]time.Weekday{
	"الاحد": time.Sunday, "الاثنين": time.Monday, "الثلاثاء": time.Tuesday, "الاربعاء": time.Wednesday,
	"الخميس": time.Thursday, "الجمعه": time.Friday, "السبت": time.Saturday,
}

// counts are number words before a unit: قبل ثلاثة أشهر.
var counts = map[string]int{
	"ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5, "سته": 6, "ست": 6, "سبعه": 7,
	"سبع": 7, "ثمانيه": 8, "ثماني": 8, "تسعه": 9, "تسع": 9, "عشره": 10, "عشر": 10,
}

// units of time after قبل/منذ, with the number the dual form implies.
var units = map[string]struct {
	unit string
	n    int
}{
	"يوم": {"d", 1}, "ايام": {"d", 0}, "يومين": {"d", 2}, "اسبوع": {"w", 1}, "اسابيع": {"w", 0},
	"اسبوعين": {"w", 2}, "شهر": {"m", 1}, "اشهر": {"m", 0}, "شهور": {"m", 0}, "شهرين": {"m", 2},
	"سنه": {"y", 1}, "سنوات": {"y", 0}, "سنين": {"y", 0}, "سنتين": {"y", 2}, "عام": {"y", 1},
	"اعوام": {"y", 0}, "عامين": {"y", 2},
}

// FindDates returns the dates in text, in text order. ref is the document's
// date, against which relative expressions are resolved; with a zero ref
// they are returned unresolved.
func FindDates(text string, ref time.Time) []Date {
	toks := tokenize(text)
	dp := dateParser{text: text, toks: toks, ref: ref}
	var out []Date
	for i := 0; i < len(toks); i++ {
		if !dp.mayStart(i) {
			continue
		}
		if d, last, ok := dp.rangeAt(i); ok {
			d.Span = Span{toks[i].start, toks[last].end}
			d.Text = text[d.Span.Start:d.Span.End]
			out = append(out, d)
			i = last
			continue
		}
		if d, last, ok := dp.at(i); ok {
			d.Span = Span{toks[i].start, toks[last].end}
			d.Text = text[d.Span.Start:d.Span.End]
			out = append(out, d)
			i = last
		}
	}
	return out
}

// dateStarts are the words a date expression can begin with, besides
// numbers: built once from the tables above.
var dateStarts = func() map[string]bool {
	m := map[string]bool{}
	first := func(s string) string {
		if i := strings.IndexByte(s, ' '); i >= 0 {
			return s[:i]
		}
		return s
	}
	for k := range months {
		m[first(k)] = true
	}
	for k := range ordinals {
		m[first(k)] = true
	}
	for k := range parts {
		m[first(k)] = true
	}
	for k := range weekdays {
		m[k] = true
	}
	for k := range yearWords {
		m[k] = true
	}
	for k := range timeOfDay {
		m[k] = true
	}
	for k := range seasons {
		m[k] = true
		m["ال"+k] = true // الشتاء الماضي
	}
	for _, w := range []string{"شهر", "امس", "الامس", "اول", "يوم", "اليوم", "هذا", "هذه", "الشهر", "الاسبوع",
		"قبل", "منذ", "الليله", "بين", "من", "موخرا", "الايام", "الاسابيع", "الاشهر", "الشهور", "السنوات",
		"الاعوام", "السنين", "الساعات"} {
		m[w] = true
	}
	return m
}()

// mayStart reports whether a date can begin at token i: a number, or a
// word of dateStarts with or without its proclitics.
func (p *dateParser) mayStart(i int) bool {
	t := p.toks[i]
	if t.class == 'd' {
		return true
	}
	if t.class != 'a' {
		return false
	}
	w := t.fold
	if dateStarts[w] {
		return true
	}
	if len(w) > 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		w = w[2:]
		if dateStarts[w] {
			return true
		}
	}
	return len(w) > 4 && (strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل")) && dateStarts[w[2:]]
}

type dateParser struct {
	text string
	toks []token
	ref  time.Time
}

// word returns token i's folded form, without a leading و or ف when the
// rest (or the rest without ب or ل) is a date word: ومطلع → مطلع, وبعد stays.
// It returns "" past the end.
func (p *dateParser) word(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	w := p.toks[i].fold
	if len(w) > 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		r := w[2:]
		if dateStarts[r] || len(r) > 4 && (strings.HasPrefix(r, "ب") || strings.HasPrefix(r, "ل")) && dateStarts[r[2:]] {
			return r
		}
	}
	return w
}

// gapOK reports whether only the given characters (and spaces) separate
// token i-1 from token i.
func (p *dateParser) gapOK(i int, allowed string) bool {
	if i <= 0 || i >= len(p.toks) {
		return false
	}
	for _, r := range p.text[p.toks[i-1].end:p.toks[i].start] {
		if r != ' ' && r != '\u00a0' && !strings.ContainsRune(allowed, r) {
			return false
		}
	}
	return true
}

// month reads a month name at i (with an optional preceding شهر and a
// paired name: آذار/ مارس, آذار (مارس)). It returns the month and the last
// token.
func (p *dateParser) month(i int) (m, last int, paired, named bool) {
	if i >= len(p.toks) {
		return 0, 0, false, false
	}
	w := p.word(i)
	if w == "شهر" || w == "بشهر" || w == "لشهر" {
		if !p.gapOK(i+1, "") {
			return 0, 0, false, false
		}
		m, last, paired, _ = p.month(i + 1)
		return m, last, paired, true
	}
	m, last = p.monthName(i)
	if m == 0 {
		return 0, 0, false, false
	}
	if j := last + 1; j < len(p.toks) && p.gapOK(j, "/()-–،,") {
		if m2, l2 := p.monthName(j); m2 == m {
			last, paired = l2, true
		}
	}
	return m, last, paired, false
}

func (p *dateParser) monthName(i int) (m, last int) {
	w := p.word(i)
	if i+1 < len(p.toks) && p.gapOK(i+1, "") {
		if m := months[w+" "+p.toks[i+1].fold]; m != 0 {
			return m, i + 1
		}
	}
	for _, s := range []string{w, strings.TrimPrefix(w, "ب"), strings.TrimPrefix(w, "ل")} {
		if s == "كانون" || s == "تشرين" {
			continue // needs الأول or الثاني
		}
		if m := months[s]; m != 0 {
			return m, i
		}
	}
	return 0, 0
}

// year reads a year at i: 2017, optionally followed by م.
func (p *dateParser) year(i int) (y, last int) {
	if i >= len(p.toks) || p.toks[i].class != 'd' {
		return 0, 0
	}
	w := p.toks[i].fold
	if len(w) != 4 {
		return 0, 0
	}
	y, _ = strconv.Atoi(w)
	if y < 1900 || y > 2100 {
		return 0, 0
	}
	last = i
	if i+1 < len(p.toks) && p.toks[i+1].fold == "م" && p.toks[i+1].start == p.toks[i].end || i+1 < len(p.toks) && p.toks[i+1].fold == "م" && p.gapOK(i+1, "") {
		last = i + 1
	}
	return y, last
}

// yearAfter reads the year after a month ending at token i-1: "[من] [عام|سنة]
// 2017" (a closing bracket may come first: تشرين الثاني (نوفمبر) العام 2015),
// or a relative year: العام الماضي, من العام الجاري, or الماضي alone (آذار
// الماضي: the latest March before the document date). rel reports a year
// worked out from the document date; y is 0 when none is given or it cannot
// be worked out.
func (p *dateParser) yearAfter(i, month int) (y, last int, rel bool) {
	j := i
	if j < len(p.toks) && p.toks[j].fold == "من" && p.gapOK(j, ")") {
		j++
	}
	if j < len(p.toks) && (p.word(j) == "العام" || p.word(j) == "السنه") && j+1 < len(p.toks) && p.gapOK(j, ")") && p.gapOK(j+1, "") {
		switch rw := p.toks[j+1].fold; {
		case pastWords[rw]:
			if p.ref.IsZero() {
				return 0, j + 1, true
			}
			return p.ref.Year() - 1, j + 1, true
		case currentWords[rw]:
			if p.ref.IsZero() {
				return 0, j + 1, true
			}
			return p.ref.Year(), j + 1, true
		case nextWords[rw]:
			if p.ref.IsZero() {
				return 0, j + 1, true
			}
			return p.ref.Year() + 1, j + 1, true
		case rw == "نفسه" || rw == "ذاته":
			// أيار من العام نفسه: the year the text named last.
			if y := p.yearBefore(i); y != 0 {
				return y, j + 1, false
			}
		}
	}
	if i < len(p.toks) && p.gapOK(i, ")") {
		switch rw := p.toks[i].fold; {
		case pastWords[rw]:
			if p.ref.IsZero() {
				return 0, i, true
			}
			y := p.ref.Year()
			if time.Month(month) >= p.ref.Month() {
				y--
			}
			return y, i, true
		}
	}
	if j < len(p.toks) && yearWords[p.word(j)] && p.gapOK(j, ")") {
		j++
	}
	if j < len(p.toks) && p.gapOK(j, "،,)") {
		if y, last := p.year(j); y != 0 {
			return y, last, false
		}
	}
	return 0, 0, false
}

// yearBefore returns the last year written in digits within 80 words
// before token i, or 0.
func (p *dateParser) yearBefore(i int) int {
	for k := i - 1; k >= 0 && k >= i-80; k-- {
		if y, _ := p.year(k); y != 0 {
			return y
		}
	}
	return 0
}

// day reads a day of the month at i: 19, ١٩, التاسع عشر.
func (p *dateParser) day(i int) (d, last int) {
	if i >= len(p.toks) {
		return 0, 0
	}
	t := p.toks[i]
	if t.class == 'd' {
		if len(t.fold) > 2 {
			return 0, 0
		}
		d, _ = strconv.Atoi(t.fold)
		if d < 1 || d > 31 {
			return 0, 0
		}
		return d, i
	}
	w := p.word(i)
	if i+1 < len(p.toks) && p.gapOK(i+1, "") {
		if d := ordinals[w+" "+p.toks[i+1].fold]; d != 0 {
			return d, i + 1
		}
	}
	if d := ordinals[w]; d != 0 && w != "اول" {
		return d, i
	}
	return 0, 0
}

func (p *dateParser) at(i int) (Date, int, bool) {
	if d, last, ok := p.numeric(i); ok {
		return d, last, true
	}
	if d, last, ok := p.dayMonth(i); ok {
		return d, last, true
	}
	if d, last, ok := p.firstMonths(i); ok {
		return d, last, true
	}
	if d, last, ok := p.partOf(i); ok {
		return d, last, true
	}
	if d, last, ok := p.monthYear(i); ok {
		return d, last, true
	}
	if d, last, ok := p.yearAlone(i); ok {
		return d, last, true
	}
	if d, last, ok := p.weekOfMonth(i); ok {
		return d, last, true
	}
	d, last, ok := p.relative(i)
	if ok && d.Precision == PrecisionDay && last+1 < len(p.toks) && p.gapOK(last+1, "،,") && p.namesWeekday(i, last) {
		// السبت الرابع من تشرين الثاني: the weekday stands before the
		// date it falls on; the explicit date wins and the span covers both.
		if d2, last2, ok2 := p.dayMonth(last + 1); ok2 {
			return d2, last2, true
		}
	}
	return d, last, ok
}

// namesWeekday reports whether a weekday is among tokens i..last.
func (p *dateParser) namesWeekday(i, last int) bool {
	for k := i; k <= last; k++ {
		if _, ok := weekdays[p.word(k)]; ok {
			return true
		}
	}
	return false
}

// weekOrdinals number the weeks of a month.
var weekOrdinals = map[string]int{"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الاخير": -1}

// weekOfMonth: الأسبوع الأول من جانفي الماضي, الأسبوع الأخير من شهر آذار.
func (p *dateParser) weekOfMonth(i int) (Date, int, bool) {
	w := p.word(i)
	w = strings.TrimPrefix(strings.TrimPrefix(w, "ب"), "ل")
	if w != "الاسبوع" || i+3 >= len(p.toks) || !p.gapOK(i+1, "") || !p.gapOK(i+2, "") || !p.gapOK(i+3, "") {
		return Date{}, 0, false
	}
	n, ok := weekOrdinals[p.toks[i+1].fold]
	if !ok || p.toks[i+2].fold != "من" {
		return Date{}, 0, false
	}
	d, last, ok := p.monthYear(i + 3)
	if !ok || d.Precision != PrecisionMonth {
		return Date{}, 0, false
	}
	if !d.Resolved() {
		return Date{Precision: PrecisionWeek, Relative: d.Relative}, last, true
	}
	s := d.Start.Time.AddDate(0, 0, 7*(n-1))
	e := s.AddDate(0, 0, 6)
	if n < 0 {
		e = d.End.Time
		s = e.AddDate(0, 0, -6)
	}
	return Date{Start: Day{s}, End: Day{e}, Precision: PrecisionWeek, Relative: d.Relative}, last, true
}

// dayMonth: [يوم الجمعة] 19 [من] [شهر] آذار/ مارس [من] [عام] 2017.
func (p *dateParser) dayMonth(i int) (Date, int, bool) {
	d, last := p.day(i)
	if d == 0 {
		return Date{}, 0, false
	}
	j := last + 1
	if j < len(p.toks) && p.toks[j].fold == "من" && p.gapOK(j, "") {
		j++
	}
	if !p.gapOK(j, "") {
		return Date{}, 0, false
	}
	if p.word(j) == "الشهر" && j+1 < len(p.toks) && p.gapOK(j+1, "") && !p.ref.IsZero() {
		// الرابع والعشرين من الشهر الماضي: a day of the month before the
		// document's, or of its own month.
		k := 0
		switch rw := p.toks[j+1].fold; {
		case pastWords[rw]:
			k = -1
		case currentWords[rw]:
		default:
			return Date{}, 0, false
		}
		first := time.Date(p.ref.Year(), p.ref.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
		t := first.AddDate(0, 0, d-1)
		if t.Month() != first.Month() {
			return Date{}, 0, false
		}
		return Date{Start: Day{t}, End: Day{t}, Precision: PrecisionDay, Relative: true}, j + 1, true
	}
	m, mlast, _, _ := p.month(j)
	if m == 0 {
		return Date{}, 0, false
	}
	last = mlast
	y, ylast, rel := p.yearAfter(mlast+1, m)
	switch {
	case ylast != 0:
		last = ylast
	default:
		y, rel = p.inferYear(m)
	}
	if y == 0 {
		return Date{Precision: PrecisionDay, Relative: true}, last, true
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(m) {
		return Date{}, 0, false // 31 شباط
	}
	return Date{Start: Day{t}, End: Day{t}, Precision: PrecisionDay, Relative: rel}, last, true
}

// inferYear gives a month named without its year the latest year, up to
// the document's date, in which that month has begun.
func (p *dateParser) inferYear(m int) (int, bool) {
	if p.ref.IsZero() {
		return 0, true
	}
	y := p.ref.Year()
	if time.Month(m) > p.ref.Month() {
		y--
	}
	return y, true
}

// monthYear: [شهر] آذار/ مارس [عام] 2017, or a month alone.
func (p *dateParser) monthYear(i int) (Date, int, bool) {
	m, last, paired, named := p.month(i)
	if m == 0 {
		return Date{}, 0, false
	}
	y, ylast, rel := p.yearAfter(last+1, m)
	if ylast == 0 && !paired && !named {
		// A month name alone: only unambiguous names, after في or منذ or
		// similar.
		w := p.word(i)
		afterPart := i > 0 && parts[p.word(i-1)] != 0 && p.gapOK(i, "")
		if (ambiguousMonths[w] || ambiguousMonths[strings.TrimPrefix(w, "ب")]) && !afterPart || !p.monthContext(i) {
			return Date{}, 0, false
		}
	}
	if ylast != 0 {
		last = ylast
	} else {
		y, rel = p.inferYear(m)
	}
	if y == 0 {
		return Date{Precision: PrecisionMonth, Relative: true}, last, true
	}
	start := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return Date{Start: Day{start}, End: Day{start.AddDate(0, 1, -1)}, Precision: PrecisionMonth, Relative: rel}, last, true
}

func (p *dateParser) monthContext(i int) bool {
	if i == 0 {
		return false
	}
	w := p.toks[i].fold
	if strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ف") {
		return true
	}
	switch p.word(i - 1) {
	case "في", "منذ", "خلال", "حتي", "من", "الي", "بين", "مطلع", "اواخر", "منتصف":
		return true
	}
	return false
}

// partOf: مطلع/منتصف/أواخر + month or year or العام الجاري.
func (p *dateParser) partOf(i int) (Date, int, bool) {
	w := p.word(i)
	part := 0
	for _, s := range []string{w, strings.TrimPrefix(w, "ب"), strings.TrimPrefix(w, "ل")} {
		if part = parts[s]; part != 0 {
			break
		}
	}
	if part == 0 {
		// الأيام الأولى من سبتمبر: the first days, as مطلع.
		if w == "الايام" && i+3 < len(p.toks) && p.gapOK(i+1, "") && p.gapOK(i+2, "") && p.toks[i+2].fold == "من" {
			switch p.toks[i+1].fold {
			case "الاولي":
				part = 1
			case "الاخيره":
				part = 3
			}
			if part != 0 && p.gapOK(i+3, "") {
				i += 2 // the month is read from i+3 below
			}
		}
		if part == 0 {
			return p.season(i)
		}
	}
	if i+1 >= len(p.toks) || !p.gapOK(i+1, "") {
		return Date{}, 0, false
	}
	if d, last, ok := p.monthYear(i + 1); ok && d.Precision == PrecisionMonth {
		if !d.Resolved() {
			return Date{Precision: PrecisionPartOfMonth, Relative: true}, last, true
		}
		s, e := d.Start.Time, d.End.Time
		switch part {
		case 1:
			e = s.AddDate(0, 0, 9)
		case 2:
			s, e = s.AddDate(0, 0, 10), s.AddDate(0, 0, 19)
		case 3:
			s = s.AddDate(0, 0, 20)
		}
		return Date{Start: Day{s}, End: Day{e}, Precision: PrecisionPartOfMonth, Relative: d.Relative}, last, true
	}
	var d Date
	var last int
	var ok bool
	if d, last, ok = p.yearAlone(i + 1); !ok || d.Precision != PrecisionYear {
		if d, last, ok = p.relative(i + 1); !ok || (d.Precision != PrecisionYear && d.Precision != PrecisionMonth) {
			// مطلع 2017 without عام
			y, l := p.year(i + 1)
			rel := false
			if y == 0 && (p.word(i+1) == "العام" || p.word(i+1) == "السنه") && !p.ref.IsZero() {
				y, l, rel = p.ref.Year(), i+1, true // منذ مطلع العام: this year
			}
			if y == 0 {
				return Date{}, 0, false
			}
			s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			d, last = Date{Start: Day{s}, End: Day{s.AddDate(1, 0, -1)}, Precision: PrecisionYear, Relative: rel}, l
		}
	}
	if !d.Resolved() {
		d.Precision = PrecisionPartOfYear
		return d, last, true
	}
	s := d.Start.Time
	if d.Precision == PrecisionMonth { // مطلع الشهر الماضي
		e := d.End.Time
		switch part {
		case 1:
			e = s.AddDate(0, 0, 9)
		case 2:
			s, e = s.AddDate(0, 0, 10), s.AddDate(0, 0, 19)
		case 3:
			s = s.AddDate(0, 0, 20)
		}
		return Date{Start: Day{s}, End: Day{e}, Precision: PrecisionPartOfMonth, Relative: d.Relative}, last, true
	}
	// Thirds of the year: January–April, May–August, September–December.
	s = s.AddDate(0, 4*(part-1), 0)
	return Date{Start: Day{s}, End: Day{s.AddDate(0, 4, -1)}, Precision: PrecisionPartOfYear, Relative: d.Relative}, last, true
}

// monthCounts are the counts of months in الأشهر الستة الأولى.
var monthCounts = map[string]int{"الثلاثه": 3, "الاربعه": 4, "السته": 6, "التسعه": 9}

// firstMonths: الأشهر الستة الأولى من العام الجاري (January to June), الأشهر
// الثلاثة الأخيرة من 2017 (October to December).
func (p *dateParser) firstMonths(i int) (Date, int, bool) {
	if w := p.word(i); w != "الاشهر" && w != "الشهور" || i+4 >= len(p.toks) {
		return Date{}, 0, false
	}
	for k := i + 1; k <= i+4; k++ {
		if !p.gapOK(k, "") {
			return Date{}, 0, false
		}
	}
	n := monthCounts[p.toks[i+1].fold]
	first := p.toks[i+2].fold == "الاولي"
	if n == 0 || !first && p.toks[i+2].fold != "الاخيره" || p.toks[i+3].fold != "من" {
		return Date{}, 0, false
	}
	var y, last int
	rel := false
	switch {
	case p.word(i+4) == "العام" || p.word(i+4) == "السنه":
		if i+5 >= len(p.toks) || p.ref.IsZero() {
			return Date{}, 0, false
		}
		switch rw := p.toks[i+5].fold; {
		case currentWords[rw]:
			y = p.ref.Year()
		case pastWords[rw]:
			y = p.ref.Year() - 1
		default:
			if y, last = p.year(i + 5); y == 0 {
				return Date{}, 0, false
			}
		}
		if last == 0 {
			last, rel = i+5, true
		}
	default:
		if y, last = p.year(i + 4); y == 0 {
			return Date{}, 0, false
		}
	}
	s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	if !first {
		s = s.AddDate(0, 12-n, 0)
	}
	return Date{Start: Day{s}, End: Day{s.AddDate(0, n, -1)}, Precision: PrecisionPartOfYear, Relative: rel}, last, true
}

// seasons start in the month given and last three months; winter starts in
// the December before the year named (شتاء 2015: December 2014–February 2015).
var seasons = map[string]int{"ربيع": 3, "صيف": 6, "خريف": 9, "شتاء": 12}

// season: خريف 2013, صيف العام 2015.
func (p *dateParser) season(i int) (Date, int, bool) {
	w := p.word(i)
	m := seasons[w]
	if m == 0 {
		m = seasons[strings.TrimPrefix(w, "ب")]
	}
	if m == 0 {
		// الشتاء الماضي, الصيف الجاري: the season before the document
		// date, or the one it falls in.
		if ms := seasons[strings.TrimPrefix(strings.TrimPrefix(w, "ب"), "ال")]; ms != 0 && strings.Contains(w, "ال") &&
			i+1 < len(p.toks) && p.gapOK(i+1, "") && !p.ref.IsZero() {
			return p.relativeSeason(ms, p.toks[i+1].fold, i+1)
		}
	}
	if m == 0 || i+1 >= len(p.toks) || !p.gapOK(i+1, "") {
		return Date{}, 0, false
	}
	j := i + 1
	if yearWords[p.word(j)] && j+1 < len(p.toks) && p.gapOK(j+1, "") {
		j++
	}
	y, last := p.year(j)
	rel := false
	if y == 0 && j > i+1 && !p.ref.IsZero() {
		// صيف العام الجاري, شتاء العام الماضي.
		switch rw := p.toks[j].fold; {
		case currentWords[rw]:
			y, last, rel = p.ref.Year(), j, true
		case pastWords[rw]:
			y, last, rel = p.ref.Year()-1, j, true
		}
	}
	if y == 0 {
		return Date{}, 0, false
	}
	if m == 12 {
		y--
	}
	s := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return Date{Start: Day{s}, End: Day{s.AddDate(0, 3, -1)}, Precision: PrecisionPartOfYear, Relative: rel}, last, true
}

// relativeSeason resolves a season named by the word after it: الماضي
// (the last one over before the document date) or الجاري/الحالي (the one
// the document date falls in).
func (p *dateParser) relativeSeason(m int, after string, last int) (Date, int, bool) {
	ref := time.Date(p.ref.Year(), p.ref.Month(), p.ref.Day(), 0, 0, 0, 0, time.UTC)
	past := false
	switch {
	case pastWords[after]:
		past = true
	case currentWords[after]:
	default:
		return Date{}, 0, false
	}
	for k := -1; k <= 2; k++ {
		s := time.Date(ref.Year()-k, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		e := s.AddDate(0, 3, -1)
		if past && e.Before(ref) || !past && !s.After(ref) && !e.Before(ref) {
			return Date{Start: Day{s}, End: Day{e}, Precision: PrecisionPartOfYear, Relative: true}, last, true
		}
	}
	return Date{}, 0, false
}

// yearAlone: عام 2017, في 2017, منذ 2014.
func (p *dateParser) yearAlone(i int) (Date, int, bool) {
	w := p.word(i)
	j := i
	if yearWords[w] || yearWords[strings.TrimPrefix(w, "ب")] || yearWords[strings.TrimPrefix(w, "ل")] {
		j = i + 1
		if !p.gapOK(j, "") {
			return Date{}, 0, false
		}
	} else if p.toks[i].class != 'd' || !p.yearContextAt(i-1) {
		return Date{}, 0, false
	}
	y, last := p.year(j)
	if y == 0 {
		return Date{}, 0, false
	}
	s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	return Date{Start: Day{s}, End: Day{s.AddDate(1, 0, -1)}, Precision: PrecisionYear}, last, true
}

func (p *dateParser) yearContextAt(i int) bool {
	if i < 0 || !p.gapOK(i+1, "") {
		return false
	}
	w := p.toks[i].fold
	return yearContext[w] || len(w) > 2 && (w[:2] == "و" || w[:2] == "ف") && yearContext[w[2:]]
}

// numeric: 19/3/2017, 2017-03-19, 19-03-2017.
func (p *dateParser) numeric(i int) (Date, int, bool) {
	if i+2 >= len(p.toks) || p.toks[i].class != 'd' || p.toks[i+1].class != 'd' || p.toks[i+2].class != 'd' {
		return Date{}, 0, false
	}
	sep := p.text[p.toks[i].end:p.toks[i+1].start]
	if (sep != "/" && sep != "-" && sep != ".") || p.text[p.toks[i+1].end:p.toks[i+2].start] != sep {
		return Date{}, 0, false
	}
	a, _ := strconv.Atoi(p.toks[i].fold)
	b, _ := strconv.Atoi(p.toks[i+1].fold)
	c, _ := strconv.Atoi(p.toks[i+2].fold)
	y, m, d := c, b, a
	if len(p.toks[i].fold) == 4 {
		y, m, d = a, b, c
	}
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return Date{}, 0, false
	}
	return Date{Start: Day{t}, End: Day{t}, Precision: PrecisionDay}, i + 2, true
}

// relative: أمس, العام الماضي, الشهر الجاري, قبل أشهر, قبل ثلاثة أيام,
// يوم الجمعة.
func (p *dateParser) relative(i int) (Date, int, bool) {
	w := p.word(i)
	next := func(k int) string {
		if i+k < len(p.toks) && p.gapOK(i+k, "") {
			return p.toks[i+k].fold
		}
		return ""
	}
	ref := p.ref
	out := func(prec Precision, s, e time.Time, last int) (Date, int, bool) {
		if ref.IsZero() {
			return Date{Precision: prec, Relative: true}, last, true
		}
		return Date{Start: Day{s}, End: Day{e}, Precision: prec, Relative: true}, last, true
	}
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	yearStart := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	monthStart := func(k int) time.Time {
		return time.Date(ref.Year(), ref.Month()+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
	}
	// A weekday: يوم الجمعة, اليوم الأحد, مساء الخميس, الثلاثاء الماضي, or
	// alone between commas as news datelines write it (أعلنت الوزارة،
	// الأحد، ...).
	wdLast, wdOK := i, false
	wd, isDay := weekdays[w]
	past := false // الثلاثاء الماضي: the last such weekday before the document's day
	switch {
	case isDay:
		past = pastWords[next(1)] // الجمعة الماضية too, as often written
		wdOK = p.commaNear(i) || past
		if past {
			wdLast = i + 1
		}
	case timeOfDay[w] || w == "اليوم":
		if d, ok := weekdays[next(1)]; ok {
			wd, wdLast, wdOK = d, i+1, true
		} else if timeOfDay[w] && (next(1) == "اليوم" || next(1) == "امس") {
			d := ref
			if next(1) == "امس" {
				d = ref.AddDate(0, 0, -1)
			}
			return out(PrecisionDay, d, d, i+1)
		}
	}
	if wdOK {
		back := (int(ref.Weekday()) - int(wd) + 7) % 7
		if past && back == 0 {
			back = 7
		}
		d := ref.AddDate(0, 0, -back)
		return out(PrecisionDay, d, d, wdLast)
	}
	switch w {
	case "الليله":
		switch next(1) {
		case "الماضيه", "الفايته", "المنصرمه":
			return out(PrecisionDay, ref.AddDate(0, 0, -1), ref, i+1)
		}
	case "امس", "بالامس", "الامس":
		return out(PrecisionDay, ref.AddDate(0, 0, -1), ref.AddDate(0, 0, -1), i)
	case "اول":
		if next(1) == "امس" {
			return out(PrecisionDay, ref.AddDate(0, 0, -2), ref.AddDate(0, 0, -2), i+1)
		}
		if next(1) == "من" && next(2) == "امس" {
			return out(PrecisionDay, ref.AddDate(0, 0, -2), ref.AddDate(0, 0, -2), i+2)
		}
	case "يوم":
		if next(1) == "امس" {
			return out(PrecisionDay, ref.AddDate(0, 0, -1), ref.AddDate(0, 0, -1), i+1)
		}
		if wd, ok := weekdays[next(1)]; ok {
			back := (int(ref.Weekday()) - int(wd) + 7) % 7
			d := ref.AddDate(0, 0, -back)
			last := i + 1
			if next(2) == "الماضي" {
				if back == 0 {
					d = d.AddDate(0, 0, -7)
				}
				last = i + 2
			}
			return out(PrecisionDay, d, d, last)
		}
	case "العام", "السنه", "هذا", "هذه":
		n := next(1)
		if w == "هذا" && n == "العام" || w == "هذه" && n == "السنه" {
			return out(PrecisionYear, yearStart(ref.Year()), yearStart(ref.Year()+1).AddDate(0, 0, -1), i+1)
		}
		switch {
		case currentWords[n]:
			return out(PrecisionYear, yearStart(ref.Year()), yearStart(ref.Year()+1).AddDate(0, 0, -1), i+1)
		case pastWords[n]:
			return out(PrecisionYear, yearStart(ref.Year()-1), yearStart(ref.Year()).AddDate(0, 0, -1), i+1)
		case nextWords[n]:
			return out(PrecisionYear, yearStart(ref.Year()+1), yearStart(ref.Year()+2).AddDate(0, 0, -1), i+1)
		}
	case "الشهر":
		switch rw := next(1); {
		case currentWords[rw]:
			return out(PrecisionMonth, monthStart(0), monthStart(1).AddDate(0, 0, -1), i+1)
		case pastWords[rw]:
			return out(PrecisionMonth, monthStart(-1), monthStart(0).AddDate(0, 0, -1), i+1)
		case nextWords[rw]:
			return out(PrecisionMonth, monthStart(1), monthStart(2).AddDate(0, 0, -1), i+1)
		}
	case "الاسبوع":
		// Calendar weeks, Monday to Sunday (ISO 8601): last week is the
		// whole week before the document's, this week runs to its date.
		monday := ref.AddDate(0, 0, -((int(ref.Weekday()) + 6) % 7))
		switch rw := next(1); {
		case pastWords[rw]:
			return out(PrecisionWeek, monday.AddDate(0, 0, -7), monday.AddDate(0, 0, -1), i+1)
		case currentWords[rw]:
			return out(PrecisionWeek, monday, ref, i+1)
		}
	case "قبل", "منذ":
		return p.ago(i, out, ref)
	case "موخرا":
		return out(PrecisionVague, ref.AddDate(0, -3, 0), ref, i)
	case "الايام", "الاسابيع", "الاشهر", "الشهور", "السنوات", "الاعوام", "السنين", "الساعات":
		n := next(1)
		last := i + 1
		if n == "القليله" && next(2) == "الماضيه" {
			n, last = "الماضيه", i+2
		}
		if n != "الماضيه" && n != "الاخيره" && n != "المنصرمه" && n != "الفايته" {
			break
		}
		back := map[string]func(time.Time) time.Time{
			"الساعات":  func(t time.Time) time.Time { return t.AddDate(0, 0, -1) },
			"الايام":   func(t time.Time) time.Time { return t.AddDate(0, 0, -7) },
			"الاسابيع": func(t time.Time) time.Time { return t.AddDate(0, 0, -35) },
			"الاشهر":   func(t time.Time) time.Time { return t.AddDate(0, -6, 0) },
			"الشهور":   func(t time.Time) time.Time { return t.AddDate(0, -6, 0) },
			"السنوات":  func(t time.Time) time.Time { return t.AddDate(-5, 0, 0) },
			"الاعوام":  func(t time.Time) time.Time { return t.AddDate(-5, 0, 0) },
			"السنين":   func(t time.Time) time.Time { return t.AddDate(-5, 0, 0) },
		}[w]
		return out(PrecisionVague, back(ref), ref, last)
	}
	return Date{}, 0, false
}

// throughWords before عامي make its two years one period.
var throughWords = setOf("خلال", "طيله", "طوال")

// rangeAt reads a period given by its two ends: بين عامي 2014 و2017, من
// آذار 2018 إلى أيار 2019, بين 12 و15 آذار 2019. The interval runs from the
// start of the first to the end of the second, at the coarser precision.
func (p *dateParser) rangeAt(i int) (Date, int, bool) {
	w := p.word(i)
	if w != "بين" && w != "من" && w != "منذ" && w != "عامي" && w != "سنتي" {
		return Date{}, 0, false
	}
	// خلال عامي 2015 و2016 (through the two years) pairs like بين; a bare
	// عامي 2019 و2022 after two events is each in its year.
	if (w == "عامي" || w == "سنتي") && (i == 0 || !throughWords[p.word(i-1)]) {
		return Date{}, 0, false
	}
	pair := w == "بين" || w == "عامي" || w == "سنتي"
	j := i + 1
	if j >= len(p.toks) || !p.gapOK(j, "") {
		return Date{}, 0, false
	}
	// بين 12 و15 آذار 2019: two days sharing a month.
	if d1, l1 := p.day(j); d1 != 0 && p.toks[j].class == 'd' && l1+2 < len(p.toks) && p.toks[l1+1].fold == "و" {
		if d2, _ := p.day(l1 + 2); d2 != 0 && p.toks[l1+2].class == 'd' {
			if d, last, ok := p.dayMonth(l1 + 2); ok && d.Resolved() && d2 > d1 {
				s := d.Start.AddDate(0, 0, d1-d2)
				return Date{Start: Day{s}, End: d.End, Precision: PrecisionDay, Relative: d.Relative}, last, true
			}
		}
	}
	if w == "بين" && (p.word(j) == "عامي" || p.word(j) == "سنتي") {
		j++
	}
	d1, l1, ok := p.at(j)
	if !ok || !d1.Resolved() || d1.Relative {
		return Date{}, 0, false
	}
	k := l1 + 1
	if k >= len(p.toks) {
		return Date{}, 0, false
	}
	sep := p.toks[k].fold
	switch {
	case pair && sep == "و":
		k++
	case !pair && (sep == "الي" || sep == "حتي" || sep == "لغايه"):
		k++
	case p.gapOK(k, "-–"):
		// 2014-2017
	default:
		return Date{}, 0, false
	}
	if k >= len(p.toks) {
		return Date{}, 0, false
	}
	d2, l2, ok := p.at(k)
	if !ok && p.toks[k].class == 'd' {
		if y, last := p.year(k); y != 0 {
			s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			d2, l2, ok = Date{Start: Day{s}, End: Day{s.AddDate(1, 0, -1)}, Precision: PrecisionYear}, last, true
		}
	}
	if !ok || !d2.Resolved() || d2.End.Before(d1.Start.Time) {
		return Date{}, 0, false
	}
	prec := d1.Precision
	if rank[d2.Precision] > rank[prec] {
		prec = d2.Precision
	}
	return Date{Start: d1.Start, End: d2.End, Precision: prec, Relative: d2.Relative}, l2, true
}

// rank orders precisions from fine to coarse.
var rank = map[Precision]int{PrecisionDay: 0, PrecisionWeek: 1, PrecisionPartOfMonth: 2, PrecisionMonth: 3,
	PrecisionPartOfYear: 4, PrecisionYear: 5, PrecisionVague: 6}

// timeOfDay are the parts of a day named before a weekday: مساء الخميس.
var timeOfDay = setOf("صباح", "مساء", "ليل", "ليله", "فجر", "ظهر", "عصر", "صباحا", "مساءا")

// commaNear reports whether a comma or a full stop touches token i on
// either side: the dateline form "قالت الوزارة، الأحد، إن".
func (p *dateParser) commaNear(i int) bool {
	has := func(s string) bool { return strings.ContainsAny(s, "،,.") }
	before, after := "", ""
	if i > 0 {
		before = p.text[p.toks[i-1].end:p.toks[i].start]
	}
	if i+1 < len(p.toks) {
		after = p.text[p.toks[i].end:p.toks[i+1].start]
	} else {
		after = p.text[p.toks[i].end:]
	}
	return has(before) && has(after)
}

// ago reads قبل أشهر, منذ ثلاثة أيام, قبل 5 سنوات, قبل عامين.
func (p *dateParser) ago(i int, out func(Precision, time.Time, time.Time, int) (Date, int, bool), ref time.Time) (Date, int, bool) {
	j := i + 1
	if j >= len(p.toks) || !p.gapOK(j, "") {
		return Date{}, 0, false
	}
	n := 0
	if p.toks[j].class == 'd' {
		n, _ = strconv.Atoi(p.toks[j].fold)
		if n < 1 || n > 100 {
			return Date{}, 0, false
		}
		j++
	} else if c := counts[p.toks[j].fold]; c != 0 {
		n = c
		j++
	}
	if j >= len(p.toks) || !p.gapOK(j, "") {
		return Date{}, 0, false
	}
	u, ok := units[p.toks[j].fold]
	if !ok {
		return Date{}, 0, false
	}
	if n == 0 && j+1 < len(p.toks) && p.toks[j+1].class == 'd' {
		return Date{}, 0, false // منذ عام 2017: the year named, not a year ago
	}
	if n == 0 {
		n = u.n
	}
	if n == 0 { // a plural without a number: a rough range
		switch u.unit {
		case "d":
			return out(PrecisionVague, ref.AddDate(0, 0, -10), ref.AddDate(0, 0, -2), j)
		case "w":
			if stripConj(p.toks[i].fold) == "منذ" {
				// يتحصنون منذ أسابيع: for weeks, up to now
				return out(PrecisionVague, ref.AddDate(0, 0, -35), ref, j)
			}
			return out(PrecisionVague, ref.AddDate(0, 0, -70), ref.AddDate(0, 0, -14), j)
		case "m":
			return out(PrecisionVague, ref.AddDate(0, -11, 0), ref.AddDate(0, -2, 0), j)
		default:
			return out(PrecisionVague, ref.AddDate(-10, 0, 0), ref.AddDate(-2, 0, 0), j)
		}
	}
	switch u.unit {
	case "d":
		d := ref.AddDate(0, 0, -n)
		return out(PrecisionDay, d, d, j)
	case "w":
		d := ref.AddDate(0, 0, -7*n)
		return out(PrecisionWeek, d.AddDate(0, 0, -3), d.AddDate(0, 0, 3), j)
	case "m":
		s := time.Date(ref.Year(), ref.Month()-time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return out(PrecisionMonth, s, s.AddDate(0, 1, -1), j)
	default:
		s := time.Date(ref.Year()-n, 1, 1, 0, 0, 0, 0, time.UTC)
		return out(PrecisionYear, s, s.AddDate(1, 0, -1), j)
	}
}

// The words after a period that place it before the document date, in it,
// or after it (folded: الفائت is الفايت), one set each so that every rule
// of relative dates reads the same words.
var (
	pastWords    = setOf("الماضي", "المنصرم", "الفايت", "الماضيه", "المنصرمه", "الفايته")
	currentWords = setOf("الجاري", "الحالي", "الجاريه", "الحاليه")
	nextWords    = setOf("المقبل", "القادم", "المقبله", "القادمه")
)
