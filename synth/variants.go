package synth

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/names"
)

// The variant makers below turn a name into the forms the same person's
// name takes in other records. Each reports false when the name has no
// such form (a name without an article has nothing to drop), so that an
// evaluation never counts an unchanged name as a variant.

// Keyboard rows, for typos of a neighbouring key. The Arabic rows are the
// standard Arabic (101) layout without the لا key.
var keyRows = []string{
	"ضصثقفغعهخحجد", "شسيبلاتنمكط", "ئءؤرىةوزظ",
	"qwertyuiop", "asdfghjkl", "zxcvbnm",
}

// neighbours maps a key to the keys beside, above and below it.
var neighbours = func() map[rune][]rune {
	m := map[rune][]rune{}
	rows := make([][]rune, len(keyRows))
	for i, s := range keyRows {
		rows[i] = []rune(s)
	}
	for i, row := range rows {
		sameScript := func(j int) bool { return j >= 0 && j < len(rows) && (j < 3) == (i < 3) }
		for k, c := range row {
			for _, dj := range []int{-1, 0, 1} {
				j := i + dj
				if !sameScript(j) {
					continue
				}
				for dk := -1; dk <= 1; dk++ {
					if dj == 0 && dk == 0 {
						continue
					}
					if kk := k + dk; kk >= 0 && kk < len(rows[j]) {
						m[c] = append(m[c], rows[j][kk])
					}
				}
			}
		}
	}
	return m
}()

// Typo makes one keystroke edit of a name: a neighbouring key instead of
// the right one, a letter left out, a letter typed twice or a neighbour
// slipped in, or two letters swapped. Only letters are touched, so the
// words stay where they were. It reports false for a name too short to
// misspell (fewer than three letters).
func Typo(r *rand.Rand, name string) (string, bool) {
	rs := []rune(name)
	var letters []int
	for i, c := range rs {
		if unicode.IsLetter(c) {
			letters = append(letters, i)
		}
	}
	if len(letters) < 3 {
		return name, false
	}
	for range 16 {
		p := letters[r.IntN(len(letters))]
		c := unicode.ToLower(rs[p])
		out := make([]rune, 0, len(rs)+1)
		switch pick(r, 40, 25, 20, 15) {
		case 0: // neighbouring key
			ns := neighbours[c]
			if len(ns) == 0 {
				continue
			}
			n := ns[r.IntN(len(ns))]
			if unicode.IsUpper(rs[p]) {
				n = unicode.ToUpper(n)
			}
			out = append(append(append(out, rs[:p]...), n), rs[p+1:]...)
		case 1: // left out
			out = append(append(out, rs[:p]...), rs[p+1:]...)
		case 2: // typed twice, or a neighbour slipped in after it
			extra := c
			if ns := neighbours[c]; len(ns) > 0 && chance(r, 0.5) {
				extra = ns[r.IntN(len(ns))]
			}
			if unicode.IsUpper(rs[p]) {
				extra = unicode.ToUpper(extra)
			}
			out = append(append(append(out, rs[:p+1]...), extra), rs[p+1:]...)
		default: // swapped with the next letter of the same word
			if p+1 >= len(rs) || !unicode.IsLetter(rs[p+1]) || rs[p+1] == rs[p] {
				continue
			}
			out = append(out, rs...)
			out[p], out[p+1] = out[p+1], out[p]
		}
		if s := string(out); s != name {
			return s, true
		}
	}
	return name, false
}

// units splits a name into name units: a compound such as عبد الرحمن, أبو
// بكر, نور الدين, "Abd al-Rahman" or "Abu Bakr", or a lone article before
// its word ("al Jubouri"), stays one unit.
func units(name string) []string {
	ws := strings.Fields(name)
	var us []string
	for i := 0; i < len(ws); i++ {
		u := ws[i]
		for i+1 < len(ws) && (joinsNext(ws[i]) || joinsPrev(ws[i+1])) {
			i++
			u += " " + ws[i]
		}
		us = append(us, u)
	}
	return us
}

// joinsNext reports words that begin a compound: عبد، أبو، أم، بن and
// their Latin forms, and a free-standing article.
func joinsNext(w string) bool {
	switch foldArabic(w) {
	case "عبد", "ابو", "ام", "بن", "ابن", "بنت", "العبد":
		return true
	}
	switch strings.ToLower(strings.TrimLeft(w, "ʿ'")) {
	case "abd", "abdul", "abdel", "abu", "abou", "umm", "um", "bin", "ibn", "bint", "al", "el", "al-abd":
		return true
	}
	return false
}

