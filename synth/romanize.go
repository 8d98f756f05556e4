package synth

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Habit is a way of writing Arabic names in Latin letters. Border and camp
// records hold names as clerks, passports and foreign services wrote them,
// so one name comes in several spellings; each habit is one consistent
// spelling system as found in practice.
type Habit int

const (
	// HabitEnglish is the simplified scholarly spelling of the press and the
	// UN list: Muhammad Husayn al-Juburi, Ja'far.
	HabitEnglish Habit = iota
	// HabitPopular is the common English spelling of passports and forms:
	// Mohammed Hussein Al-Jubouri, Saeed, Abdul Rahman.
	HabitPopular
	// HabitFrench is the French and Maghrebi spelling: Mohamed Houssein
	// El-Djoubouri, ch for ش, dj for ج, ou for و, Abdelkader.
	HabitFrench
	// HabitIraqi is the Iraqi colloquial spelling: g for ق, oo and ee for
	// long vowels, the article joined: Mohammed Hussain Aljuboori, Gasim.
	HabitIraqi
	// HabitLevantine is the Syrian and Lebanese spelling: z for ذ, s for ث,
	// the first short vowel of a nisba dropped, the article apart:
	// Mohammad Hussein Al Jbouri, Munzer, Haisam.
	HabitLevantine
	// HabitAcademic is the transliteration of libraries and scholars, with
	// diacritics: Muḥammad Ḥusayn al-Jubūrī, ʿAbd al-Raḥmān.
	HabitAcademic
)

// Habits lists every habit, in a fixed order.
var Habits = []Habit{HabitEnglish, HabitPopular, HabitFrench, HabitIraqi, HabitLevantine, HabitAcademic}

var habitNames = [...]string{"english", "popular", "french", "iraqi", "levantine", "academic"}

func (h Habit) String() string {
	if h < 0 || int(h) >= len(habitNames) {
		return "unknown"
	}
	return habitNames[h]
}

// The pivot notation spells a vocalised Arabic word in ASCII, one character
// a sound, so that every habit can be derived from it:
//
//	' ء  b ب  t ت  c ث  j ج  H ح  x خ  d د  v ذ  r ر  z ز  s س  C ش  S ص
//	D ض  T ط  Z ظ  3 ع  G غ  f ف  q ق  k ك  l ل  m م  n ن  h ه  w و  y ي
//	a i u short vowels, A I U long vowels, @ the ta marbuta after its a,
//	a doubled consonant is a shadda, "al-" the article.

// overrides are names whose spelling in a habit is conventional rather than
// derived (nobody writes Muhammad as "Mohammad" by rule).
var overrides = map[string][6]string{
	"muHammad": {"Muhammad", "Mohammed", "Mohamed", "Mohammed", "Mohammad", "Muḥammad"},
	"'aHmad":   {"Ahmad", "Ahmed", "Ahmed", "Ahmed", "Ahmad", "Aḥmad"},
	"Husayn":   {"Husayn", "Hussein", "Houssein", "Hussain", "Hussein", "Ḥusayn"},
	"Hasan":    {"Hasan", "Hassan", "Hassan", "Hasan", "Hassan", "Ḥasan"},
	"3umar":    {"Umar", "Omar", "Omar", "Omar", "Omar", "ʿUmar"},
	"3ucmAn":   {"Uthman", "Othman", "Othmane", "Othman", "Osman", "ʿUthmān"},
	"yUsuf":    {"Yusuf", "Yousef", "Youssef", "Yousif", "Youssef", "Yūsuf"},
	"muSTafA":  {"Mustafa", "Mustafa", "Moustafa", "Mustafa", "Mostafa", "Muṣṭafā"},
	"maHmUd":   {"Mahmud", "Mahmoud", "Mahmoud", "Mahmood", "Mahmoud", "Maḥmūd"},
	"'ibrAhIm": {"Ibrahim", "Ibrahim", "Brahim", "Ibraheem", "Ibrahim", "Ibrāhīm"},
	"xAlid":    {"Khalid", "Khaled", "Khaled", "Khalid", "Khaled", "Khālid"},
	"jAsim":    {"Jasim", "Jassim", "Djassem", "Jasim", "Jassem", "Jāsim"},
	"sa3Id":    {"Sa'id", "Saeed", "Said", "Saeed", "Saeed", "Saʿīd"},
	"'usAma@":  {"Usama", "Osama", "Oussama", "Usama", "Osama", "Usāmah"},
	"3abd":     {"Abd", "Abd", "Abd", "Abd", "Abd", "ʿAbd"},
}

