package names

import (
	"strings"
	"unicode/utf8"
)

// unitFlags carry what the words around a unit said about it.
type unitFlags struct {
	afterNasab  bool // bin/ibn before it
	afterFamily bool // آل before it
	laqab       bool // after "known as", الملقب: every unit from here on
}

// buildUnits groups tokens into units and appends them to dst. Titles at
// the start are set aside into *titlesOut.
func buildUnits(dst []Unit, toks []token, titlesOut *[]string) []Unit {
	var fl unitFlags
	seen := false // a unit has been read
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		w := t.norm
		last := i == len(toks)-1
		if !seen && !last && t.flags&fTitle != 0 {
			*titlesOut = append(*titlesOut, w)
			continue
		}
		if !seen && !last && w == "al" && toks[i+1].flags&fTitle != 0 && i+2 < len(toks) {
			// al-Hajj, al-Sheikh written apart.
			*titlesOut = append(*titlesOut, w+" "+toks[i+1].norm)
			i++
			continue
		}
		if !last && t.flags&fLaqab != 0 {
			// known as, aka, الملقب ب: what follows is a laqab.
			fl.laqab = true
			if n := toks[i+1].norm; (n == "as" || n == "ب") && i+2 < len(toks) {
				i++
			} else if strings.HasPrefix(n, "بال") && utf8.RuneCountInString(n) >= 5 {
				toks[i+1].norm = n[len("ب"):] // الملقب بالحاج: ب is the preposition
			}
			continue
		}
		if (fl.laqab || t.aside) && (w == "the" || w == "of" || w == "a") {
			continue // "the Egyptian"
		}
		if !last && t.flags&fNasab != 0 && (seen || w == "ibn" || w == "bin" || w == "ابن" || w == "بن") {
			// Ibn al-Khattab: a leading ibn is a marker too, but not Ben,
			// which is also a name.
			fl.afterNasab = true
			continue
		}
		if seen && t.script == ScriptLatin && gluedNasab(w) {
			// Binalshibh: bin al-Shibh written as one word.
			fl.afterNasab = true
			rest := w[5:]
			nt := token{src: t.src, start: t.start, end: t.end, raw: t.raw, norm: rest, script: t.script}
			u := simpleUnit(nt, true)
			u.Text, u.Norm = t.raw, "al "+rest
			dst = appendUnit(dst, u, &fl, toks, i, &i)
			continue
		}
		if !last && w == "ال" {
			fl.afterFamily = true // آل سعود
			continue
		}
		if !last && t.script == ScriptLatin && (w == "al" || w == "el" || w == "aal") && isFamilyAl(toks, i) {
			fl.afterFamily = true
			continue
		}
		if !last && t.flags&fArticle != 0 && t.script == ScriptLatin && articleFits(w, toks[i+1]) {
			// A written-apart article belongs to the next word.
			nt := toks[i+1]
			u := simpleUnit(nt, true)
			u.Text = joinRaw(toks[i : i+2])
			u.Norm = w + " " + nt.norm
			first := i
			i++
			dst = appendUnit(dst, u, &fl, toks, first, &i)
			seen = true
			continue
		}
		if t.flags&fArticle != 0 && last && t.script == ScriptLatin {
			continue // a stray article at the end
		}
		// Kunya: أبو بكر, Abu Bakr, Abu al-Hasan, Abu Bakr al-Baghdadi.
		if t.flags&fKunya != 0 && !last {
			mk := kunyaMarkers[w]
			j := i + 1
			art := false
			if toks[j].flags&fArticle != 0 && j+1 < len(toks) {
				j++
				art = true
			}
			rest := toks[j]
			if rest.flags&(fKunya|fNasab) == 0 {
				u, end := kunyaUnit(mk, rest, art), j
				// أبو عبد الله, Abu Abd al-Rahman, Abu Abdullah: the name is
				// itself an Abd compound.
				if inner, k, ok := abdAt(toks, j); ok {
					u, end = kunyaOf(mk, inner), k
				} else if inner, ok := gluedAbd(rest); ok {
					u = kunyaOf(mk, inner)
				}
				u.Text = joinRaw(toks[i : end+1])
				first := i
				i = end
				dst = appendUnit(dst, u, &fl, toks, first, &i)
				seen = true
				continue
			}
		}
		if u, ok := gluedKunya(t); ok {
			dst = appendUnit(dst, u, &fl, toks, i, &i)
			seen = true
			continue
		}
		// Abd compounds written apart: عبد الرحمن, Abd al-Rahman, Abdul Aziz.
		if u, j, ok := abdAt(toks, i); ok {
			u.Text = joinRaw(toks[i : j+1])
			first := i
			i = j
			dst = appendUnit(dst, u, &fl, toks, first, &i)
			seen = true
			continue
		}
		if u, ok := gluedAbd(t); ok {
			dst = appendUnit(dst, u, &fl, toks, i, &i)
			seen = true
			continue
		}
		if u, ok := gluedCompound(t); ok {
			dst = appendUnit(dst, u, &fl, toks, i, &i)
			seen = true
			continue
		}
		if u, ok := gluedAllah(t); ok {
			dst = appendUnit(dst, u, &fl, toks, i, &i)
			seen = true
			continue
		}
		if u, ok := gluedDin(t); ok {
			dst = appendUnit(dst, u, &fl, toks, i, &i)
			seen = true
			continue
		}
		u := simpleUnit(t, false)
		if t.flags&fAbd != 0 && u.Kind == KindSimple {
			// عبد or Abdul alone, its divine name in the next field: read
			// as the compound's first half, so that the two halves joined
			// meet عبد الرحمن.
			u.Phon = abdPhon
		}
		dst = appendUnit(dst, u, &fl, toks, i, &i)
		seen = true
	}
	return dst
}