// joinsPrev reports words that end a compound: الله، الدين and their Latin
// forms.
func joinsPrev(w string) bool {
	switch foldArabic(w) {
	case "الله", "الدين":
		return true
	}
	l := strings.ToLower(w)
	return l == "allah" || l == "allāh" || strings.HasSuffix(l, "-din") || strings.HasSuffix(l, "-dīn") ||
		strings.HasSuffix(l, "-deen") || l == "eddine" || l == "uddin"
}

// Shorten keeps the first and the last name unit (given name and family),
// as forms with little room do. It needs at least three units.
func Shorten(name string) (string, bool) {
	us := units(name)
	if len(us) < 3 {
		return name, false
	}
	return us[0] + " " + us[len(us)-1], true
}

// Reorder puts the last unit first, as lists sorted by family do:
// "AL-JUBOURI, Mohammed Ali" (upper case family in Latin script) or
// "الجبوري، محمد علي". It needs at least two units.
func Reorder(name string) (string, bool) {
	us := units(name)
	if len(us) < 2 {
		return name, false
	}
	last, rest := us[len(us)-1], strings.Join(us[:len(us)-1], " ")
	if isArabicWord(last) {
		return last + "، " + rest, true
	}
	return strings.ToUpper(last) + ", " + rest, true
}

// DropArticle removes the article of the last unit (the family or nisba),
// as many databases and forms do: الجبوري → جبوري, "al-Jubouri" →
// "Jubouri", "Al Jbouri" → "Jbouri". It reports false when the last unit
// has no article.
func DropArticle(name string) (string, bool) {
	us := units(name)
	if len(us) == 0 {
		return name, false
	}
	last := us[len(us)-1]
	ws := strings.Fields(last)
	w := ws[0]
	var out string
	switch {
	case len(ws) > 1 && (strings.EqualFold(w, "al") || strings.EqualFold(w, "el")):
		out = strings.Join(ws[1:], " ")
	case strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) > 3 && foldArabic(w) != "الله":
		ws[0] = strings.TrimPrefix(w, "ال")
		out = strings.Join(ws, " ")
	default:
		rest, ok := cutLatinArticle(w)
		if !ok {
			return name, false
		}
		ws[0] = rest
		out = strings.Join(ws, " ")
	}
	us[len(us)-1] = out
	return strings.Join(us, " "), true
}

// cutLatinArticle removes al-, el-, the assimilated forms (ad-, as-, ash-,
// ...) and a joined Al before a capital ("AlJubouri").
func cutLatinArticle(w string) (string, bool) {
	if i := strings.IndexByte(w, '-'); i >= 2 && i <= 3 && i+1 < len(w) {
		a := strings.ToLower(w[:i])
		if (a[0] == 'a' || a[0] == 'e') && (a == "al" || a == "el" || strings.ContainsRune("dnrstz", rune(a[1])) || a == "ash" || a == "adh" || a == "ath") {
			return capitalize(w[i+1:]), true
		}
	}
	if len(w) > 3 && (strings.HasPrefix(w, "Al") || strings.HasPrefix(w, "El")) {
		if r, _ := utf8.DecodeRuneInString(w[2:]); unicode.IsUpper(r) {
			return w[2:], true
		}
	}
	return w, false
}

// Transliterate writes an Arabic name in Latin letters in the habit h; see
// Romanize. It reports false for a name with no Arabic in it.
func Transliterate(name string, h Habit) (string, bool) {
	if !isArabicWord(name) {
		return name, false
	}
	return Romanize(name, h), true
}

// Brother returns the parts and birth year of a brother (or, for a woman,
// a sister) of the person with the given parts: the same father,
// grandfather and family, another given name of the same sex, and a birth
// year one to five years apart (0 stays 0: unknown). A Latin given name is
// replaced by a Latin one. An unknown gender is taken as male, as most
// listed persons are men. Brothers are the hardest innocent namesakes a
// screening system meets: only the given name and the date tell them apart.
func Brother(r *rand.Rand, parts athar.NameParts, gender athar.Gender, birthYear int) (athar.NameParts, int) {
	t := loadTables()
	es, s := t.male, t.maleS
	if gender == athar.GenderFemale {
		es, s = t.female, t.femaleS
	}
	latin := parts.Given != "" && !isArabicWord(parts.Given)
	h := Habits[r.IntN(2)] // English or popular: the spellings of lists and passports
	for range 32 {
		e := es[s.draw(r)]
		cand := e.ar
		if latin {
			cand = renderPivot(strings.Fields(e.pivot), h)
		}
		if sameGiven(cand, parts.Given, e) || sameGiven(cand, parts.Father, e) {
			continue
		}
		if latin && parts.Given == strings.ToUpper(parts.Given) {
			cand = strings.ToUpper(cand) // lists that write names in capitals
		}
		parts.Given = cand
		break
	}
	if birthYear != 0 {
		d := 1 + r.IntN(5)
		if chance(r, 0.5) {
			d = -d
		}
		birthYear += d
	}
	return parts, birthYear
}

