package extract

import (
	"cmp"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

// Place is a place named in the text, resolved to one gazetteer entry.
type Place struct {
	Span    Span     `json:"span"`
	Text    string   `json:"text"`    // the words as written, clitics included (بالموصل)
	Matched string   `json:"matched"` // the gazetteer name that matched (الموصل)
	Name    string   `json:"name"`    // English or Latin name
	Country string   `json:"country"` // ISO 3166-1 alpha-2; "" for areas spanning countries
	Lat     float64  `json:"lat"`
	Lon     float64  `json:"lon"`
	Kind    geo.Kind `json:"kind"`
	ID      string   `json:"id"` // gazetteer ID
	// Via says how the place was recognised: "name", "adjective" (a
	// country's territory named by its adjective: الأراضي التركية),
	// "capital" (العاصمة العراقية) or "theme" (الساحل in a text about
	// Mali: see themeNames).
	Via string `json:"via"`
	// Preposition is the preposition governing the place, folded: the word
	// before it (الي, من, في, نحو, باتجاه, عبر, ...) or its proclitic (ب, ل,
	// ك); "" when none. A claim reads direction from it: فر إلى X, قدم من X.
	Preposition string `json:"preposition,omitempty"`
}

// PlaceFinder recognises places in Arabic text. It is safe for concurrent
// use.
type PlaceFinder struct {
	g        *geo.Gazetteer
	maxWords int
}

// NewPlaceFinder returns a finder over g.
func NewPlaceFinder(g *geo.Gazetteer) *PlaceFinder {
	return &PlaceFinder{g: g, maxWords: min(g.MaxWords(), 6)}
}

// mention is a candidate found in the first pass.
type mention struct {
	first, last int // token range, inclusive
	key         string
	cands       []*geo.Place
	via         string
	trigger     bool     // a word such as مدينة precedes
	hintCountry string   // a nationality adjective follows: سرت الليبية
	single      bool     // one word, no trigger: weak evidence
	end         int      // byte end when the name is only the start of its word (glued), else 0
	kindHint    geo.Kind // the kind the word before names: مدينة الكويت is the city
}

// Find returns the places named in text, in text order. Spans are byte
// offsets into text.
func (f *PlaceFinder) Find(text string) []Place {
	toks := tokenize(text)
	var ms []*mention
	person := map[string]bool{} // words seen as part of a person's name in this text
	var vbuf [6]string
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.class != 'a' {
			continue
		}
		if j := quotedWilaya(text, toks, i); j > i {
			i = j // "ولاية الفرات": the group's province, not the river
			continue
		}
		if n := len(ms); n > 0 {
			if m := f.sharedHead(toks, i, ms[n-1]); m != nil {
				ms = append(ms, m)
				continue
			}
		}
		if m := f.matchAt(toks, i, vbuf[:0], person); m != nil {
			ms = append(ms, m)
			i = m.last
			continue
		}
		if m := f.glued(text, toks, i); m != nil {
			ms = append(ms, m)
			continue
		}
		if m := f.byVariant(toks, i, person); m != nil {
			ms = append(ms, m)
			continue
		}
		if m := f.bySound(toks, i, person); m != nil {
			ms = append(ms, m)
		}
	}
	return f.byTheme(text, toks, f.enclosed(text, toks, f.resolve(text, toks, ms)))
}

// themeNames are words that name a region only in a text about it: الساحل
// is the coast in most Arabic and the Sahel in a text that names Mali or
// Niger. Each maps to the region's gazetteer ID and the countries one of
// which the text must name.
var themeNames = map[string]struct {
	id        string
	countries []string
}{
	"الساحل": {"athar:sahel", []string{"ML", "NE", "BF", "TD", "MR"}},
}

// byTheme adds the places of themeNames: a word, perhaps with و, ب or في
// before it, with no adjective after it (الساحل السوري, الساحل الأيمن are
// other coasts), not a group's province (ولاية الساحل), in a text whose
// places name one of the region's countries.
func (f *PlaceFinder) byTheme(text string, toks []token, ps []Place) []Place {
	var add []Place
	var covered []bool // made at the first theme word: most texts have none
	for i, t := range toks {
		if t.class != 'a' || t.tag != 0 {
			continue
		}
		key := themeKey(t.fold)
		if key == "" {
			continue
		}
		if covered == nil {
			covered = make([]bool, len(toks))
			for _, p := range ps {
				markBusy(toks, covered, p.Span)
			}
		}
		if covered[i] {
			continue
		}
		if i+1 < len(toks) && toks[i+1].joined && toks[i+1].class == 'a' && strings.HasPrefix(stripConj(toks[i+1].fold), "ال") {
			continue // الساحل السوري
		}
		if i > 0 && toks[i].joined && (isWilaya(toks[i-1].fold) || afterDefiniteNoun(toks, i)) {
			continue // ولاية الساحل; الشريط الساحل...
		}
		th := themeNames[key]
		named := false
		for _, p := range ps {
			if slices.Contains(th.countries, p.Country) {
				named = true
				break
			}
		}
		rp := f.g.ByID(th.id)
		if !named || rp == nil {
			continue
		}
		add = append(add, Place{
			Span: Span{t.start, t.end}, Text: text[t.start:t.end], Matched: rp.Arabic,
			Name: rp.Name, Country: rp.Country, Lat: rp.Lat, Lon: rp.Lon, Kind: rp.Kind, ID: rp.ID, Via: "theme",
			Preposition: preposition(toks, i, key),
		})
	}
	if len(add) == 0 {
		return ps
	}
	out := append(ps, add...)
	slices.SortFunc(out, func(a, b Place) int { return a.Span.Start - b.Span.Start })
	return out
}

