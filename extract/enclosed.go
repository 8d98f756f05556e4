package extract

import (
	"slices"
	"strings"

	"github.com/athar-org/athar/geo"
)

// Places the gazetteer lacks, named after a place noun (بلدة, قرية, حي ...)
// and located by a place the text names with them.

// enclosingHeads are place nouns after which an unknown word is a place's
// name: بلدة غرانيج, قرية X, جرود X. Their duals and plurals that head a
// list are in listHeadsOf.
var enclosingHeads = setOf("بلده", "قريه", "مخيم", "جرود", "جرد", "وادي", "جبل", "جبال", "معبر", "حي", "ناحيه",
	"مزرعه", "غابه", "غابات", "بلديه", "محميه", "مطار", "منطقه", "قضاء", "مديريه", "جزيره",
	"واحه", "منخفض", "مقاطعه", "مدينه")

// holderLinks may stand between an unknown place and the place that holds
// it: a place noun with its preposition (غابة كاتوبا بمنطقة ماكوميا) or a
// direction (جبل مكحول شمال بيجي, حي X وسط المدينة).
var holderLinks = setOf("بمنطقه", "بمحافظه", "بولايه", "بقضاء", "بمديريه", "بناحيه", "بريف", "بمدينه", "ببلده",
	"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "بالقرب", "بضواحي", "ضواحي")

// enclosed adds a place the gazetteer lacks but the text locates: a place
// noun, an unknown name, and في or ب with a place found (بلدة غرانيج بريف
// دير الزور الشرقي). The new place takes the coordinates and country of the
// one that holds it (nothing finer is known) and says so in its name; its
// ID is "in:", the holder's ID, ":" and the folded name ("near:" when the
// holder is beside it or a guess: see strongHeads). A place noun in the
// dual or plural heads a list (حيي الكلاكلة وأركويت بالخرطوم), whose names
// share the holder after the last.
func (f *PlaceFinder) enclosed(text string, toks []token, ps []Place) []Place {
	at := make(map[int]int, len(ps)) // byte start → index in ps
	covered := make([]bool, len(toks))
	for i, p := range ps {
		at[p.Span.Start] = i
		markBusy(toks, covered, p.Span)
	}
	var add []Place
	type item struct{ first, last int }
	var items []item
	for i := 1; i < len(toks); i++ {
		head, list := enclosingHead(toks[i-1].fold)
		if head == "" || covered[i] || covered[i-1] || toks[i].class != 'a' || !toks[i].joined || toks[i].tag != 0 {
			continue
		}
		last, ok := f.unknownName(text, toks, covered, i, toks[i].fold)
		if !ok {
			continue
		}
		items = append(items[:0], item{i, last})
		for list && last+1 < len(toks) {
			k := last + 1
			w := toks[k].fold
			if covered[k] || !toks[k].joined || toks[k].class != 'a' || !strings.HasPrefix(w, "و") || len(w) < 8 {
				break
			}
			if last, ok = f.unknownName(text, toks, covered, k, w[2:]); !ok {
				last = k - 1
				break
			}
			items = append(items, item{k, last})
		}
		if list && len(items) < 2 {
			continue // قرى مثل, بلدات تقع: a dual or plural names more than one place
		}
		// The holder: في Y or بY right after the name, or after a direction
		// or a place noun with ب (شمال شرقي بعقوبة, بمنطقة ماكوميا).
		j, in, nearness := last+1, false, false
		if j >= len(toks) {
			// the text's last word: no holder after it
		} else if toks[j].fold == "في" || toks[j].fold == "فى" {
			j, in = j+1, true
		} else if holderLinks[toks[j].fold] && j+1 < len(toks) && !covered[j] {
			if j+2 < len(toks) && directionWords[toks[j+1].fold] {
				j++ // شمال شرقي بعقوبة
			}
			if _, ok := at[toks[j+1].start]; ok && !strings.ContainsAny(text[toks[j].end:toks[j+1].start], "،,.:؛\n") {
				// قرب الحويجة, شمال تكريت: beside the holder, not in it.
				j, in, nearness = j+1, true, !strings.HasPrefix(toks[last+1].fold, "ب")
			}
		} else if strings.HasPrefix(toks[j].fold, "ب") {
			in = true
		}
		end := toks[last].end
		hi, ok := -1, false
		if in && j < len(toks) && !strings.ContainsAny(text[end:toks[j].start], "،,.:؛\n") {
			hi, ok = at[toks[j].start]
			if ok && (ps[hi].Kind == geo.KindCountry || ps[hi].Country == "") {
				i = last
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
		if !stated || nearness {
			rel, id = "near", "near:"
		}
		for _, it := range items {
			start, end := toks[it.first].start, toks[it.last].end
			name := geo.Fold(text[start:end])
			if it.first > i {
				start, name = start+len("و"), name[len("و"):] // the list's و is no part of the name
			}
			add = append(add, Place{
				Span: Span{toks[it.first].start, end}, Text: text[toks[it.first].start:end], Matched: text[start:end],
				Name: Romanize(text[start:end]) + " (" + rel + " " + h.Name + ")", Country: h.Country, Lat: h.Lat, Lon: h.Lon,
				Kind: kind, ID: id + h.ID + ":" + name, Via: "enclosing", Preposition: preposition(toks, i-1, toks[i-1].fold),
			})
		}
		i = last
	}
	if len(add) == 0 {
		return ps
	}
	out := append(ps, add...)
	slices.SortFunc(out, func(a, b Place) int { return a.Span.Start - b.Span.Start })
	return out
}

// enclosingHead returns the place noun a folded word is, proclitics (و, ف,
// ب, ل) removed and a dual or plural brought to the singular, and whether
// it was a dual or plural, which heads a list; "" if none.
func enclosingHead(w string) (string, bool) {
	w = stripConj(w)
	if len(w) > 2 && (strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل")) && (enclosingHeads[w[2:]] || listHeadsOf[w[2:]] != "") {
		w = w[2:]
	}
	if h := listHeadsOf[w]; h != "" {
		return h, true
	}
	if enclosingHeads[w] {
		return w, false
	}
	return "", false
}

// listHeadsOf are the duals and plurals of place nouns that head a list of
// names: مديريتي خوجياني وشيرزاد, قرى الرشاد والزركة.
var listHeadsOf = map[string]string{"مديريتي": "مديريه", "منطقتي": "منطقه", "حيي": "حي", "قريتي": "قريه",
	"بلدتي": "بلده", "مدينتي": "مدينه", "ناحيتي": "ناحيه", "قري": "قريه", "بلدات": "بلده", "مديريات": "مديريه",
	"احياء": "حي", "نواحي": "ناحيه"}

// unknownName reports whether the words from token i, whose folded first
// word is w (its list و removed), are a place's name the gazetteer lacks,
// and returns its last token: one word, or two or three (see compoundEnd).
func (f *PlaceFinder) unknownName(text string, toks []token, covered []bool, i int, w string) (int, bool) {
	if strings.HasPrefix(w, "لل") {
		return 0, false // مخيم للنازحين
	}
	if !namePrefixes[w] && (len(w) < 6 || neverLookedUp(w, nil) || groupWords[w] || f.g.Common(w) || civilians[w] || notNamesAfterHead[w]) {
		return 0, false
	}
	last, l := compoundEnd(text, toks, covered, i, w), w
	if last > i {
		l = toks[last].fold
	}
	if strings.HasPrefix(l, "ال") && (strings.HasSuffix(l, "ين") || strings.HasSuffix(l, "ون")) || notNamesAfterHead[l] {
		return 0, false // بلدة المسؤولين: a plural of people, not a name
	}
	return last, true
}

// namePrefixes open place names of more than one word: أبو كرمة, أم
// الشبابيط, كفر جالس, تل براك, عين عيسى.
var namePrefixes = setOf("ابو", "ام", "كفر", "عين", "تل", "بير", "بئر", "حوش", "دير", "خربه", "بني", "بيت", "راس",
	"سيدي", "قصر", "برج", "اولاد", "جسر", "سوق", "مزرعه", "شيخ", "الشيخ", "ذات", "جب", "عرب")

// nameLinks join the words of a name: فيضة ابن موينع, سلطان عبد الله.
var nameLinks = setOf("ابن", "بن", "عبد", "ابو", "ام")

// compoundEnd returns the last token of a place name of up to three words
// that starts at token i, whose folded first word is w: a name prefix and
// the word after it, a word and a link with the word after it, or two
// words without the article where the phrase ends after the second (حي
// شاهين بي، ...; مديرية تشابه دره في ...). Only spaces may stand between
// them.
func compoundEnd(text string, toks []token, covered []bool, i int, w string) int {
	next := func(k int) bool {
		return k < len(toks) && toks[k].joined && toks[k].class == 'a' && toks[k].tag == 0 && !covered[k] &&
			!prepositions[toks[k].fold] && !holderLinks[toks[k].fold]
	}
	last := i
	if namePrefixes[w] && next(i+1) {
		last = i + 1
	} else if !strings.HasPrefix(w, "ال") && next(i+1) && !nameLinks[toks[i+1].fold] && plainWord(toks[i+1].fold) &&
		(i+2 >= len(toks) || looseName(text, toks, i+1)) {
		return i + 1
	}
	if next(last+1) && next(last+2) && nameLinks[toks[last+1].fold] {
		last += 2
	} else if last == i+1 && (toks[last].fold == "السيد" || toks[last].fold == "الشيخ") && next(last+1) {
		last++ // حوش السيد علي
	}
	return last
}

// plainWord reports whether a folded word may be the second word of a
// two-word name: no article, no conjunction, and no word of the lexicons
// (مدينة بيمبا عاصمة الإقليم: عاصمة is no part of the name).
func plainWord(w string) bool {
	return !strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "و") && !strings.HasSuffix(w, "ه") && len(w) >= 4 &&
		!neverLookedUp(w, nil) && !notNamesAfterHead[w] && !groupWords[w] && !civilians[w] && !directions[w] &&
		!pronounPrepositions[w]
}

// pronounPrepositions are prepositions with a pronoun: منطقة يعلن فيها is
// "an area where ... is declared".
var pronounPrepositions = setOf("فيه", "فيها", "فيهم", "منه", "منها", "منهم", "عليه", "عليها", "عليهم", "اليه",
	"اليها", "اليهم", "له", "لها", "لهم", "به", "بها", "بهم", "عنه", "عنها", "عنهم")

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
// even with no holder right after it: the place is then located by a
// nationality adjective after it, else by a place named near it (see
// nearestHolder), and says "near" in its name.
var strongHeads = setOf("بلده", "قريه", "جبل", "جبال", "وادي", "مخيم", "مطار", "جزيره", "ناحيه", "واحه", "منخفض", "حي", "منطقه", "مقاطعه", "مديريه", "قضاء", "مدينه")

// looseName reports whether the unknown word at token i, after a place
// noun, may be a place's name though no holder follows it: without the
// article, not with a preposition glued on (مدينة لإعادة) nor a feminine
// ending (قرية قريبة); and not the first word of a longer name (مطار شارل
// ديغول: the next word must end the phrase, be a preposition, a function
// word, a direction, a conjunct or a word with the article).
func looseName(text string, toks []token, i int) bool {
	x := toks[i].fold
	if !strings.HasPrefix(x, "ال") && (strings.HasPrefix(x, "ل") || strings.HasSuffix(x, "ه")) {
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
// country below country level to a country; failing a finer place in the
// sentence, the last one before it in its paragraph, within paragraphReach
// words, before a country of the sentence; ok is false if none.
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
