package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

// Person is a person named in the text. One Person gathers every mention of
// the same name (a surname alone later in the text: وينتر, للفيلي).
type Person struct {
	Span Span   `json:"span"` // the first full mention
	Text string `json:"text"` // the name as first written, titles and roles left out
	Name string `json:"name"` // Latin form (Romanize)
	// Role is the title or role written beside the name (الخبير الأمني,
	// المتحدث باسم, قياديا مصريا) as written; "" when none.
	Role string `json:"role,omitempty"`
	// Speaker is set when the person is quoted or cited anywhere in the
	// text (قال, وأضاف, وفقا ل, experts and spokespeople): a source of
	// claims, never their subject.
	Speaker    bool    `json:"speaker"`
	RegistryID string  `json:"registry_id,omitempty"` // the registry entry the name was linked to
	Score      float64 `json:"score,omitempty"`       // screening score of that link
	Mentions   []Span  `json:"mentions"`

	key  string // folded name without spaces: أبو رغيف and أبورغيف are one
	last string // folded last word, for later mentions by surname
	// kunya or several words: a name worth linking to the registry
	linkable bool
}

// personMention is one mention found in the first pass, by token range.
type personMention struct {
	first, last int
	role        string
	speaker     bool
	kunya       bool
}

// speechWords are verbs and phrases that introduce a quoted source, folded,
// without و/ف (stripConj removes it).
var speechWords = setOf("قال", "قالت", "اضاف", "اضافت", "اكد", "اكدت", "تابع", "لفت", "اوضح", "اشار", "اشارت",
	"ذكر", "ذكرت", "صرح", "يقول", "تقول", "راي", "يري", "حذر", "دعا", "توقع", "رجح", "اعتبر", "كشف", "كشفت",
	"اردف", "افاد", "افادت", "اعلن", "اعلنت", "نقل", "نقلت", "بين", "شدد", "اعترف", "نفي", "زعم", "يعتقد",
	"وفقا", "وفق", "حسب", "بحسب", "حسبما", "عن", "لسان", "تحدث", "قاله", "يضيف", "يؤكد", "يوضح", "يشير")

// speakerRoles are roles of people who speak in the news: experts,
// researchers, spokespeople and officials.
var speakerRoles = setOf("خبير", "الخبير", "باحث", "الباحث", "محلل", "المحلل", "المتحدث", "متحدث", "الناطق",
	"ناطق", "استاذ", "الاستاذ", "مدير", "المدير", "مسؤول", "المسؤول", "الصحفي", "صحفي", "الكاتب", "المراسل",
	"رئيس", "الرئيس", "السفير", "المبعوث", "مستشار", "المستشار", "الوزير", "وزير", "المحافظ", "محافظ",
	"الناشط", "ناشط", "الاكاديمي", "الدكتور", "النائب", "نائب", "العميد", "اللواء", "العقيد", "الجنرال",
	"المختص", "الخبراء", "المحللين", "مديره", "الباحثه", "الخبيره", "المتحدثه")

// subjectRoles are roles of members of armed groups: a person named with
// one may be the subject of a claim.
var subjectRoles = setOf("القيادي", "قيادي", "قياديا", "الزعيم", "زعيم", "امير", "الامير", "اميرا", "الوالي",
	"والي", "المدعو", "الملقب", "يدعي", "يلقب", "الداعشي", "الارهابي", "الارهابيين", "العنصر", "عنصر",
	"المقاتل", "مقاتل", "قائد", "القائد", "الشيخ", "الملا", "المسؤول", "مسؤولا", "الانتحاري", "المطلوب",
	"المتهم", "المشتبه", "الخليفه", "مفتي", "المفتي", "الشرعي", "شرعي")

