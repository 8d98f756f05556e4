// Package extract finds places and dates in Arabic news text. Each finding
// carries its byte span in the text (Start inclusive, End exclusive, offsets
// into the UTF-8 string as Go indexes it), so that claims built later can
// point back to their evidence.
package extract

import (
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

// Span is a byte range [Start, End) of the document text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// token is one word: a run of Arabic letters, of ASCII letters or of digits.
type token struct {
	start, end int
	fold       string // geo.Fold of the word
	class      byte   // 'a' Arabic, 'l' Latin, 'd' digits
	// tag numbers the hashtag the word is in (#أمطار_الكويت), 0 outside one.
	tag int
	// joined reports that only spaces, underscores or a hashtag separate the
	// token from the one before: a multi-word name may run across.
	joined bool
}

func runeClass(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r >= 0x0660 && r <= 0x0669, r >= 0x06F0 && r <= 0x06F9:
		return 'd'
	case r < 0x80:
		return 'l'
	}
	return 'a'
}

// tokenize splits text into words. Folding happens here once per word; the
// folded words share one string.
func tokenize(text string) []token {
	toks := make([]token, 0, len(text)/6)
	folded := make([]byte, 0, len(text))
	type bounds struct{ start, end int }
	fb := make([]bounds, 0, len(text)/6)
	start, class, fstart := -1, byte(0), 0
	joined := false
	sepOK := true // only joining separators since the last token
	tags, tag := 0, 0
	flush := func(end int) {
		if start >= 0 {
			if len(folded) > fstart {
				toks = append(toks, token{start: start, end: end, class: class, joined: joined && len(toks) > 0, tag: tag})
				fb = append(fb, bounds{fstart, len(folded)})
			}
			start = -1
			sepOK = true
		}
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !geo.IsWordRune(r) || r == utf8.RuneError {
			flush(i)
			switch r {
			case '#':
				tags++
				tag = tags
			case '_':
			case ' ', '\u00a0':
				tag = 0
			default:
				tag = 0
				sepOK = false
			}
			i += n
			continue
		}
		f := geo.FoldRune(r)
		c := runeClass(r)
		if f == 0 && start < 0 {
			i += n // a mark or joiner before any letter
			continue
		}
		if start >= 0 && f != 0 && c != class {
			flush(i) // script or digit boundary inside a run: 2017م
			sepOK = true
		}
		if start < 0 {
			start, class, joined, fstart = i, c, sepOK, len(folded)
			sepOK = true
		}
		if f != 0 {
			folded = utf8.AppendRune(folded, f)
		}
		i += n
	}
	flush(len(text))
	all := string(folded)
	for k := range toks {
		toks[k].fold = all[fb[k].start:fb[k].end]
	}
	return toks
}