// allah is how each habit writes عبد الله as one given name.
var abdallah = [6]string{"Abdallah", "Abdullah", "Abdallah", "Abdulla", "Abdullah", "ʿAbd Allāh"}

// Romanize writes an Arabic name in Latin letters in the given habit. Words
// in the synth tables are written from their known vocalisation; other
// words get a guessed one (consonants with a supplied a), which is crude but
// keeps every output pronounceable. Non-Arabic words pass unchanged.
func Romanize(name string, h Habit) string {
	return renderPivot(toPivot(name), h)
}

// toPivot turns an Arabic name into pivot words. Latin words are kept with
// a leading '#' so that renderPivot passes them through.
func toPivot(name string) []string {
	t := loadTables()
	ws := strings.Fields(stripMarks(name))
	var out []string
	for i := 0; i < len(ws); i++ {
		if !isArabicWord(ws[i]) {
			out = append(out, "#"+ws[i])
			continue
		}
		if i+1 < len(ws) {
			if p, ok := t.tokens[foldArabic(ws[i]+" "+ws[i+1])]; ok {
				out = append(out, strings.Fields(p)...)
				i++
				continue
			}
		}
		if p, ok := t.tokens[foldArabic(ws[i])]; ok {
			out = append(out, strings.Fields(p)...)
			continue
		}
		if rest, ok := strings.CutPrefix(ws[i], "عبدال"); ok && rest != "" {
			// عبد joined to an unknown word: عبدالحي is عبد الحي.
			out = append(out, "3abd", pivotWord("ال"+rest))
			continue
		}
		out = append(out, guessPivot(ws[i]))
	}
	return out
}

// pivotWord is the pivot of one Arabic word, known or guessed.
func pivotWord(w string) string {
	if p, ok := loadTables().tokens[foldArabic(w)]; ok && !strings.Contains(p, " ") {
		return p
	}
	return guessPivot(w)
}

