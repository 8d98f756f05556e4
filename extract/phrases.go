package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

// phraseTable maps folded phrases of one or more words to a value: the
// organisation lexicon, the subject groups and the claim triggers all use it.
// It is built once from raw Arabic and read only afterwards.
type phraseTable struct {
	m     map[string]string
	words map[string]int // first word → most words of the phrases it begins
	// conflicts lists the phrases that fold alike with another of another
	// value (تنقّل and تنقل): the first in sorted order is kept, so that
	// the table does not depend on map order; tests want none.
	conflicts []string
}

func newPhraseTable(pairs map[string]string) *phraseTable {
	t := &phraseTable{m: make(map[string]string, len(pairs)), words: map[string]int{}}
	raws := make([]string, 0, len(pairs))
	for raw := range pairs {
		raws = append(raws, raw)
	}
	slices.Sort(raws)
	for _, raw := range raws {
		v := pairs[raw]
		k := geo.Fold(raw)
		if old, ok := t.m[k]; ok {
			if old != v {
				t.conflicts = append(t.conflicts, raw+" ("+v+", and "+old+" before it)")
			}
			continue
		}
		t.m[k] = v
		w := strings.Fields(k)
		if len(w) > t.words[w[0]] {
			t.words[w[0]] = len(w)
		}
	}
	return t
}

// gapOK reports whether only spaces and quotation marks separate token k
// from the one before: "تنظيم 'الدولة الإسلامية'" is one phrase.
func gapOK(text string, toks []token, k int) bool {
	for _, r := range text[toks[k-1].end:toks[k].start] {
		switch r {
		case ' ', '\u00a0', '"', '\'', '«', '»', '“', '”', '‘', '’', '_', '\u200f', '\u200e':
		default:
			return false
		}
	}
	return true
}

// match finds the longest phrase starting at token i, its first word taken
// with or without proclitics (و, ف, ب, ل, لل). It returns the last token of
// the phrase and its value.
func (t *phraseTable) match(text string, toks []token, i int) (last int, value string, ok bool) {
	var vbuf [6]string
	variants := proclitics(toks[i].fold, vbuf[:0])
	var buf [160]byte
	for _, v := range variants {
		n := t.words[v]
		if n == 0 {
			continue
		}
		// The most words that may follow, quotes allowed between them.
		w := 1
		for w < n && i+w < len(toks) && toks[i+w].class == 'a' && gapOK(text, toks, i+w) {
			w++
		}
		for ; w >= 1; w-- {
			key := append(buf[:0], v...)
			for k := i + 1; k < i+w; k++ {
				key = append(key, ' ')
				key = append(key, toks[k].fold...)
			}
			if val, found := t.m[string(key)]; found {
				return i + w - 1, val, true
			}
		}
	}
	return 0, "", false
}

// proclitics returns the folded word and its forms without the conjunctions
// و and ف and the prepositions ب, ل and ك: وبالهروب → بالهروب, الهروب.
// Unlike clitics (places), it keeps stems of two letters (فر).
func proclitics(w string, out []string) []string {
	out = append(out, w)
	s := w
	if len(s) > 4 && (strings.HasPrefix(s, "و") || strings.HasPrefix(s, "ف")) {
		s = s[2:]
		out = append(out, s)
	}
	if len(s) > 4 {
		switch {
		case strings.HasPrefix(s, "لل"):
			out = append(out, "ا"+s[2:])
		case strings.HasPrefix(s, "ب"), strings.HasPrefix(s, "ل"), strings.HasPrefix(s, "ك"):
			out = append(out, s[2:])
		}
	}
	return out
}

// isWord reports whether the folded token w is a word of set, its leading
// و or ف read either as the conjunction or as the word's own first letter:
// stripConj cannot tell وصول or وادي from و + صول.
func isWord(set map[string]bool, w string) bool {
	return set[w] || set[stripConj(w)]
}

// stripConj drops a leading و or ف from a folded word of more than two
// letters.
func stripConj(w string) string {
	if len(w) > 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		return w[2:]
	}
	return w
}

// inflections are the endings a listed one-word trigger may carry in the
// news without being listed itself: object and possessive pronouns
// (اعتقلته, وصولها), the dual (قتلا, يختبئان), the feminine plural (وصلن),
// the feminine past (هاجرت, تحصنت) and the sound plurals. Folded, longest first.
var inflections = []string{"هما", "تهم", "هم", "هن", "ها", "تا", "ان", "ون", "ين", "وا", "ه", "ا", "ن", "ت"}

// noInflect are stems whose inflected forms are other words: أسرهم (their
// families), سلما (peacefully), سلمان (a name), إعادة (re-, as in إعادة
// التأهيل).
var noInflect = setOf("اسر", "سلم", "نقل", "قبض", "عبر", "اعاد")

// matchInflected finds a one-word entry under an inflection of the word at
// token i (with its proclitics): the trigger table lists base forms, and
// the pronoun or number ending should not hide them. A ta marbuta before a
// pronoun is written ت (عودته → عودة). The feminine of a stem that needs
// people after it is left out: توقفت (it stopped) is no arrest.
func (t *phraseTable) matchInflected(toks []token, i int) (value string, ok bool) {
	var vbuf [6]string
	for _, v := range proclitics(toks[i].fold, vbuf[:0]) {
		for _, suf := range inflections {
			rem, found := strings.CutSuffix(v, suf)
			if !found || utf8.RuneCountInString(rem) < 3 || noInflect[rem] || suf == "ت" && needPersons[rem] {
				continue
			}
			if val, ok := t.m[rem]; ok {
				return val, true
			}
			if base, ok := strings.CutSuffix(rem, "ت"); ok && utf8.RuneCountInString(base) >= 3 {
				if val, ok := t.m[base+"ه"]; ok {
					return val, true
				}
			}
		}
	}
	return "", false
}
