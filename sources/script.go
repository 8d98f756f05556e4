package sources

import (
	"unicode"

	"github.com/athar-org/athar"
)

// DetectScript returns the script a name is written in, judged by its
// letters: ScriptArabic when every letter is Arabic (Persian and Urdu
// letters included), ScriptLatin when every letter is Latin, and ScriptOther
// for a mix, another script (Cyrillic, Han) or no letters at all.
func DetectScript(s string) athar.Script {
	var arabic, latin, other bool
	for _, r := range s {
		switch {
		case r < 0x80:
			latin = latin || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z')
		case r >= 0x0621 && r <= 0x064A && r != 0x0640:
			// The basic Arabic letters, checked first: names are
			// screened by the million.
			arabic = true
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Arabic, r):
			arabic = true
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Common, r) || unicode.Is(unicode.Inherited, r):
			// Tatweel (ـ) and other script-neutral marks.
		default:
			other = true
		}
	}
	switch {
	case arabic && !latin && !other:
		return athar.ScriptArabic
	case latin && !arabic && !other:
		return athar.ScriptLatin
	}
	return athar.ScriptOther
}