// renderPivot writes pivot words in a habit.
func renderPivot(ws []string, h Habit) string {
	var parts []string
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if latin, ok := strings.CutPrefix(w, "#"); ok {
			parts = append(parts, latin)
			continue
		}
		first := len(parts) == 0
		core, art := strings.CutPrefix(w, "al-")
		var s string
		switch {
		case core == "3abd" && i+1 < len(ws) && strings.HasPrefix(ws[i+1], "al-"):
			s = abdCompound(ws[i+1][3:], h)
			i++
			if art {
				s = withArticle(s, h, first)
			}
		case art && core == "lAh":
			s = [6]string{"Allah", "Allah", "Allah", "Allah", "Allah", "Allāh"}[h]
		case art:
			if h == HabitLevantine {
				core = elide(core)
			}
			s = withArticle(renderWord(core, h), h, first)
		default:
			s = renderWord(core, h)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ")
}

// abdCompound writes "عبد ال…" names, which every habit treats as one unit.
func abdCompound(core string, h Habit) string {
	if core == "lAh" {
		return abdallah[h]
	}
	w := renderWord(core, h)
	switch h {
	case HabitPopular:
		return "Abdul " + w
	case HabitFrench:
		return "Abdel" + strings.ToLower(w)
	case HabitIraqi:
		return "Abdul" + strings.ToLower(w)
	case HabitLevantine:
		return "Abdel " + w
	case HabitAcademic:
		return "ʿAbd al-" + w
	}
	return "Abd al-" + w
}

// withArticle puts the article before a written word.
func withArticle(w string, h Habit, first bool) string {
	switch h {
	case HabitPopular:
		return "Al-" + w
	case HabitFrench:
		return "El-" + w
	case HabitIraqi:
		return "Al" + strings.ToLower(w)
	case HabitLevantine:
		return "Al " + w
	}
	if first {
		return "Al-" + w
	}
	return "al-" + w
}

// elide drops the short vowel of a first syllable before a long one, as
// Levantine speech does (jubUrI → jbUrI, "Jbouri").
func elide(p string) string {
	if len(p) >= 4 && isConsonant(p[0]) && (p[1] == 'u' || p[1] == 'i') && isConsonant(p[2]) && isLong(p[3]) {
		return p[:1] + p[2:]
	}
	return p
}

// renderWord writes one pivot word (without article) in a habit.
func renderWord(p string, h Habit) string {
	if o, ok := overrides[p]; ok {
		return o[h]
	}
	var b strings.Builder
	n := len(p)
	for i := 0; i < n; i++ {
		c := p[i]
		var next byte
		if i+1 < n {
			next = p[i+1]
		}
		switch {
		case c == 'a' && (next == 'y' || next == 'w') && (i+2 >= n || (!isVowel(p[i+2]) && p[i+2] != next)):
			b.WriteString(diphthong(h, next))
			i++
		case isVowel(c) || c == '@':
			b.WriteString(vowel(h, c, i == n-1))
		default:
			s := consonant(h, c, i, n, p)
			if next == c {
				// A shadda doubles a single letter; a digraph stays single
				// except in scholarly spelling.
				if len(s) == 1 || h == HabitAcademic {
					s += s
				}
				i++
			}
			b.WriteString(s)
		}
	}
	return capitalize(b.String())
}

func diphthong(h Habit, y byte) string {
	if y == 'y' {
		return [6]string{"ay", "ei", "ei", "ai", "ai", "ay"}[h]
	}
	return [6]string{"aw", "aw", "aou", "aw", "aw", "aw"}[h]
}

func vowel(h Habit, c byte, final bool) string {
	switch c {
	case 'a', 'i':
		return string(c)
	case 'u':
		switch h {
		case HabitFrench:
			return "ou"
		case HabitLevantine:
			return "o"
		}
		return "u"
	case 'A':
		if h == HabitAcademic {
			return "ā"
		}
		return "a"
	case 'I':
		switch h {
		case HabitAcademic:
			return "ī"
		case HabitPopular, HabitIraqi:
			if !final {
				return "ee"
			}
		}
		return "i"
	case 'U':
		switch h {
		case HabitAcademic:
			return "ū"
		case HabitEnglish:
			return "u"
		case HabitIraqi:
			return "oo"
		}
		return "ou"
	case '@':
		if h == HabitPopular || h == HabitAcademic {
			return "h"
		}
		return ""
	}
	return ""
}

func consonant(h Habit, c byte, i, n int, p string) string {
	switch c {
	case '3', '\'':
		if h == HabitAcademic {
			if i == 0 && c == '\'' {
				return ""
			}
			if c == '3' {
				return "ʿ"
			}
			return "ʾ"
		}
		if h == HabitEnglish && i > 0 && i < n-1 {
			return "'"
		}
		if c == '3' && i > 0 && p[i-1] == 'a' && i+1 < n && !isVowel(p[i+1]) {
			// Popular spellings write an ʿayn after a as a second a:
			// Saad, Jaafar, Raad.
			return "a"
		}
		return ""
	case 'c':
		if h == HabitLevantine {
			return "s"
		}
		return "th"
	case 'v':
		if h == HabitLevantine {
			return "z"
		}
		return "dh"
	case 'C':
		if h == HabitFrench {
			return "ch"
		}
		return "sh"
	case 'x':
		return "kh"
	case 'G':
		return "gh"
	case 'j':
		if h == HabitFrench {
			return "dj"
		}
		return "j"
	case 'q':
		switch h {
		case HabitIraqi:
			return "g"
		case HabitFrench:
			return "k"
		}
		return "q"
	case 'H', 'S', 'D', 'T', 'Z':
		if h == HabitAcademic {
			return emphatics[c]
		}
		return string(c + ('a' - 'A'))
	}
	return string(c)
}

var emphatics = map[byte]string{'H': "ḥ", 'S': "ṣ", 'D': "ḍ", 'T': "ṭ", 'Z': "ẓ"}

func isVowel(c byte) bool { return strings.IndexByte("aiuAIU", c) >= 0 }
func isLong(c byte) bool  { return c == 'A' || c == 'I' || c == 'U' }
func isConsonant(c byte) bool {
	return c != '@' && c != '-' && !isVowel(c)
}

// capitalize upper-cases the first letter, past any ʿ, ʾ or apostrophe.
func capitalize(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) && r != 'ʿ' && r != 'ʾ' {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
	}
	return s
}

