package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

// ClaimType is what a claim says happened to its subject at its place.
type ClaimType string

const (
	FledTo          ClaimType = "fled_to"
	MovedTo         ClaimType = "moved_to"
	ArrestedIn      ClaimType = "arrested_in"
	KilledIn        ClaimType = "killed_in"
	SurrenderedIn   ClaimType = "surrendered_in"
	HidingIn        ClaimType = "hiding_in"
	CrossedBorderTo ClaimType = "crossed_border_to"
)

// ClaimTypes lists the claim types in a stable order.
var ClaimTypes = []ClaimType{FledTo, MovedTo, ArrestedIn, KilledIn, SurrenderedIn, HidingIn, CrossedBorderTo}

// destination reports whether the claim's place is where the subject went
// (rather than where something happened to them).
func (t ClaimType) destination() bool {
	return t == FledTo || t == MovedTo || t == CrossedBorderTo
}

// Claim is one who-went-where statement of the text.
type Claim struct {
	Type ClaimType `json:"type"`
	// Subject is who the claim is about, in English: a person's Latin name
	// or a group ("foreign fighters", "IS members").
	Subject     string  `json:"subject"`
	SubjectText string  `json:"subject_text,omitempty"` // the subject as written; "" when inferred
	Person      *Person `json:"-"`                      // the person, when the subject is one
	Place       Place   `json:"place"`
	// Date is the interval the claim is about: the date nearest the trigger
	// in the sentence, or, with none, up to the document's date.
	Date *Date `json:"date,omitempty"`
	// Certainty in [0, 1]: how firmly the text states the claim.
	Certainty   float64 `json:"certainty"`
	Attribution string  `json:"attribution,omitempty"` // who says it, as written
	Evidence    string  `json:"evidence"`              // the sentence
	Span        Span    `json:"span"`                  // of the evidence
	Trigger     Span    `json:"trigger"`               // of the word that made the claim
}

// havenTrigger marks a haven noun among the triggers: a fled_to claim
// whose places need no preposition of direction.
const havenTrigger = "fled_to:haven"

// locatedMove marks a moved_to trigger whose place takes في: شوهد في.
const locatedMove = "moved_to:at"

// aliasStay marks a verb of living somewhere, a hiding_in claim only when
// the clause says it was under a false name or papers: أقام في إسطنبول باسم
// مستعار.
const aliasStay = "hiding_in:alias"

// destinationNoun marks a noun of destination (الوجهة, وجهات, المحطة
// الأولى) whose places follow a colon or a copula: وجهات الفارين: إدلب
// وتركيا, الوجهة الأكثر جذبا للفارين هي غرب أفريقيا.
const destinationNoun = "moved_to:destination"

// baseTaken marks a verb of taking a place as a base (اتخذ من X مقرا):
// a hiding_in claim on the place after من, when a noun of base follows it.
const baseTaken = "hiding_in:base"

// baseNouns name what a place is taken as.
var baseNouns = setOf("مقرا", "ملاذا", "مأوي", "ماوي", "معقلا", "قاعده", "مركزا", "مخبا",
	"ملجا", "منطلقا", "حاضنه", "اوكارا", "وكرا")

// aliasWords make a stay a hiding: باسم مستعار, بوثائق مزورة, سرا.
var aliasWords = setOf("مستعار", "مستعاره", "مزوره", "مزور", "مزيفه", "مزيف", "سرا", "خفيه", "متخفيا",
	"متنكرا", "منتحلا")

// enterVerbs take their place as a direct object (دخلتا تركيا); entering a
// country is crossing its border.
var enterVerbs = setOf("دخل", "دخلوا", "دخلت", "دخلا", "دخلتا", "يدخل", "يدخلون", "تدخل", "يدخلوا")

// headVerbs also take their place as a direct object, a destination only:
// قصدوا ليبيا, headed for Libya.
var headVerbs = setOf(append([]string{"قصد", "قصدوا", "يقصد", "يقصدون", "تقصد"}, reachVerbs...)...)

// reachVerbs say where someone got to: بلغوا شرق أفغانستان. Only the
// plural: بلغ عددهم, يبلغ 31 عاما say an amount.
var reachVerbs = []string{"بلغوا", "بلغن", "بلغا"}