// abdAt reads an Abd compound written apart from toks[i] on (عبد الرحمن,
// Abd al-Rahman, Abdul Aziz) and reports the index of its last word.
func abdAt(toks []token, i int) (Unit, int, bool) {
	if toks[i].flags&fAbd == 0 || i+1 >= len(toks) {
		return Unit{}, 0, false
	}
	j := i + 1
	if toks[j].flags&fArticle != 0 && j+1 < len(toks) {
		j++
	}
	rest := toks[j]
	if rest.flags&(fKunya|fNasab) != 0 {
		return Unit{}, 0, false
	}
	u := abdUnit(rest.norm, rest.script)
	u.Norm = toks[i].norm + " " + joinNormTok(toks[i+1:j+1])
	u.Script = toks[i].script
	return u, j, true
}

// kunyaOf makes a kunya of a compound unit: أبو + عبد الله.
func kunyaOf(marker byte, inner Unit) Unit {
	u := inner
	u.Kind = KindKunya
	u.Phon = string(marker) + inner.Phon
	u.Norm = markerWord(marker, inner.Script) + " " + inner.Norm
	return u
}

// gluedNasab reports bin/ben/ibn + al/el written as one word before a name
// of three letters or more: Binalshibh, Benelhadj.
func gluedNasab(w string) bool {
	if len(w) < 8 {
		return false
	}
	switch w[:5] {
	case "binal", "benal", "ibnal", "binel", "benel":
		return !isVowelByte(w[5])
	}
	return false
}

// isFamilyAl reports Al as the family word (Al Saud, Al Thani) rather than
// the article. Latin spelling cannot tell them apart, so only "Aal" and an
// Al before the last word after a nasab marker count.
func isFamilyAl(toks []token, i int) bool {
	if toks[i].norm == "aal" {
		return true
	}
	return i >= 2 && toks[i-2].flags&fNasab != 0 && i+2 == len(toks) && strings.Contains(toks[i].raw, "Al") && !strings.Contains(toks[i].raw, "-")
}

// articleFits reports whether a written-apart article can stand before
// next: al/el/ul before anything, a sun-letter form (ash, ad, ar) only
// before its own letter.
func articleFits(art string, nt token) bool {
	switch art {
	case "al", "el", "ul", "il", "ol":
		return true
	}
	next := nt.norm
	if nt.flags&fDin != 0 {
		return true // ud-Din, ad-Din
	}
	c := art[len(art)-1]
	if len(art) == 3 { // ash, ath, adh
		return strings.HasPrefix(next, art[1:])
	}
	return len(next) > 0 && next[0] == c
}