// themeKey returns the theme name a folded word is, with its clitics
// (والساحل, بالساحل), or "".
func themeKey(w string) string {
	for name := range themeNames {
		if !strings.HasSuffix(w, name) {
			continue // most words: no clitics to try
		}
		var vbuf [6]string
		if slices.Contains(clitics(w, vbuf[:0]), name) {
			return name
		}
	}
	return ""
}

// clitics returns the forms of a folded word with its proclitics removed,
// the word itself first: والرقه → الرقه; للرقه → الرقه; بحلب → حلب.
func clitics(w string, out []string) []string {
	out = append(out, w)
	const minRest = 6 // three Arabic letters, two bytes each
	s := w
	if len(s) > minRest && (strings.HasPrefix(s, "و") || strings.HasPrefix(s, "ف")) {
		s = s[2:]
		out = append(out, s)
	}
	if len(s) > minRest {
		switch {
		case strings.HasPrefix(s, "لل"):
			out = append(out, "ا"+s[2:])
		case strings.HasPrefix(s, "ب"), strings.HasPrefix(s, "ل"):
			out = append(out, s[2:])
		case strings.HasPrefix(s, "كال"):
			// ك "like" is rare before a bare name and often a verb's
			// first letter (كسرت): only before the article.
			out = append(out, s[2:])
		}
	}
	return out
}

func (f *PlaceFinder) matchAt(toks []token, i int, vbuf []string, person map[string]bool) *mention {
	t := &toks[i]
	// How many words may follow in one name: only spaces between them.
	n := 1
	for n < f.maxWords && i+n < len(toks) && toks[i+n].joined && toks[i+n].class == 'a' {
		n++
	}
	trigger := i > 0 && (placeTriggers[toks[i-1].fold] || weakTriggers[toks[i-1].fold])
	strong := i > 0 && placeTriggers[toks[i-1].fold]
	variants := clitics(t.fold, vbuf)
	if n >= 2 && len(t.fold) == 6 && (strings.HasPrefix(t.fold, "و") || strings.HasPrefix(t.fold, "ف")) {
		// وتل أبيض: a conjunction on a two-letter first word of a longer
		// name, which clitics keeps whole (ومن, فقد).
		variants = append(variants, t.fold[2:])
	}
	var buf [128]byte
	key := buf[:0]
	for w := n; w >= 2; w-- {
		for _, v := range variants {
			if w > phraseWords[v] {
				continue
			}
			key = append(key[:0], v...)
			for k := i + 1; k < i+w; k++ {
				key = append(key, ' ')
				key = append(key, toks[k].fold...)
			}
			if notPlacePhrases[string(key)] {
				return &mention{first: i, last: i + w - 1} // skipped in resolve
			}
		}
	}
	for w := n; w >= 1; w-- {
		for vi, v := range variants {
			if w > f.g.WordsFrom(v) || (w == 1 && len(v) < 6) {
				continue
			}
			key = append(key[:0], v...)
			for k := i + 1; k < i+w; k++ {
				key = append(key, ' ')
				key = append(key, toks[k].fold...)
			}
			if !f.g.HasBytes(key) {
				continue
			}
			k := string(key)
			if !wholeTag(toks, i, i+w-1) {
				continue
			}
			if w == 1 && !f.singleOK(toks, i, v, vi > 0, strong, person) {
				continue
			}
			if w == 1 && i > 0 && toks[i].joined && isWilaya(toks[i-1].fold) && allCountries(f.g.LookupFolded(k)) {
				// ولاية اليمن, ولاية ليبيا: the group's "province", named
				// after a whole country, is an organisation, not a place.
				return &mention{first: i - 1, last: i}
			}
			m := &mention{first: i, last: i + w - 1, key: k, cands: f.g.LookupFolded(k), via: "name", trigger: trigger, single: w == 1 && !trigger}
			if i > 0 {
				m.kindHint = triggerKind(toks[i-1].fold)
			}
			if i+w < len(toks) && toks[i+w].joined {
				m.hintCountry = nisbaCountry(toks[i+w].fold)
			}
			return m
		}
		// A country's territory named by its adjective (الأراضي التركية),
		// after any gazetteer name of two words (الشمال السوري).
		if w == 2 {
			if m := f.adjectivePhrase(toks, i); m != nil {
				return m
			}
		}
	}
	return nil
}

// listHeads are the words for a mountain or a valley that, at the head of
// a list, name each item of it: جبال الشعانبي والسلوم وسمامة are three
// mountains, each named جبل X in the gazetteer.
var listHeads = map[string]string{"جبال": "جبل", "جبل": "جبل", "وديان": "وادي", "وادي": "وادي", "مخيمي": "مخيم", "مخيمات": "مخيم"}