// nameStop are words that end a name: function words, verbs of speech and
// motion, roles.
var nameStop = setOf(
	"في", "من", "الي", "علي", "عن", "مع", "بين", "حتي", "منذ", "بعد", "قبل", "عند", "لدي", "ان", "انه", "انها",
	"انهم", "بان", "بانه", "لان", "كان", "كانت", "قد", "لقد", "هو", "هي", "هم", "ما", "لا", "لم", "لن", "الذي",
	"التي", "الذين", "هذا", "هذه", "ذلك", "تلك", "كل", "بعض", "غير", "ثم", "او", "ام", "اما", "حيث", "كما",
	"باسم", "ايضا", "اليوم", "امس", "يوم", "عام", "شهر", "خلال", "اثناء", "وفقا", "بحسب", "حسب", "نحو",
	"باتجاه", "عبر", "قرب", "داخل", "خارج", "مصادر", "مصدر", "الا", "اذا", "لكن", "بل", "وقال", "قال",
	"يدعي", "يلقب", "الملقب", "المدعو", "المكني", "شخصا", "عناصر", "العناصر", "مقاتلين", "المقاتلين",
	// Nouns for a person, which follow a name only as the next phrase's
	// head (في حي سلطان بيلي امرأة طاجيكية): no one is named امرأة.
	"امرأة", "رجل", "رجلا", "شاب", "شابا", "سيدة", "فتاة", "طفل", "أطفال", "نساء", "زوجة", "أرملة",
)

// nameWord reports whether a folded token may be part of a personal name
// after its first word: no function word or role, and with the article only
// as a nisba (البغدادي, التميمي) or a compound's second half (عبد الحميد).
func nameWord(w string, afterAbd bool) bool {
	if len(w) < 4 || nameStop[w] || speechWords[w] || speakerRoles[w] || subjectRoles[w] {
		return false
	}
	if _, ok := triggers.m[stripConj(w)]; ok {
		return false // حجي بكر اعتقل: the verb ends the name
	}
	if strings.HasPrefix(w, "و") && len(w) > 6 && (speechWords[w[2:]] || nameStop[w[2:]]) {
		return false
	}
	if strings.HasPrefix(w, "ال") && !afterAbd {
		return strings.HasSuffix(w, "ي") && len(w) > 8
	}
	return true
}

// moreGivenNames add to the place finder's givenNames (which it uses to
// keep surnames from being read as villages): more Arabic given names and
// the foreign given names the news writes in Arabic, folded.
var moreGivenNames = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`هشام حسام عماد وسام أسعد رياض زكريا إياد مروان نزار لؤي قصي عدنان عبيد عواد حجي حاجي
		سيف أمجد أشرف ثامر جاسم حارث مثنى صدام عزت عامر كاظم ماهر مازن مراد مهند نصر هيثم يحيى يونس إدريس أنور
		توفيق جلال حازم رائد سامر شادي طلال عاصم علاء غسان فؤاد فادي قيس ليث مؤيد معن نواف وائل بسام زهير سعود ضياء
		عبيدة نضال أيوب أبوبكر تركي منذر مظلوم نوري إلياس أحمد محمد ماريا مريم
		فلاديمير بيتر توماس مارك روبرت جيمس ريتشارد فرانسوا جان بيير أليكس ألكسندر دانيال كولين لوكاس ستيفن
		ستيفان تشارلز جوزيف ويليام هنري إريك كريستوفر بريت مايك جاك أندرو نيكولاس سيرغي إيغور ديمتري`) {
		m[geo.Fold(w)] = true
	}
	return m
}()

func given(w string) bool { return givenNames[w] || moreGivenNames[w] }

// kunyaMarker reports whether w begins a kunya: أبو, أبي, أبا, أم.
func kunyaMarker(w string) bool { return w == "ابو" || w == "ابي" || w == "ابا" }