// triggers are the words that state a claim, as written in the news, folded
// when the table is built; each with its type. Multi-word triggers are whole
// phrases (لقي مصرعه). Verb forms are listed: past, present, plural,
// passive as written without vowels, and the verbal nouns.
var triggers = newPhraseTable(func() map[string]string {
	m := map[string]string{}
	add := func(t ClaimType, words ...string) {
		for _, w := range words {
			m[w] = string(t)
		}
	}
	add(FledTo, "فر", "فرّ", "فروا", "فرّوا", "فرت", "يفر", "يفرون", "تفر", "يفروا", "الفرار", "فرار", "فرارهم", "فراره",
		"هرب", "هربوا", "هربت", "يهرب", "يهربون", "تهرب", "يهربوا", "الهرب", "الهروب", "هروب", "هروبهم", "هروبه",
		"لجأ", "لجأوا", "لجؤوا", "لجأت", "يلجأ", "يلجأون", "يلجؤون", "تلجأ", "اللجوء", "لجوء", "لجوئهم",
		"فرّت", "فرا", "فررن", "يفررن", "هربن", "يهربن", "لجأن", "يلجأن", "نجح في الفرار", "تمكن من الفرار", "تمكنوا من الفرار", "نزح", "نزحوا",
		// The fleeing, as participles: بين قتيل وهارب إلى ليبيا, فارّات إلى إدلب.
		"هارب", "هاربون", "هاربين", "هاربة", "هاربات", "الهاربون", "الهاربين", "الهاربات",
		"فارون", "فارين", "فارّون", "فارّين", "فارّات", "الفارون", "الفارين", "الفارّون", "الفارّين", "الفارات", "الفارّات",
		// Scattered: ليتشتت مقاتلوه جنوبا.
		"تشتت", "تشتتوا", "يتشتت", "يتشتتون", "تتشتت",
		// A retreat before an enemy is a flight: انسحب مقاتلو التنظيم نحو الصحراء.
		"انسحب", "انسحبوا", "انسحبت", "ينسحب", "ينسحبون", "انسحاب", "انسحابهم")
	// Havens name where the subject went without a verb of motion: ملاذات
	// آمنة لعناصره ... ما بين إقليم كشمير وسريلانكا.
	for _, w := range []string{"ملاذات", "ملاذا", "ملاذ", "الملاذات", "الملاجئ", "ملجأ", "ملاذًا", "ملاذات آمنة",
		"الممرات الآمنة", "ممرات آمنة", "ملاذا آمنا", "ملاذاً آمناً"} {
		m[w] = havenTrigger
	}
	add(MovedTo, "انتقل", "انتقلوا", "انتقلت", "انتقلا", "ينتقل", "ينتقلون", "تنتقل", "الانتقال", "انتقال", "انتقالهم",
		"توجه", "توجهوا", "توجهت", "يتوجه", "يتوجهون", "تتوجه", "توجههم",
		"اتجه", "اتجهوا", "اتجهت", "يتجه", "يتجهون",
		"نقل", "نقلوا", "نُقل", "نقلهم", "نقلتهم", "ينقلون", "ينقل", "يُنقل", "نُقلوا", "نُقلت",
		"يوصلون",
		"قصد", "قصدوا", "يقصد", "يقصدون", "تقصد", "هاجر", "هاجروا", "يهاجر", "يهاجرون", "هجرة", "الهجرة",
		"أرسل", "أُرسل", "أرسلوا", "أُرسلوا", "أرسلت", "إرسال", "إرسالهم", "شق طريقه", "شقوا طريقهم", "يشقون طريقهم",
		"غادر", "غادروا", "غادرت", "يغادر", "يغادرون", "مغادرة",
		"وصل", "وصلوا", "وصلت", "وصلا", "وصلتا", "يصل", "يصلون", "وصول", "وصولهم",
		"عاد", "عادوا", "يعود", "يعودون", "عودة", "عودتهم",
		"سافر", "سافروا", "يسافر", "يسافرون", "ذهب", "ذهبوا",
		"انضم", "انضموا", "ينضم", "ينضمون", "التحق", "التحقوا", "الالتحاق", "يلتحق", "يلتحقون", "تلتحق",
		"دخل", "دخلوا", "يدخل", "يدخلون",
		// Sent back or deported by a state: أعيدت 50 امرأة إلى كازاخستان.
		"أعيد", "أعيدت", "أعيدوا", "يعاد", "أعادت", "أعاد", "أعادوا", "يعيد", "تعيد", "إعادتهم", "إعادته", "ترحيل", "ترحيلهم", "ترحيله",
		"رحّل", "رُحّل", "رحلت", "رحّلت", "رُحّلوا", "رحلوا", "يُرحّل", "يُرحّلون", "تسليمهم إلى", "سُلّموا إلى", "سلموا إلى",
		"عائدون", "العائدون", "عائدين", "عائدا", "عائدة", "تتجه", "تعود", "تصل", "تغادر", "تنضم", "تدخل", "دخلا", "دخلتا", "تسافر", "وصولا", "الوصول", "التوجه", "العودة", "السفر", "المغادرة")
	// Being seen or settling somewhere says where the subject went with
	// في, not إلى: شوهد في مدينة الكفرة.
	for _, w := range []string{"شوهد", "شوهدوا", "رصد", "رصدوا", "ظهروا", "ظهر", "يظهر", "ظهرت",
		// A flight that landed: حطت في مطار دوشنبه طائرة تقل ...
		"حطت", "حط", "هبطت", "تحط", "تهبط",
		"تمركز", "تمركزوا", "يتمركزون",
		"توزع", "توزعوا", "توزعت", "يتوزعون", "انتشروا", "ينتشرون",
		"تتوزع", "تنتشر", "تتمركز", "يتوزع", "ينتشر", "يتمركز"} {
		m[w] = locatedMove
	}
	for _, w := range settleForms {
		m[w] = locatedMove
	}
	// Moving between places: most annotators read يتنقل بين الجفرة وأطراف
	// فزان as a move to each. تُنقل (is moved, to a place or between
	// places) folds as تنقّل.
	for _, w := range movingAboutWords {
		m[w] = locatedMove
	}
	// Taken somewhere, by smugglers mostly: نقلها إلى الرقة, مهربين
	// نقلوهم إلى سوريا, أوصلها إلى إدلب, أخرجها مهرب إلى الشدادي.
	for w := range carriedWords {
		m[w] = string(MovedTo)
	}
	for _, w := range append([]string{"عاش", "عاشوا", "يعيش", "يعيشون", "تعيش"}, stayForms...) {
		m[w] = aliasStay
	}
	add(CrossedBorderTo, "تسلل", "تسللوا", "تسللت", "يتسلل", "يتسللون", "التسلل", "تسللهم",
		"عبر الحدود", "عبروا الحدود", "عبرت الحدود", "عبرن الحدود", "عبرا الحدود", "يعبرون الحدود", "يعبر الحدود", "تعبر الحدود", "عبور الحدود", "اجتاز الحدود",
		"اجتازوا الحدود", "العبور", "عبور", "عبروا", "يعبرون", "هربوا عبر الحدود", "تهريب", "تهريبهم", "عبر إلى", "عبر الى",
		"عبروا إلى", "يعبر إلى", "عبر نهر", "عبروا نهر", "يعبر", "تعبر", "عبرت", "عبرن", "عبرا", "تسرب", "تسربوا", "يتسرب", "يتسربون", "تسربت",
		// A voyage by sea ends abroad: أبحر ... باتجاه ميناء بوصاصو.
		"أبحر", "أبحروا", "أبحرت", "يبحر", "يبحرون", "الإبحار", "إبحار", "عبر البحر", "عبروا البحر", "يعبرون البحر")
	add(ArrestedIn, "اعتقل", "اعتقلت", "اعتقلوا", "اعتُقل", "اعتقلنا", "أوقفنا", "قبضنا", "يعتقل", "تعتقل", "اعتقال", "باعتقال", "اعتقاله", "اعتقالهم",
		"ألقي القبض", "ألقت القبض", "القبض", "إلقاء القبض", "قبض", "أوقف", "أوقفت", "أوقفوا", "توقيف",
		// (present tense, in headlines: only with people after it; توقف
		// alone is also "stopped")
		"توقف", "يوقف",
		"احتجز", "احتجزت", "احتجاز", "أسر", "أسرت", "ضبط", "ضبطت", "سلم", "سُلّم", "تسليم",
		"محتجز", "محتجزون", "معتقل", "معتقلون", "اعتقالات", "حملة اعتقالات", "توقيفات", "إيقاف",
		// A security sweep names where people were taken: حملة أمنية في عنتاب.
		"حملة أمنية", "حملات أمنية", "حملة مداهمات", "حملة دهم", "حملات دهم")
	add(KilledIn, "قتل", "قُتل", "قتلت", "قتلوا", "قُتلوا", "يقتل", "تقتل", "مقتل", "بمقتل", "مقتله", "مقتلهم",
		"لقي مصرعه", "لقوا مصرعهم", "لقي حتفه", "لقوا حتفهم", "مصرع",
		// Found dead: عثر على جثة القيادي في ريف إدلب.
		"جثة", "جثته", "جثث", "جثتي", "جثمان", "صفي", "صفّي", "تصفية", "اغتيل", "اغتيال",
		"قتلى", "القضاء على", "قضت على", "قضى على", "تحييد", "حيّد", "حيّدت", "حيّدوا", "تحيّد", "يحيّد",
		// لقي أربعة منهم حتفهم: the death word, with its subject between.
		"حتفه", "حتفهم", "مصرعه", "مصرعهم", "حتفها", "مصرعها")
	add(SurrenderedIn, "استسلم", "استسلموا", "استسلمت", "يستسلم", "يستسلمون", "الاستسلام", "استسلام", "استسلامهم",
		"سلم نفسه", "سلموا أنفسهم", "سلّم نفسه", "سلّموا أنفسهم", "تسليم أنفسهم", "تسليم نفسه", "يسلم نفسه")
	// Made their way, went on their way, reached: شقوا طريقهم إلى, واصلت
	// طريقها نحو, بلغوا شرق أفغانستان.
	add(MovedTo, "شق طريقه", "شقوا طريقهم", "شقت طريقها", "شققن طريقهن", "يشق طريقه", "يشقون طريقهم",
		"واصل طريقه", "واصلوا طريقهم", "واصلت طريقها", "واصلن طريقهن", "يواصل طريقه", "يواصلون طريقهم")
	add(MovedTo, reachVerbs...)
	for _, w := range []string{"حطوا رحالهم", "حط رحاله", "حطت رحالها", "حططن رحالهن"} {
		m[w] = locatedMove
	}
	for _, w := range []string{"وجهة", "الوجهة", "وجهات", "الوجهات", "وجهتهم", "وجهتها", "وجهته", "وجهاتهم",
		"محطة", "المحطة", "محطات", "المحطات", "محطتهم"} {
		m[w] = destinationNoun
	}
	// Participles of hiding as adjectives, with the article and in the
	// feminine: المجموعات المتحصنة في جبل السمامة.
	add(HidingIn, "متحصنة", "المتحصنة", "المتحصنين", "المتحصنون", "المختبئين", "المختبئون", "المختبئة",
		"المتوارين", "المتوارون", "المتوارية", "متخفية", "المتخفين", "المتخفون", "المتخفية", "مختبئات", "متحصنات")
	// Took shelter: احتمى بقرى ريف إدلب.
	add(HidingIn, "احتمى", "احتموا", "احتمت", "يحتمي", "يحتمون", "تحتمي", "احتماء")
	// اتخذوا من كهوف جبل مكحول مأوى: the place after من is the hideout.
	for _, w := range []string{"اتخذ", "اتخذوا", "اتخذت", "يتخذ", "يتخذون", "تتخذ"} {
		m[w] = baseTaken
	}
	add(HidingIn, "يختبئ", "يختبئون", "تختبئ", "اختبأ", "اختبأوا", "اختباء", "اختبائهم", "مختبئ", "مختبئون", "مختبئين", "مختبئا", "مختبئة", "مختبئتين",
		"يتوارى", "يتوارون", "توارى", "تواروا", "تتوارى", "يتوارين",
		// Melted into the people: يختلطون بالنازحين في مخيمات أطمة.
		"يختلطون", "يختلط", "اختلطوا", "ذابوا", "يذوبون", "اندس", "اندسوا", "يندس", "يندسون", "تندس", "مندسين", "متوار", "متوارين", "متواريا", "متوارية", "متوارون", "متواريين", "يقيم سرا", "يقيمون سرا", "يقيم سراً",
		"يتحصن", "يتحصنون", "تحصن", "تحصنوا", "تتحصن", "متحصنين", "متحصنون", "يتخفى", "يتخفون", "متخفيا", "متخفين", "متخفيين", "متخفون", "متخف", "يتواجد", "يتواجدون",
		"ينشط", "ينشطون", "تنشط", "مخابئ", "يعيش سرا",
		// Present somewhere: موجود في تركيا, وجوده في إدلب.
		"موجود", "موجودون", "موجودين", "متواجد", "متواجدون", "متواجدين", "وجوده", "وجودهم", "تواجده", "تواجدهم",
		// Forces hunting them somewhere say where they hide: يطارد عناصر
		// التنظيم في جبال القصرين.
		"يطارد", "تطارد", "يطاردون", "مطاردة", "يلاحق", "تلاحق", "يلاحقون", "ملاحقة",
		// Stayed behind: فضّل آخرون البقاء في البادية, بقي في الشمال السوري.
		"بقي في", "بقوا في", "بقيا في", "يبقى في", "يبقون في", "البقاء في", "بقاء في")
	// Words of going and hiding that the news uses less often, added from
	// the language rather than from an error: a retreat of fighters is a
	// flight (انحازوا, التراجع نحو, انكفأوا); an escape with a destination
	// (أفلت ... إلى); a flow, an incursion, a set-off (تدفق, توغل,
	// انطلقوا ... باتجاه); vanishing, lying in wait, cover (اختفوا في,
	// يكمنون, يتسترون, أوكارهم); executions of the group's own, deaths
	// by one's own bomb and the enemies' word هلك; a cell taken apart or
	// brought down (تفكيك خلية, الإطاحة بخلية), men held (في قبضة الأمن,
	// أودع سجن ...); weapons laid down; a border got past (قطعوا الحدود).
	add(FledTo, "انحاز", "انحازوا", "انحازت", "ينحاز", "ينحازون", "الانحياز", "انحيازهم",
		"تراجعوا", "التراجع", "تراجعهم", "انكفأ", "انكفأوا", "انكفؤوا", "انكفأت", "ينكفئ", "ينكفئون", "الانكفاء",
		"أفلت", "أفلتوا", "يفلت", "يفلتون", "نجوا بأنفسهم", "نجا بنفسه", "نجت بنفسها")
	add(MovedTo, "تدفق", "تدفقوا", "يتدفق", "يتدفقون", "التدفق", "تدفقهم",
		"زحف", "زحفوا", "يزحفون", "ارتحل", "ارتحلوا", "يرتحل", "يرتحلون", "انطلق", "انطلقت", "انطلقوا", "ينطلقون", "وفدوا", "يفدون")
	for _, w := range []string{"توغل", "توغلوا", "توغلت", "يتوغل", "يتوغلون", "التوغل", "توغلهم"} {
		m[w] = locatedMove
	}
	add(HidingIn, "اختفى", "اختفوا", "اختفت", "يختفي", "يختفون", "تختفي", "اختفاء", "اختفائه", "اختفائهم",
		"كمنوا", "يكمنون", "كامنين", "كامنون", "تستر", "تستروا", "يتستر", "يتسترون", "متسترين", "متسترا",
		"أوكار", "أوكارهم", "أوكارها", "أوكاره", "وكر", "أوكارا",
		// A hideout struck or raided somewhere, whose place a death or an
		// arrest before it takes (see hideout): بضربة على مخبأ في جبال حمرين.
		"مخبأ", "مخبأً", "مخبئه", "مخبأه", "مخبئهم", "مخبأهم", "مخبئها", "مضافة", "مضافات", "مضافته")
	add(KilledIn, "هلك", "هلكوا", "هلاك", "هلاكه", "هلاكهم", "فجر نفسه", "فجّر نفسه", "فجروا أنفسهم", "فجّروا أنفسهم",
		"فجرت نفسها", "تفجير نفسه", "أردى", "أردوا", "أرديا", "سقط قتيلا", "سقطوا قتلى", "قتيلا")
	add(ArrestedIn, "في قبضة", "بقبضة", "تفكيك خلية", "تفكيك خلايا", "تفكيك شبكة", "الإطاحة", "أطاحت", "أطاح", "يطيح", "تطيح",
		"أودع", "أودعوا", "أودعت", "يودع", "إيداع", "إيداعه", "إيداعهم")
	add(SurrenderedIn, "ألقى سلاحه", "ألقوا سلاحهم", "ألقوا أسلحتهم", "إلقاء السلاح", "سلموا أسلحتهم", "سلّموا أسلحتهم")
	add(CrossedBorderTo, "اجتازت الحدود", "يجتاز الحدود", "يجتازون الحدود", "قطعوا الحدود", "قطع الحدود")
	// Still somewhere, after a flight or a battle: ما زال في سوريا, لا
	// يزالون على الأرجح في منطقة مرزق, لا يزال طليقا في البادية.
	for _, still := range []string{"ما زال", "ما زالوا", "ما زالت", "ما زالا", "مازال", "مازالوا", "لا يزال", "لا يزالون",
		"لا يزالان", "لا تزال", "ما يزال", "ما يزالون", "ما تزال"} {
		for _, filler := range []string{"", "على الأرجح", "على الارجح", "حاليا", "حالياً", "حتى الآن", "حتى اليوم", "طليقا", "طلقاء", "طليقاً"} {
			m[strings.Join(strings.Fields(still+" "+filler+" في"), " ")] = string(HidingIn)
		}
	}
	presentForms(m)
	return m
}())