// sharedHead recognises an item of such a list at token i (والسلوم) when
// the mention before (جبال الشعانبي, or الشعانبي after جبال) is headed by
// such a word and only و stands between them.
func (f *PlaceFinder) sharedHead(toks []token, i int, prev *mention) *mention {
	if prev.last != i-1 || len(prev.cands) == 0 || !toks[i].joined || !strings.HasPrefix(toks[i].fold, "و") || len(toks[i].fold) < 8 {
		return nil
	}
	head, ok := listHeads[stripConj(toks[prev.first].fold)]
	if !ok && prev.first > 0 {
		head, ok = listHeads[stripConj(toks[prev.first-1].fold)]
	}
	// الشعانبي والسلوم, الهول وروج: the first is known as جبل الشعانبي,
	// مخيم الهول.
	for _, h := range []string{"جبل", "مخيم"} {
		if !ok && f.g.Has(h+" "+prev.key) {
			head, ok = h, true
		}
	}
	if !ok {
		return nil
	}
	key := head + " " + toks[i].fold[2:]
	cands := f.g.LookupFolded(key)
	if len(cands) == 0 {
		return nil
	}
	return &mention{first: i, last: i, key: key, cands: cands, via: "name", trigger: true}
}

// glued finds a country or major place name glued to the next sentence's
// first word, as scraped headings often are: "تركيا وإيرانوتشير" holds
// إيران followed by وتشير. Only names of four letters or more of countries,
// regions and cities of 500,000 or more are taken, and only before و and a
// word of three letters or more.
func (f *PlaceFinder) glued(text string, toks []token, i int) *mention {
	t := toks[i]
	w := t.fold
	if len(w) < 14 || t.tag != 0 { // seven letters at least
		return nil
	}
	var vbuf [6]string
	for cut := 8; cut+8 <= len(w); cut += 2 { // the name has four letters or more, the next word three or more
		if w[cut:cut+2] != "و" {
			continue
		}
		for _, v := range clitics(w[:cut], vbuf[:0]) {
			if len(v) < 8 || !f.g.Has(v) || notPlaces[v] {
				continue
			}
			var cands []*geo.Place
			for _, p := range f.g.LookupFolded(v) {
				if p.Kind == geo.KindCountry || p.Kind == geo.KindRegion || p.Population >= 500000 {
					cands = append(cands, p)
				}
			}
			if len(cands) == 0 {
				continue
			}
			// The byte in the text where the folded prefix ends.
			n := utf8.RuneCountInString(w[:cut])
			end := t.start
			for end < t.end && n > 0 {
				r, size := utf8.DecodeRuneInString(text[end:])
				if fr := geo.FoldRune(r); fr != 0 {
					n--
				}
				end += size
			}
			return &mention{first: i, last: i, key: v, cands: cands, via: "name", end: end}
		}
	}
	return nil
}

// bySound finds at token i a town the gazetteer names only in Latin
// letters (Zamboanga, Qandala, Butig), by the consonant skeleton of the
// Arabic word (see geo.Skeleton). A word is tried only in strong context: a
// place noun just before it (مدينة زامبوانغا, بلدة بوتيغ), or a preposition
// governing it (في, إلى, من, ب-), in which case accept wants the town's
// country named in the text. Words with the article are tried only after a
// place noun: after a preposition they are nearly always common nouns.
func (f *PlaceFinder) bySound(toks []token, i int, person map[string]bool) *mention {
	var vbuf [6]string
	vs, strong := lookupForms(toks, i, 6, person, vbuf[:0])
	for _, v := range vs {
		if !strong && (f.g.Common(v) || strings.HasPrefix(v, "ال")) || len(geo.Skeleton(v)) < 2 {
			continue
		}
		if cands := f.g.LookupSound(v); len(cands) > 0 {
			return wordMention(toks, i, v, cands, "sound", strong)
		}
	}
	return nil
}

// lookupForms returns the forms of the word at token i, of minLen bytes or
// more, that the lookups by sound and by spelling may try, and whether a
// place noun stands before it; none without a place noun or a preposition.
func lookupForms(toks []token, i, minLen int, person map[string]bool, out []string) ([]string, bool) {
	t := &toks[i]
	if t.tag != 0 || len(t.fold) < minLen {
		return nil, false
	}
	strong, prep := wordContext(toks, i)
	if !strong && !prep {
		return nil, false
	}
	var vbuf [6]string
	for vi, v := range clitics(t.fold, vbuf[:0]) {
		if len(v) < minLen || neverLookedUp(v, person) {
			continue
		}
		if vi > 0 && v != stripConj(t.fold) && !strong {
			continue // بشكل, لقتال: a proclitic on a common word
		}
		out = append(out, v)
	}
	return out, strong
}

// wordContext tells how the word at token i is placed: after a place noun
// (strong: مدينة زامبوانغا) or governed by a preposition (في, إلى, من).
// The lookups by sound and by spelling want one or the other.
func wordContext(toks []token, i int) (strong, prep bool) {
	if i == 0 || !toks[i].joined {
		return false, false
	}
	return placeTriggers[toks[i-1].fold], placePreps[stripConj(toks[i-1].fold)]
}

// neverLookedUp reports whether a form of a word is one the lookups by sound
// and by spelling skip whatever its context: a common word, adjective or
// preposition, a place noun, or a word of the people named in the text.
func neverLookedUp(v string, person map[string]bool) bool {
	return notPlaces[v] || commonAdjectives[v] || person[v] || placeTriggers[v] || weakTriggers[v] ||
		prepositions[v] || nameContext[v]
}

// wordMention is a one-word mention at token i found by the way via, with
// the hints of its neighbours: the place noun before it (مدينة, جبل) and a
// nisba after it (the country it is in).
func wordMention(toks []token, i int, key string, cands []*geo.Place, via string, strong bool) *mention {
	m := &mention{first: i, last: i, key: key, cands: cands, via: via, trigger: strong, single: true}
	if i > 0 {
		m.kindHint = triggerKind(toks[i-1].fold)
	}
	if i+1 < len(toks) && toks[i+1].joined {
		m.hintCountry = nisbaCountry(toks[i+1].fold)
	}
	return m
}