// findPeople returns the people named in the text, skipping tokens inside
// organisations and places (busy[i] set).
func findPeople(text string, toks []token, busy []bool, g *geo.Gazetteer) []*Person {
	var ms []personMention
	taken := make([]bool, len(toks))
	add := func(m personMention) {
		for k := m.first; k <= m.last; k++ {
			taken[k] = true
		}
		ms = append(ms, m)
	}
	for i := 0; i < len(toks); i++ {
		if busy[i] || toks[i].class != 'a' || taken[i] {
			continue
		}
		w := stripConj(toks[i].fold)
		if given(toks[i].fold) {
			w = toks[i].fold // فاضل, not ف + اضل
		}
		if i > 0 && toks[i].joined && placeTriggers[toks[i-1].fold] {
			continue // حي سلطان بيلي, قرية أبو حمام: a place named like a man
		}
		last := -1
		kunya := false
		switch {
		case kunyaMarker(w) || (w == "ام" && i+1 < len(toks) && givenNames[toks[i+1].fold]):
			last = kunyaEnd(text, toks, busy, i)
			kunya = last > i
		case strings.HasPrefix(w, "ابو") && len(w) >= 12 && !g.Has(w) && !nameStop[w]:
			// a glued kunya: أبورغيف
			last, kunya = nameEnd(text, toks, busy, i, 1), true
		case given(w) || w == "عبد" || (strings.HasPrefix(w, "عبد") && len(w) > 8 && givenNames[w]):
			if w == "عبد" {
				if i+1 < len(toks) && gapOK(text, toks, i+1) && strings.HasPrefix(toks[i+1].fold, "ال") {
					last = nameEnd(text, toks, busy, i+1, 2)
				}
			} else if e := nameEnd(text, toks, busy, i, 3); e > i {
				last = e
			}
		}
		if last < i {
			continue
		}
		// A given name just before a kunya belongs to it: فاضل أبو رغيف.
		first := i
		if kunya && i > 0 && gapOK(text, toks, i) && (given(toks[i-1].fold) || given(stripConj(toks[i-1].fold))) && !taken[i-1] && !busy[i-1] {
			first = i - 1
		}
		m := personMention{first: first, last: last, kunya: kunya}
		m.role, m.speaker = roleAround(text, toks, first, last)
		add(m)
		i = last
	}
	// A role followed by a name the lexicons do not know (a foreign name):
	// the two words before the end of the role's phrase, or a quoted name.
	for i := 0; i < len(toks); i++ {
		w := stripConj(toks[i].fold)
		if busy[i] || taken[i] || !(speakerRoles[w] || subjectRoles[w]) {
			continue
		}
		if first, last, ok := roleName(text, toks, busy, taken, i); ok {
			m := personMention{first: first, last: last}
			m.role, m.speaker = roleAround(text, toks, first, last)
			add(m)
		}
	}
	// Order by position.
	sortMentions(ms)
	var people []*Person
	byKey := map[string]*Person{}
	for _, m := range ms {
		start, end := toks[m.first].start, toks[m.last].end
		name := text[start:end]
		key := strings.ReplaceAll(geo.Fold(name), " ", "")
		if p := byKey[key]; p != nil {
			p.Mentions = append(p.Mentions, Span{start, end})
			p.Speaker = p.Speaker || m.speaker
			if p.Role == "" {
				p.Role = m.role
			}
			continue
		}
		p := &Person{
			Span: Span{start, end}, Text: name, Name: Romanize(name), Role: m.role, Speaker: m.speaker,
			Mentions: []Span{{start, end}}, key: key, last: toks[m.last].fold,
			linkable: m.kunya || m.last > m.first,
		}
		byKey[key] = p
		people = append(people, p)
	}
	// Later mentions by the last word of a name: وقال وينتر, وفقا للفيلي.
	lastWords := map[string]*Person{}
	for _, p := range people {
		if len(p.last) >= 6 && p.linkable {
			lastWords[p.last] = p
		}
	}
	var vbuf [6]string
	for i := range toks {
		if busy[i] || taken[i] || toks[i].class != 'a' {
			continue
		}
		for _, v := range proclitics(toks[i].fold, vbuf[:0]) {
			p := lastWords[v]
			if p == nil {
				continue
			}
			_, sp := roleAround(text, toks, i, i)
			p.Speaker = p.Speaker || sp
			p.Mentions = append(p.Mentions, Span{toks[i].start, toks[i].end})
			taken[i] = true
			break
		}
	}
	// A lone nisba or surname right after a verb of speech and before إن,
	// أن or إلى is a source we know nothing else about: ولفت الهاشمي إلى أن.
	for i := 1; i+1 < len(toks); i++ {
		if busy[i] || taken[i] || !speechWords[stripConj(toks[i-1].fold)] {
			continue
		}
		w := toks[i].fold
		next := toks[i+1].fold
		if !nameWord(w, false) || g.Has(w) || !(next == "ان" || next == "الي" || next == "بان" || next == "انه") {
			continue
		}
		if !strings.HasPrefix(w, "ال") {
			continue // only nisbas: a bare word here is too often a noun
		}
		start, end := toks[i].start, toks[i].end
		people = append(people, &Person{Span: Span{start, end}, Text: text[start:end], Name: Romanize(text[start:end]),
			Speaker: true, Mentions: []Span{{start, end}}, key: w, last: w})
		taken[i] = true
	}
	sortPeople(people)
	return people
}