// BrotherName returns the full name of a brother (or sister) of the person
// with the given full name, in its natural order (given name first): the
// first name unit is replaced as Brother does and the nasab and family are
// kept word for word. It also returns the sibling's birth year (see
// Brother). It reports false for a name of fewer than two units, which has
// no nasab to share.
func BrotherName(r *rand.Rand, name string, gender athar.Gender, birthYear int) (string, int, bool) {
	us := units(name)
	if len(us) < 2 {
		return name, birthYear, false
	}
	p, y := Brother(r, athar.NameParts{Given: us[0], Father: us[1]}, gender, birthYear)
	us[0] = p.Given
	return strings.Join(us, " "), y, true
}

// sameGiven reports whether a candidate name is the given one, in any
// spelling the romaniser knows or one the names package takes for the same
// name (Akhmed for Ahmed): a brother has another name, not another spelling.
func sameGiven(cand, given string, e entry) bool {
	if given == "" {
		return false
	}
	if foldArabic(cand) == foldArabic(given) {
		return true
	}
	if a, b := names.Analyze(cand), names.Analyze(given); len(a.Units) == 1 && len(b.Units) == 1 {
		if sim, _ := names.UnitSimilarity(&a.Units[0], &b.Units[0]); sim >= names.StrongMatch {
			return true
		}
	}
	if isArabicWord(given) {
		return false
	}
	g := strings.ToLower(given)
	for _, h := range Habits {
		if strings.ToLower(renderPivot(strings.Fields(e.pivot), h)) == g {
			return true
		}
	}
	return false
}

// BrotherOf returns a brother or sister of a generated person: the same
// father, grandfather, family and mother, another given name, a birth year
// a few years apart in the same precision, the same nationality and birth
// place, and no identity documents (a sibling's numbers are his own). The
// id gets the suffix "-sib".
func BrotherOf(r *rand.Rand, rec Record) Record {
	parts := athar.NameParts{Given: rec.GivenName, Father: rec.FatherName, Grandfather: rec.GrandfatherName, Family: rec.FamilyName}
	np, year := Brother(r, parts, athar.Gender(rec.Gender), rec.BirthYear())
	b := rec
	b.ID = rec.ID + "-sib"
	b.GivenName = np.Given
	b.Name = JoinName(np)
	b.Kunya = ""
	b.Documents = nil
	b.Nationality = append([]string(nil), rec.Nationality...)
	if year != 0 {
		b.BirthDate = pad(uint64(year), 4) + rec.BirthDate[4:]
		if strings.HasSuffix(b.BirthDate, "-02-29") {
			b.BirthDate = b.BirthDate[:len(b.BirthDate)-2] + "28"
		}
	}
	if rec.NameLatin != "" {
		b.NameLatin = Romanize(b.Name, rec.Habit)
	}
	return b
}

// JoinName writes name parts in the order of Iraqi and Syrian records:
// given, father, grandfather, family.
func JoinName(p athar.NameParts) string {
	var ws []string
	for _, s := range []string{p.Given, p.Father, p.Grandfather, p.Family} {
		if s != "" {
			ws = append(ws, s)
		}
	}
	return strings.Join(ws, " ")
}

// VariantKind names a kind of name variant, for evaluations that report
// recall per kind.
type VariantKind string

const (
	VariantTypo         VariantKind = "typo"
	VariantNoArticle    VariantKind = "no_article"
	VariantShort        VariantKind = "short"
	VariantReordered    VariantKind = "reordered"
	VariantTranslit     VariantKind = "translit"
	VariantTranslitTypo VariantKind = "translit_typo"
)

// VariantKinds lists every kind, in a fixed order.
var VariantKinds = []VariantKind{VariantTypo, VariantNoArticle, VariantShort, VariantReordered, VariantTranslit, VariantTranslitTypo}

// Variant makes a variant of the kind k, drawing what it must (the typo,
// the habit of a transliteration) from r. It reports false when the name
// has no variant of that kind, for an unknown kind among them.
func Variant(r *rand.Rand, k VariantKind, name string) (string, bool) {
	switch k {
	case VariantTypo:
		return Typo(r, name)
	case VariantNoArticle:
		return DropArticle(name)
	case VariantShort:
		return Shorten(name)
	case VariantReordered:
		return Reorder(name)
	case VariantTranslit:
		return Transliterate(name, Habits[r.IntN(len(Habits))])
	case VariantTranslitTypo:
		s, ok := Transliterate(name, Habits[r.IntN(len(Habits))])
		if !ok {
			return name, false
		}
		return Typo(r, s)
	}
	return name, false
}
