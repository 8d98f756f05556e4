package geo

import (
	"strings"
	"unicode/utf8"
)

// Fold reduces Arabic text to the form the gazetteer indexes: diacritics,
// tatweel and direction marks removed, hamza-carrying alefs to bare alef,
// alef maqsura to ya, ta marbuta to ha, Persian kaf and ya to Arabic ones,
// Arabic-Indic digits to ASCII, Latin letters to lower case, and runs of
// spaces, underscores and other separators to one space. Spellings in the
// news vary in exactly these ways (سورية/سوريا excepted, which the gazetteer
// lists as two names).
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		r = foldRune(r)
		switch {
		case r == 0:
			continue
		case r == ' ':
			if b.Len() > 0 {
				space = true
			}
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

// foldRune maps one rune for Fold: 0 drops it, ' ' marks a separator.
func foldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z':
		return r + ('a' - 'A')
	case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
		return r
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640: // harakat, dagger alef, tatweel
		return 0
	case r >= 0x200B && r <= 0x200F, r == 0xFEFF, r == 0x061C:
		return 0
	case r >= 0x0660 && r <= 0x0669:
		return '0' + (r - 0x0660)
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + (r - 0x06F0)
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ی', 'ې':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ک':
		return 'ك'
	case 'ؤ':
		return 'و'
	case 'ئ':
		return 'ي'
	}
	if isLetter(r) {
		return r
	}
	return ' '
}

// isLetter reports whether r is part of a word for Fold and the tokenizers:
// Arabic letters (including marks, which Fold drops) and ASCII letters and
// digits.
func isLetter(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x064A, r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0671, r == 0x0640:
		return true
	case r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return true
	case r == 'ی' || r == 'ک' || r == 'ې':
		return true
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	case r >= 0x200B && r <= 0x200F:
		return true // joiners and marks inside words
	}
	return false
}

// IsWordRune reports whether r belongs to a word (see Fold).
func IsWordRune(r rune) bool { return isLetter(r) }

// FoldRune folds one rune as Fold does: it returns 0 for a rune Fold drops
// and ' ' for a separator.
func FoldRune(r rune) rune {
	if r == utf8.RuneError {
		return ' '
	}
	return foldRune(r)
}
