package extract

import (
	"slices"
	"strings"

	"github.com/athar-org/athar/geo"
)

// Places the gazetteer lacks, named after a place noun (بلدة, قرية, حي ...)
// and located by a place the text names with them.

// enclosingHeads are place nouns after which an unknown word is a place's
// name: بلدة غرانيج, قرية X, جرود X.
var enclosingHeads = setOf("بلده", "قريه", "مخيم", "جرود", "جرد", "وادي", "جبل", "جبال", "معبر", "حي", "ناحيه",
	"مزرعه", "بلدات", "قري", "غابه", "غابات", "بلديه", "محميه", "مطار", "منطقه", "قضاء", "مديريه", "جزيره",
	"واحه", "منخفض", "مقاطعه", "مدينه")

// holderLinks may stand between an unknown place and the place that holds
// it: a place noun with its preposition (غابة كاتوبا بمنطقة ماكوميا) or a
// direction (جبل مكحول شمال بيجي, حي X وسط المدينة).
var holderLinks = setOf("بمنطقه", "بمحافظه", "بولايه", "بقضاء", "بمديريه", "بناحيه", "بريف", "بمدينه", "ببلده",
	"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "بالقرب", "بضواحي", "ضواحي")

// enclosed adds a place the gazetteer lacks but the text locates: a place
// noun, one unknown word, and في or ب with a place found (بلدة غرانيج بريف
// دير الزور الشرقي). The new place takes the coordinates and country of the
// one that holds it (nothing finer is known) and says so in its name; its
// ID is "in:", the holder's ID, ":" and the folded word.
func (f *PlaceFinder) enclosed(text string, toks []token, ps []Place) []Place {
	at := make(map[int]int, len(ps)) // byte start → index in ps
	covered := make([]bool, len(toks))
	for i, p := range ps {
		at[p.Span.Start] = i
		markBusy(toks, covered, p.Span)
	}
	var add []Place
	for i := 1; i < len(toks); i++ {
		head := stripConj(toks[i-1].fold)
		if len(head) > 2 && (strings.HasPrefix(head, "ب") || strings.HasPrefix(head, "ل")) && enclosingHeads[head[2:]] {
			head = head[2:]
		}
		x := toks[i]
		if !enclosingHeads[head] || covered[i] || covered[i-1] || x.class != 'a' || !x.joined || x.tag != 0 {
			continue
		}
		// A name of two or three words: قرية أبو كرمة, حوش السيد علي,
		// فيضة ابن موينع. The last word is the one the tests below read.
		last := compoundEnd(toks, covered, i)
		if last == i && len(x.fold) < 6 {
			continue
		}
		if l := toks[last].fold; last == i && (neverLookedUp(l, nil) || groupWords[l] || f.g.Common(l) || civilians[l]) {
			continue
		}
		if l := toks[last].fold; strings.HasPrefix(l, "ال") && (strings.HasSuffix(l, "ين") || strings.HasSuffix(l, "ون")) {
			continue // بلدة المسؤولين: a plural of people, not a name
		}
		if notNamesAfterHead[toks[last].fold] || strings.HasPrefix(x.fold, "لل") {
			continue
		}
		x.end = toks[last].end
		// The holder: في Y or بY right after the name.
		j, in := last+1, false
		if j >= len(toks) {
			// the text's last word: no holder after it
		} else if toks[j].fold == "في" || toks[j].fold == "فى" {
			j, in = j+1, true
		} else if holderLinks[toks[j].fold] && j+1 < len(toks) && !covered[j] {
			if _, ok := at[toks[j+1].start]; ok && !strings.ContainsAny(text[toks[j].end:toks[j+1].start], "،,.:؛\n") {
				j, in = j+1, true
			}
		} else if strings.HasPrefix(toks[j].fold, "ب") {
			in = true
		}
		hi, ok := -1, false
		if in && j < len(toks) && !strings.ContainsAny(text[x.end:toks[j].start], "،,.:؛\n") {
			hi, ok = at[toks[j].start]
			if ok && (ps[hi].Kind == geo.KindCountry || ps[hi].Country == "") {
				continue // a country or a cross-border area is too large to place a village by
			}
		}
		var h Place
		stated := ok
		if ok {
			h = ps[hi]
		} else if strongHeads[head] && looseName(text, toks, last) {
			// No holder right after it: a nationality adjective (مدينة
			// بيهاتش البوسنية), else the nearest place of the sentence
			// (بلدة كاتانكودي في شرق البلاد ... سريلانكا), of the paragraph
			// before it, and a country only when nothing finer is named.
			if last+1 >= len(toks) {
				// nothing after the name
			} else if cc := nisbaCountry(toks[last+1].fold); cc != "" && toks[last+1].joined {
				if c := f.g.Country(cc); c != nil {
					h, ok, stated = Place{Name: c.Name, Country: c.Country, Lat: c.Lat, Lon: c.Lon, ID: c.ID}, true, true
				}
			}
			if !ok {
				hi, ok = nearestHolder(text, toks, ps, i)
				if ok {
					h = ps[hi]
				}
			}
		}
		if !ok {
			continue
		}
		kind, rel, id := headKinds[head], "in", "in:"
		if kind == "" {
			kind = geo.KindVillage
		}
		if !stated {
			rel, id = "near", "near:"
		}
		add = append(add, Place{
			Span: Span{x.start, x.end}, Text: text[x.start:x.end], Matched: text[x.start:x.end],
			Name: Romanize(text[x.start:x.end]) + " (" + rel + " " + h.Name + ")", Country: h.Country, Lat: h.Lat, Lon: h.Lon,
			Kind: kind, ID: id + h.ID + ":" + geo.Fold(text[x.start:x.end]), Via: "enclosing", Preposition: preposition(toks, i-1, toks[i-1].fold),
		})
	}
	if len(add) == 0 {
		return ps
	}
	out := append(ps, add...)
	slices.SortFunc(out, func(a, b Place) int { return a.Span.Start - b.Span.Start })
	return out
}

// namePrefixes open place names of more than one word: أبو كرمة, أم
// الشبابيط, كفر جالس, تل براك, عين عيسى.
var namePrefixes = setOf("ابو", "ام", "كفر", "عين", "تل", "بير", "بئر", "حوش", "دير", "خربه", "بني", "بيت", "راس",
	"سيدي", "قصر", "برج", "اولاد", "جسر", "سوق", "مزرعه", "شيخ", "الشيخ", "ذات", "جب", "عرب")

// nameLinks join the words of a name: فيضة ابن موينع, سلطان عبد الله.
var nameLinks = setOf("ابن", "بن", "عبد", "ابو", "ام")

// compoundEnd returns the last token of a place name of up to three words
// that starts at token i: a name prefix and the word after it, or a word
// and a link with the word after it. Only spaces may stand between them.
func compoundEnd(toks []token, covered []bool, i int) int {
	next := func(k int) bool {
		return k < len(toks) && toks[k].joined && toks[k].class == 'a' && toks[k].tag == 0 && !covered[k] &&
			!prepositions[toks[k].fold] && !holderLinks[toks[k].fold]
	}
	last := i
	if namePrefixes[toks[i].fold] && next(i+1) {
		last = i + 1
	}
	if next(last+1) && next(last+2) && nameLinks[toks[last+1].fold] {
		last += 2
	} else if last == i+1 && (toks[last].fold == "السيد" || toks[last].fold == "الشيخ") && next(last+1) {
		last++ // حوش السيد علي
	}
	return last
}

// headKinds are the kinds of place the enclosingHeads name, where not a
// village.
var headKinds = map[string]geo.Kind{"مخيم": geo.KindPOI, "معبر": geo.KindPOI, "مطار": geo.KindPOI, "مدينه": geo.KindCity,
	"منطقه": geo.KindRegion, "قضاء": geo.KindRegion, "مديريه": geo.KindRegion, "مقاطعه": geo.KindRegion, "ناحيه": geo.KindRegion}

// notNamesAfterHead are words that follow a place noun without naming a
// place: مديرية المخابرات is a directorate, منطقة العمليات an area of
// operations, قرية العرب "the Arabs' village" more often than a name.
var notNamesAfterHead = setOf("المخابرات", "الاستخبارات", "استخبارات", "الاسايش", "الامن", "الشرطه", "التوجيه",
	"الجوازات", "الساتر", "المثلث", "العرب", "العمليات", "عمليات", "الاشتباكات", "الاشتباك", "نفوذ", "سيطره",
	"النزاع", "التماس", "الحدود", "المواجهات", "الاستقبال", "الاحتجاز", "الاعتقال", "العزل",
	// adjectives: حي شعبي, منطقة ساحلية, قرية زراعية
	"شعبي", "شعبيه", "ساحلي", "ساحليه", "سكني", "سكنيه", "ريفي", "ريفيه", "حدودي", "حدوديه", "جبلي", "جبليه",
	"زراعي", "زراعيه", "صناعي", "صناعيه", "تجاري", "تجاريه", "عسكري", "عسكريه", "مجاور", "مجاوره", "قريب", "قريبه")

// strongHeads are the place nouns after which an unknown word is a place
// even with no holder right after it: the place is then located by the
// nearest place of its sentence.
var strongHeads = setOf("بلده", "قريه", "مخيم", "مطار", "جزيره", "ناحيه", "واحه", "منخفض", "حي", "منطقه", "مقاطعه", "مديريه", "قضاء", "مدينه")

// looseName reports whether the unknown word at token i, after a place
// noun, may be a place's name though no holder follows it: not with the
// article or a preposition glued on (قرية العرب, مدينة لإعادة), not a
// feminine word (قرية قريبة), and not the first word of a longer name
// (مطار شارل ديغول: the next word must end the phrase, be a preposition, a
// direction, a conjunct or a word with the article).
func looseName(text string, toks []token, i int) bool {
	x := toks[i].fold
	if strings.HasPrefix(x, "ل") && !strings.HasPrefix(x, "ال") || strings.HasSuffix(x, "ه") && !strings.HasPrefix(x, "ال") {
		return false
	}
	if i+1 >= len(toks) || strings.ContainsAny(text[toks[i].end:toks[i+1].start], "،,.:؛\n!؟?\"«»()") {
		return true
	}
	n := toks[i+1].fold
	return prepositions[n] || notPlaces[n] || holderLinks[n] || n == "في" || strings.HasPrefix(n, "ال") || strings.HasPrefix(n, "و")
}

// holderReach is how many words from an unknown place its sentence's
// nearest place may lie to locate it.
const holderReach = 25

// nearestHolder returns the index in ps of the place nearest token i in
// its sentence, within holderReach words, preferring any place with a
// country below country level to a country; ok is false if none.
func nearestHolder(text string, toks []token, ps []Place, i int) (int, bool) {
	best, bestD, country, countryD := -1, 0, -1, 0
	for k, p := range ps {
		if p.Country == "" {
			continue
		}
		var lo, hi int
		if p.Span.End <= toks[i].start {
			lo, hi = p.Span.End, toks[i].start
		} else if p.Span.Start >= toks[i].end {
			lo, hi = toks[i].end, p.Span.Start
		} else {
			continue
		}
		if strings.ContainsAny(text[lo:hi], ".\n!؟?") {
			continue // another sentence
		}
		d := len(strings.Fields(text[lo:hi]))
		if d > holderReach {
			continue
		}
		if p.Kind == geo.KindCountry {
			if country < 0 || d < countryD {
				country, countryD = k, d
			}
			continue
		}
		if best < 0 || d < bestD {
			best, bestD = k, d
		}
	}
	if best >= 0 {
		return best, true
	}
	// The nearest finer place before it in its paragraph.
	for k := len(ps) - 1; k >= 0; k-- {
		p := ps[k]
		if p.Span.End > toks[i].start || p.Country == "" || p.Kind == geo.KindCountry {
			continue
		}
		if between := text[p.Span.End:toks[i].start]; !strings.Contains(between, "\n") && len(strings.Fields(between)) <= paragraphReach {
			return k, true
		}
		break
	}
	return country, country >= 0
}

// paragraphReach is how many words back, within its paragraph, an unknown
// place's sentence may look for a place to locate it.
const paragraphReach = 80
