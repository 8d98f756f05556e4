package extract

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

// Linker links a person's name to a registry entry.
type Linker interface {
	// Link returns the best registry entry for name with its score, or ""
	// when none reaches the linker's threshold.
	Link(ctx context.Context, name string) (id string, score float64, err error)
}

// DefaultLinkThreshold is the least screening score at which a name in the
// text is linked to a registry entry. It is higher than screening's own
// default: a name in the news carries no date of birth or nationality to
// tell namesakes apart.
const DefaultLinkThreshold = 0.7

// Extractor finds places, dates, people, organisations and claims in Arabic
// text. It is safe for concurrent use when its Linker is.
type Extractor struct {
	g      *geo.Gazetteer
	places *PlaceFinder
	linker Linker
}

// NewExtractor returns an extractor over the gazetteer g; l may be nil (no
// registry linking).
func NewExtractor(g *geo.Gazetteer, l Linker) *Extractor {
	return &Extractor{g: g, places: NewPlaceFinder(g), linker: l}
}

// Result is everything found in one text. Spans are byte offsets into it.
type Result struct {
	Places        []Place        `json:"places"`
	Dates         []Date         `json:"dates"`
	People        []*Person      `json:"people"`
	Organizations []Organization `json:"organizations"`
	Claims        []Claim        `json:"claims"`
}

// Extract analyses text; docDate (zero when unknown) resolves relative dates
// and bounds claims the text gives no date for.
func (x *Extractor) Extract(ctx context.Context, text string, docDate time.Time) (*Result, error) {
	toks := tokenize(text)
	r := &Result{Places: x.places.Find(text), Dates: FindDates(text, docDate)}
	r.Organizations = findOrgs(text, toks)
	busy := make([]bool, len(toks))
	for _, o := range r.Organizations {
		markBusy(toks, busy, o.Span)
	}
	for _, p := range r.Places {
		markBusy(toks, busy, p.Span)
	}
	r.People = findPeople(text, toks, busy, x.g)
	if x.linker != nil {
		for _, p := range r.People {
			if !p.linkable {
				continue
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			id, score, err := x.linker.Link(ctx, strings.Trim(p.Text, "\"'«» "))
			if err != nil {
				return nil, fmt.Errorf("link %q to the registry: %w", p.Name, err)
			}
			p.RegistryID, p.Score = id, math.Round(score*1000)/1000
		}
	}
	r.Claims = findClaims(text, toks, r, docDate)
	return r, nil
}

// markBusy marks the tokens inside span.
func markBusy(toks []token, busy []bool, s Span) {
	for i := tokenAt(toks, s.Start); i < len(toks) && toks[i].start < s.End; i++ {
		if toks[i].end > s.Start {
			busy[i] = true
		}
	}
}

// tokenAt returns the index of the first token ending after byte off.
func tokenAt(toks []token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return toks[i].end > off })
}

// ref is something found in the text, by token range.
type ref struct {
	first, last int
}

// subjectRef is a possible subject of a claim.
type subjectRef struct {
	ref
	label, text string
	person      *Person
}

