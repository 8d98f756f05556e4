package names

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Script is the writing system of a name or unit.
type Script uint8

// Scripts.
const (
	ScriptUnknown Script = iota // no letters (digits, punctuation, emoji)
	ScriptArabic
	ScriptLatin
	ScriptMixed    // letters of more than one script
	ScriptCyrillic // Russian and Central Asian names, read through a Latin transliteration
)

func (s Script) String() string {
	switch s {
	case ScriptArabic:
		return "arabic"
	case ScriptLatin:
		return "latin"
	case ScriptMixed:
		return "mixed"
	case ScriptCyrillic:
		return "cyrillic"
	}
	return "unknown"
}

// MarshalText makes scripts read as words in JSON.
func (s Script) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// latinFold maps accented Latin letters to their base letters. It is built
// once from Unicode decompositions so that Ḥ, ā, é, ç, ş and the like fold
// without a per-call normalisation pass.
var latinFold = sync.OnceValue(func() map[rune]string {
	m := make(map[rune]string, 900)
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			if !unicode.IsLetter(r) {
				continue
			}
			var b strings.Builder
			for _, d := range norm.NFD.String(string(r)) {
				if unicode.Is(unicode.Mn, d) {
					continue
				}
				b.WriteRune(unicode.ToLower(d))
			}
			if s := b.String(); s != "" && s != string(r) {
				m[r] = s
			}
		}
	}
	add(0x00C0, 0x024F)
	add(0x1E00, 0x1EFF)
	for r, s := range map[rune]string{
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'ø': "o", 'Ø': "o", 'đ': "d", 'Đ': "d",
		'ł': "l", 'Ł': "l", 'ı': "i", 'œ': "oe", 'Œ': "oe", 'þ': "th", 'ð': "dh",
		'ħ': "h", 'Ħ': "h",
		// French ç is s (Fayçal, فيصل); Turkish ç (ch) is rarer in our lists.
		'ç': "s", 'Ç': "s",
	} {
		m[r] = s
	}
	// Fold the folds once more, so that Þ → þ → th in one step and
	// Normalize stays idempotent.
	for r, s := range m {
		var b strings.Builder
		for _, c := range s {
			if f, ok := m[c]; ok {
				b.WriteString(f)
			} else {
				b.WriteRune(c)
			}
		}
		m[r] = b.String()
	}
	return m
})

// isDropped reports runes that carry no letter: Arabic vowel marks, tatweel,
// zero-width and bidi controls, Latin combining marks and the apostrophes and
// half-rings that transliterations use for ayn and hamza.
func isDropped(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x0610 && r <= 0x061A,
		r >= 0x06D6 && r <= 0x06ED, r == 0x0640:
		return true
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E,
		r >= 0x2066 && r <= 0x2069, r == 0xFEFF, r == 0x061C, r == 0x00AD, r == 0x2060:
		return true
	case r >= 0x0300 && r <= 0x036F:
		return true
	}
	switch r {
	case '\'', '`', '´', '‘', '’', 'ʿ', 'ʾ', 'ʻ', 'ʼ', 'ʽ', 'ˈ', '′', 'ʹ', 'ء':
		return true
	}
	return false
}

// foldArabic folds one Arabic letter. With light set it keeps the final
// forms ة and ى, which the phonetic code needs (-a, not -h or -i).
func foldArabic(r rune, light bool) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ', 'ٵ':
		return 'ا'
	case 'ؤ', 'ٶ':
		return 'و'
	case 'ئ', 'ی', 'ې', 'ۍ', 'ێ', 'ٸ':
		return 'ي'
	case 'ى':
		if light {
			return r
		}
		return 'ي'
	case 'ة':
		if light {
			return r
		}
		return 'ه'
	case 'ک', 'ڪ':
		return 'ك'
	case 'ہ', 'ە', 'ۀ', 'ھ':
		return 'ه'
	}
	if r >= '٠' && r <= '٩' {
		return '0' + (r - '٠')
	}
	if r >= '۰' && r <= '۹' {
		return '0' + (r - '۰')
	}
	return r
}