// presentForms adds, for every present verb listed with ي (he), the same
// verb with ت (she; you), unless the form is listed already, perhaps as
// another word (تنقّل). The future (سيتوجه) is left out on purpose: it
// tells a plan or a forecast (سيبقون في سوريا), not a claim.
func presentForms(m map[string]string) {
	have := make(map[string]bool, len(m))
	for w := range m {
		have[geo.Fold(w)] = true
	}
	words := make([]string, 0, len(m))
	for w := range m {
		words = append(words, w)
	}
	slices.Sort(words)
	for _, w := range words {
		rest, ok := strings.CutPrefix(w, "ي")
		if !ok || utf8.RuneCountInString(rest) < 2 {
			continue
		}
		f := "ت" + rest
		if k := geo.Fold(f); !have[k] {
			m[f], have[k] = m[w], true
		}
	}
}

// movingAboutWords are the verbs of moving between places: a move to each
// place, told of the present or the past (كان يتنقل بين دير الزور والرقة),
// as the annotators read them.
var movingAboutWords = []string{"يتنقل", "يتنقلون", "تتنقل", "تنقّل", "تنقلوا", "متنقلا", "متنقلة", "متنقلين", "متنقلًا",
	"يتحرك", "يتحركون", "تتحرك", "يتحركان"}