// Arabic letters of the guess, as pivot consonants.
var arabicConsonants = map[rune]byte{
	'ب': 'b', 'ت': 't', 'ث': 'c', 'ج': 'j', 'ح': 'H', 'خ': 'x', 'د': 'd', 'ذ': 'v',
	'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'C', 'ص': 'S', 'ض': 'D', 'ط': 'T', 'ظ': 'Z',
	'ع': '3', 'غ': 'G', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n',
	'ه': 'h', 'ء': '\'', 'ؤ': '\'', 'ئ': '\'', 'گ': 'g', 'چ': 'C', 'پ': 'b', 'ڤ': 'f',
}

// guessPivot vocalises an Arabic word not in the tables. Arabic script
// leaves short vowels out, so the guess reads alif, waw and ya as long
// vowels between consonants and supplies an a where two consonants would
// otherwise pile up.
func guessPivot(w string) string {
	rs := []rune(w)
	var b []byte
	if len(rs) > 3 && rs[0] == 'ا' && rs[1] == 'ل' {
		b = append(b, "al-"...)
		rs = rs[2:]
	}
	start := len(b)
	cons := func(i int) bool { // is rs[i] read as a consonant?
		if i < 0 || i >= len(rs) {
			return false
		}
		_, ok := arabicConsonants[rs[i]]
		return ok
	}
	for i, r := range rs {
		switch r {
		case 'ا':
			if i == 0 {
				b = append(b, 'a')
			} else {
				b = append(b, 'A')
			}
		case 'أ':
			b = append(b, "'a"...)
		case 'إ':
			b = append(b, "'i"...)
		case 'آ':
			b = append(b, "'A"...)
		case 'ى':
			b = append(b, 'A')
		case 'ة':
			if len(b) > start && !isVowel(b[len(b)-1]) {
				b = append(b, 'a')
			}
			b = append(b, '@')
		case 'و', 'ي':
			long, semi := byte('U'), byte('w')
			if r == 'ي' {
				long, semi = 'I', 'y'
			}
			final := i == len(rs)-1 && i > 0
			if r == 'ي' && i > 0 && cons(i-1) && i+1 < len(rs) && rs[i+1] == 'ة' {
				// The feminine nisba -iyya: إسلامية.
				b = append(b, "iyy"...)
			} else if i > 0 && cons(i-1) && (final || cons(i+1)) || r == 'ي' && final && rs[i-1] != 'ي' {
				// Between consonants, or a final ya (the nisba -ī).
				b = append(b, long)
			} else {
				b = append(b, semi)
			}
		default:
			c, ok := arabicConsonants[r]
			if !ok {
				continue
			}
			// Supply a vowel between two consonants at the start of the word
			// or after another cluster, so the result reads as a word.
			if n := len(b); n-2 >= start && b[n-2] == 'A' && isConsonant(b[n-1]) {
				// After a long a, the active participle: جابر is jAbir.
				b = append(b, 'i')
			} else if n > start && isConsonant(b[n-1]) && b[n-1] != '\'' {
				vowels := false
				for _, x := range b[start:] {
					vowels = vowels || isVowel(x)
				}
				prevCluster := n-2 >= start && isConsonant(b[n-2])
				if !vowels || prevCluster {
					b = append(b, 'a')
				}
			}
			b = append(b, c)
		}
	}
	return string(b)
}

// stripMarks removes harakat, shadda, sukun and tatweel, and writes the
// Persian and Urdu forms of letters (ی ک ہ ھ), which lists use for Afghan
// and Pakistani names and sometimes for Arabic ones, as the Arabic letters.
func stripMarks(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == 'ـ' || (r >= 0x064B && r <= 0x0652) || r == 0x0670:
			return -1
		case r == 'ی' || r == 'ے':
			return 'ي'
		case r == 'ک':
			return 'ك'
		case r == 'ہ' || r == 'ھ':
			return 'ه'
		case r == 'ۀ':
			return 'ة'
		case r == 'ٱ':
			return 'ا'
		}
		return r
	}, s)
}

// foldArabic is the spelling-blind key of the token map: hamza seats on
// alif, alif maqsura and ta marbuta as many records write them.
func foldArabic(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'أ', 'إ', 'آ':
			return 'ا'
		case 'ى':
			return 'ي'
		case 'ة':
			return 'ه'
		}
		return r
	}, stripMarks(s))
}

func isArabicWord(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}