// kunyaEnd returns the last token of the kunya starting at i (أبو بكر
// البغدادي, أبو عبد الله المصري), or i when none follows.
func kunyaEnd(text string, toks []token, busy []bool, i int) int {
	j := i + 1
	if j >= len(toks) || busy[j] || toks[j].class != 'a' || !gapOK(text, toks, j) {
		return i
	}
	w := toks[j].fold
	if nameStop[w] || len(w) < 4 && w != "بكر" {
		return i
	}
	if w == "عبد" && j+1 < len(toks) && gapOK(text, toks, j+1) {
		j++
	}
	// up to two nisbas or laqabs: البغدادي الحسيني القرشي
	for n := 0; n < 2 && j+1 < len(toks) && !busy[j+1] && gapOK(text, toks, j+1); n++ {
		nw := toks[j+1].fold
		if !strings.HasPrefix(nw, "ال") || !nameWord(nw, false) {
			break
		}
		j++
	}
	return j
}

// nameEnd extends a name from token i over up to max more name words.
func nameEnd(text string, toks []token, busy []bool, i, max int) int {
	j := i
	for n := 0; n < max && j+1 < len(toks) && !busy[j+1] && toks[j+1].class == 'a' && gapOK(text, toks, j+1); n++ {
		w := toks[j+1].fold
		if w == "عبد" && j+2 < len(toks) && gapOK(text, toks, j+2) && strings.HasPrefix(toks[j+2].fold, "ال") {
			j += 2
			continue
		}
		if kunyaMarker(w) && j+2 < len(toks) && gapOK(text, toks, j+2) && nameWord(toks[j+2].fold, false) {
			j += 2
			continue
		}
		if !nameWord(w, false) {
			break
		}
		j++
	}
	return j
}

// roleAround finds the role written before or right after a name and
// whether the person is speaking: a verb of speech before, إن/أن after, or
// a speaker's role.
func roleAround(text string, toks []token, first, last int) (role string, speaker bool) {
	// Backwards, within the clause: الخبير الأمني "فاضل أبو رغيف".
	for j := first - 1; j >= 0 && j >= first-10; j-- {
		w := stripConj(toks[j].fold)
		if w == "ان" || w == "انه" || w == "بان" || w == "انهم" {
			break // ذكرت مصادر أن قياديا ... قتل: the name is in what is said
		}
		if _, ok := triggers.m[w]; ok {
			break // أعلن الجيش مقتل القيادي ...: the name is the claim's subject
		}
		if speechWords[w] {
			speaker = true
			break
		}
		if role == "" && (speakerRoles[w] || subjectRoles[w]) {
			role = roleText(text, toks, j)
			speaker = speaker || speakerRoles[w]
		}
		if !gapOK(text, toks, j+1) && !commaOnly(text, toks, j+1) {
			break
		}
	}
	// A role that speaks (المتحدث باسم التنظيم) does not make a source of
	// one who is the subject of a verb of the claims: ... أبو محمد العدناني قتل.
	if speaker && !speechBefore(text, toks, first) {
		for k := last + 1; k < len(toks) && k <= last+3; k++ {
			if _, ok := triggers.m[stripConj(toks[k].fold)]; ok {
				speaker = false
				break
			}
		}
	}
	// Right after: مصطفى بالي المتحدث باسم ...; قال X إن.
	if last+1 < len(toks) {
		w := stripConj(toks[last+1].fold)
		if role == "" && (speakerRoles[w] || subjectRoles[w]) {
			role = roleText(text, toks, last+1)
			speaker = speaker || speakerRoles[w]
		}
		if w == "ان" || w == "انه" || w == "بان" || w == "قوله" {
			speaker = true
		}
	}
	if r := strings.TrimSpace(text[toks[last].end:min(len(text), toks[last].end+3)]); strings.HasPrefix(r, ":") {
		speaker = true
	}
	return role, speaker
}