// appendUnit appends u, applying the pending flags, and absorbs a following
// al-Din when one comes next.
func appendUnit(dst []Unit, u Unit, fl *unitFlags, toks []token, first int, i *int) []Unit {
	// X al-Din written apart: نور الدين, Nur al-Din, Salah ad-Din, Nasr Eddine.
	if u.Kind == KindSimple {
		j := *i + 1
		if j < len(toks) && toks[j].flags&fArticle != 0 && j+1 < len(toks) && toks[j+1].flags&fDin != 0 {
			j++
		}
		if j < len(toks) && toks[j].flags&fDin != 0 && u.Phon != "" {
			u.Kind = KindDin
			constructState(&u, toks[*i].raw)
			u.Text = joinRaw(toks[first : j+1])
			u.Norm += " " + joinNormTok(toks[*i+1:j+1])
			u.Phon += dinPhon
			*i = j
		} else if j := *i + 1; j < len(toks) && toks[j].flags&fAllah != 0 && u.Phon != "" {
			// X Allah written apart: سيف الله, Saif Allah.
			u.Kind = KindAllah
			constructState(&u, toks[*i].raw)
			u.Text = joinRaw(toks[first : j+1])
			u.Norm += " " + toks[j].norm
			u.Phon += allahPhon
			*i = j
		} else if j, ok := compoundSecond(toks, *i+1); ok && u.Phon != "" && !u.Article {
			// X al-Y written apart: زين العابدين, Saif al-Islam, Zia ul-Haq.
			w := toks[j].norm
			if toks[j].script == ScriptArabic {
				w = w[len("ال"):]
			}
			var buf [32]byte
			u.Kind = KindCompound
			u.Text = joinRaw(toks[first : j+1])
			u.Norm += " " + joinNormTok(toks[*i+1:j+1])
			u.Phon += string(phonWord(buf[:0], w, toks[j].script))
			*i = j
		}
	}
	switch {
	case fl.laqab || toks[first].aside:
		if u.Kind != KindKunya {
			u.Role, u.Confidence = RoleLaqab, 0.8
		}
	case fl.afterFamily:
		u.Role, u.Confidence = RoleFamily, 0.9
	case fl.afterNasab:
		u.Role = RoleFather // resolved in assignRoles
		u.Confidence = -1   // marks "after a nasab marker"
	}
	*fl = unitFlags{laqab: fl.laqab}
	return append(dst, u)
}

// joinRaw is the input as written from the first word of ts to the last.
func joinRaw(ts []token) string {
	if len(ts) == 1 {
		return ts[0].raw
	}
	return ts[0].src[ts[0].start:ts[len(ts)-1].end]
}

func joinNormTok(ts []token) string {
	if len(ts) == 1 {
		return ts[0].norm
	}
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.norm)
	}
	return b.String()
}

// phonWord encodes one normalised word of either script.
func phonWord(dst []byte, w string, sc Script) []byte {
	switch sc {
	case ScriptArabic:
		return phonArabic(dst, w)
	case ScriptLatin:
		return phonLatin(dst, w)
	case ScriptCyrillic:
		return phonCyrillic(dst, w)
	case ScriptMixed:
		dst = phonLatin(dst, w)
		dst = phonCyrillic(dst, w)
		return phonArabic(dst, w)
	}
	return dst
}

// lightArabic refolds a raw Arabic word keeping ة and ى, which tell the
// phonetic code that the word ends in -a.
func lightArabic(raw, norm string) string {
	if !hasFinalA(raw) {
		return norm
	}
	l := normalize(raw, true)
	if strings.IndexByte(l, ' ') >= 0 || utf8.RuneCountInString(l) != utf8.RuneCountInString(norm) {
		return norm
	}
	return l
}

// hasFinalA reports whether raw holds ة (U+0629) or ى (U+0649), by their
// UTF-8 bytes: this runs on every Arabic word.
func hasFinalA(raw string) bool {
	for i := 0; i+1 < len(raw); i++ {
		if (raw[i] == 0xD8 && raw[i+1] == 0xA9) || (raw[i] == 0xD9 && raw[i+1] == 0x89) {
			return true
		}
	}
	return false
}

// stripArticle removes a glued article: البغدادي → بغدادي, Albaghdadi →
// baghdadi. Latin glued Al is only taken off a nisba (ending in i or y),
// since Albert and Alexander are names of their own.
func stripArticle(t token) (string, bool) {
	w := t.norm
	switch t.script {
	case ScriptArabic:
		if strings.HasPrefix(w, "ال") && utf8.RuneCountInString(w) >= 5 && !noArticle[w] {
			if strings.HasPrefix(t.raw, "أ") || strings.HasPrefix(t.raw, "إ") {
				return w, false
			}
			return w[len("ال"):], true
		}
	case ScriptLatin:
		if len(w) >= 6 && (w[:2] == "al" || w[:2] == "el") && !isVowelByte(w[2]) && w[2] != 'y' &&
			(w[len(w)-1] == 'i' || w[len(w)-1] == 'y') {
			return w[2:], true
		}
	}
	return w, false
}