func findClaims(text string, toks []token, r *Result, docDate time.Time) []Claim {
	// Token ranges of what was found.
	span := func(s Span) ref {
		a := tokenAt(toks, s.Start)
		b := tokenAt(toks, s.End-1)
		return ref{a, b}
	}
	placeRefs := make([]ref, len(r.Places))
	for i, p := range r.Places {
		placeRefs[i] = span(p.Span)
	}
	dateRefs := make([]ref, len(r.Dates))
	for i, d := range r.Dates {
		dateRefs[i] = span(d.Span)
	}
	busy := make([]bool, len(toks))
	for _, p := range r.Places {
		markBusy(toks, busy, p.Span)
	}
	// Tokens a reader passes over between an event and its place: names
	// of people and dates.
	skip := make([]bool, len(toks))
	for _, d := range r.Dates {
		markBusy(toks, skip, d.Span)
	}
	for _, o := range r.Organizations {
		markBusy(toks, skip, o.Span) // بمشاركة "قوات سوريا الديمقراطية": a name, read as one word
	}
	var subjects []subjectRef
	for _, p := range r.People {
		for _, m := range p.Mentions {
			rf := span(m)
			for k := rf.first; k <= rf.last; k++ {
				busy[k] = true
				skip[k] = true
			}
			if !p.Speaker {
				subjects = append(subjects, subjectRef{ref: rf, label: p.Name, text: text[m.Start:m.End], person: p})
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		if busy[i] || toks[i].class != 'a' {
			continue
		}
		if last, label, ok := groups.match(text, toks, i); ok {
			subjects = append(subjects, subjectRef{ref: ref{i, last}, label: label, text: text[toks[i].start:toks[last].end]})
			i = last
		}
	}
	sort.Slice(subjects, func(a, b int) bool { return subjects[a].first < subjects[b].first })

	var out []Claim
	var lastSubject subjectRef
	lastAttribution := ""
	prevEnd := 0
	// The headline: the first line, when the text has more than one.
	headlineEnd := -1
	if lead := len(text) - len(strings.TrimLeft(text, " \t\r\n")); lead < len(text) {
		if i := strings.IndexByte(text[lead:], '\n'); i > 0 {
			headlineEnd = lead + i
		}
	}
	for _, s := range splitSentences(text) {
		a, b := tokenAt(toks, s.start), tokenAt(toks, s.end)
		gap := text[prevEnd:s.start]
		prevEnd = s.end
		if a >= b {
			continue
		}
		if strings.Contains(gap, "\n") && !continues(toks, a) {
			lastAttribution = "" // a new paragraph that does not carry on the quote
		}
		srcs := sourcesIn(text, toks, a, b, r.People)
		// Triggers of the sentence.
		type trig struct {
			first, last      int
			typ              ClaimType
			haven, at, enter bool
		}
		var ts []trig
		var stops []int             // triggers dropped: they still end the scope of the one before
		var ruled []int             // of those, the triggers ruled out (negated, denied, planned ...)
		var basePlace map[int][]int // trigger → its places, for اتخذ من X مقرا (rare: made when needed)
		heading := s.end <= headlineEnd || headingLine(text, s, a, b)
		for k := a; k < b; k++ {
			if busy[k] || toks[k].class != 'a' {
				continue
			}
			if clauseBreak(toks, k, b) {
				// ونُقلوا إلى سجون في بغداد، فيما بقيت النساء ... إلى
				// مناطقهم في نينوى: a clause of another subject ends the
				// places of the trigger before it.
				stops = append(stops, k)
				continue
			}
			last, typ, ok := triggers.match(text, toks, k)
			if !ok && heading && len(ts) == 0 && len(stops) == 0 && fromTo(toks, placeRefs, r.Places, k) {
				// A headline's من الهول إلى رأس العين: a move, verb unsaid.
				last, typ, ok = k, string(MovedTo), true
			}
			if ok && attributive(toks, k, b) {
				continue // نقلت صحيفة "الشرق الأوسط" عن مصادر: quoting, not moving
			}
			if ok && typ == string(MovedTo) && operationMoves(toks, k, a) {
				continue // في حملات متزامنة انطلقت فجر الثلاثاء: the operation set off, no one went
			}
			if ok && (typ == string(MovedTo) || typ == string(FledTo) || typ == string(CrossedBorderTo)) && stateMove(text, toks, k, last, b, busy) {
				stops = append(stops, k)
				k = last
				continue // انسحبت القوات الأمريكية إلى العراق, أرسلت تركيا قوات: a state's forces, not the group
			}
			if ok && toks[k].fold == "وصولا" && len(ts) > 0 {
				continue // ليتشتت مقاتلوه جنوبا وصولا إلى أوباري: the movement before goes on
			}
			if !ok && !(k+1 < b && toks[k+1].fold == "عن") { // نقلا عن: quoting
				typ, ok = triggers.matchInflected(toks, k)
				last = k
			}
			if !ok || last >= b {
				continue
			}
			if fleeingParticiples[stripConj(toks[k].fold)] && !(last+1 < b && towardWords[toks[last+1].fold]) {
				continue // الهاربات يقمن في ..., وجهات الفارين: the fleeing named, not their flight
			}
			if negated(toks, k, a) || denied(text, toks, k, a) || unrealised(toks, k, a) || background(toks, k, a) || trade(toks, k, a, len(ts) > 0) ||
				purpose(toks, k, typ) || (len(ruled) > 0 && joinedTrigger(text, toks, ruled[len(ruled)-1], k)) {
				// A trigger joined by و to one ruled out shares its fate:
				// ينوي العبور إلى تركيا والوصول إلى إسطنبول.
				stops = append(stops, k)
				ruled = append(ruled, k)
				k = last
				continue
			}
			if n := len(ts); n > 0 && k-ts[n-1].last <= 3 && !punctBetween(text, toks, ts[n-1].last, k) && !onArrival(toks, k, ClaimType(typ)) &&
				!(typ == string(HidingIn) && ts[n-1].typ != HidingIn && !participle(toks[k].fold)) && // عاد متنكرا ليختبئ في مخيم: the hiding is its own claim (not يُنقلون مختبئين في صهاريج: how they moved)
				!(k-ts[n-1].last >= 3 && stripConj(toks[k].fold) != toks[k].fold && toks[k].fold[:2] == "و") && // هربتا من المخيم ودخلتا تركيا: two verbs
				!(strings.HasPrefix(toks[k].fold, "و") && eventType(ts[n-1].typ) && eventType(ClaimType(typ)) && ts[n-1].typ != ClaimType(typ)) {
				k = last // يلجأ إلى ملاذات: one statement, the first word's type (not مقتل 11 منهم واعتقال ثلاثة)
				continue
			}
			if n := len(ts); n > 0 && typ == string(HidingIn) && participle(toks[k].fold) && ts[n-1].typ == MovedTo &&
				joinVerb(stripConj(toks[ts[n-1].first].fold)) && k-ts[n-1].last <= 8 && !punctBetween(text, toks, ts[n-1].last, k) {
				k = last // التحقوا بمجموعات مسلحة متحصنة في جبال الشعانبي: where they joined the group
				continue
			}
			if (eliminations[geo.Fold(text[toks[k].start:toks[last].end])] || needPersons[stripConj(toks[k].fold)]) && !personsNext(text, toks, last+1, b, busy) {
				k = last // القضاء على آخر جيوب داعش: the end of a presence, not a death
				continue
			}
			if typ == string(KilledIn) && victimsAfter(toks, last) {
				k = last // مقتل ثلاثة من عناصر الشرطة, مقتل 11 جنديا: the group's victims
				continue
			}
			if w := stripConj(toks[k].fold); (w == "ضبط" || w == "ضبطت") && last+1 < b && seizedThings[stripConj(toks[last+1].fold)] {
				k = last // ضبط أسلحة: things seized, no one held
				continue
			}
			if last+1 < b && abstractNouns[toks[last+1].fold] && (typ == string(MovedTo) || typ == string(FledTo)) {
				stops = append(stops, k)
				k = last // عودة نشاط التنظيم: the return of an activity, not of people
				continue
			}
			if hideout(toks[k].fold) && k > a && (toks[k-1].fold == "الي" || toks[k-1].fold == "الى") {
				k = last // انتقل إلى مخبأ في جبال حمرين: the move's place, no trigger of its own
				continue
			}
			if redoVerbs[stripConj(toks[k].fold)] && (last+1 < b && redoNouns[stripConj(toks[last+1].fold)] || wordIn(toks, last+1, min(b, last+5), mindWords)) {
				k = last // أعاد تنظيم صفوفه, تعيد القضية إلى الأذهان: doing again, not sending back
				continue
			}
			if (typ == string(CrossedBorderTo) || typ == aliasStay) && last+1 < b && toks[last+1].fold == "عن" {
				k = last // يعبر عن: expresses
				continue
			}
			if isWord(presenceNouns, toks[k].fold) && !(last+1 < b && toks[last+1].fold == "في") {
				k = last // لينحسر وجوده بعد سقوط الباغوز: presence, but not at the place after it
				continue
			}
			if typ == aliasStay && !wordIn(toks, last+1, b, aliasWords) && !lodged(toks, k, last, b) && !fugitiveStay(toks, k, last, a, b) {
				k = last // عاشوا في إسطنبول: living there says nothing of hiding
				continue
			}
			if typ == locatedMove && k > a && timeWords[stripConj(toks[k-1].fold)] {
				// بعد رصد استمر أسابيع في وادي حميد: the watch before an
				// event, whose place it gives; no movement of its own.
				if n := len(ts); n > 0 && eventType(ts[n-1].typ) {
					ts = append(ts, trig{k, last, ts[n-1].typ, false, false, false})
				} else {
					stops = append(stops, k)
				}
				k = last
				continue
			}
			if typ == string(FledTo) && strings.Contains(text[toks[k].start:toks[k].end], "هرّب") {
				typ = string(MovedTo) // هرّبت الخلية نساء إلى منبج: smuggled others, written with its shadda
			}
			if typ == baseTaken {
				if pis, noun := takenBase(text, toks, r.Places, placeRefs, last, b); len(pis) > 0 {
					if basePlace == nil {
						basePlace = map[int][]int{}
					}
					basePlace[k] = pis
					ts = append(ts, trig{k, last, HidingIn, false, false, false})
					k = noun // the base noun (ملاذا) is this claim's, no haven of its own
					continue
				}
				k = last
				continue
			}
			switch typ {
			case havenTrigger:
				if k > a && (negations[stripConj(toks[k-1].fold)] || toks[k-1].fold == "ليست") {
					break // أراضينا ليست ملاذا لأحد
				}
				ts = append(ts, trig{k, last, FledTo, true, false, false})
			case destinationNoun:
				if t, ok := destinationList(text, toks, placeRefs, k, last, a, b); ok {
					ts = append(ts, trig{k, last, t, true, false, false})
				}
			case locatedMove:
				if settleVerbs[stripConj(toks[k].fold)] && (wordIn(toks, last+1, min(b, last+8), aliasWords) || wordIn(toks, last+1, min(b, last+8), hideoutWords)) {
					// ويستقر في أنقرة بهوية مزورة: settled under false papers is hiding
					ts = append(ts, trig{k, last, HidingIn, false, false, false})
					break
				}
				ts = append(ts, trig{k, last, MovedTo, false, true, false})
			case aliasStay:
				ts = append(ts, trig{k, last, HidingIn, false, false, false})
			default:
				w := stripConj(toks[k].fold)
				ts = append(ts, trig{k, last, ClaimType(typ), false, typ == string(MovedTo) && joinVerb(w), k == last && (enterVerbs[w] || headVerbs[w] || arrivalVerb(w))})
			}
			k = last
		}
		sentenceSource := lastAttribution
		scope := func(ti int) (start, end int) {
			end = b
			if ti+1 < len(ts) {
				end = ts[ti+1].first
			}
			for _, st := range stops {
				if st > ts[ti].last && st < end {
					end = st // دخلتا تركيا ... وكانتا تخططان للسفر إلى إسطنبول
				}
			}
			start = a
			if ti > 0 {
				start = ts[ti-1].last + 1
			}
			return start, end
		}
		// Each trigger's places and date, for an event that shares them
		// with the one before.
		taken := make([][]int, len(ts))
		takenDate := make([]*Date, len(ts))
		// placesOf picks the places of trigger ti in its scope.
		placesOf := func(ti int) []int {
			t := ts[ti]
			start, end := scope(ti)
			return pickPlaces(text, toks, skip, r.Places, placeRefs, t.typ, t.haven, t.at, t.enter, start, t.first, t.last, end)
		}
		for ti, t := range ts {
			start, end := scope(ti)
			chosen := placesOf(ti)
			if pis, ok := basePlace[t.first]; ok {
				chosen = pis
			}
			if len(chosen) == 0 && ti+1 < len(ts) && eventType(t.typ) && eventType(ts[ti+1].typ) &&
				strings.HasPrefix(toks[ts[ti+1].first].fold, "و") && ts[ti+1].first-t.last <= 8 &&
				!strings.ContainsAny(text[toks[t.last].end:toks[ts[ti+1].first].start], "،,:؛") {
				// مقتل 11 منهم واعتقال ثلاثة آخرين قرب مدينة بول: two events, one place
				chosen = placesOf(ti + 1)
			}
			if len(chosen) == 0 && eventType(t.typ) && ti+1 < len(ts) && ts[ti+1].first-t.last <= 20 && hideout(toks[ts[ti+1].first].fold) &&
				!strings.ContainsAny(text[toks[t.last].end:toks[ts[ti+1].first].start], ".:؛") {
				// مقتل خمسة بضربة على مضافة في وادي حوران: killed where the
				// hideout was struck
				chosen = placesOf(ti + 1)
			}
			if hideout(toks[t.first].fold) {
				// A hideout alone is no claim: annotators counted one in
				// fewer than half of the texts that named one.
				continue
			}
			if len(chosen) == 0 && eventType(t.typ) && ti+1 < len(ts) && ts[ti+1].first-t.last <= 24 && onArrival(toks, ts[ti+1].first, ts[ti+1].typ) {
				// اعتقل فور وصوله إلى مطار فرانكفورت: the arrest is where the
				// arrival ends (the arrival is a claim of its own)
				chosen = placesOf(ti + 1)
			}
			if len(chosen) == 0 {
				var where bool
				chosen, where = placeReferredTo(text, toks, r.Places, placeRefs, t.typ, t.first, t.last, a, b)
				_, ok := pickSubject(subjects, t.first, t.last, t.first-1, end)
				// حيث أوقفوا فور وصولهم, حيث أوقفهما جهاز الأمن: the verb's own
				// pronoun is the people the sentence told of.
				ok = ok || eventType(t.typ) && t.first == t.last && objectPronoun(toks[t.first].fold)
				if where && (!ok && t.typ != HidingIn || weakPresence[stripConj(toks[t.first].fold)]) {
					// حيث قتل ضابط, حيث ينشط تنظيم آخر: something else
					// happens there, not to the subject
					chosen = nil
				}
			}
			shared := -1 // the trigger whose outcome this one shares
			if u := ti - 1; len(chosen) == 0 && u >= 0 && len(taken[u]) > 0 && eventType(t.typ) && eventType(ts[u].typ) && ts[u].typ != t.typ &&
				strings.HasPrefix(toks[t.first].fold, "و") && t.first-ts[u].last <= 24 && !strings.Contains(text[toks[ts[u].last].end:toks[t.first].start], ".") && !slices.ContainsFunc(stops, func(st int) bool { return st > ts[u].last && st < t.first }) {
				// أسفرت عن مقتل "أبو عبيدة"، وهو أمير أمني، واعتقال اثنين
				// آخرين: the second outcome of one raid, at its place
				chosen, shared = taken[u], u
			}
			if len(chosen) == 0 && ti == 0 && !slices.ContainsFunc(placeRefs, func(rf ref) bool { return rf.first > t.last && rf.first < end }) {
				// No place at all after the trigger (not even an origin: فروا
				// من بحيرة تشاد): the topic of the sentence is its place.
				chosen = topicPlace(text, toks, r.Places, placeRefs, a, t.first, eventType(t.typ))
			}
			if len(chosen) == 0 {
				continue
			}
			taken[ti] = chosen
			src, ok := sourceFor(srcs, t.first)
			attribution, official := src.text, src.official
			if !ok && continues(toks, a) || ok && src.inherit {
				attribution, official = sentenceSource, false
			}
			// Hedges and confirmations of this clause: from the end of the
			// trigger before to the end of this one's scope.
			hedgeEnd := t.last + 1
			if ti == len(ts)-1 {
				hedgeEnd = b // ..., بحسب ما يعتقد محللون
			}
			hedgeN, confirmN := certaintyWords(text, toks, start, hedgeEnd)
			subj, ok := pickSubject(subjects, t.first, t.last, a, end)
			if shared >= 0 && ok && subj.last < t.first {
				// مقتل "أبو خالد" واعتقال اثنين من مرافقيه: the name before
				// is the first outcome's, not this one's
				subj = subjectRef{label: "IS members"}
			}
			if !ok && presenceWords[stripConj(toks[t.first].fold)] {
				continue // القرار موجود في أنقرة: presence of something, not of someone
			}
			if (!ok || partitives[geo.Fold(subj.text)]) && civiliansBefore(toks, t.first, a) {
				continue // عودة آلاف منهم, of displaced people: civilians, not the group
			}
			if !ok {
				// No subject in the clause: the group of the claim before
				// (a person is not carried over: too often wrong).
				subj = lastSubject
				if subj.label == "" || subj.person != nil {
					subj = subjectRef{label: "IS members"}
				}
			} else {
				lastSubject = subj
			}
			c := 0.5
			if attribution != "" {
				c = 0.6
			}
			if official {
				c += 0.1
			}
			c += 0.15*float64(min(confirmN, 1)) - 0.15*float64(min(hedgeN, 2))
			c = math.Round(math.Max(0.05, math.Min(0.95, c))*100) / 100
			date := nearestDate(r.Dates, dateRefs, t.first, start, end)
			if date == nil && len(ts) == 1 {
				date = nearestDate(r.Dates, dateRefs, t.first, a, b)
			}
			if date == nil && shared >= 0 {
				date = takenDate[shared]
			}
			if date == nil && !docDate.IsZero() {
				date = &Date{End: Day{docDate}, Precision: PrecisionVague}
			}
			takenDate[ti] = date
			fledBefore := false // a flight earlier in the sentence
			for _, u := range ts[:ti] {
				fledBefore = fledBefore || u.typ == FledTo && !u.haven
			}
			for _, pi := range chosen {
				if p := r.Places[pi]; t.at && joinVerb(stripConj(toks[t.first].fold)) && r.Places[chosen[0]].Preposition == "في" &&
					p.Kind == geo.KindCountry && (p.Country == "SY" || p.Country == "IQ") {
					continue // التحق بالتنظيم في سوريا والعراق: joining the caliphate, background; a branch abroad is a move
				}
				typ := t.typ
				if typ == ArrestedIn && selfWithin(toks, t.last, end) {
					typ = SurrenderedIn // سلم أحد قادة التنظيم نفسه
				}
				// A town or region, not a country nor a country's territory
				// (الأراضي التركية): a crossing to it may be a move.
				within := r.Places[pi].Kind != geo.KindCountry && r.Places[pi].Via != "adjective"
				switch {
				case typ != CrossedBorderTo || !within:
				case stealthMove[stripConj(toks[t.first].fold)] && t.first == t.last:
					typ = MovedTo // تهريب ... إلى مدينة جرابلس: smuggled to a town, no border named
				case stealthCrossing(toks, t.first, t.last, placeRefs[pi].first) && !foreignOrigin(r.Places, placeRefs, pi, t.first, a):
					// تسللت ... إلى محيط بلدة عقيربات, تسربوا إلى صحراء الأنبار:
					// slipping into a town or region of the same country, with
					// no border named, is a move
					typ = MovedTo
				case toks[t.last].fold == "نهر":
					typ = MovedTo // عبروا نهر الفرات ... إلى بلدة الطيانة: a river crossed, no border
				}
				if f := toks[t.first].fold; typ == MovedTo && (isWord(arrivals, f) || dispersals[stripConj(f)]) && (fledBefore || escapedBefore(toks, start, t.first)) {
					// تمكنّ من الفرار ... ووصل معظمهن إلى ريف إدلب, انسحبوا من
					// الباغوز وتوزعوا على البادية: the flight's end
					typ = FledTo
				}
				if f := stripConj(toks[t.first].fold); typ == MovedTo && t.first == t.last && carriedWords[f] {
					switch {
					case (strings.HasPrefix(f, "ادخل") || strings.HasPrefix(f, "يدخل") || strings.HasPrefix(f, "تدخل")) && r.Places[pi].Kind == geo.KindCountry:
						typ = CrossedBorderTo // أدخله مهربون إلى ليبيا: brought into a country
					case smuggled(toks, a, t.first, end):
						// أخرجها مهرب إلى الشدادي، ثم نقلها إلى الرقة: carried
						// off by smugglers, each leg is the flight's
						typ = FledTo
					}
				}
				if typ == MovedTo && t.enter && enterVerbs[stripConj(toks[t.first].fold)] && r.Places[pi].Kind == geo.KindCountry {
					typ = CrossedBorderTo // دخلتا تركيا: into a country
				}
				if (typ == MovedTo || typ == FledTo) && r.Places[pi].Via == "adjective" &&
					strings.Contains(geo.Fold(r.Places[pi].Text), "اراضي") {
					typ = CrossedBorderTo // نقلوا ... إلى الأراضي التركية: into a country's territory
				}
				if typ == MovedTo && joinedCaliphate(toks, r.Places, placeRefs, pi, date) {
					continue // سافروا إلى سوريا والعراق منذ 2012: they went to join, before the fall
				}
				cl := Claim{
					Type: typ, Subject: subj.label, SubjectText: subj.text, Person: subj.person,
					Place: r.Places[pi], Date: date, Certainty: c, Attribution: attribution,
					Evidence: text[s.start:s.end], Span: Span{s.start, s.end},
					Trigger: Span{toks[t.first].start, toks[t.last].end},
				}
				if dup(out, cl) {
					continue
				}
				out = append(out, cl)
				if typ == MovedTo && prison(r.Places[pi]) {
					// نقلته قسد إلى سجن الصناعة: taken to a prison is held there
					held := cl
					held.Type = ArrestedIn
					if !dup(out, held) {
						out = append(out, held)
					}
				}
			}
		}
		for _, src := range srcs {
			if !src.inherit {
				lastAttribution = src.text
			}
		}
	}
	return out
}

// prison reports whether a place is a prison (Ghweiran prison, Mitiga
// airport and prison), by the English name manual.tsv gives it: a prison
// named otherwise there (Camp Bucca) is not one here.
func prison(p Place) bool {
	return p.Kind == geo.KindPOI && strings.Contains(p.Name, "prison")
}

// ledWords before a country name the state that leads a force.
var ledWords = setOf("بقياده", "بزعامه", "تقوده", "يقوده")

// foughtWords, just before a place, say the people fought there before:
// the place is part of who they are, not where the event was.
var foughtWords = setOf("قاتل", "قاتلوا", "قاتلت", "قاتلا", "حارب", "حاربوا", "حاربت", "قاتلن")

// ranksWords name a group's ranks: a place after them is where someone
// fought, not where the event took place.
var ranksWords = setOf("صفوف", "بصفوف")

// countWords are numbers written as words, and words of quantity, after
// which نحو means "about".
var countWords = setOf("ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه", "ست", "سته", "سبع", "سبعه", "ثماني",
	"ثمانيه", "تسع", "تسعه", "عشر", "عشره", "عشرين", "ثلاثين", "اربعين", "خمسين", "مئه", "مائه", "مئتي",
	"الف", "الفي", "الاف", "عشرات", "مئات", "نصف", "ربع", "ثلث", "عامين", "شهرين", "اسبوعين", "سنتين", "عام",
	"شهر", "اسبوع", "سنه", "ساعه", "ساعتين", "يومين", "اثنين", "اثنتين", "واحد")

// eventType reports whether a claim type is an event at a place (arrest,
// death, surrender) rather than a movement or a stay.
func eventType(t ClaimType) bool {
	return t == ArrestedIn || t == KilledIn || t == SurrenderedIn
}

// partitives are subjects that only point back to a group named before:
// منهم, بعضهم, آلاف منهم.
var partitives = setOf("منهم", "بعضهم", "الاف منهم", "عشرات منهم", "مئات منهم", "عدد منهم", "عددا منهم")

// civilians name people who are not the group: displaced people, refugees,
// residents.
var civilians = setOf("النازحين", "النازحون", "نازحين", "نازحون", "اللاجئين", "اللاجئون", "لاجئين", "لاجئون",
	"المدنيين", "المدنيون", "مدنيين", "مدنيون", "الاهالي", "اهالي", "السكان", "سكان", "المهجرين", "المهجرون")

// civiliansBefore reports whether civilians are the last people named
// within eight words before the trigger at k, with no group between:
// أعداد النازحين فيها منذ عام 2019 إثر عودة آلاف منهم.
func civiliansBefore(toks []token, k, a int) bool {
	for j := k - 1; j >= a && j >= k-8; j-- {
		w := stripConj(toks[j].fold)
		if civilians[w] {
			if j > a && amongWords[stripConj(toks[j-1].fold)] {
				continue // متخفين بين النازحين: the cover, not who moves
			}
			return true
		}
		if partitives[w] || w == "الاف" || w == "عشرات" || w == "مئات" {
			continue
		}
		if groupWords[w] {
			return false
		}
	}
	return false
}

// amongWords put civilians as the crowd a subject moves in.
var amongWords = setOf("بين", "وسط", "مع", "ضمن")

// groupWords are single words that name the group's members: a subject
// between civilians and the trigger.
var groupWords = setOf("عناصر", "العناصر", "عناصره", "عناصرها", "مقاتلين", "المقاتلين", "مقاتلون", "المقاتلون",
	"مسلحين", "المسلحين", "مسلحون", "المسلحون", "التنظيم", "داعش", "المطلوبين", "مطلوبين", "مطلوبا")

// continues reports whether the sentence at token a carries on from the one
// before: it opens with وأضاف, وتابع, كما, وأشار ... without a new source.
func continues(toks []token, a int) bool {
	w := toks[a].fold
	switch w {
	case "واضاف", "وتابع", "واردف", "واوضح", "واشار", "ولفت", "واكد", "وقال", "كما", "وبحسب", "واضافت", "واكدت", "وتابعت":
		return true
	}
	return false
}

// negated reports whether a negation stands just before the trigger at k,
// or before a verb of ability a few words before it: لم يتمكن مسلحون آخرون
// من الفرار.
func negated(toks []token, k, a int) bool {
	for j := k - 1; j >= a && j >= k-2; j-- {
		if isWord(negations, toks[j].fold) && !(j+1 < k && stillVerbs[toks[j+1].fold]) {
			return true // not لا يزال مختبئا: "still"
		}
		if _, ok := triggers.m[stripConj(toks[j].fold)]; ok {
			break // رفضوا الاستسلام وانسحبوا: the negation is the other verb's
		}
	}
	for j := k - 1; j >= a && j >= k-5; j-- {
		if !abilityVerbs[stripConj(toks[j].fold)] {
			continue
		}
		for i := j - 1; i >= a && i >= j-2; i-- {
			if isWord(negations, toks[i].fold) {
				return true
			}
		}
	}
	return false
}

// stillVerbs after a negation say "still": لا يزال, لم تزل, ما زالوا.
var stillVerbs = setOf("يزال", "تزال", "يزالون", "تزالان", "يزالان", "يزل", "تزل", "زال", "زالت", "زالوا", "يبرح", "تبرح", "برح", "انفك", "ينفك")

// denied reports whether a denial (مستبعدا أن, نفى أن) or a negated word
// of knowing (لا تملك معلومات عن) stands within ten words before the
// trigger at k, in the same clause (no comma between).
//
// A denial of what others reported (نفى مسؤول ما تداولته وسائل إعلام روسية
// عن فرار ...) reaches sixteen words: the report is named between.
func denied(text string, toks []token, k, a int) bool {
	if deniedThat(toks, k, a) {
		return true
	}
	// الرواية الشائعة عن فرار جماعي إلى أوروبا مبالغ فيها: the report is
	// told to be denied in the words after it.
	for j := k + 1; j+1 < len(toks) && j <= k+8; j++ {
		if strings.ContainsAny(text[toks[j-1].end:toks[j].start], ".،,:؛\n") {
			break
		}
		// مبالغ فيها (exaggerated), not مبالغ كبيرة (sums of money)
		if w := stripConj(toks[j].fold); strings.HasPrefix(w, "مبالغ") && strings.HasPrefix(toks[j+1].fold, "في") && len(toks[j+1].fold) > 4 {
			return true
		}
	}
	reported := false
	for j := k - 1; j >= a && j >= k-16; j-- {
		if strings.ContainsAny(text[toks[j].end:toks[j+1].start], "،,:؛") {
			return false
		}
		w := stripConj(toks[j].fold)
		if reportVerbs[w] {
			reported = true
		}
		if j < k-10 && !reported {
			continue
		}
		if confirmVerbs[w] {
			return false // نفت ذلك وأكدت أنه فر: the claim is what is confirmed
		}
		negBefore := false
		for i := j - 1; i >= a && i >= j-2; i-- {
			if negations[stripConj(toks[i].fold)] || toks[i].fold == "غير" {
				negBefore = true
			}
		}
		switch {
		case denials[w] || denials[strings.TrimPrefix(w, "ال")]:
			if j+1 < k && (toks[j+1].fold == "ذلك" || toks[j+1].fold == "هذا" || toks[j+1].fold == "هذه") {
				return false // نفت ذلك: denies what was said before
			}
			return !negBefore // لا يستبعد, من غير المستبعد: a hedge
		case unknownWords[w] && negBefore:
			return true
		}
	}
	return false
}

// deniedThat reports whether the trigger at k stands in a clause "أن يكون
// ... قد" governed by a denial, however many commas the speaker's title
// puts between: نفى مسؤول في الخارجية التركية، في تصريح لـ"أثر"، أن يكون
// مقاتلون فارون قد دخلوا الأراضي التركية.
func deniedThat(toks []token, k, a int) bool {
	for j := k - 1; j > a && j >= k-8; j-- {
		if toks[j-1].fold != "ان" || !beVerbs[toks[j].fold] {
			continue
		}
		for i := j - 2; i >= a && i >= j-14; i-- {
			w := stripConj(toks[i].fold)
			if denials[w] || denials[strings.TrimPrefix(w, "ال")] {
				return !(i > a && (negations[stripConj(toks[i-1].fold)] || toks[i-1].fold == "غير"))
			}
		}
		return false
	}
	return false
}

// beVerbs follow أن in a denied or doubted statement: أن يكون قد فر.
var beVerbs = setOf("يكون", "تكون", "يكونوا", "يكونا", "تكونا")

// abstractNouns after a verbal noun of motion make it a figure of speech:
// عودة نشاط التنظيم, انتقال المعركة.
var abstractNouns = setOf("نشاط", "ظهور", "هجمات", "الهجمات", "عمليات", "العمليات", "نفوذ", "خطر", "المعركه",
	"المعارك", "القتال", "الحرب", "التوتر", "العنف", "الاهتمام", "الحديث", "الملف", "السلطه", "الحكم")

// reportVerbs name what others reported, the object of a denial: ما
// تداولته صفحات محلية عن ...
var reportVerbs = setOf("تداولته", "تداولتها", "تناقلته", "تناقلتها", "نشرته", "نشرتها", "اوردته", "اوردتها",
	"ذكرته", "ذكرتها", "روجته", "روجت", "يتداول", "تداول", "يروج")

// eliminations are killing triggers whose object must be people for a
// death: القضاء على عنصرين, not القضاء على آخر جيوب التنظيم.
var eliminations = setOf("القضاء على", "قضت على", "قضى على", "تحييد", "حيد", "حيدت", "حيدوا", "تحيد", "يحيد")

// personsNext reports whether a person or a group of people is named at
// token i: a numeral, a name found, or a group word.
func personsNext(text string, toks []token, i, b int, busy []bool) bool {
	if i >= b {
		return false
	}
	for j := i; j < b && j <= i+1; j++ { // a number word may come first: ثلاثة مسلحين
		if toks[j].class == 'd' || busy[j] {
			return true
		}
		if _, _, ok := groups.match(text, toks, j); ok {
			return true
		}
	}
	return false
}

// confirmVerbs assert what follows them.
var confirmVerbs = setOf("اكد", "اكدت", "اكدوا", "يوكد", "تؤكد", "موكدا", "موكده", "اعلن", "اعلنت", "اوضح", "اوضحت")

// unrealised reports whether the trigger at k is only tried, planned or
// wanted: كانوا يحاولون العبور, تخططان للسفر إلى إسطنبول.
func unrealised(toks []token, k, a int) bool {
	for j := k - 1; j >= a && j >= k-2; j-- {
		if attempt(toks[j].fold) {
			return true
		}
	}
	// A striving or plan further back, when the trigger is its complement:
	// يسعى آخرون، وفق التقديرات ذاتها، إلى الوصول إلى الصومال.
	if k-1 >= a && (toks[k-1].fold == "الي" || toks[k-1].fold == "الى") {
		for j := k - 2; j >= a && j >= k-8; j-- {
			if attempt(toks[j].fold) {
				return true
			}
		}
	}
	// A warning against it (حذرت القاهرة من تسلل عناصر) is no event.
	for j := k - 1; j >= a && j >= k-4; j-- {
		if warnWords[stripConj(toks[j].fold)] && (toks[k-1].fold == "من" || j+1 == k) {
			return true
		}
	}
	return false
}

// attempt reports whether a folded word is a verb of trying or planning,
// with its conjunction or future prefix: سيحاولون الوصول.
func attempt(w string) bool {
	w = stripConj(w)
	return attemptWords[w] || strings.HasPrefix(w, "س") && attemptWords[w[2:]]
}

// warnWords, followed by من, make what follows a danger, not an event.
var warnWords = setOf("حذر", "حذرت", "حذروا", "يحذر", "تحذر", "يحذرون", "محذرا", "محذره", "تحذير", "تحذيرات",
	"التحذير", "مخاوف", "خشيه", "تخشي", "يخشي", "يخشون")

// purpose reports whether the movement trigger at k is a verbal noun with
// the preposition of purpose (للوصول إلى, للالتحاق بـ, للسفر): what someone
// went for or needed, not a movement that happened.
func purpose(toks []token, k int, typ string) bool {
	switch ClaimType(typ) {
	case MovedTo, FledTo, CrossedBorderTo:
	default:
		return false
	}
	w := toks[k].fold
	return strings.HasPrefix(w, "لل") && len(w) > 6
}

// background reports whether a weak trigger of presence describes what the
// subject used to do (الذين كانوا ينشطون في الجنوب الليبي): where they were
// before, not where they hide.
func background(toks []token, k, a int) bool {
	w := stripConj(toks[k].fold)
	if !weakPresence[w] || k-1 < a {
		return false
	}
	switch stripConj(toks[k-1].fold) {
	case "كان", "كانوا", "كانت", "كانا", "كن", "اعتاد", "اعتادوا", "اعتادت":
		return true
	}
	return false
}

// onArrival reports whether the trigger at k is an arrival introduced by a
// word of "upon" (فور وصوله, لدى وصولها, عند عودته): the event before it
// happened where the arrival ended.
func onArrival(toks []token, k int, typ ClaimType) bool {
	if typ != MovedTo || k < 1 {
		return false
	}
	w := toks[k-1].fold
	if w != "فور" {
		w = stripConj(w) // not فور: its ف is no conjunction
	}
	switch w {
	case "فور", "لدي", "عند", "حال", "بمجرد", "اثناء", "ابان":
		return true
	}
	return false
}

// arrivals are verbs of arriving: after a flight in the same sentence they
// say where the flight ended.
// arrivalVerb reports whether a folded word is a verb of arrival, which
// may take its place with no preposition: تصل «الجدعة 1», وصلوا الرقة.
func arrivalVerb(w string) bool {
	return arrivals[w] && !strings.Contains(w, "وصول")
}

var arrivals = setOf("وصل", "وصلوا", "وصلت", "وصلن", "وصلا", "وصلتا", "يصل", "يصلون", "تصل", "وصول", "وصولهم", "الوصول")

// attributive reports whether the trigger at k is a verb of conveying used
// for quoting: نقلت وكالة الأناضول عن مصادر.
func attributive(toks []token, k, b int) bool {
	if w := stripConj(toks[k].fold); w != "نقلت" && w != "نقل" && w != "ينقل" && w != "تنقل" {
		return false
	}
	for j := k + 1; j < b && j <= k+6; j++ {
		switch toks[j].fold {
		case "الي", "الى", "بين", "نحو":
			return false // نقل القيادي إلى الرقة عن طريق مهربين: conveyed somewhere
		case "عن":
			// not عن طريق (by way of), بعيدا عن (away from)
			return !(j+1 < b && toks[j+1].fold == "طريق") && toks[j-1].fold != "بعيدا"
		}
	}
	return false
}

// authorityNouns name the authorities of a place: السلطات في مطار بنينا.
// ownAuthority name a place's own police or security directorate (شرطة
// كركوك, مديرية أمن ولاية هاتاي), not forces that act elsewhere (قوات
// بونتلاند).
var ownAuthority = setOf("امن", "شرطه")

var authorityNouns = setOf("السلطات", "الشرطه", "القوات", "الامن", "امن", "الجيش", "الدرك", "سلطات", "شرطه", "قوات")

// clauseBreak reports whether token k opens a clause of contrast (فيما,
// بينما, في حين), whose subject is another.
func clauseBreak(toks []token, k, b int) bool {
	switch toks[k].fold {
	case "فيما":
		// فيما بعد (later), فيما يبدو (apparently): no clause of its own
		return !(k+1 < b && notContrast[toks[k+1].fold])
	case "بينما", "وبينما":
		return true
	case "في":
		return k+1 < b && toks[k+1].fold == "حين"
	}
	return false
}

// notContrast follow فيما when it is no "while": فيما بعد, فيما يبدو.
var notContrast = setOf("بعد", "يبدو", "يلي", "يتعلق", "يخص", "بينهم", "بينها", "بعده")

// coveredBy reports whether the place at token i is the object of a verb
// of covering a little before it: عمليات متزامنة شملت ولايات إسطنبول
// وأنقرة, حملة طالت مدن ...
func coveredBy(toks []token, from, i int) bool {
	for j := i - 1; j > from && j >= i-2; j-- {
		switch stripConj(toks[j].fold) {
		case "شملت", "شمل", "طالت", "طال":
			return true
		}
	}
	return false
}

// operationAt reports whether the place at token i is where an operation
// named after the event at from was carried out: في عمليات دهم متزامنة
// نفذتها في طرابلس, خلال عملية مشتركة نُفذت الأسبوع الماضي في محيط بلدة
// إنديليمان, في عملية نوعية قرب مدينة الباب. The arrest or death is where
// the operation was, however many words name who was held before it. The
// verb takes the operation as its object or is passive (نفذها, نُفذت), so
// that نفذ هجوما في (an attack the subject made) does not count.
func operationAt(toks []token, from, i int) bool {
	noun := -1
	for j := from + 1; j < i; j++ {
		if operationNouns[stripConj(toks[j].fold)] {
			noun = j
		}
	}
	if noun < 0 {
		return false
	}
	if i-noun <= 4 {
		return true
	}
	for j := noun + 1; j < i && j <= noun+8; j++ {
		if operationVerbs[stripConj(toks[j].fold)] {
			return i-j <= 8
		}
	}
	return false
}

// operationMoves reports whether the verb of motion at k has an operation
// as its subject, up to three words before it: حملات متزامنة انطلقت,
// العملية التي انطلقت.
func operationMoves(toks []token, k, a int) bool {
	if w := stripConj(toks[k].fold); !strings.HasPrefix(w, "انطلق") && !strings.HasPrefix(w, "تنطلق") {
		return false
	}
	for j := k - 1; j >= a && j >= k-3; j-- {
		w := stripConj(toks[j].fold)
		if operationNouns[strings.TrimPrefix(w, "ال")] {
			return true
		}
	}
	return false
}

// operationNouns name a raid or a strike by forces; operationVerbs carry
// one out, with the operation as object pronoun or in the passive.
var (
	operationNouns = setOf("عمليه", "عمليات", "مداهمه", "مداهمات", "حمله", "حملات", "غاره", "غارات", "انزال", "ضربه", "ضربات", "كمين")
	operationVerbs = setOf("نفذها", "نفذتها", "نفذت", "نفذه", "نفذوها", "شنها", "شنتها", "شنت", "نفذ")
)

// settleVerbs are verbs of settling somewhere.
var settleVerbs = setOf(settleForms...)

// settleForms are the forms of استقر, a move (or a hiding, with
// hideoutWords) whose place takes في.
var settleForms = []string{"استقر", "استقروا", "يستقر", "يستقرون", "تستقر", "استقرت", "استقرا", "يستقرا", "يستقروا", "استقررن", "يستقررن", "تستقرا"}

// hideoutWords, after a verb of settling, tell a hiding place: a cave, a
// deserted or remote village, a relative's house (استقر في كهف, استقروا
// في قرى نائية, يستقر في الشحيل لدى أقارب له).
var hideoutWords = setOf("كهف", "كهوف", "مغارة", "مغاور", "مهجورة", "مهجور", "نائية", "نائي", "لدى", "مستأجر", "مستأجرة", "سرا")

// presenceWords say only that something is somewhere; they make a claim
// only with a person or a group as subject.
var presenceWords = setOf("موجود", "موجودون", "موجودين", "متواجد", "متواجدون", "متواجدين")

// forcesWords name a state's forces or authorities.
var forcesWords = setOf("القوات", "قوات", "الجيش", "جيش", "الشرطه", "السلطات", "الحكومه", "حكومه", "وحدات",
	"الطائرات", "طائرات", "الدوريات", "دوريات", "قواتها", "قواته")

// stateMove reports whether the movement trigger at k..last (a move, a
// flight or a crossing; forces do arrest and kill) is made by a state's
// forces (انسحبت القوات الأمريكية, أرسلت تركيا قوات, أعادت القوات
// انتشارها) or moves things, not people (عبور الشاحنات).
func stateMove(text string, toks []token, k, last, b int, busy []bool) bool {
	w := stripConj(toks[k].fold)
	// Forces right after the verb are its agent. Not after a verb that
	// carries its people as a pronoun (نقلته قوات سوريا الديمقراطية إلى
	// سجن: the forces carried him), nor after a verb of transfer (نقلت
	// السلطات 150 عائلة إلى مخيم الجدعة: the families moved) unless troops
	// are what is moved (نقلت القوات الأمريكية جنودها إلى أربيل).
	for j := last + 1; j < b && j <= last+2 && !carriedWords[w]; j++ {
		if !forcesWords[stripConj(toks[j].fold)] {
			continue
		}
		if !transferVerb(w) {
			return true
		}
		for i := j + 1; i < b && i <= j+3; i++ {
			if hasPrefixIn(stripConj(toks[i].fold), "جنود", "قوات", "تعزيزات", "عسكري", "انتشار") {
				return true
			}
		}
	}
	if k > 0 && forcesWords[stripConj(toks[k-1].fold)] && !transferVerb(w) {
		return true // (الجيش نقل المستسلمين إلى كابل: forces moving people is a move of those people)
	}
	if (w == "عبور" || w == "العبور") && last+1 < b {
		switch stripConj(toks[last+1].fold) {
		case "الي", "الى", "نحو", "الحدود", "حدود", "نهر":
			return false
		}
		for j := last + 1; j < b && j <= last+5; j++ {
			if w := stripConj(toks[j].fold); w == "الي" || w == "الى" || w == "نحو" {
				break // the destination, not who crossed
			}
			if personsNext(text, toks, j, b, busy) {
				return false // عبور ما لا يقل عن عشرة مقاتلين
			}
		}
		return toks[last+1].class == 'a'
	}
	return false
}

// transferVerb reports whether a folded trigger moves others: نقل, رحّل,
// أعاد, whose agent may well be a state.
func transferVerb(w string) bool {
	return hasPrefixIn(w, "نقل", "ينقل", "رحل", "ترحيل", "اعاد", "اعيد", "تسليم", "سلم")
}

// participle reports whether a folded trigger is an active participle
// (مختبئين, متخفيا, متوارين): a manner of the verb before, not a claim
// of its own.
func participle(w string) bool {
	return hasPrefixIn(stripConj(w), "مت", "مخ", "المت", "المخ")
}

// joinVerb reports whether a folded word is a verb of joining the group,
// whose place may take في: التحقا بمعسكرات للتنظيم في ولاية ننغرهار.
func joinVerb(w string) bool {
	return hasPrefixIn(w, "التحق", "الالتحاق", "يلتحق", "تلتحق", "انضم", "ينضم", "تنضم", "الانضمام")
}

// hasPrefixIn reports whether w begins with one of the stems: the forms of
// a verb with their endings (التحقا, نقلوهم).
func hasPrefixIn(w string, stems ...string) bool {
	for _, p := range stems {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// needPersons are triggers that are events only with people after them:
// توقف "داعشيين" (arrests), not توقف القتال (stopped).
var needPersons = setOf("توقف", "يوقف")

// seizedThings are what a raid seizes besides people.
var seizedThings = setOf("اسلحه", "الاسلحه", "عبوات", "متفجرات", "اجهزه", "مواد", "ذخائر", "ذخيره", "كميات", "كميه",
	"مبالغ", "وثائق", "هواتف", "سيارات", "سياره", "مخازن", "مخزن", "اموال", "عتاد", "صواريخ", "الغام")

// dispersals are verbs of spreading out: after a flight they say where
// it ended (انسحبوا من الباغوز وتوزعوا على البادية), unlike settling
// (فر إلى سوريا فاستقر في الشعفة: a move of its own).
var dispersals = setOf("توزع", "توزعوا", "توزعت", "يتوزعون", "تتوزع", "يتوزع", "انتشروا", "ينتشرون", "تنتشر", "ينتشر",
	"ظهروا", "ظهر", "ظهرت") // فرّوا من الرقة ظهروا في الجنوب الليبي

// stealthMove are crossing triggers that name no border: smuggling crosses
// one only when its place is a country.
var stealthMove = setOf("تهريب", "تهريبهم", "بتهريب", "التهريب")

// stealthCrossing reports whether the crossing trigger at [first, last] is
// a verb of slipping or passing (تسلل, تسرب, عبر إلى) that names no sea,
// and no border before its place at token place: the annotators read
// تسللت إلى محيط عقيربات and تسللت نحو القائم as moves within the
// country, and cross a border only into another country.
func stealthCrossing(toks []token, first, last, place int) bool {
	if wordIn(toks, first, place, borderWords) || slices.ContainsFunc(toks[first:last+1], func(t token) bool { return t.fold == "البحر" }) {
		return false
	}
	w := stripConj(toks[first].fold)
	return hasPrefixIn(w, "تسلل", "يتسلل", "تتسلل", "التسلل", "تسرب", "يتسرب", "تتسرب", "عبر", "يعبر", "تعبر")
}

// borderWords name a border: a crossing that names one stays a crossing.
var borderWords = setOf("الحدود", "حدود", "الحدودي", "الحدوديه", "الشريط", "منفذ", "معبر")

// foreignOrigin reports whether the place the subject came from lies in
// another country than the destination pi: the place after من before the
// destination, or else the last place of the sentence before the trigger
// (أقام في سرمدا ... قبل أن يتسلل إلى بلدة الريحانية crosses a border).
func foreignOrigin(places []Place, refs []ref, pi, first, a int) bool {
	other := func(p Place) bool {
		return p.Country != "" && places[pi].Country != "" && p.Country != places[pi].Country
	}
	before := -1
	for i, p := range places {
		if i == pi || refs[i].first < a || refs[i].first > refs[pi].first {
			continue
		}
		if p.Preposition == "من" && refs[i].first > first {
			return other(p)
		}
		if refs[i].last < first {
			before = i
		}
	}
	return before >= 0 && other(places[before])
}

// trade reports whether the trigger at k names a trade rather than an
// event: شبكات تهريب, طرق التهريب.
func trade(toks []token, k, a int, moved bool) bool {
	if k-1 < a {
		return false
	}
	switch w := stripConj(toks[k].fold); {
	case w == "تهريب" || w == "التهريب":
	case weakPresence[w]:
		// شبكات تنشط بين جرابلس وغازي عنتاب: where smugglers work
	case toks[k].fold == "وصولا" || w == "وصولا":
		// وصولا إلى ends a route (يمر عبر الصحراء وصولا إلى) or a movement
		// told before it (ليتشتت مقاتلوه جنوبا وصولا إلى أوباري), or else an
		// enumeration: من كوباني والرمادي ... وصولا إلى الموصل.
		return !moved && !wordIn(toks, a, k, routeWords)
	default:
		return false
	}
	return tradeNouns[stripConj(toks[k-1].fold)]
}

// routeWords before وصولا make it the end of a journey.
var routeWords = setOf("عبر", "مرورا", "سلك", "سلكوا", "يمر", "تمر", "طريق", "طرقا", "مسار", "رحله")

var tradeNouns = setOf("شبكات", "شبكه", "طرق", "طريق", "خطوط", "خط", "ممرات", "مهربي", "عصابات", "عصابه")

// joinedTrigger reports whether the trigger at k is joined by و to the one
// at j, a few words before it in the same clause, with no trigger kept
// between (the caller checks that).
func joinedTrigger(text string, toks []token, j, k int) bool {
	// Only a verbal noun (والوصول) is a second complement of the verb that
	// ruled out the first; a finite verb is a statement of its own: رفضوا
	// الاستسلام وانسحبوا نحو الجبال.
	return k > j && k-j <= 6 && strings.HasPrefix(toks[k].fold, "و") && strings.HasPrefix(stripConj(toks[k].fold), "ال") &&
		!punctBetween(text, toks, j, k)
}

// punctBetween reports whether punctuation separates token i from token j.
func punctBetween(text string, toks []token, i, j int) bool {
	return strings.ContainsAny(text[toks[i].end:toks[j].start], "،,:؛\"«»")
}

// abilityVerbs, negated, undo the trigger they govern; attemptWords just
// before a trigger make it an attempt or a plan, not an event.
var abilityVerbs = setOf("يتمكن", "تتمكن", "يتمكنوا", "تتمكنا", "يتمكنا", "يستطع", "تستطع", "يستطيعوا",
	"ينجح", "تنجح", "ينجحوا", "يفلح", "يفلحوا")

var attemptWords = setOf("يحاول", "يحاولون", "تحاول", "تحاولان", "يحاولان", "يحاولا", "يحاولوا", "حاول", "حاولوا", "حاولت",
	"محاوله", "محاولات", "محاولتهم", "محاولته", "يخطط", "يخططون", "تخطط", "تخططان", "خطط", "خططوا",
	"ينوي", "ينوون", "تنوي", "يعتزم", "يعتزمون", "تعتزم", "يسعي", "يسعون", "تسعي", "يريد", "يريدون", "تريد",
	"ينتظر", "ينتظرون", "تنتظر")

// weakPresence are hiding_in triggers that say only that someone is active
// or present somewhere.
var weakPresence = func() map[string]bool {
	m := setOf("ينشط", "ينشطون", "تنشط", "يتواجد", "يتواجدون")
	maps.Copy(m, presenceWords)
	return m
}()

// presenceNouns say someone is somewhere only with في right after them:
// وجوده في إدلب.
var presenceNouns = setOf("وجوده", "وجودهم", "تواجده", "تواجدهم")

// pickPlaces chooses the places a trigger's claim is about, among those
// between the trigger's end and end: for a movement, the places governed by
// إلى, نحو, باتجاه ... and those coordinated with them (إلى مناطق كالصحراء
// الليبية وشبه جزيرة سيناء واليمن); for an event, the first place governed by
// في, ب, قرب ... and its coordinates. A place governed by من is an origin,
// never the claim's place, nor are places coordinated with it. A haven
// (ملاذات, الممرات الآمنة) may also name its places just before it: أن
// تكون إيران إحدى أهم الملاجئ.
func pickPlaces(text string, toks []token, skip []bool, places []Place, refs []ref, typ ClaimType, haven, at, enter bool, start, first, from, end int) (chosen []int) {
	if haven {
		for i := range places {
			rf := refs[i]
			if rf.first >= start && rf.last < first && first-rf.last <= 5 && places[i].Preposition == "" {
				// The whole list that ends there: ليبيا واليمن وسيناء
				// والفلبين على قائمة الوجهات.
				j, opens := listOpening(text, toks, places, refs, i, start, true)
				if !opens {
					j = i // only a list that opens the sentence or follows a colon: not في ولايات أورفا وهاتاي وأضنة، وأن أراضينا ليست ملاذا
				}
				for q := j; q <= i; q++ {
					if !slices.Contains(chosen, q) {
						chosen = append(chosen, q)
					}
				}
			}
		}
	}
	// إلى with no place of its own: إلى ملاذات قديمة لعناصرها في سيناء
	toward := -1
	for k := from + 1; k < end; k++ {
		w := stripConj(toks[k].fold)
		if w == "نحو" && k+1 < end && (toks[k+1].class == 'd' || countWords[toks[k+1].fold]) {
			continue // نحو 40 امرأة, نحو ثلاث سنوات: about forty, about three
		}
		if towardWords[w] {
			if k+1 < end && vagueLand[stripConj(toks[k+1].fold)] {
				break // وصلوا إلى البلاد بعد انهيار التنظيم في الباغوز: not where
			}
			toward = k
			break
		}
	}
	defer func() {
		// An event with its place before the verb: وفي الرقة، اعتقلت القوات ...
		// (A longer scene, past a place noun or an apposition, is read by
		// topicPlace when nothing is taken here.)
		if len(chosen) == 0 && !typ.destination() && !haven {
			for i := len(places) - 1; i >= 0; i-- {
				rf := refs[i]
				if rf.last >= first || rf.first < start {
					continue
				}
				if i > 0 && refs[i-1].first >= start && directionBetween(toks, refs[i-1], rf) {
					// وفي قضاء بيجي شمالي صلاح الدين، ألقت مفرزة القبض: the
					// place the direction locates
					i--
					rf = refs[i]
				}
				// Only a place that opens the sentence or a clause: وفي الرقة، ...
				opens := rf.first-start <= 2 || rf.first > 0 && commaBefore(text, toks, rf.first)
				// A place set off by a comma at the head of the sentence
				// (وفي ولاية تطاوين، أفادت إذاعة بأن الحرس أوقف ...) reaches
				// farther than one opening a clause.
				reach := 6
				if rf.first-start <= 2 && rf.last+1 < len(toks) && commaBefore(text, toks, rf.last+1) {
					reach = 14
				}
				// السلطات في مطار بنينا أوقفت: the authorities of a place acted there.
				near := first-rf.last <= 3 || typ == ArrestedIn && first-rf.last-skipped(skip, rf.last, first) <= 4 // مديرية الأمن في ولاية هاتاي، في ١٤ أيلول، توقيف
				authority := rf.first >= 2 && near && authorityNouns[stripConj(toks[rf.first-1].fold)] ||
					rf.first >= 2 && near && toks[rf.first-1].fold == "في" && authorityNouns[stripConj(toks[rf.first-2].fold)]
				// مديرية أمن ولاية هاتاي: the authority's own place, no preposition
				if (opens && first-rf.last <= reach || authority) && (places[i].Preposition == "في" || places[i].Preposition == "ب" || authority && places[i].Preposition == "" && ownAuthority[toks[rf.first-1].fold]) && !borderArea(places[i]) {
					chosen = append(chosen, i)
				}
				break
			}
		}
	}()
	prev, prevOK := -1, false // the place before, and whether it was taken
	closed := false
	for i, p := range places {
		rf := refs[i]
		if rf.first <= from || rf.first >= end {
			continue
		}
		if rf.first-2 > from && fallNouns[stripConj(toks[rf.first-1].fold)] && afterWords[stripConj(toks[rf.first-2].fold)] {
			continue // احتجز بعد سقوط الباغوز في سجن غويران: when, not where
		}
		prep := effectivePrep(toks, rf, p.Preposition)
		if prevOK && typ.destination() && holds(text, toks, refs[prev], rf) {
			// باتجاه منطقة ديفا في جنوب شرق النيجر ومناطق أقصى الشمال: the
			// place that holds a destination is none itself, and the list
			// goes on after it.
			prev = i
			continue
		}
		coord := prev >= 0 && coordinated(text, toks, refs[prev], rf)
		ok := false
		switch {
		case coord && !prevOK && len(chosen) > 0 && repeatedPrep(toks, rf, effectivePrep(toks, refs[chosen[len(chosen)-1]], places[chosen[len(chosen)-1]].Preposition)) &&
			!clauseOpens(text, toks, rf, end):
			// يختبئون في البادية الممتدة بين تدمر والبوكمال، وفي صحراء الأنبار:
			// the preposition said again goes back past the place between to
			// the one taken.
			ok = true
		case coord && !prevOK && len(chosen) == 0 && rf.first > from+1 && exampleWords[toks[rf.first-1].fold] && rf.first-from <= 16 &&
			!destinationPreps[effectivePrep(toks, refs[prev], places[prev].Preposition)] && places[prev].Preposition != "في" && places[prev].Preposition != "ب":
			// يختبئ في بلدات قريبة من الحدود التركية مثل سرمدا: the examples
			// name the places the trigger's noun stands for.
			ok = true
		case coord && !prevOK && len(chosen) > 0 && commaBetween(text, toks, refs[prev], rf):
			ok = true // ما بين كشمير المتنازع عليه بين الهند وباكستان، وسريلانكا: a comma goes back to the list
		case prep == "من" || coord && !prevOK && !destinationPreps[prep]:
			ok = false // an origin, or joined to a place not taken: بين الهند وباكستان
		case coord && prevOK:
			ok = true
		case haven:
			ok = rf.first-from <= 30 && !wordIn(toks, from+1, rf.first, comparisonWords) && !(prep == "بين" && !(rf.first >= 2 && toks[rf.first-2].fold == "ما"))
		case at:
			ok = len(chosen) == 0 && (locationPreps[prep] || destinationPreps[prep]) && rf.first-from <= 12
		case typ.destination():
			ok = destinationPreps[prep] ||
				enter && len(chosen) == 0 && prep == "" && rf.first-from <= 2 || // دخلتا تركيا
				len(chosen) == 0 && prep == "بين" && rf.first-from-skipped(skip, from, rf.first) <= 4 || // توزعوا بين مخيم الهول و...
				len(chosen) == 0 && toward >= 0 && rf.first > toward && rf.first-toward <= 9 && (prep == "في" || prep == "ب" || prep == "ك" || prep == "") &&
					!wordIn(toks, toward+1, rf.first, timeWords)
			if typ == CrossedBorderTo && !ok && len(chosen) == 0 {
				// عبروا الحدود ... قرب القائم: where they crossed
				ok = locationPreps[prep] && prep != "" && rf.first-from <= 8
			}
		default:
			// Not a place after الحدود مع: on the border with Libya is not in
			// Libya.
			covered := prep == "" && coveredBy(toks, from, rf.first)
			reach := 16
			if covered || rf.first-from > reach && operationAt(toks, from, rf.first) {
				reach = 28 // the operations' scope comes after who and how many were held
			}
			ok = len(chosen) == 0 && (locationPreps[prep] || covered) && rf.first-from-skipped(skip, from, rf.first) <= reach && !borderArea(p) &&
				!(rf.first > 0 && stripConj(toks[rf.first-1].fold) == "مع") &&
				!wordIn(toks, max(from+1, rf.first-6), rf.first, ranksWords) && // قاتلوا في صفوف داعش في سوريا: past fighting
				!wordIn(toks, max(from+1, rf.first-2), rf.first, foughtWords) && // ثلاثة سودانيين قاتلوا في الرقة قرب مدينة سبها
				!wordIn(toks, max(from+1, rf.first-1), rf.first, ledWords) // التحالف الدولي بقيادة الولايات المتحدة: who leads, not where
		}
		if closed && !(ok && repeatedPrep(toks, rf, prep)) {
			ok = false
		}
		prev, prevOK = i, ok
		if ok {
			chosen = append(chosen, i)
		} else if len(chosen) > 0 && !typ.destination() && !coord {
			// The list of places is over; only the preposition said
			// again (وفي صحراء الأنبار) takes it up.
			closed = true
		}
	}
	return chosen
}

// holds reports whether place b follows place a as the larger place that
// holds it: في, then perhaps a direction (في جنوب شرق النيجر), or ب glued
// to b (بولاية بورنو).
func holds(text string, toks []token, a, b ref) bool {
	if b.first-a.last > 4 || punctBetween(text, toks, a.last, b.first) {
		return false
	}
	in := b.first == a.last+1 && strings.HasPrefix(toks[b.first].fold, "ب")
	for k := a.last + 1; k < b.first; k++ {
		switch w := toks[k].fold; {
		case w == "في" || w == "فى":
			in = in || k == a.last+1
		case weakTriggers[w] && in:
		default:
			return false
		}
	}
	return in
}

// skipped counts the tokens between from and to that a reader passes
// over when looking for an event's place: the words of a quoted name or
// nickname ("أبو خطاب الشعيطي") and of a date phrase in commas.
func skipped(skip []bool, from, to int) int {
	n := 0
	for k := from + 1; k < to; k++ {
		if skip[k] {
			n++
		}
	}
	return n
}

// placeReferredTo finds the place of a trigger that names none after it but
// refers back to one: by a pronoun right after it (وصلوا إليها, قتل فيها),
// or by حيث just before it (نقلوا إلى بروكسل، حيث اعتقلت النساء). The place
// is the last one named before, in the same sentence.
//
// where reports that حيث made the reference: the caller then wants a
// subject named after it, since حيث often tells what else happened there
// (not for hiding: قادما من بلدة قارة، حيث كان يتوارى is the subject's
// own hiding place, origin though it is). Of a place and the larger one
// that holds it (قارة في ريف دمشق), the first is meant.
func placeReferredTo(text string, toks []token, places []Place, refs []ref, typ ClaimType, first, last, a, b int) (chosen []int, where bool) {
	back := false
	if last+1 < b {
		switch toks[last+1].fold {
		case "اليها", "اليه", "فيها", "بها": // not فيه: قتل فيه refers to a clash more often than to a place
			back = true
		case "فيه":
			back = typ == HidingIn // جيب صغير في هجين ... يتحصن فيه: a hiding place is a place
		}
	}
	for j := first - 1; j >= a && j >= first-3; j-- {
		if w := stripConj(toks[j].fold); w == "حيث" {
			back, where = true, true
		}
	}
	if typ == ArrestedIn {
		// داهمت قوات الدرك شقة في قضاء سيحان، واعتقلت عراقيا: the arrest
		// is where the raid was.
		if i, ok := placeAfterWord(toks, places, refs, raidWords, a, first-1, first); ok {
			// داهمت الشرطة عناوين في أحياء إسنيورت وباغجلار وسلطان غازي،
			// وأوقفت 19: each place of the raid.
			chosen = []int{i}
			for j := i + 1; j < len(places) && refs[j].last < first && coordinated(text, toks, refs[j-1], refs[j]); j++ {
				chosen = append(chosen, j)
			}
			return chosen, false
		}
	}
	if eventType(typ) && first >= 1 && toks[first-1].fold == "عن" {
		// أسفرت ضربة جوية على مغارة في جبال مكحول، شمالي بيجي، عن مصرع
		// خمسة: the strike's place.
		if i, ok := placeAfterWord(toks, places, refs, resultVerbs, a, first-2, first); ok {
			return []int{i}, false
		}
	}
	if eventType(typ) && first >= 2 && (toks[first-1].fold == "عن" || toks[first-1].fold == "الي") && resultVerbs[stripConj(toks[first-2].fold)] {
		// نفذتها طائرات على مضافة في وادي الشاي ... وأسفرت عن مقتل سبعة,
		// شنت غارات على مواقع قرب مرزق، قالت إنها أسفرت عن مقتل 43: the
		// result verb stands right before; the place is the strike's.
		if victimsAfter(toks, first) {
			return nil, false // وأدى إلى مقتل 11 جنديا: the group's victims
		}
		if i, ok := strikePlace(text, toks, places, refs, a, first); ok {
			return []int{i}, false
		}
	}
	if eventType(typ) {
		// استهدفتا مضافة في وادي الثرثار، ما أسفر عن مقتل ستة: the death
		// happened where the strike did.
		for j := first - 1; j > a && j >= first-3; j-- {
			if resultVerbs[stripConj(toks[j].fold)] && toks[j-1].fold == "ما" && (j-2 < a || toks[j-2].fold != "وهو" && toks[j-2].fold != "وهي") {
				back = true // not وهو ما أدى إلى, a comment on what was said
			}
		}
	}
	if !back {
		return nil, false
	}
	for i := len(places) - 1; i >= 0; i-- {
		if refs[i].last < first && refs[i].first >= a {
			if i > 0 && ((places[i].Preposition == "في" || places[i].Preposition == "ب") && refs[i].first-refs[i-1].last <= 2 || directionBetween(toks, refs[i-1], refs[i])) &&
				refs[i-1].first >= a && !punctBetween(text, toks, refs[i-1].last, refs[i].first) {
				i-- // بلدة قارة في ريف دمشق، حيث; قرب بلدة تراغن شرق مرزق، ما أسفر: the town
			}
			if places[i].Preposition == "من" && !(where && typ == HidingIn) {
				return nil, false // عاد من سوريا حيث ...: the origin
			}
			return []int{i}, where
		}
	}
	return nil, false
}

// strikePlace finds the nearest strike word up to 32 words before the
// trigger at first and the first place of its clause after it, within 14
// words and before the trigger, that is no origin: not the place of a
// source told after a comma (قالت مصادر في بونتلاند إنها أدت إلى).
func strikePlace(text string, toks []token, places []Place, refs []ref, a, first int) (int, bool) {
	for j := first - 3; j >= a && j >= first-32; j-- {
		if !strikeWords[stripConj(toks[j].fold)] {
			continue
		}
		for i := range places {
			if refs[i].first > j && refs[i].first-j <= 14 && refs[i].last < first && effectivePrep(toks, refs[i], places[i].Preposition) != "من" {
				if strings.ContainsAny(text[toks[j].end:toks[refs[i].first].start], "،,:؛") {
					return 0, false
				}
				return i, true
			}
		}
		return 0, false
	}
	return 0, false
}

// victimsAfter reports whether the words after the death or arrest at
// token k name the group's victims or foes, not its members: مقتل 11
// جنديا, مقتل مدنيين.
func victimsAfter(toks []token, k int) bool {
	for j := k + 1; j < len(toks) && j <= k+3; j++ {
		if victimWords[stripConj(toks[j].fold)] {
			return true
		}
		// خمسة من عناصر الجهاز, اثنين من أفراد الشرطة: members of a force
		if (toks[j].fold == "عناصر" || toks[j].fold == "افراد" || toks[j].fold == "منتسبي") && j+1 < len(toks) && forceNouns[toks[j+1].fold] {
			return true
		}
	}
	return false
}

// forceNouns name a state's force after عناصر or أفراد.
var forceNouns = setOf("الجهاز", "الامن", "الشرطه", "الجيش", "القوات", "الحرس", "الدرك", "قوات", "جهاز", "حرس")

// victimWords name soldiers, police and civilians.
var victimWords = setOf("جنديا", "جنود", "الجنود", "جنديين", "عسكريين", "عسكريا", "ضابطا", "ضباط", "شرطيا", "شرطيين",
	"مدنيين", "مدنيا", "المدنيين", "مدنيون", "مواطنين", "مواطنا", "طفلا", "اطفال", "مصلين", "رعاه", "راعيا")

// destinationList reports whether the noun of destination at [k, last]
// names its places after a colon or a copula within six words, the first
// place right after it (وجهات الفارين: إدلب وتركيا; الوجهة الأولى لهم
// كانت تركيا), and gives the claims' type: a flight when the fleeing are
// named (الفارين, للهاربين), else a move. A forecast (ستكون الوجهة) names
// none.
func destinationList(text string, toks []token, refs []ref, k, last, a, b int) (ClaimType, bool) {
	for j := max(a, k-3); j < k; j++ {
		if slices.ContainsFunc(refs, func(rf ref) bool { return rf.first <= j && j <= rf.last }) {
			continue // وسيناء is a place, not a future tense
		}
		if w := stripConj(toks[j].fold); strings.HasPrefix(w, "ست") || strings.HasPrefix(w, "سي") {
			return "", false
		}
	}
	typ := MovedTo
	for j := last + 1; j < b && j <= last+2; j++ {
		if fleeingWords[stripConj(toks[j].fold)] {
			typ = FledTo
		}
	}
	if listBefore(text, toks, refs, k, a) {
		// ليبيا واليمن وسيناء على قائمة الوجهات; خبراء: البادية وإدلب
		// أولى محطات الفارين. A headline that ranks where the fighters
		// went tells of their flight.
		return FledTo, true
	}
	for j := last + 1; j < b && j <= last+6; j++ {
		w := stripConj(toks[j].fold)
		if fleeingWords[w] {
			typ = FledTo
		}
		colon := strings.Contains(text[toks[j-1].end:toks[j].start], ":")
		if !colon && !copulas[w] {
			continue
		}
		at := j
		if !colon {
			at = j + 1
		}
		for _, rf := range refs {
			if rf.first >= at && rf.first <= at+1 {
				return typ, true
			}
		}
		return "", false
	}
	return "", false
}

// listBefore reports whether the noun of destination at k comes right
// after a list of places with no preposition that opens its sentence or
// follows a colon, with at most a word of rank between (أولى, أبرز, على
// قائمة).
func listBefore(text string, toks []token, refs []ref, k, a int) bool {
	end := k - 1
	for end >= a && rankWords[stripConj(toks[end].fold)] {
		end--
	}
	if end < a || k-1-end > 2 {
		return false
	}
	for i := len(refs) - 1; i >= 0; i-- {
		if refs[i].last == end {
			j, opens := listOpening(text, toks, nil, refs, i, a, false)
			return j < i && opens
		}
	}
	return false
}

// listOpening returns the first place of the list of coordinated places
// that ends with place i and starts no earlier than token a (with bare,
// of places with no preposition of their own), and whether that list opens
// its sentence or follows a colon: ليبيا واليمن وسيناء ...; خبراء: البادية
// وإدلب وتركيا ...
func listOpening(text string, toks []token, places []Place, refs []ref, i, a int, bare bool) (int, bool) {
	j := i
	for j > 0 && refs[j-1].first >= a && (!bare || places[j-1].Preposition == "") && coordinated(text, toks, refs[j-1], refs[j]) {
		j--
	}
	first := refs[j].first
	return j, first == a || strings.Contains(text[toks[first-1].end:toks[first].start], ":")
}

// rankWords stand between a list of places and the noun that ranks them.
var rankWords = setOf("اولي", "ابرز", "اهم", "علي", "قايمه", "راس", "مقدمه", "في")

// fleeingWords name those who fled.
var fleeingWords = setOf("الفارين", "للفارين", "الهاربين", "للهاربين", "الفارات", "الهاربات", "فرار", "الفرار", "للفرار", "هروب", "الهروب")

// copulas link a noun of destination to its places.
var copulas = setOf("هي", "هو", "كانت", "كان", "ظلت", "تبقي", "باتت")

// directionBetween reports whether a direction, of one or two words, stands
// between places a and b: تراغن شرق مرزق, تلال بادوش شمال غربي الموصل; the
// second only says where the first is.
func directionBetween(toks []token, a, b ref) bool {
	switch b.first - a.last {
	case 2:
		return directionWords[stripConj(toks[a.last+1].fold)]
	case 3: // تلال بادوش شمال غربي الموصل
		return directionWords[stripConj(toks[a.last+1].fold)] && directionWords[toks[a.last+2].fold]
	}
	return false
}

// directionWords say where a place lies from another.
var directionWords = setOf("شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي")

// takenBase finds, after a verb of taking as a base ending at token last,
// the places after من that a noun of base follows: يتخذ عناصر التنظيم من
// كهوف جبل مكحول مأوى لهم, تتخذ خلايا التنظيم من المغاور المنتشرة في جبل
// البشري وجبل العمور ملاذا لها; and the token of that noun. None if there
// is no such noun.
func takenBase(text string, toks []token, places []Place, refs []ref, last, b int) (pis []int, noun int) {
	from := -1
	for j := last + 1; j < b && j <= last+4; j++ {
		if toks[j].fold == "من" {
			from = j
			break
		}
	}
	if from < 0 {
		return nil, 0
	}
	var out []int
	for i, rf := range refs {
		if rf.first <= from || rf.first >= b {
			continue
		}
		if len(out) == 0 {
			if rf.first > from+6 || borderArea(places[i]) {
				return nil, 0 // مزارع نائية قرب الحدود التركية: near a border is nowhere to pin
			}
			out = append(out, i)
			continue
		}
		if !coordinated(text, toks, refs[out[len(out)-1]], rf) {
			break
		}
		out = append(out, i)
	}
	if len(out) == 0 {
		return nil, 0
	}
	end := refs[out[len(out)-1]].last
	for j := end + 1; j < b && j <= end+6; j++ {
		if baseNouns[toks[j].fold] {
			return out, j
		}
	}
	return nil, 0
}

// placeAfterWord finds the nearest word of set at or before token from
// (back to the sentence start a, at most 20 words before the trigger at
// first) and returns the first place between it and the trigger that is
// no origin: of غرانيج بريف دير الزور the town, not the countryside that
// holds it.
func placeAfterWord(toks []token, places []Place, refs []ref, set map[string]bool, a, from, first int) (int, bool) {
	for j := from; j >= a && j >= first-20; j-- {
		if !set[stripConj(toks[j].fold)] {
			continue
		}
		for i := range places {
			if refs[i].first > j && refs[i].last < first && effectivePrep(toks, refs[i], places[i].Preposition) != "من" {
				return i, true
			}
		}
		return 0, false
	}
	return 0, false
}

// raidWords name a raid, which an arrest after it in the sentence follows.
var raidWords = setOf("داهمت", "داهم", "داهموا", "دهمت", "دهم", "مداهمه", "مداهمات", "اقتحمت", "اقتحم")

// strikeWords name a strike, a clash or a raid against the group, whose
// place a death or an arrest that resulted from it shares. Not هجوم: the
// group's own attacks kill others (الهجوم على ملهى رينا ... أسفر عن مقتل
// 39 شخصا).
var strikeWords = setOf("ضربه", "الضربه", "ضربتين", "ضربات", "الضربات", "غاره", "الغاره", "غارات", "الغارات", "غارتين",
	"قصف", "القصف", "استهدفت", "استهدفتا", "اشتبكت", "اشتباك", "اشتباكات", "الاشتباك", "كمين", "الكمين",
	"مداهمه", "المداهمه", "انزال", "الانزال")

// resultVerbs, after ما, say that an event came of the one told before: ما
// أسفر عن مقتل, ما أدى إلى اعتقال.
var resultVerbs = setOf("اسفر", "اسفرت", "ادي", "ادت", "اوقع", "اوقعت", "خلف", "خلفت")

// topicPlace finds the place a sentence opens with as its topic, before a
// comma: أما في المغرب، فقد عاد نحو 260 مقاتلا. A trigger with no place of
// its own happened there. For an event (an arrest, a death) a plain في
// sets the scene too, and a place noun or words that locate the place may
// stand before the comma: وفي قرية المحلبية التابعة لقضاء تلعفر، داهمت
// قوة منزلا واعتقلت ثلاثة. (pickPlaces already takes an event's place
// that opens the sentence with a comma right after it, within 14 words;
// this is called only when it took none.)
func topicPlace(text string, toks []token, places []Place, refs []ref, a, first int, event bool) []int {
	for i := range places {
		rf := refs[i]
		if rf.first < a || rf.last >= first || rf.first > a+2 || places[i].Preposition != "في" {
			continue
		}
		// For a move, أما, not a plain وفي: a paragraph's وفي ألمانيا، sets
		// a scene for what officials did there more often than for where
		// people went.
		topic := event
		for j := a; j < rf.first; j++ {
			switch w := toks[j].fold; {
			case w == "اما" || w == "واما":
				topic = true
			case w == "في" || w == "وفي" || event && placeTriggers[w]:
			default:
				return nil
			}
		}
		if !topic {
			return nil
		}
		if !event {
			if rf.last+1 < len(toks) && commaBefore(text, toks, rf.last+1) {
				return []int{i}
			}
			return nil
		}
		// The scene's phrase ends at a comma, with no trigger in it; an
		// apposition may follow the place (في حارم، القريبة من الحدود
		// التركية، سلّم).
		c := -1
		for j := rf.last + 1; j <= first; j++ {
			if commaBefore(text, toks, j) {
				c = j
			}
			if _, ok := triggers.m[stripConj(toks[j].fold)]; j < first && ok {
				break
			}
		}
		if c > 0 && sceneOf(toks, refs, c, first, a) {
			return []int{i}
		}
		return nil
	}
	return nil
}

// commaBefore reports whether a comma stands between token j and the one
// before it.
func commaBefore(text string, toks []token, j int) bool {
	return strings.ContainsAny(text[toks[j-1].end:toks[j].start], "،,")
}

// sceneOf reports whether the event at token first happens in the scene
// set by a place before the comma at token c: close after it, with no
// other place between (أعلنت مديرية أمن ولاية هاتاي توقيف), no time
// clause before the event (بعد أن اعتقلت), and the dead are not the
// group's victims (أسفر الاشتباك عن مقتل خمسة من عناصر الجهاز).
func sceneOf(toks []token, refs []ref, c, first, a int) bool {
	if first-c > 16 || wordIn(toks, max(a, first-3), first, timeWords) || victimsAfter(toks, first) {
		return false
	}
	for _, o := range refs {
		if o.first >= c && o.first < first {
			return false
		}
	}
	return true
}

// wordIn reports whether a word of set stands among tokens [i, j).
func wordIn(toks []token, i, j int, set map[string]bool) bool {
	for k := i; k < j; k++ {
		if set[stripConj(toks[k].fold)] {
			return true
		}
	}
	return false
}

// vagueLand are objects of إلى that name no place: the country or land of
// the text, already known.
var vagueLand = setOf("البلاد", "بلاده", "بلادهم", "اراضيها", "اراضيه", "هناك", "الداخل", "الخارج")

// timeWords open a time clause: a place after them is where something
// else happened.
var timeWords = setOf("بعد", "قبل", "منذ", "عقب", "اثر", "خلال", "حين", "عندما")

// afterWords and fallNouns make a time clause of a place's battle or fall
// (بعد سقوط الباغوز, عقب معركة الموصل): the place dates the event after
// the trigger and is not where it happened. They are timeWords less خلال,
// حين and عندما: قتل خلال معركة الموصل died there.
var (
	afterWords = setOf("بعد", "قبل", "منذ", "عقب", "اثر")
	fallNouns  = setOf("سقوط", "معركة", "معارك", "هزيمة", "انهيار", "تحرير", "استعادة", "دحر", "حصار")
)

// sizeWords may stand between a place and the examples that narrow it.
// areaAdjectives describe the place before them and leave a list of
// places going on: بمنطقة باجور القبلية وإقليم بلوشستان.
var areaAdjectives = setOf("الغربي", "الغربيه", "الشرقي", "الشرقيه", "الشمالي", "الشماليه", "الجنوبي", "الجنوبيه",
	"القبلي", "القبليه", "الجبلي", "الجبليه", "الصحراوي", "الصحراويه", "الحدودي", "الساحليه", "الساحلي", "النائيه", "الريفيه")

var sizeWords = setOf("الكبري", "الكبيره", "الرئيسيه", "الصغيره", "الاخري", "المجاوره", "الحدوديه")

// comparisonWords introduce a comparison: على غرار ما كانت عليه الرقة.
var comparisonWords = setOf("غرار", "مثلما", "كغيرها", "خلافا", "عكس")

// effectivePrep reads the preposition of a place in its phrase: من after a
// part of a place (بالجانب الأيمن من الموصل, بالقرب من الرقة) says where,
// not whence; ل after an adjective of nearness (ولاية كونار المحاذية
// لباكستان) describes the place before and governs no movement.
func effectivePrep(toks []token, rf ref, prep string) string {
	if rf.first < 1 {
		return prep
	}
	switch prep {
	case "من":
		// بالقرب من الرقة; قريبة من بلدة كاتشانيك (a place noun between)
		for j := rf.first - 2; j >= 0 && j >= rf.first-3; j-- {
			if partNouns[stripConj(toks[j].fold)] {
				return "قرب"
			}
			if stripConj(toks[j].fold) == "من" {
				continue
			}
			if !placeTriggers[stripConj(toks[j+1].fold)] && j != rf.first-2 {
				break
			}
		}
	case "ل":
		if nearAdjectives[stripConj(toks[rf.first-1].fold)] {
			return "near"
		}
	}
	return prep
}

var partNouns = setOf("الجانب", "الايمن", "الايسر", "اطراف", "ضواحي", "بالقرب", "القرب", "قريب", "قريبا",
	"قريبه", "مقربه", "بمقربه", "جزء", "اجزاء", "داخل", "وسط", "الجزء", "القسم", "الطرف", "الشطر",
	"الغربي", "الشرقي", "الشمالي", "الجنوبي", "الغربيه", "الشرقيه", "الشماليه", "الجنوبيه") // الحي الغربي من بلدة البصيرة

var nearAdjectives = setOf("المحاذيه", "المحاذي", "المجاوره", "المجاور", "المتاخمه", "المتاخم", "القريبه",
	"القريب", "التابعه", "التابع", "المقابله", "المقابل", "المطله", "المطل", "الموازيه", "المحاذيين")

// selfWithin reports whether نفسه or أنفسهم follows within five words:
// سلّم X نفسه is a surrender, سلّم X alone a hand-over.
func selfWithin(toks []token, k, end int) bool {
	if w := stripConj(toks[k].fold); w != "سلم" && w != "سلموا" && w != "تسليم" {
		return false
	}
	// سلّم شاب مطلوب بتهمة الانتماء إلى التنظيم نفسه: the one who gave
	// himself up may be told at some length.
	for j := k + 1; j < end && j <= k+9; j++ {
		if w := toks[j].fold; w == "نفسه" || w == "انفسهم" || w == "نفسها" || w == "نفسيهما" {
			return true
		}
	}
	return false
}

// borderArea reports whether a place is a country's border (الحدود
// التركية): a direction for a movement, but as where someone hides or was
// caught it does not say on which side.
func borderArea(p Place) bool {
	return p.Via == "adjective" && strings.Contains(geo.Fold(p.Text), "حدود")
}

// commaBetween reports whether a comma separates two places.
func commaBetween(text string, toks []token, a, b ref) bool {
	gap := text[toks[a.last].end:toks[b.first].start]
	return strings.Contains(gap, "،") || strings.Contains(gap, ",")
}

// coordinated reports whether place b follows place a joined by و, أو,
// ثم or a comma, with nothing else between but a destination preposition,
// place nouns (ومناطق شرق صلاح الدين) or a narrowing (خصوصا في شمال مالي).
func coordinated(text string, toks []token, a, b ref) bool {
	link, narrow := false, false
	if t := toks[b.first].fold; strings.HasPrefix(t, "و") && len(t) > 4 {
		link = true
	}
	for k := a.last + 1; k < b.first; k++ {
		w := stripConj(toks[k].fold)
		if w != toks[k].fold && (w == "في" || w == "فى" || w == "الي" || w == "الى") {
			link = true // في محافظة نينوى وفي ريف الحسكة
		}
		switch {
		case w == "و" || w == "او" || w == "ثم" || w == "الي" || w == "الى" || w == "منه" || w == "منها" || w == "نحو":
			link = true
		case w == "خصوصا" || w == "خاصه" || w == "تحديدا" || w == "سيما" || w == "لا" || w == "بما" || w == "فيها" ||
			w == "مثل" || w == "منها" || w == "بينها" || w == "ابرزها" || w == "اهمها":
			narrow = true // المدن الباكستانية الكبرى مثل كراتشي
		case sizeWords[w] || areaAdjectives[w]:
		case (w == "في" || w == "فى") && (narrow || link):
			// في أثينا أو في مدينة سالونيك: the preposition repeated
		case placeTriggers[w] || weakTriggers[w] || naturalFeatures[w]:
			if w != toks[k].fold {
				link = true // ومناطق, وبادية دير الزور
			}
		default:
			return false
		}
	}
	if !link {
		gap := text[toks[a.last].end:toks[b.first].start]
		link = strings.Contains(gap, "،") || strings.Contains(gap, ",")
	}
	return link || narrow
}

// fromTo reports whether token k is إلى right after an origin place (من
// الهول إلى, من المخيم إلى): the route of a headline that says no verb.
func fromTo(toks []token, refs []ref, places []Place, k int) bool {
	if w := toks[k].fold; w != "الي" && w != "الى" {
		return false
	}
	if k >= 2 && toks[k-2].fold == "من" && originNouns[toks[k-1].fold] {
		return true
	}
	for i, rf := range refs {
		if rf.last == k-1 {
			return places[i].Preposition == "من"
		}
	}
	return false
}

// lodged reports whether a stay (أقام, يقيم) is told as lying low: in the
// past of the story (كان يقيم, منزل كان يقيم فيه), with relatives (لدى
// أقارب له), or in a rented house.
func lodged(toks []token, k, last, b int) bool {
	if k > 0 {
		switch stripConj(toks[k-1].fold) {
		case "كان", "كانوا", "كانت", "كانا", "كن":
			return true
		}
	}
	for j := last + 1; j < b && j <= last+6; j++ {
		switch stripConj(toks[j].fold) {
		case "لدي", "مستاجر", "مستاجره", "مستاجرا", "سرا":
			return true
		}
	}
	return false
}

// hideout reports whether a folded trigger names a hideout, with or
// without its endings (مخبأ, مخبئه, مضافة, مضافتهم), struck or raided
// somewhere: the place of a death or an arrest told before (بضربة على
// مضافة في وادي حوران).
func hideout(w string) bool {
	return hasPrefixIn(strings.TrimPrefix(stripConj(w), "ب"), "مخبا", "مخبي", "مضافه", "مضافت", "مضافات")
}

// redoVerbs are the forms of أعاد (to send back) that also mean doing a
// thing again; redoNouns, the things done again (أعاد تنظيم, أعاد توزيع
// مقاتليه), and mindWords, the minds a story is brought back to (تعيد إلى
// الأذهان).
var (
	redoVerbs = setOf("أعاد", "أعادت", "أعادوا", "يعيد", "تعيد")
	redoNouns = setOf("تنظيم", "توزيع", "ترتيب", "بناء", "انتشار", "تموضع", "تشكيل", "هيكلة", "تأهيل", "فتح", "إحياء", "النظر", "تفعيل", "نشر", "إنتاج", "صياغة")
	mindWords = setOf("الأذهان", "الذاكرة", "الواجهة")
)

// stayVerbs are the verbs of staying somewhere (أقام, يقيم) that, said of
// the organisation's people, most annotators read as hiding there: وأقام
// نحو عامين في إسطنبول, يقيمون اليوم في بلدتي ذيبان والطيانة. عاش (lived)
// is left to the alias rule.
var stayVerbs = setOf(append([]string{"يقيموا"}, stayForms...)...) // يقيموا: an inflection the trigger table finds

// stayForms are the trigger table's forms of أقام.
var stayForms = []string{"أقام", "أقاموا", "أقامت", "أقاما", "يقيم", "يقيمون", "تقيم", "يقمن", "يقيمان", "تقيمان"}

// kinNouns, right after a verb of staying, are its subject: someone else
// lives there (حيث يقيم أقارب لأحدهما).
var kinNouns = setOf("أقارب", "أقاربه", "أقاربها", "شقيق", "شقيقه", "أشقاء", "أشقائه", "أهل", "أهله", "عائلة", "عائلته", "ذوو", "ذوي", "أسرة", "أسرته", "أخ", "أخوه", "ابن")

// thatWords are إن and أن with their pronouns, folded: what follows them
// is what was said.
var thatWords = setOf("ان", "انه", "انها", "انهم", "انهما", "انهن")

// fugitiveStay reports whether the verb of staying at k..last says where
// one of the organisation's people stayed, not who someone else is: a
// relative's home (حيث يقيم أقارب لهما) or a speaker's (قال قيادي سابق
// يقيم في مدينة طفس، لعنب بلدي، إن) is no claim.
func fugitiveStay(toks []token, k, last, a, b int) bool {
	if !stayVerbs[stripConj(toks[k].fold)] || last+1 < b && kinNouns[stripConj(toks[last+1].fold)] {
		return false
	}
	if last+2 < b && toks[last+1].fold == "احد" && hasPrefixIn(toks[last+2].fold, "اشقا", "اقار", "اخو", "ابنا", "اخوت") {
		return false // حيث يقيم أحد أشقائه
	}
	for j := last + 1; j < b && j <= last+3; j++ {
		if hasPrefixIn(strings.TrimPrefix(stripConj(toks[j].fold), "ب"), "مخيم", "المخيم") {
			return false // ما زالت تقيم في مخيم الجدعة: the camp is where they were put
		}
	}
	for j := k - 1; j >= a; j-- {
		if thatWords[strings.TrimPrefix(stripConj(toks[j].fold), "ب")] {
			// قالت إنه يقيم: what is said; not لم يعثروا على ما يثبت أنه أقام
			return !wordIn(toks, max(a, j-6), j, negations)
		}
		if w := stripConj(toks[j].fold); speechWords[w] || speechVerbs[w] || w == "يرجح" || w == "ترجح" {
			return false
		}
	}
	return true
}

// originNouns are the places left that a route may name by their kind.
var originNouns = setOf("المخيم", "المخيمات", "السجن", "السجون", "المخيمين")

// headingLine reports whether the sentence from token a to b is a line of
// its own and short, with no full stop: a subheading (من الهول إلى ريف
// حلب الشمالي).
func headingLine(text string, s sentence, a, b int) bool {
	if b-a > 12 || strings.ContainsAny(text[s.start:s.end], ".،,") {
		return false
	}
	before := strings.LastIndexByte(text[:s.start], '\n')
	if strings.TrimSpace(text[before+1:s.start]) != "" {
		return false
	}
	after := strings.IndexByte(text[s.end:], '\n')
	if after < 0 {
		after = len(text) - s.end
	}
	return strings.TrimSpace(text[s.end:s.end+after]) == ""
}

// repeatedPrep reports whether the place is governed by prep said again
// with و (وفي, وإلى), as the place taken before was.
func repeatedPrep(toks []token, rf ref, prep string) bool {
	if rf.first < 1 || prep == "" {
		return false
	}
	w := toks[rf.first-1].fold
	return strings.HasPrefix(w, "و") && w[len("و"):] == prep
}

// clauseOpens reports whether the place opens a clause of its own (وفي كركوك،
// اعتقلت القوات ...): a comma after it and the next trigger close behind.
func clauseOpens(text string, toks []token, rf ref, end int) bool {
	if rf.last+1 >= len(toks) || end-rf.last > 6 || end >= len(toks) {
		return false
	}
	gap := text[toks[rf.last].end:toks[rf.last+1].start]
	return strings.ContainsAny(gap, "،,")
}

// exampleWords introduce examples of the places a noun stands for.
var exampleWords = setOf("مثل", "كمثل", "ومنها", "منها", "ابرزها", "اهمها", "خصوصا", "تحديدا")

// pickSubject chooses the subject nearest the trigger: a person who is not
// a source, or a group, within the clause (ten words before the trigger, or
// after it up to the scope's end).
func pickSubject(subjects []subjectRef, first, last, a, end int) (subjectRef, bool) {
	best, bestD := subjectRef{}, math.MaxInt
	for _, s := range subjects {
		var d int
		switch {
		case s.last < first && s.first >= a && first-s.last <= 10:
			d = first - s.last
		case s.first > last && s.first < end && s.first-last <= 8:
			d = s.first - last + 1 // verb before subject is as usual in Arabic; a little farther
		default:
			continue
		}
		if s.person != nil {
			d -= 2 // a named person beats a nearby group word
		}
		if s.label == "IS members" {
			d += 3 // عشرات المقاتلين الأجانب: the specific group beats the count
		}
		if d < bestD {
			best, bestD = s, d
		}
	}
	return best, bestD != math.MaxInt
}

// nearestDate returns the resolved date of the sentence nearest the trigger.
func nearestDate(dates []Date, refs []ref, k, a, b int) *Date {
	var best *Date
	bestD := math.MaxInt
	for i := range dates {
		rf := refs[i]
		if rf.first < a || rf.first >= b || !dates[i].Resolved() {
			continue
		}
		d := rf.first - k
		if d < 0 {
			d = k - rf.last
		}
		if d < bestD {
			best, bestD = &dates[i], d
		}
	}
	if best == nil {
		return nil
	}
	c := *best
	return &c
}

// source is one attribution found in a sentence, at token pos.
type source struct {
	pos      int
	text     string
	official bool
	inherit  bool // a bare وأضاف: the source of the sentence before
}

// sourcesIn finds who the sentence says is speaking: quoted people, and the
// phrases after بحسب, قال, ذكرت, وفقا ل, نقلت عن, أفاد ... in text order.
func sourcesIn(text string, toks []token, a, b int, people []*Person) []source {
	var out []source
	for _, p := range people {
		if !p.Speaker {
			continue
		}
		for _, m := range p.Mentions {
			if m.Start >= toks[a].start && m.End <= toks[b-1].end {
				src := p.Text
				if p.Role != "" {
					src = p.Role + " " + p.Text
				}
				out = append(out, source{pos: tokenAt(toks, m.Start), text: strings.Trim(src, "\"'«» ")})
			}
		}
	}
	for k := a; k < b; k++ {
		w := stripConj(toks[k].fold)
		if !attributionMarkers[w] {
			continue
		}
		// The source: up to five words after the marker, to إن/أن, a comma
		// or a verb of motion.
		j := k
		for n := 0; n < 5 && j+1 < b; n++ {
			nw := stripConj(toks[j+1].fold)
			if nw == "ان" || nw == "انه" || nw == "انها" || nw == "بان" || !gapOK(text, toks, j+1) {
				break
			}
			if _, _, ok := triggers.match(text, toks, j+1); ok {
				break
			}
			j++
		}
		src := source{pos: k, text: dropConj(text[toks[k].start:toks[j].end], toks[k].fold)}
		for m := k; m <= j; m++ {
			if officialWords[stripConj(toks[m].fold)] {
				src.official = true
			}
		}
		if j == k && w != "تقرير" && w != "تقارير" && w != "مصادر" && w != "تقديرات" {
			src = source{pos: k, inherit: true}
		}
		// A person quoted here is already a source; keep the phrase only
		// when it names someone else.
		dupPerson := false
		for _, o := range out {
			if o.pos > k && o.pos <= j+1 {
				dupPerson = true
			}
		}
		if !dupPerson {
			out = append(out, src)
		}
		k = j
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// dropConj drops the conjunction و or ف written on a phrase's first word
// (وقال مسؤول → قال مسؤول) when its folded form fold carries one.
func dropConj(s, fold string) string {
	if stripConj(fold) == fold {
		return s
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[n:]
}

// sourceFor picks the source of the claim whose trigger is at token k: the
// last one before it, else the first after it (..., وفقا للفيلي).
func sourceFor(srcs []source, k int) (source, bool) {
	var best source
	found := false
	for _, s := range srcs {
		if s.pos < k {
			best, found = s, true
		}
	}
	if !found && len(srcs) > 0 {
		return srcs[0], true
	}
	return best, found
}

// certaintyWords counts hedges and confirmations in the sentence.
func certaintyWords(text string, toks []token, a, b int) (hedge, confirm int) {
	for k := a; k < b; k++ {
		last, v, ok := hedges.match(text, toks, k)
		if !ok || last >= b {
			continue
		}
		if v == "hedge" {
			hedge++
		} else {
			confirm++
		}
		k = last
	}
	return hedge, confirm
}

func dup(cs []Claim, c Claim) bool {
	for _, o := range cs {
		if o.Type == c.Type && o.Place.Span == c.Place.Span {
			return true
		}
	}
	return false
}

// escapedBefore reports whether a word of escape stands between the end of
// the trigger before (or the sentence's start), a, and the trigger at k:
// فرتا من مخيم عين عيسى ... ووصلتا إلى تركيا, الخروج من مخيم روج بمساعدة
// مهربين ووصلت إلى مدينة الباب. A verb of flight that names no destination
// is no trigger of its own, but the arrival after it is the flight's end;
// not an arrival "later" (وصلت لاحقا إلى إسطنبول), another leg.
func escapedBefore(toks []token, a, k int) bool {
	escaped := false
	for j := a; j < k; j++ {
		switch w := stripConj(toks[j].fold); {
		case w == "لاحقا" || w == "ثم":
			escaped = false
		case escapeAt(toks, j):
			escaped = true
		}
	}
	return escaped
}

// escapeAt reports whether the word at token j tells an escape: the
// fleeing, a word of escape, or a verb of flight.
func escapeAt(toks []token, j int) bool {
	w := stripConj(toks[j].fold)
	return fleeingWords[w] || escapeWords[w] || fledWord(toks, j)
}

// escapeWords are words of escape that the triggers, inflected, do not
// give: فرا (too short to lose its ending), and the smugglers who carried
// the escapees. The other duals (فرتا, هربا) are read by matchInflected.
var escapeWords = setOf("فرا", "مهرب", "مهربين", "بمساعده", "المهربين", "تهريب", "تهريبهم", "تهريبها")

// fleeingParticiples name the fleeing (هارب, الفارّات); they tell a flight
// only with its direction right after them: بين قتيل وهارب إلى ليبيا.
var fleeingParticiples = setOf("هارب", "هاربون", "هاربين", "هاربه", "هاربات", "الهاربون", "الهاربين", "الهاربات",
	"فارون", "فارين", "فارات", "الفارون", "الفارين", "الفارات", "للفارين", "للهاربين", "للفارات", "للهاربات")

// carriedWords are the verbs of taking someone somewhere, with the object
// pronoun: نقلها, أوصلهم, أخرجها, أدخله, أخذها, اقتادهم, نقلتهما,
// ينقلونهم. The verbs take it only with the pronoun: نقلت alone is also
// "reported", أخذ "took" (a decision), أدخل "brought in" (a change).
var carriedWords = func() map[string]bool {
	m := map[string]bool{}
	objects := []string{"ه", "ها", "هم", "هما", "هن"}
	for _, stem := range []string{"نقل", "اوصل", "اخرج", "ادخل", "اخذ", "اقتاد", "وزع"} {
		for _, o := range objects {
			m[stem+o], m[stem+"ت"+o], m[stem+"و"+o] = true, true, true // نقلها, نقلتها, نقلوها
		}
	}
	for _, stem := range []string{"ينقل", "تنقل", "يوصل", "توصل", "يخرج", "تخرج", "يدخل", "تدخل", "ياخذ", "تاخذ", "يقتاد", "تقتاد"} {
		for _, o := range objects {
			m[stem+o], m[stem+"ون"+o] = true, true // ينقلهم, ينقلونهم
		}
	}
	return m
}()

// smuggled reports whether the carrying at token k is a smuggler's or part
// of an escape: a word of escape or flight earlier in the sentence (from
// a), or a smuggler who took the subject out (أخرجها مهرب).
func smuggled(toks []token, a, k, end int) bool {
	for j := a; j < k; j++ {
		if escapeAt(toks, j) {
			return true
		}
	}
	if w := stripConj(toks[k].fold); strings.HasPrefix(w, "اخرج") || strings.HasPrefix(w, "يخرج") {
		// أخرجها مهرب: taken out by a smuggler is an escape. (Carried
		// to a town by smugglers, نقلهم مهربون إلى جالكعيو, may be a
		// recruit's journey.)
		for j := k + 1; j < end && j <= k+2; j++ {
			if smugglerWords[stripConj(toks[j].fold)] {
				return true
			}
		}
	}
	return false
}

var smugglerWords = setOf("مهرب", "مهربون", "مهربين", "المهرب", "المهربون", "المهربين", "مهربا", "مهربان")

// joinedCaliphate reports whether a move to Syria or Iraq, the country,
// tells how people came to join the group rather than where they went
// after it lost its land: told of a time before 2017, or of the two
// countries together (سافروا إلى سوريا والعراق).
func joinedCaliphate(toks []token, places []Place, refs []ref, pi int, date *Date) bool {
	p := places[pi]
	if p.Kind != geo.KindCountry || p.Country != "SY" && p.Country != "IQ" {
		return false
	}
	if date != nil && !date.End.IsZero() && date.Precision != PrecisionVague && date.End.Year() < 2017 {
		return true
	}
	pair := func(i, j int) bool {
		return i >= 0 && j < len(places) && places[i].Kind == geo.KindCountry && places[j].Kind == geo.KindCountry &&
			places[i].Country != places[j].Country && (places[i].Country == "SY" || places[i].Country == "IQ") &&
			(places[j].Country == "SY" || places[j].Country == "IQ") && refs[j].first-refs[i].last == 1 &&
			strings.HasPrefix(toks[refs[j].first].fold, "و")
	}
	return pair(pi-1, pi) || pair(pi, pi+1)
}

// fledWord reports whether the word at token j is a verb of flight, as
// listed (فرّت) or inflected (فرتا, هربن).
func fledWord(toks []token, j int) bool {
	// The word as it is first: stripConj would read فرت as ف + رت.
	for _, w := range []string{toks[j].fold, stripConj(toks[j].fold)} {
		if typ, ok := triggers.m[w]; ok {
			return typ == string(FledTo)
		}
	}
	typ, ok := triggers.matchInflected(toks, j)
	return ok && typ == string(FledTo)
}

// objectPronoun reports whether a folded verb of an event carries the
// people it happened to as a pronoun: the passive plural (أوقفوا) or an
// object (أوقفهما, اعتقلته, قتلتهم).
func objectPronoun(w string) bool {
	for _, suf := range []string{"وا", "هما", "هم", "هن", "ه", "ها"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w) >= 5 {
			return true
		}
	}
	return false
}