func isArabicLetter(r rune) bool {
	return (r >= 0x0620 && r <= 0x064A) || (r >= 0x066E && r <= 0x06D5 && r != 0x06D4) || (r >= 0x06FA && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F)
}

func isCyrillicLetter(r rune) bool {
	return r >= 0x0400 && r <= 0x04FF
}

func isLatinLetter(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7) || (r >= 0x1E00 && r <= 0x1EFF)
}

// needsCompat reports runes that only NFKC folds: Arabic presentation forms,
// full-width Latin, ligatures.
func needsCompat(r rune) bool {
	return (r >= 0xFB00 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFC) || (r >= 0xFF01 && r <= 0xFF5E)
}

// Normalize returns the normalised form of a name: Arabic without vowel
// marks and tatweel, alef, hamza, ta marbuta, alef maqsura and Persian
// letters folded; Latin lower-cased without diacritics, apostrophes or ayn
// marks; digits as ASCII; hyphens, dots, commas and other punctuation as
// single spaces. Letters of other scripts are kept. Normalize is idempotent.
func Normalize(s string) string {
	return normalize(s, false)
}

// isStable reports whether Normalize leaves s as it is, without building a
// copy: lower-case ASCII letters and digits, or Arabic letters that do not
// fold, one word.
func isStable(s string) bool {
	if s == "" {
		return true
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		case r >= 0x0620 && r <= 0x064A:
			if r == 'أ' || r == 'إ' || r == 'آ' || r == 'ؤ' || r == 'ئ' || r == 'ى' || r == 'ة' || r == 'ـ' {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// foldArabicWord folds a word of Arabic letters whose only changes are
// two-byte letters into two-byte letters (أ إ آ → ا, ؤ → و, ئ → ي, and ى, ة
// unless light), patching a copy in place. It reports false for anything
// else, which takes the general path.
func foldArabicWord(s string, light bool) (string, bool) {
	if len(s) > 64 {
		return "", false
	}
	var buf [64]byte
	b := buf[:len(s)]
	copy(b, s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if n != 2 || r < 0x0620 || r > 0x064A || r == 'ـ' || r == 'ء' {
			return "", false
		}
		if f := foldArabic(r, light); f != r {
			utf8.EncodeRune(b[i:i+2], f)
		}
		i += n
	}
	return string(b), true
}

func normalize(s string, light bool) string {
	if isStable(s) {
		return s
	}
	if f, ok := foldArabicWord(s, light); ok {
		return f
	}
	for _, r := range s {
		if needsCompat(r) {
			s = norm.NFKC.String(s)
			break
		}
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	for _, r := range s {
		if r == utf8.RuneError || isDropped(r) {
			continue
		}
		if isArabicLetter(r) || (r >= '٠' && r <= '٩') || (r >= '۰' && r <= '۹') {
			r = foldArabic(r, light)
		} else if r < 0x80 {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			} else if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
				space = b.Len() > 0
				continue
			}
		} else if f, ok := latinFold()[r]; ok {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(f)
			continue
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			r = unicode.ToLower(r)
			if f, ok := latinFold()[r]; ok {
				if space {
					b.WriteByte(' ')
					space = false
				}
				b.WriteString(f)
				continue
			}
		} else if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r) {
			continue
		} else {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// DetectScript reports which script the letters of s are written in.
func DetectScript(s string) Script {
	var ar, la, cy bool
	for _, r := range s {
		if isArabicLetter(r) {
			ar = true
		} else if isLatinLetter(r) {
			la = true
		} else if isCyrillicLetter(r) {
			cy = true
		}
	}
	switch {
	case ar && la, ar && cy, la && cy:
		return ScriptMixed
	case ar:
		return ScriptArabic
	case la:
		return ScriptLatin
	case cy:
		return ScriptCyrillic
	}
	return ScriptUnknown
}