// simpleUnit builds a one-word unit. article says an article was written
// apart before it.
func simpleUnit(t token, article bool) Unit {
	u := Unit{Text: t.raw, Norm: t.norm, Script: t.script, Depth: -1, Article: article}
	if t.script == ScriptLatin && len(t.norm) == 1 {
		u.Kind = KindInitial
		u.Phon = string(phonLatin(nil, t.norm))
		return u
	}
	w, art := stripArticle(t)
	if art {
		u.Article = true
	}
	if t.script == ScriptLatin {
		if full, ok := abbreviations[w]; ok {
			w = full // Md, Mohd: Muhammad
		}
	}
	u.bare = w
	if t.script == ScriptArabic {
		// The phonetic code reads the light form, which keeps ة and ى.
		if art {
			w = lightArabic(t.raw, t.norm)[len("ال"):]
		} else {
			w = lightArabic(t.raw, t.norm)
		}
	}
	var buf [32]byte
	u.Phon = string(phonWord(buf[:0], w, t.script))
	return u
}

// kunyaUnit builds أبو/أم + name; marker is '@' for abu, '&' for umm.
func kunyaUnit(marker byte, rest token, article bool) Unit {
	u := simpleUnit(rest, article)
	u.Kind = KindKunya
	u.Norm = markerWord(marker, rest.script) + " " + rest.norm
	u.Script = rest.script
	u.Phon = string(marker) + u.Phon
	return u
}

func markerWord(marker byte, sc Script) string {
	switch {
	case marker == '@' && sc == ScriptArabic:
		return "ابو"
	case marker == '@':
		return "abu"
	case sc == ScriptArabic:
		return "ام"
	}
	return "umm"
}

// gluedKunya reads Abubakar, Aboubakar, ابوبكر.
func gluedKunya(t token) (Unit, bool) {
	w := t.norm
	for _, p := range []string{"abou", "abu", "ابو"} {
		if strings.HasPrefix(w, p) && len(w)-len(p) >= 3 {
			rest := w[len(p):]
			r, _ := utf8.DecodeRuneInString(rest)
			if t.script == ScriptLatin && (isVowelByte(rest[0]) || rest[0] == 'y') {
				continue
			}
			if (r == 'ا' && !strings.HasPrefix(rest, "ال")) || (t.script == ScriptArabic && utf8.RuneCountInString(rest) < 3) {
				continue // أبوا..., but أبواليزيد is أبو اليزيد
			}
			u := kunyaUnit('@', token{raw: t.raw, norm: rest, script: t.script}, false)
			u.Text = t.raw
			return u, true
		}
	}
	return Unit{}, false
}

// abdUnit builds Abd + rest, rest being the divine name as written.
func abdUnit(rest string, sc Script) Unit {
	u := Unit{Kind: KindAbd, Script: sc, Depth: -1}
	r := rest
	if sc == ScriptArabic && strings.HasPrefix(r, "ال") && utf8.RuneCountInString(r) > 3 {
		r = r[len("ال"):]
	} else if sc == ScriptLatin {
		r = stripLatinArticle(r)
	}
	var buf [32]byte
	p := append(buf[:0], abdPhon...)
	if allahForms[rest] || allahForms[r] {
		p = append(p, "lah"...)
	} else {
		p = phonWord(p, r, sc)
	}
	u.Phon = string(p)
	return u
}

// stripLatinArticle takes a glued article off the front of the rest of an
// Abd compound: ulaziz → aziz, errahmane → rahmane, elkader → kader.
func stripLatinArticle(r string) string {
	if len(r) >= 4 && isVowelByte(r[0]) && !isVowelByte(r[1]) {
		if r[1] == 'l' || r[2] == r[1] {
			return r[2:]
		}
		if r[1:3] == "sh" && r[3] == 's' {
			return r[3:]
		}
		return r[1:]
	}
	return r
}