// byVariant finds at token i a place whose Arabic name the text spells
// another way (أغاديز for أغاديس, باتومي for باطومي: see geo.VariantKey).
// Like bySound it wants strong context: a place noun before the word, or a
// preposition governing it, in which case accept wants the place's country
// named in the text or a large city.
func (f *PlaceFinder) byVariant(toks []token, i int, person map[string]bool) *mention {
	var vbuf [6]string
	vs, strong := lookupForms(toks, i, 8, person, vbuf[:0])
	for _, v := range vs {
		if f.variantCommon(v) {
			continue
		}
		if cands := f.g.LookupVariant(v); len(cands) > 0 {
			return wordMention(toks, i, v, cands, "variant", strong)
		}
	}
	return nil
}

// variantCommon reports whether a folded word, without its article and a
// nisba's feminine ending, is a common word that spells a place name
// another way (الغارة and القارة): see geo.Gazetteer.Common.
func (f *PlaceFinder) variantCommon(v string) bool {
	bare := strings.TrimPrefix(v, "ال")
	if f.g.Common(v) || f.g.Common(bare) {
		return true
	}
	stem, ok := strings.CutSuffix(bare, "ه")
	return ok && strings.HasSuffix(stem, "ي") && f.g.Common(stem)
}

// wholeTag reports whether tokens first..last, when in a hashtag, are the
// whole of it: #الكويت names a place, #أمطار_الكويت is a topic.
func wholeTag(toks []token, first, last int) bool {
	tag := toks[first].tag
	if tag == 0 && toks[last].tag == 0 {
		return true
	}
	if toks[last].tag != tag {
		return false
	}
	if first > 0 && toks[first-1].tag == tag {
		return false
	}
	return last+1 >= len(toks) || toks[last+1].tag != tag
}

// singleOK decides whether one word may be a place before looking at the
// candidates: common words, parts of a person's name and the subject of a
// verb of speech are not.
func (f *PlaceFinder) singleOK(toks []token, i int, v string, stripped, trigger bool, person map[string]bool) bool {
	w := toks[i].fold
	if trigger && i > 0 && toks[i].joined && adjectiveNouns[toks[i-1].fold] && !strings.HasPrefix(w, "ال") &&
		strings.HasSuffix(w, "يه") && nisbaCountry("ال"+w) != "" {
		return false // مدن تركية: Turkish towns, not Turkey
	}
	if commonAdjectives[w] || commonAdjectives[v] {
		return false // مناطق جديدة: new areas, even after a place noun
	}
	if prepositions[w] || prepositions[v] {
		return false // وأدى إلى مقتل folds as وادي + إلى: no place noun is followed by a preposition's name
	}
	if adjectivalNames[w] && afterDefiniteNoun(toks, i) {
		return false // التوتر القائم: the existing tension
	}
	if trigger {
		// منطقة الحي الصناعي: a common word followed by an adjective is
		// the start of a longer name the gazetteer lacks.
		if (notPlaces[v] || notPlaces[w]) && i+1 < len(toks) && toks[i+1].joined &&
			strings.HasPrefix(toks[i+1].fold, "ال") && nisbaCountry(toks[i+1].fold) == "" {
			return false
		}
		return true
	}
	if notPlaces[v] || notPlaces[w] || person[w] {
		return false
	}
	if i+1 < len(toks) && toks[i+1].joined && (toks[i+1].fold == "بن" || toks[i+1].fold == "ابن") {
		return false // كتيبة عقبة بن نافع: a man's name and his father's
	}
	if i > 0 && toks[i].joined {
		prev := toks[i-1].fold
		if nameContext[prev] || (givenNames[prev] && !stripped) {
			person[w] = true
			return false
		}
	}
	if i > 0 && toks[i].joined && !strings.HasPrefix(w, "ال") && strings.HasSuffix(w, "يه") {
		prev := toks[i-1].fold
		if adjectiveNouns[prev] || feminineIndefinite(prev) && nisbaCountry("ال"+w) != "" {
			return false // مصادر سورية, حملة أمنية تركية: an adjective of the noun before
		}
	}
	if i > 0 && toks[i].joined && accusativeNouns[toks[i-1].fold] && strings.HasSuffix(w, "يا") {
		return false // مقاتلا ألمانيا: a German fighter
	}
	if i > 1 && toks[i].joined && strings.HasSuffix(w, "يا") && toks[i-1].class == 'd' && quantityWords[toks[i-2].fold] {
		return false // نحو 30 إندونيسيا: about thirty Indonesians
	}
	if i > 0 && speechVerbs[toks[i-1].fold] && !stripped {
		// قال بالي: the speaker, unless the word names a country.
		for _, p := range f.g.LookupFolded(v) {
			if p.Kind == geo.KindCountry {
				return true
			}
		}
		return false
	}
	return true
}

// feminineIndefinite reports whether a folded word looks like an
// indefinite feminine or plural noun or adjective (أمنية, بهوية, عائلات),
// after which a nisba ending in ية is its adjective, not a country's name.
// Prepositions, place nouns and directions are not: إلى سورية, منطقة.
func feminineIndefinite(w string) bool {
	w = stripConj(w)
	if strings.HasPrefix(w, "ال") || prepositions[w] || placeTriggers[w] || weakTriggers[w] || placeHeads[w] ||
		utf8.RuneCountInString(w) < 4 {
		return false
	}
	return strings.HasSuffix(w, "ه") || strings.HasSuffix(w, "ات")
}