// groups are the groups a claim may be about, with their English labels.
var groups = newPhraseTable(func() map[string]string {
	m := map[string]string{}
	add := func(label string, words ...string) {
		for _, w := range words {
			m[w] = label
		}
	}
	add("foreign fighters", "المقاتلين الأجانب", "المقاتلون الأجانب", "مقاتلين أجانب", "مقاتلون أجانب",
		"مقاتليه الأجانب", "مقاتليها الأجانب", "مقاتل أجنبي", "عناصر داعش الأجانب", "العناصر الأجانب",
		"المقاتلين الاجانب", "الجهاديين الأجانب", "الأجانب", "مقاتلا أجنبيا", "مقاتلي داعش الأجانب")
	add("al-Qaeda members", "عناصر تنظيم القاعدة", "عناصر القاعدة", "مقاتلي القاعدة")
	add("IS leaders", "قيادات داعش", "قيادات التنظيم", "قادة التنظيم", "قادة داعش", "القادة", "قادة", "قيادات",
		"قياديين", "قياديون", "أمراء", "أمراء التنظيم", "قادة من الصف الأول", "قياديي التنظيم")
	add("IS leader", "قيادي", "قياديا", "أحد قادة التنظيم", "أحد قادة", "قيادي في التنظيم", "قياديا في التنظيم",
		"قيادي في داعش", "أمير", "أميرا", "والي", "القيادي")
	add("women", "نساء", "النساء", "امرأة", "المرأة", "نسوة", "سيدات", "امرأتين", "المرأتين", "امرأتان")
	add("IS families", "عائلات", "عائلة", "عائلاتهم", "عائلات عناصر التنظيم", "عائلات داعش", "عائلات المقاتلين",
		"نساء وأطفال", "زوجات", "أسر")
	add("IS members", "داعشيين", "داعشيون", "داعشي", "الداعشي", "داعشيا", "عناصر التنظيم", "عناصر داعش", "عناصر من داعش", "عناصر من التنظيم", "عناصره", "عناصرها",
		"العناصر", "عناصر", "عنصرا", "عنصر", "مقاتلي داعش", "مقاتلو داعش", "مقاتلي التنظيم", "مقاتلو التنظيم",
		"مقاتلين", "مقاتلون", "المقاتلين", "المقاتلون", "مقاتليه", "مقاتلو", "مقاتلي", "الدواعش", "دواعش",
		"مسلحي داعش", "مسلحين", "مسلحون", "المسلحين", "الإرهابيين", "إرهابيين", "المتطرفين", "كوادر", "فلول",
		"الهاربين", "خلايا", "الجهاديين", "جهاديين", "بقايا", "آخرون", "بعضهم", "منهم", "عدد", "عددا", "عشرات",
		"المطلوبين", "مطلوبين", "شخصا", "أشخاص", "مشتبها", "عنصرين", "عنصران", "إرهابيين", "ارهابيا", "مسلحا")
	return m
}())