// gluedAbd reads Abdulaziz, Abderrahmane, Abdallah, عبدالله, عبدالرحمن.
func gluedAbd(t token) (Unit, bool) {
	w := t.norm
	switch t.script {
	case ScriptArabic:
		if !strings.HasPrefix(w, "عبد") {
			return Unit{}, false
		}
		rest := w[len("عبد"):]
		if !(strings.HasPrefix(rest, "ال") && utf8.RuneCountInString(rest) >= 4) && rest != "ربه" && rest != "رب" {
			return Unit{}, false
		}
		u := abdUnit(lightArabic(t.raw, t.norm)[len("عبد"):], t.script)
		u.Text, u.Norm = t.raw, w
		return u, true
	case ScriptLatin:
		if !strings.HasPrefix(w, "abd") || len(w) < 7 {
			return Unit{}, false
		}
		rest := w[3:]
		if strings.HasPrefix(rest, "oul") || strings.HasPrefix(rest, "ool") {
			rest = rest[1:]
		}
		r := stripLatinArticle(rest)
		if len(r) < 3 && !allahForms[rest] {
			return Unit{}, false
		}
		u := abdUnit(rest, t.script)
		u.Text, u.Norm = t.raw, w
		return u, true
	}
	return Unit{}, false
}

// gluedDin reads Nasreddine, Salahuddin, نورالدين.
func gluedDin(t token) (Unit, bool) {
	w := t.norm
	var x string
	switch t.script {
	case ScriptArabic:
		if strings.HasSuffix(w, "الدين") && utf8.RuneCountInString(w) >= 7 {
			x = w[:len(w)-len("الدين")]
		}
	case ScriptLatin:
		for _, s := range dinSuffixes {
			if strings.HasSuffix(w, s) && len(w)-len(s) >= 2 {
				x = w[:len(w)-len(s)]
				break
			}
		}
	}
	if x == "" {
		return Unit{}, false
	}
	u := simpleUnit(token{raw: t.raw, norm: x, script: t.script}, false)
	u.Kind, u.Text, u.Norm = KindDin, t.raw, w
	u.Phon += dinPhon
	return u, true
}

// compoundSecond reports whether the words from j on are the second half
// of an X al-Y compound, and where that half ends.
func compoundSecond(toks []token, j int) (int, bool) {
	if j >= len(toks) {
		return 0, false
	}
	if toks[j].script == ScriptArabic {
		return j, toks[j].flags&fSecond != 0
	}
	if toks[j].flags&fArticle != 0 && j+1 < len(toks) && toks[j+1].flags&fSecond != 0 {
		return j + 1, true
	}
	return 0, false
}

// gluedCompound reads Habiburrahman, Ziaulhaq, Saifulislam.
func gluedCompound(t token) (Unit, bool) {
	if t.script != ScriptLatin {
		return Unit{}, false
	}
	for _, sfx := range compoundSuffixes {
		if strings.HasSuffix(t.norm, sfx.glued) && len(t.norm)-len(sfx.glued) >= 3 {
			x := t.norm[:len(t.norm)-len(sfx.glued)]
			u := simpleUnit(token{raw: t.raw, norm: x, script: t.script}, false)
			u.Kind, u.Text, u.Norm = KindCompound, t.raw, t.norm
			u.Phon += string(phonLatin(nil, sfx.word))
			return u, true
		}
	}
	return Unit{}, false
}

// constructState gives a first word ending in ة its t, as it is said
// before the second word of a compound: هداية الله is Hidayatullah, عزة
// الدين Izzat al-Din.
func constructState(u *Unit, raw string) {
	if u.Script == ScriptArabic && strings.HasSuffix(raw, "ة") && strings.HasSuffix(u.Phon, "a") {
		u.Phon += "t"
	}
}

// gluedAllah reads Hidayatullah, Nasrallah, Saifullah, سيفالله.
func gluedAllah(t token) (Unit, bool) {
	w := t.norm
	var x string
	switch t.script {
	case ScriptArabic:
		if strings.HasSuffix(w, "الله") && utf8.RuneCountInString(w) >= 6 {
			x = w[:len(w)-len("الله")]
		}
	case ScriptLatin:
		for _, s := range allahSuffixes {
			if strings.HasSuffix(w, s) && len(w)-len(s) >= 3 {
				x = w[:len(w)-len(s)]
				break
			}
		}
	}
	if x == "" {
		return Unit{}, false
	}
	u := simpleUnit(token{raw: t.raw, norm: x, script: t.script}, false)
	u.Kind, u.Text, u.Norm = KindAllah, t.raw, w
	u.Phon += allahPhon
	return u, true
}