// isWilaya reports whether a folded word is ولاية with or without a
// proclitic (وولاية, بولاية, لولاية).
// quotedWilaya returns the last token of a quoted "ولاية X" that starts at
// token i (news quote the group's provinces: "ولاية الفرات", "ولاية
// الجزيرة"), or i when there is none.
func quotedWilaya(text string, toks []token, i int) int {
	if toks[i].fold != "ولايه" || i+1 >= len(toks) || !toks[i+1].joined {
		return i
	}
	r, _ := utf8.DecodeLastRuneInString(text[:toks[i].start])
	if !strings.ContainsRune("\"«“", r) {
		return i
	}
	for j := i + 1; j < len(toks) && j <= i+3; j++ {
		if r, _ := utf8.DecodeRuneInString(text[toks[j].end:]); strings.ContainsRune("\"»”", r) {
			return j
		}
		if j+1 < len(toks) && !toks[j+1].joined {
			break
		}
	}
	return i
}

func isWilaya(w string) bool {
	for _, p := range []string{"", "و", "ب", "ل", "وب", "ول"} {
		if w == p+"ولايه" {
			return true
		}
	}
	return false
}

func allCountries(ps []*geo.Place) bool {
	for _, p := range ps {
		if p.Kind != geo.KindCountry {
			return false
		}
	}
	return len(ps) > 0
}

// adjectivalNames are place names that are also common adjectives and are
// read as adjectives right after a definite noun: التوتر القائم is "the
// existing tension", أمن الدولة السعودية "Saudi State Security".
var adjectivalNames = setOf("القائم", "السعوديه", "المشرق")

// afterDefiniteNoun reports whether token i follows, with only a space, a
// definite noun that is neither a place noun nor a direction, so that a
// definite word at i agrees with it as an adjective.
func afterDefiniteNoun(toks []token, i int) bool {
	if i == 0 || !toks[i].joined || toks[i-1].class != 'a' || toks[i].tag != 0 || toks[i-1].tag != 0 {
		return false
	}
	prev := stripConj(toks[i-1].fold)
	if !strings.HasPrefix(prev, "ال") || len(prev) < 8 {
		return false
	}
	return !placeTriggers[prev] && !weakTriggers[prev] && !placeHeads[prev] && !prepositions[prev] && !notAdjectiveHosts[prev]
}

// notAdjectiveHosts are definite words after which a place name is the
// object or the subject of a clause, not an adjective: دخل الجيش القائم.
var notAdjectiveHosts = setOf("الله", "الجيش", "القوات", "التنظيم", "المسلحون", "المقاتلون", "العناصر", "الشرطه", "الحرس")

// commonAdjectives follow place nouns as adjectives (مناطق جديدة, مناطق
// أخرى) and are never a place on their own, whatever the gazetteer holds.
var commonAdjectives = setOf("جديده", "جديد", "اخري", "بعيده", "نائيه", "مختلفه", "عديده", "كثيره", "واسعه",
	"متفرقه", "متعدده", "امنه", "عشوايي", "عشواييه", "موقت", "موقته", "رسمي", "رسميه", "مهجوره", "مهجور")

// adjectivePhrase recognises الأراضي التركية, الحدود العراقية, العاصمة
// السورية at token i.
func (f *PlaceFinder) adjectivePhrase(toks []token, i int) *mention {
	if i+1 >= len(toks) || !toks[i+1].joined || !placeHeads[toks[i].fold] {
		return nil
	}
	cc := nisbaCountry(toks[i+1].fold)
	if cc == "" {
		return nil
	}
	if strings.HasSuffix(toks[i].fold, "العاصمه") {
		if name, ok := capitals[cc]; ok {
			for _, p := range f.g.Lookup(name) {
				if p.Country == cc && p.Kind == geo.KindCity {
					return &mention{first: i, last: i + 1, key: geo.Fold(name), cands: []*geo.Place{p}, via: "capital", trigger: true}
				}
			}
		}
		return nil
	}
	c := f.g.Country(cc)
	if c == nil {
		return nil
	}
	return &mention{first: i, last: i + 1, key: geo.Fold(c.Arabic), cands: []*geo.Place{c}, via: "adjective", trigger: true}
}

// nisbaCountry returns the country of a nationality adjective (التركية,
// العراقي, سورية as adjective is not handled: it is also the country's name).
func nisbaCountry(w string) string {
	s := strings.TrimPrefix(w, "ال")
	if s == w {
		return "" // an adjective of a definite noun carries the article
	}
	s = strings.TrimSuffix(s, "ه")
	return foldedNisbas[s]
}

// foldedNisbas is nisbas keyed by folded stems, as text is compared: جزائري
// folds to جزايري.
var foldedNisbas = func() map[string]string {
	m := make(map[string]string, len(nisbas))
	for k, v := range nisbas {
		m[geo.Fold(k)] = v
	}
	return m
}()