// hedges lower a claim's certainty; each is folded when the table is built.
var hedges = newPhraseTable(func() map[string]string {
	m := map[string]string{}
	for _, w := range []string{"يعتقد", "يُعتقد", "ويعتقد", "ربما", "يرجح", "يُرجح", "رجح", "ويرجح", "من غير المؤكد", "غير مؤكد",
		"غير مؤكدة", "لا يستبعد", "لا يستبعدون", "يشتبه", "يُشتبه", "أنباء عن", "أنباء", "قد", "وقد", "فقد", "محتمل", "المحتمل",
		"احتمال", "يحتمل", "تقديرات", "يتوقع", "توقع", "مزاعم", "شائعات", "يقال", "يُقال", "لم يتسن التأكد", "لم تؤكد",
		"يبدو", "على الأرجح", "يظن", "تكهنات", "ترجيحات", "معلومات غير مؤكدة", "يرى", "يرى مراقبون", "أن تكون"} {
		m[w] = "hedge"
	}
	for _, w := range []string{"أكد", "أكدت", "مؤكد", "مؤكدة", "رسميا", "رسمياً", "أعلن", "أعلنت", "أعلنت السلطات",
		"أكدت السلطات", "بيان رسمي", "في بيان", "تأكيد"} {
		m[w] = "confirm"
	}
	return m
}())