// speechBefore reports whether a verb of speech stands in the clause
// before token first.
func speechBefore(text string, toks []token, first int) bool {
	for j := first - 1; j >= 0 && j >= first-10; j-- {
		w := stripConj(toks[j].fold)
		if w == "ان" || w == "انه" || w == "بان" || w == "انهم" {
			return false
		}
		if _, ok := triggers.m[w]; ok {
			return false
		}
		if speechWords[w] {
			return true
		}
		if !gapOK(text, toks, j+1) && !commaOnly(text, toks, j+1) {
			return false
		}
	}
	return false
}

// commaOnly reports whether only a comma and spaces separate token k from
// the one before (an apposition: الباحث في المركز ...، تشارلي وينتر).
func commaOnly(text string, toks []token, k int) bool {
	s := strings.Trim(text[toks[k-1].end:toks[k].start], " \"'«»")
	return s == "،" || s == ","
}

// roleText is the role word at j with the adjectives after it (الخبير
// الأمني), as written less a leading و.
func roleText(text string, toks []token, j int) string {
	parts := []string{stripConj(toks[j].fold)}
	end := j
	for k := j + 1; k < len(toks) && k <= j+2 && toks[k].joined; k++ {
		w := toks[k].fold
		if w == "باسم" && k+1 < len(toks) {
			parts = append(parts, w)
			end = k
			continue
		}
		if !(strings.HasPrefix(w, "ال") && (strings.HasSuffix(w, "ي") || strings.HasSuffix(w, "يه"))) &&
			!(strings.HasSuffix(w, "يا") && len(parts) == 1) {
			break
		}
		parts = append(parts, w)
		end = k
	}
	s := text[toks[j].start:toks[end].end]
	if stripConj(toks[j].fold) != toks[j].fold {
		_, n := utf8.DecodeRuneInString(s)
		s = s[n:]
	}
	return s
}

// roleName finds a name the lexicons miss after the role at token i: the
// quoted words or the two words ending the role's phrase before a comma,
// إن or أن (قال الباحث في المركز الدولي ... تشارلي وينتر، إن).
func roleName(text string, toks []token, busy, taken []bool, i int) (int, int, bool) {
	end := -1
	for k := i + 1; k < len(toks) && k <= i+12; k++ {
		if taken[k] {
			return 0, 0, false // the role belongs to a name already found
		}
		w := stripConj(toks[k].fold)
		if w == "ان" || w == "انه" || w == "بان" || speechWords[w] && w != "عن" {
			end = k - 1
			break
		}
		if !gapOK(text, toks, k) {
			if commaOnly(text, toks, k) || strings.ContainsAny(text[toks[k-1].end:toks[k].start], ":") {
				end = k - 1
			}
			break
		}
	}
	if end < i+2 {
		return 0, 0, false
	}
	// A quoted name: الخبير الأمني "فلان".
	if q := strings.TrimSpace(text[toks[end-1].end:toks[end].start]); q == "" {
		a, b := end-1, end
		if busy[a] || busy[b] || taken[a] {
			return 0, 0, false
		}
		wa, wb := toks[a].fold, toks[b].fold
		if strings.HasPrefix(wa, "ال") || !nameWord(wa, false) || !nameWord(wb, false) {
			return 0, 0, false
		}
		if nisbaCountry(wb) != "" || strings.HasSuffix(wa, "يه") || strings.HasSuffix(wb, "يه") {
			return 0, 0, false // التنظيمات المتطرفة, مصادر عراقية
		}
		return a, b, true
	}
	return 0, 0, false
}

func sortMentions(ms []personMention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].first < ms[j-1].first; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func sortPeople(ps []*Person) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j].Span.Start < ps[j-1].Span.Start; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}