// resolve picks one gazetteer entry per mention: by the countries the text
// names, by nearness to the places already certain, and by kind and size.
func (f *PlaceFinder) resolve(text string, toks []token, ms []*mention) []Place {
	countries := map[string]int{}
	var anchors []*geo.Place
	for _, m := range ms {
		if len(m.cands) == 0 {
			continue
		}
		// Only a name whose every reading lies in one country says the
		// text is about that country (عمان, Oman or Amman, does not).
		same := true
		for _, p := range m.cands[1:] {
			same = same && p.Country == m.cands[0].Country
		}
		if !same {
			continue
		}
		p := bestByPrior(m.cands)
		if p.Kind == geo.KindCountry || !m.single || len(m.cands) == 1 && p.Population >= 100000 && mainArea[p.Country] {
			// A country, a name of several words, or a city of the region
			// with no namesake (سرت, درنة): the text is about its country.
			countries[p.Country]++
		}
		if len(m.cands) == 1 {
			anchors = append(anchors, p)
		}
	}
	containmentHints(toks, ms)
	out := make([]Place, 0, len(ms))
	var at, pops []int // the first token and the population of each place in out
	type scoredPlace struct {
		p *geo.Place
		s float64
	}
	var scores []scoredPlace
	for _, m := range ms {
		if len(m.cands) == 0 {
			continue
		}
		if notAPlace(toks, ms, m) {
			continue
		}
		scores = scores[:0]
		for _, p := range m.cands {
			s := prior(p)
			if n := countries[p.Country]; n > 0 {
				// The more often the text names a country, the likelier
				// its namesake: الخليل in a report that names Mali three
				// times is In Khalil, not Hebron.
				s += 3.5 + 1.5*float64(min(n, 4)-1)
			}
			if m.hintCountry != "" && p.Country == m.hintCountry {
				s += 6
			}
			if m.kindHint != "" && (p.Kind == m.kindHint || m.kindHint == geo.KindCity && p.Kind == geo.KindVillage) {
				s += 4
			}
			for _, a := range anchors {
				if a != p && a.Kind != geo.KindCountry && a.Kind != geo.KindRegion && geo.DistanceKm(a.Lat, a.Lon, p.Lat, p.Lon) < 250 {
					s += 1.5
					break
				}
			}
			// A place named a few words away, with one reading, says which
			// of the namesakes is meant: ذيبان والحوايج والشحيل are the
			// villages of Deir ez-Zor, not Dhiban in Jordan.
			if nearOneReading(ms, m, p) {
				s += 2.5
			}
			scores = append(scores, scoredPlace{p, s})
		}
		// The best reading the text supports; when it is dropped as too
		// small a place, the next: موسكو in a text that names the United
		// States is not Moscow, Idaho, but that is no reason to lose
		// Moscow.
		slices.SortStableFunc(scores, func(a, b scoredPlace) int { return cmp.Compare(b.s, a.s) })
		var best *geo.Place
		for _, sp := range scores {
			if f.accept(toks, ms, m, sp.p, countries) {
				best = sp.p
				break
			}
		}
		if best == nil {
			continue
		}
		if m.single && m.via == "name" && (best.Kind == geo.KindCity || best.Kind == geo.KindVillage) && best.Population < 100000 &&
			f.g.Common(m.key) && preposition(toks, m.first, m.key) == "" && !nearOneReading(ms, m, best) {
			continue // خلال الأشهر الماضية: a common word, no place context
		}
		start, end := toks[m.first].start, toks[m.last].end
		if best.Kind == geo.KindCountry && strings.Contains(text[start:end], "\u064b") {
			continue // أوقفت سوريًا يُدعى: a name takes no tanwin; a nisba does (a Syrian)
		}
		if m.end > 0 {
			end = m.end
		}
		out = append(out, Place{
			Span: Span{start, end}, Text: text[start:end], Matched: matchedName(best, m.key),
			Name: best.Name, Country: best.Country, Lat: best.Lat, Lon: best.Lon, Kind: best.Kind, ID: best.ID, Via: m.via,
			Preposition: preposition(toks, m.first, m.key),
		})
		at, pops = append(at, m.first), append(pops, int(best.Population))
	}
	return dropStrays(out, at, pops, countries)
}

// nearOneReading reports whether a place with one reading, other than a
// country, is named within 12 words of m and lies within 300 km of p: the
// neighbours of طفس وجاسم وانخل make جاسم a town, not a given name.
func nearOneReading(ms []*mention, m *mention, p *geo.Place) bool {
	for _, n := range ms {
		if n == m || len(n.cands) != 1 || n.cands[0].Kind == geo.KindCountry || n.first-m.last > 12 || m.first-n.last > 12 {
			continue
		}
		if q := n.cands[0]; q != p && geo.DistanceKm(q.Lat, q.Lon, p.Lat, p.Lon) < 300 {
			return true
		}
	}
	return false
}

// dropStrays removes a small town far from everything around it: a local
// name the gazetteer lacks that matched a town abroad (إقليم باري in a report
// on Somalia is not Bari in Italy). A place is a stray when it is a town of
// fewer than 500,000 people outside the main area, its country is not named
// in the text, and every other place within 40 words of it lies more than
// 1,500 km away.
func dropStrays(ps []Place, at, pops []int, countries map[string]int) []Place {
	out := ps[:0:0]
	for i, p := range ps {
		if p.Kind == geo.KindCountry || p.Kind == geo.KindRegion || mainArea[p.Country] || countries[p.Country] > 0 {
			out = append(out, p)
			continue
		}
		near, far := 0, 0
		for j, q := range ps {
			if j == i || at[j]-at[i] > 40 || at[i]-at[j] > 40 {
				continue
			}
			near++
			if geo.DistanceKm(p.Lat, p.Lon, q.Lat, q.Lon) > 1500 {
				far++
			}
		}
		if near > 0 && near == far && pops[i] < 500000 {
			continue
		}
		out = append(out, p)
	}
	return out
}