// officialWords mark an attribution to officials or forces, which raises
// certainty a little; mediaWords to media or unnamed sources.
var officialWords = setOf("مسؤول", "مسؤولون", "مسوول", "المتحدث", "متحدث", "وزاره", "الوزاره", "وزير", "الجيش",
	"السلطات", "الشرطه", "القوات", "قوات", "قياده", "خليه", "الاداره", "الحكومه", "مكتب", "جهاز", "الامن",
	"الاستخبارات", "المخابرات", "بيان", "محافظ", "قائد", "ضابط", "النيابه", "المحكمه")

// attributionMarkers introduce the source of a statement, folded.
var attributionMarkers = setOf("بحسب", "حسب", "حسبما", "وفق", "وفقا", "نقلا", "نقلت", "نقل", "قال", "قالت", "ذكر",
	"ذكرت", "افاد", "افادت", "اكد", "اكدت", "اعلن", "اعلنت", "اوضح", "اوضحت", "كشف", "كشفت", "اضاف", "اضافت",
	"اشار", "اشارت", "صرح", "صرحت", "تقول", "يقول", "يري", "تري", "راي", "رجح", "توقع", "اعتبر", "تشير", "يشير",
	"اشارت", "تفيد", "تتحدث", "يتهم", "تابع", "لفت", "اردف", "قاله", "مصادر", "تقرير", "تقارير", "تقديرات")

// denials, a few words before a trigger in the same clause, rule it out:
// مستبعدا أن يكون أي منهم قد تمكن من الفرار, نفى أن يكون قد دخل. Denied
// unless a negation stands before the denial: لا يستبعد is a hedge.
var denials = setOf("مستبعدا", "استبعد", "استبعدت", "يستبعد", "تستبعد", "نفي", "نفت", "ينفي", "تنفي", "نافيا",
	"نافيه", "نفوا", "ينفون", "مستبعده", "مستبعدين")

// unknownWords, after a negation (لا تملك معلومات عن, لم ترد أنباء عن),
// say the trigger is not known to have happened.
var unknownWords = setOf("معلومات", "معلومه", "انباء", "اخبار", "دليل", "ادله", "تاكيد", "علم")

// negations before a trigger undo it: لا يريدون الاستسلام.
var negations = setOf("لا", "لم", "لن", "ليس", "عدم", "بعدم", "دون", "بدون", "منع", "لمنع", "يمنع", "ممنوع",
	"رفض", "رفضوا", "يرفضون", "يرفض")

// destinationPreps govern a place a subject went to.
var destinationPreps = setOf("الي", "الى", "نحو", "باتجاه", "صوب", "تجاه", "ل", "حتي")

// towardWords are the words of direction that stand before a place: the
// core of destinationPreps, without the clitic ل and the rarer ones.
var towardWords = setOf("الي", "الى", "نحو", "باتجاه")