// preposition finds the preposition governing the place at token i whose
// matched name is key: a proclitic (بالموصل, لتركيا) or the word before,
// skipping a place noun (إلى مدينة الرقة, بمدينة الرقة).
func preposition(toks []token, i int, key string) string {
	w := toks[i].fold
	first, _, _ := strings.Cut(key, " ")
	if w != first && len(w) > 2 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		w = w[2:]
	}
	if w != first && len(w) > 2 {
		switch c := w[:2]; c {
		case "ب", "ل", "ك":
			return c
		}
	}
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		p := toks[j].fold
		if len(p) > 2 && (strings.HasPrefix(p, "و") || strings.HasPrefix(p, "ف")) && prepositions[p[2:]] {
			p = p[2:]
		}
		if prepositions[p] {
			return p
		}
		if len(p) > 2 && (strings.HasPrefix(p, "ب") || strings.HasPrefix(p, "ل")) && (placeTriggers[p[2:]] || weakTriggers[p[2:]]) {
			return p[:2] // بمدينة الرقة
		}
		if !placeTriggers[p] && !weakTriggers[p] {
			break
		}
	}
	return ""
}

// triggerKind is the kind of place a word before a name announces.
func triggerKind(w string) geo.Kind {
	if len(w) > 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل")) && placeTriggers[w[2:]] {
		w = w[2:]
	}
	switch w {
	case "مدينه", "بلده", "قريه", "مدينتي", "بلدتي", "قريتي", "مدن", "بلدات", "قري":
		return geo.KindCity
	case "محافظه", "ولايه", "اقليم", "منطقه":
		return geo.KindRegion
	case "مخيم", "مطار", "معبر", "سجن":
		return geo.KindPOI
	}
	return ""
}

// containmentHints gives a place followed by "في Y" (or "بY") the country of
// Y when Y names one country: رفح ... في شمال سيناء is the Egyptian Rafah.
// Places joined by و share the hint: مدينتي رفح والشيخ زويد في شمال سيناء.
func containmentHints(toks []token, ms []*mention) {
	for k := len(ms) - 2; k >= 0; k-- {
		m, next := ms[k], ms[k+1]
		if m.hintCountry != "" || len(m.cands) == 0 || len(next.cands) == 0 {
			continue
		}
		gap := next.first - m.last
		nf := toks[next.first].fold
		switch {
		case gap == 2 && (toks[m.last+1].fold == "في" || toks[m.last+1].fold == "فى"),
			gap == 1 && strings.HasPrefix(nf, "ب") && toks[next.first].joined:
			if c := oneCountry(next.cands); c != "" {
				m.hintCountry = c
			}
		case gap == 1 && strings.HasPrefix(nf, "و") && toks[next.first].joined:
			m.hintCountry = next.hintCountry
		case gap == 1 && directions[nf] && next.last > next.first,
			gap == 2 && directions[toks[m.last+1].fold]:
			// الخليل شمال مالي, X جنوب العاصمة الليبية طرابلس
			if c := oneCountry(next.cands); c != "" {
				m.hintCountry = c
			}
		}
	}
}

// directions are the words that place a place relative to another one
// (X شمال Y): the directions of the compass and وسط.
var directions = func() map[string]bool {
	m := maps.Clone(directionWords)
	m["وسط"] = true
	return m
}()

// oneCountry returns the country all candidates share, or "".
func oneCountry(ps []*geo.Place) string {
	c := ps[0].Country
	for _, p := range ps[1:] {
		if p.Country != c {
			return ""
		}
	}
	return c
}

// notAPlace rejects a mention whatever its reading.
func notAPlace(toks []token, ms []*mention, m *mention) bool {
	if m.first == m.last && !m.trigger {
		if _, ok := triggers.m[stripConj(toks[m.first].fold)]; ok {
			return true // لجأوا read as ل + جاوا (Gao): a verb of the claims, not a place
		}
	}
	if m.single && adjectiveTowns[m.key] && preposition(toks, m.first, m.key) == "" &&
		!(m.first > 0 && (toks[m.first-1].fold == "العاصمه" || placeTriggers[toks[m.first-1].fold])) {
		return true // ضبطت مبالغ مالية: financial, not Malé, unless governed (في ماليه)
	}
	if m.single && verbNames[m.key] && !coordinatedMention(toks, ms, m) {
		return true // روج لأفكار التنظيم: promoted, not the Roj camp of مخيمي الهول وروج
	}
	return false
}

// verbNames are place names spelt like a verb, taken only as the second of
// two places joined by و: مخيمي الهول وروج, "الهول" و"روج". After a
// place noun they are read as part of the whole name (مخيم روج).
var verbNames = setOf("روج")

// coordinatedMention reports whether m follows another place mention, joined
// to it by و (glued or alone between quotes).
func coordinatedMention(toks []token, ms []*mention, m *mention) bool {
	gap := 1
	if toks[m.first].fold == m.key || !strings.HasPrefix(toks[m.first].fold, "و") {
		if m.first < 1 || toks[m.first-1].fold != "و" {
			return false
		}
		gap = 2
	}
	for _, n := range ms {
		if n != m && len(n.cands) > 0 && n.last == m.first-gap {
			return true
		}
	}
	return false
}

// accept drops weak single-word matches of small places: a village called
// like a common word is far likelier than a mention of that village, unless
// the text is about its country.
func (f *PlaceFinder) accept(toks []token, ms []*mention, m *mention, p *geo.Place, countries map[string]int) bool {
	if p.Kind == geo.KindCountry && m.first == m.last && m.first > 1 && toks[m.first].joined && toks[m.first].tag == 0 &&
		toks[m.first].fold == stripConj(toks[m.first].fold) && toks[m.first-1].class == 'd' && toks[m.first-2].class == 'a' {
		return false // اعتقال 18 إندونيسيا: eighteen Indonesians, not Indonesia
	}
	if (m.via == "sound" || m.via == "variant") && m.hintCountry != "" && p.Country != m.hintCountry {
		return false // بلدة نصيب في محافظة درعا is in Syria: not Nizip, Turkey
	}
	if m.single && m.first > 0 && isWord(naturalFeatures, toks[m.first-1].fold) && p.Kind != geo.KindRegion &&
		(m.via == "sound" || m.via == "variant" || countries[p.Country] == 0 && !strings.HasPrefix(p.ID, "athar:")) {
		// وادي الصواب is no town in China: a valley, a mountain or a
		// desert the data lacks. (جبل سنجار, named after the town of a
		// country the text names, stays.)
		return false
	}
	if m.via == "sound" {
		// Found by sound: a place noun before it and a town of some size,
		// or a town of a country the text names.
		named := countries[p.Country] > 0 || m.hintCountry == p.Country
		switch sk := len(geo.Skeleton(m.key)); {
		case m.trigger && sk >= 3:
			// A town of a country the text never names, heard in a word
			// after حي or ناحية, is more often a local name the gazetteer
			// lacks (حي غويران is not Kharian in Pakistan, ناحية العظيم not
			// Cimahi in Indonesia, however large).
			return named || p.Population >= 1000 && len(countries) == 0
		case m.trigger:
			return named && p.Population >= 5000 || p.Population >= 50000 && len(countries) == 0
		default:
			return named && sk >= 3 && p.Population >= 15000
		}
	}
	if m.via == "variant" {
		// Spelt otherwise than the gazetteer has it: a place noun before
		// it, its country named in the text, or a large city.
		named := countries[p.Country] > 0 || m.hintCountry == p.Country
		return named || (m.trigger || p.Population >= 100000) && (len(countries) == 0 || mainArea[p.Country])
	}
	if !m.single || strings.HasPrefix(p.ID, "athar:") {
		return true // several words, a word such as مدينة before, or a place added by hand
	}
	switch p.Kind {
	case geo.KindCountry, geo.KindRegion, geo.KindPOI:
		return true
	}
	if p.Population >= 500000 || (p.Population >= 50000 && mainArea[p.Country]) {
		return true
	}
	if countries[p.Country] > 0 && len(m.key) >= 8 && (mainArea[p.Country] || p.Population >= 50000) {
		return true // وفي النمسا، ... في غراتس: a town of a country the text names
	}
	if countries[p.Country] > 0 && mainArea[p.Country] && p.Population >= 20000 && len(m.key) >= 6 && !f.g.Common(m.key) {
		return true // وفي العراق ... في هيت: a short name of a town of some size in a country the text names
	}
	if countries[p.Country] > 0 && mainArea[p.Country] && p.Population >= 10000 && nearOneReading(ms, m, p) {
		return true // أبرزها طفس وجاسم وانخل: a short name among its neighbours
	}
	if p.Population >= 100000 && len(m.key) >= 8 && placePreps[preposition(toks, m.first, m.key)] {
		return true // في لاهاي: a city of some size after في, إلى or من
	}
	return m.hintCountry == p.Country
}

// adjectiveTowns are towns spelt like a common adjective after a noun
// (مالية, financial): taken only after a preposition.
var adjectiveTowns = setOf("ماليه")

// naturalFeatures are place nouns of land, not of towns: a town heard by
// sound after one is another place.
var naturalFeatures = setOf("وادي", "جبل", "جبال", "صحراء", "باديه", "سهل", "بحيره", "نهر", "هضبه", "سلسله")

// placePreps govern a place so plainly that a city of 100,000 people after
// one is taken without further evidence.
var placePreps = setOf("في", "الي", "الى", "من", "نحو", "باتجاه")

func prior(p *geo.Place) float64 {
	switch p.Kind {
	case geo.KindCountry:
		// Of two countries of one name, the larger: الكونغو alone is
		// more often the Democratic Republic than Brazzaville.
		return 9 + math.Log10(float64(p.Population)+10)/20
	case geo.KindRegion:
		if strings.HasPrefix(p.ID, "athar:") {
			return 8
		}
		return 6.5
	case geo.KindPOI:
		return 6
	case geo.KindVillage:
		return math.Log10(float64(p.Population)+10) - 0.5
	}
	if p.Population >= 1_000_000 {
		// A city of millions is named bare the world over: موسكو in a
		// text that names the United States is still Moscow, not Moscow,
		// Idaho.
		return math.Log10(float64(p.Population)+10) + 1.5
	}
	return math.Log10(float64(p.Population) + 10)
}

func bestByPrior(ps []*geo.Place) *geo.Place {
	var best *geo.Place
	for _, p := range ps {
		if best == nil || prior(p) > prior(best) {
			best = p
		}
	}
	return best
}

func matchedName(p *geo.Place, key string) string {
	if geo.Fold(p.Arabic) == key {
		return p.Arabic
	}
	for _, n := range p.ArabicAlt {
		if geo.Fold(n) == key {
			return n
		}
	}
	return p.Arabic
}

// quantityWords come before a count of people: نحو 30, قرابة 40.
var quantityWords = setOf("نحو", "حوالي", "قرابه", "زهاء", "اكثر", "اقل", "من", "يقارب")