// locationPreps govern a place where something happened.
var locationPreps = setOf("في", "ب", "داخل", "قرب", "عند", "لدي", "بين", "ك", "")

// sentence is a span of text ending at sentence punctuation or a line end.
type sentence struct{ start, end int }

// splitSentences splits text on . ! ? ؟ ؛ … and line ends, keeping a
// period between digits (2.5) inside.
func splitSentences(text string) []sentence {
	var out []sentence
	start := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		cut := false
		switch r {
		case '\n', '!', '?', '؟', '؛':
			cut = true
		case '.':
			// not inside 2.5 nor an ellipsis written as dots
			cut = !(i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1])) &&
				!(i+1 < len(text) && text[i+1] == '.') && !(i > 0 && text[i-1] == '.') && !initialBefore(text, i)
		}
		i += n
		if cut {
			if s := trimSpan(text, start, i); s.end > s.start {
				out = append(out, s)
			}
			start = i
		}
	}
	if s := trimSpan(text, start, len(text)); s.end > s.start {
		out = append(out, s)
	}
	return out
}

// initialBefore reports whether the period at byte i ends a word of one
// letter, the initial of a name (خالد م. ويعرف بـ...), not a sentence.
func initialBefore(text string, i int) bool {
	r, n := utf8.DecodeLastRuneInString(text[:i])
	if n == 0 || !geo.IsWordRune(r) || r < 0x0621 {
		return false
	}
	b, _ := utf8.DecodeLastRuneInString(text[:i-n])
	return b == ' ' || b == '\u00a0'
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func trimSpan(text string, a, b int) sentence {
	for a < b && strings.ContainsRune(" \t\r\n\u00a0", rune(text[a])) {
		a++
	}
	for b > a && strings.ContainsRune(" \t\r\n\u00a0", rune(text[b-1])) {
		b--
	}
	return sentence{a, b}
}
