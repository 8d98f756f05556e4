package extract

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

func newTestExtractor(tb testing.TB) *Extractor {
	tb.Helper()
	g, err := geo.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return NewExtractor(g, nil)
}

var docDate = time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC)

// wantClaim is a claim expected in a sentence: its type, the English name
// of its place and its subject.
type wantClaim struct {
	typ     ClaimType
	place   string
	subject string
}

func TestClaims(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		name string
		text string
		want []wantClaim
	}{
		{"fled with list", "قال مسؤول عراقي إن المقاتلين الأجانب فروا إلى تركيا وإيران.",
			[]wantClaim{{FledTo, "Türkiye", "foreign fighters"}, {FledTo, "Iran", "foreign fighters"}}},
		{"origin is not the place", "هرب عناصر التنظيم من الموصل إلى الرقة.",
			[]wantClaim{{FledTo, "Raqqa", "IS members"}}},
		{"origin only gives no claim", "دعا التنظيم مقاتليه إلى الفرار من العراق وسوريا.", nil},
		{"arrest with clitic", "اعتقلت القوات الأمنية خمسة عناصر من داعش بالموصل.",
			[]wantClaim{{ArrestedIn, "Mosul", "IS members"}}},
		{"killed person", "وذكرت مصادر محلية أن قياديا مصريا يدعى أبو عبد الله المصري قتل في غارة قرب أوباري.",
			[]wantClaim{{KilledIn, "Ubari", "Abu Abd Allah al-Masri"}}},
		// لقي ... مصرعه split by a name: مصرعه alone (مصرع with a pronoun) says it.
		{"multi-word trigger split", "لقي القيادي أبو عمر الشيشاني مصرعه في مدينة الشرقاط.",
			[]wantClaim{{KilledIn, "Shirqat", "Abu Umar al-Shishani"}}},
		{"lqi masra'ahu", "وأفادت مصادر بأن عناصر من التنظيم لقوا مصرعهم في البادية السورية.",
			[]wantClaim{{KilledIn, "Syrian Desert (Badia)", "IS members"}}},
		// Words taken from the language, not from an error: each once.
		{"the feminine past", "وقالت المصادر إن المرأة هاجرت إلى تركيا مطلع العام.",
			[]wantClaim{{MovedTo, "Türkiye", "women"}}},
		{"the present with ta", "وتتوجه عائلات المقاتلين إلى مخيم الهول.",
			[]wantClaim{{MovedTo, "al-Hol camp", "IS families"}}},
		// An adjective of the first place leaves the list going on.
		{"list past an adjective", "أعلنت الوزارة اعتقال 12 شخصا يشتبه في انتمائهم إلى داعش في عمليات نفذت بمنطقة باجور القبلية وإقليم بلوشستان.",
			[]wantClaim{{ArrestedIn, "Bajaur", "IS members"}, {ArrestedIn, "Balochistan", "IS members"}}},
		// Carried by smugglers: each leg is the flight's.
		{"carried off", "وقالت إن المرأة خرجت من المخيم ليلا حين أخرجها مهرب مع أطفالها إلى مدينة الشدادي، ثم نقلها إلى الرقة.",
			[]wantClaim{{FledTo, "Shaddadi", "women"}, {FledTo, "Raqqa", "women"}}},
		{"carried after an escape", "وتقول مصادر إن امرأة من عائلات التنظيم فرّت من مخيم الهول، فأوصلها مهرّب إلى بلدة اليعربية.",
			[]wantClaim{{FledTo, "Al Ya‘rubīyah", "IS families"}}},
		{"carried by forces", "وبعد معركة الباغوز نقلته «قوات سوريا الديمقراطية» مع مئات الرجال إلى سجن الصناعة في الحسكة.",
			[]wantClaim{{MovedTo, "Ghweiran prison", "IS members"}, {ArrestedIn, "Ghweiran prison", "IS members"}}},
		{"brought into a country", "وقالت القيادة إن القتيل أدخله مهربون إلى ليبيا عبر إقليم تيبستي.",
			[]wantClaim{{CrossedBorderTo, "Libya", "IS members"}}},
		{"carried to join", "وكشفت التحقيقات أن مقاتلين إثيوبيين نقلهم مهربون على متن شاحنات إلى جالكعيو.",
			[]wantClaim{{MovedTo, "Gaalkacyo", "IS members"}}},
		{"carried, no escape told", "وقالت المصادر إن عائلات المقاتلين غادرت المخيم بعد أن أوصلها موظفو الأمم المتحدة إلى الرقة.",
			[]wantClaim{{MovedTo, "Raqqa", "IS families"}}},
		// حيث with the verb's pronoun: the people the sentence told of.
		{"where, with a pronoun", "وكانت السلطات السودانية قد رحّلت أربعة مصريين متهمين بالانتماء إلى التنظيم إلى القاهرة، حيث أوقفوا فور وصولهم.",
			[]wantClaim{{MovedTo, "Cairo", "IS members"}, {ArrestedIn, "Cairo", "IS members"}}},
		// A headline that ranks the places where the fighters went.
		{"ranked destinations", "إلى أين يتجه مقاتلو \"داعش\"؟ ليبيا واليمن وسيناء على قائمة الوجهات المحتملة",
			[]wantClaim{{FledTo, "Libya", "IS members"}, {FledTo, "Yemen", "IS members"}, {FledTo, "Sinai Peninsula", "IS members"}}},
		{"ranked after a colon", "خبراء: البادية وإدلب وتركيا أولى محطات الفارين",
			[]wantClaim{{FledTo, "Syrian Desert (Badia)", "IS members"}, {FledTo, "Idlib", "IS members"}, {FledTo, "Türkiye", "IS members"}}},
		// Staying somewhere (يقيم, أقام) said of the organisation's people is
		// read as hiding there: 37 of the 45 such claims annotated in the
		// texts are hiding_in.
		{"no haven, in a list after في", "وقال إن أعدادا كبيرة تقيم في ولايات أورفا وهاتاي وأضنة، وإن أراضينا ليست ملاذا.",
			[]wantClaim{{HidingIn, "Sanliurfa", "IS members"}, {HidingIn, "Hatay Province", "IS members"}, {HidingIn, "Adana", "IS members"}}},
		// How they came to join is not where they went after the fall.
		{"joined the caliphate", "وتقدر السلطات أن أكثر من ألف شخص سافروا من ألمانيا إلى سوريا والعراق منذ 2013.", nil},
		{"went to Syria in 2014", "وقال الادعاء إن الموقوف سافر إلى سوريا في صيف 2014.", nil},
		{"went back to Syria later", "وقال الادعاء إن الموقوف عاد إلى سوريا في صيف 2018.",
			[]wantClaim{{MovedTo, "Syria", "IS members"}}},
		// A place set before the verb, located by a direction from a larger one.
		{"place before the verb, with its direction", "وفي قرية البشير جنوب كركوك، اعتقلت قوة من الاستخبارات رجلا يشتبه بانتمائه إلى داعش.",
			[]wantClaim{{ArrestedIn, "al-Bashir (near Kirkuk)", "IS members"}}},
		{"gave himself up, told at length", "وفي بلدة الكرامة شرقي الرقة، سلّم شاب مطلوب بتهمة الانتماء إلى التنظيم نفسه لقسد.",
			[]wantClaim{{SurrenderedIn, "", "IS members"}}},
		{"arrival with no preposition", "180 عائلة من عائلات مقاتلي داعش تصل مخيم الجدعة",
			[]wantClaim{{MovedTo, "Jeddah camp (al-Jadaa)", "IS families"}}},
		{"a port before the verb", "وفي ميناء بوصاصو، أوقفت الشرطة البحرية الشهر الماضي أربعة رجال من عناصر داعش.",
			[]wantClaim{{ArrestedIn, "Bosaso", "IS members"}}},
		{"where, with an object pronoun", "وقالت الوكالة إن السلطات التركية رحّلت اثنين من عناصر داعش إلى طشقند، حيث أوقفهما جهاز أمن الدولة فور نزولهما من الطائرة.",
			[]wantClaim{{MovedTo, "Tashkent", "IS members"}, {ArrestedIn, "Tashkent", "IS members"}}},
		{"the future is a forecast", "وقال إن معظمهم سيبقون في سوريا.", nil},
		{"it stopped is no arrest", "وتوقفت المعارك في مدينة الباب.", nil},
		{"a retreat to", "وانحاز مقاتلو التنظيم إلى البادية السورية.",
			[]wantClaim{{FledTo, "Syrian Desert (Badia)", "IS members"}}},
		{"a flow of fighters", "وتدفق المقاتلون الأجانب إلى ليبيا.",
			[]wantClaim{{MovedTo, "Libya", "foreign fighters"}}},
		{"an incursion into", "وتوغل مسلحو داعش في البادية السورية.",
			[]wantClaim{{MovedTo, "Syrian Desert (Badia)", "IS members"}}},
		{"vanished", "واختفى القيادي في مدينة غازي عنتاب.",
			[]wantClaim{{HidingIn, "Gaziantep", "IS leader"}}},
		{"dens", "وعثرت القوات على أوكار للتنظيم في جبال حمرين.",
			[]wantClaim{{HidingIn, "Hamrin Mountains", "IS members"}}},
		{"dens taken", "وتتخذ خلايا التنظيم من جبال حمرين أوكارا لها.",
			[]wantClaim{{HidingIn, "Hamrin Mountains", "IS members"}}},
		{"in the grip of", "ثلاثة في قبضة الأمن بديالى",
			[]wantClaim{{ArrestedIn, "Diyala Governorate", "IS members"}}},
		{"a cell taken apart", "وأعلنت الشرطة تفكيك خلية لداعش في مدينة أضنة.",
			[]wantClaim{{ArrestedIn, "Adana", "IS members"}}},
		{"put in prison", "واعتقل عام 2019 وأودع سجن غويران في الحسكة.",
			[]wantClaim{{ArrestedIn, "Ghweiran prison", "IS members"}}},
		{"weapons laid down", "وألقوا سلاحهم في مدينة الباب.",
			[]wantClaim{{SurrenderedIn, "Al-Bab", "IS members"}}},
		{"a trench crossed is no border", "وقد اجتازوا الخندق والساتر الترابي قرب الحضر.", nil},
		{"slipped into a town of the country", "وتسلل عناصر من التنظيم إلى مدينة تدمر.",
			[]wantClaim{{MovedTo, "Palmyra", "IS members"}}},
		{"slipped into a town abroad", "وتسلل القيادي من إدلب إلى بلدة الريحانية.",
			[]wantClaim{{CrossedBorderTo, "Reyhanlı", "IS leader"}}},
		{"slipped over the border", "وتسللوا عبر الحدود إلى بلدة الريحانية.",
			[]wantClaim{{CrossedBorderTo, "Reyhanlı", "IS members"}}},
		{"slipped into a country", "وتسلل القيادي إلى تركيا.",
			[]wantClaim{{CrossedBorderTo, "Türkiye", "IS leader"}}},
		{"a death the strike resulted in", "واستهدفت غارة جوية مضافة في وادي الشاي، وأسفرت عن مقتل سبعة إرهابيين.",
			[]wantClaim{{KilledIn, "Wadi al-Shay", "IS members"}}},
		{"the strike's place, not the source's", "وشنت الطائرات غارات على مواقع قرب مرزق، قالت إنها أسفرت عن مقتل 43 عنصرا.",
			[]wantClaim{{KilledIn, "Murzuq", "IS members"}}},
		{"a town, not the one it lies east of", "واشتبكت دورية مع مجموعة مسلحة قرب بلدة تراغن شرق مرزق، ما أسفر عن مقتل عنصرين.",
			[]wantClaim{{KilledIn, "Traghan", "IS members"}}},
		{"the group's victims", "وأدى الهجوم على مقر للجيش في ناحية العظيم إلى مقتل 11 جنديا.", nil},
		{"destinations of the fleeing, listed", "وجهات الفارين: إدلب وتركيا وأفغانستان",
			[]wantClaim{{FledTo, "Idlib", "IS members"}, {FledTo, "Türkiye", "IS members"}, {FledTo, "Afghanistan", "IS members"}}},
		{"a destination after a copula", "وقال إن الوجهة الأولى للعائدين هي تركيا.",
			[]wantClaim{{MovedTo, "Türkiye", "IS members"}}},
		{"a destination foreseen", "وقال إن المقاتلين الأجانب ستكون وجهتهم المقبلة: ليبيا.", nil},
		{"a participle with the article", "وقصفت الطائرات مواقع الخلايا المتحصنة في جبال حمرين.",
			[]wantClaim{{HidingIn, "Hamrin Mountains", "IS members"}}},
		{"joined those hiding", "والتحق العائدون بمجموعات مسلحة متحصنة في جبال حمرين.",
			[]wantClaim{{MovedTo, "Hamrin Mountains", "IS members"}}},
		{"retreat", "وانسحب مقاتلو التنظيم نحو صحراء الأنبار.",
			[]wantClaim{{FledTo, "Anbar Desert", "IS members"}}},
		{"repatriated", "وأعيدت 50 امرأة من مخيم الهول إلى كازاخستان.",
			[]wantClaim{{MovedTo, "Kazakhstan", "women"}}},
		{"deported", "وتم ترحيل ثلاثة عناصر إلى ألمانيا.",
			[]wantClaim{{MovedTo, "Germany", "IS members"}}},
		{"death word after its subject", "ولقي أربعة من عناصر التنظيم حتفهم في البادية السورية.",
			[]wantClaim{{KilledIn, "Syrian Desert (Badia)", "IS members"}}},
		{"denial across commas", "في المقابل، نفى مسؤول في الخارجية التركية، في تصريح للصحيفة، أن يكون مقاتلون فارون قد دخلوا الأراضي التركية.", nil},
		{"warning", "وحذرت القاهرة من تسلل عناصر قادمين من سوريا عبر ليبيا إلى شمال سيناء.", nil},
		{"purpose", "وقال إن قلة منهم فقط تملك المال اللازم للوصول إلى الشمال السوري.", nil},
		{"intention carried by و", "واعترف بأنه كان ينوي العبور إلى الأراضي التركية والوصول إلى إسطنبول.", nil},
		{"smuggled, with shadda", "وذكرت الشبكة أن الخلية هرّبت نحو 30 امرأة من المخيم إلى مدينة منبج.",
			[]wantClaim{{MovedTo, "Manbij", "women"}}},
		{"headed for", "وقالت المصادر إن العشرات من عناصر التنظيم قصدوا ليبيا بعد سقوط الموصل.",
			[]wantClaim{{MovedTo, "Libya", "IS members"}}},
		{"a list past a desert noun", "وقالت إن معظم عناصر داعش اعتُقلوا في ريف حمص وبادية دير الزور وريف دمشق.",
			[]wantClaim{{ArrestedIn, "Homs countryside", "IS members"}, {ArrestedIn, "Deir ez-Zor", "IS members"}, {ArrestedIn, "Rif Dimashq Governorate", "IS members"}}},
		{"a fall dates, not places", "ويُشتبه بأن الرجل قاتل في صفوف داعش في الرقة، واحتُجز بعد سقوط الباغوز في سجن غويران.",
			[]wantClaim{{ArrestedIn, "Ghweiran prison", "IS members"}}},
		{"taken to a prison", "فيما نقلت قوة أمنية الموقوف من داعش إلى سجن قرنادة.",
			[]wantClaim{{MovedTo, "Qarnada prison", "IS members"}, {ArrestedIn, "Qarnada prison", "IS members"}}},
		{"moving between", "وقال إن مجموعات صغيرة منها تتنقل بين الجفرة وأطراف فزان.",
			[]wantClaim{{MovedTo, "al-Jufra", "IS members"}, {MovedTo, "Fezzan", "IS members"}}},
		{"what they used to do", "وقال إن التنظيم اعتاد التنقل بين البيضاء وشبوة وأبين.", nil},
		{"topic place", "أما في المغرب، فقد عاد نحو 260 مقاتلا بحسب التقرير.",
			[]wantClaim{{MovedTo, "Morocco", "IS members"}}},
		{"a death that came of a strike", "واستهدفت غارتان مضافة للتنظيم في وادي الثرثار، ما أسفر عن مقتل ستة إرهابيين.",
			[]wantClaim{{KilledIn, "Wadi al-Tharthar", "IS members"}}},
		{"striving, further back", "بينما يسعى آخرون، وفق التقديرات ذاتها، إلى الوصول إلى الصومال واليمن.", nil},
		{"where smugglers work", "عبروا بمساعدة مهربين، مستغلين شبكات تنشط منذ عام 2013 بين جرابلس وغازي عنتاب.", nil},
		{"an enumeration, not a route", "ثم توالت الهزائم، من كوباني والرمادي إلى سرت الليبية، وصولا إلى الموصل.", nil},
		{"the end of a route", "وقال إن المسار يمر عبر الصحراء الغربية وصولا إلى ليبيا.",
			[]wantClaim{{MovedTo, "Libya", "IS members"}}},
		{"feminine plural flight", "وقالت المصادر إن نساء فررن إلى إدلب.",
			[]wantClaim{{FledTo, "Idlib", "women"}}},
		{"dispersal after a retreat", "وقال إن فلول التنظيم الذين انسحبوا من الباغوز في آذار 2019 توزعوا على البادية السورية.",
			[]wantClaim{{FledTo, "Syrian Desert (Badia)", "IS members"}}},
		{"settling after a flight is a move", "وأنه فر إلى سوريا عام 2017، فاستقر في بلدة الشعفة.",
			[]wantClaim{{FledTo, "Syria", "IS members"}, {MovedTo, "al-Shafah", "IS members"}}},
		{"a refusal is the other verb's", "وقال إن نحو مئة مقاتل رفضوا الاستسلام وانسحبوا نحو جبال سربل.",
			[]wantClaim{{FledTo, "Sar-e Pol Province", "IS members"}}},
		{"a planned attempt", "مرجحا أن بعض الأجانب الذين انسحبوا من درزاب سيحاولون الوصول إلى ننغرهار أو كونار.", nil},
		{"taken as a base", "وقالت مصادر إن خلية تابعة للتنظيم تتخذ من مدينة مستونغ في إقليم بلوشستان مقرا لها.",
			[]wantClaim{{HidingIn, "Mastung", "IS members"}}},
		{"found dead", "وعثر على جثة القيادي في ريف إدلب.",
			[]wantClaim{{KilledIn, "Idlib countryside", "IS leader"}}},
		{"present", "وتشير تقارير إلى أن عناصر التنظيم موجودون في تركيا.",
			[]wantClaim{{HidingIn, "Türkiye", "IS members"}}},
		{"presence, elsewhere", "لينحسر وجوده بعد سقوط الباغوز إلى جيوب متفرقة.", nil},
		{"arrests where the raid was, in each place", "ففي إسطنبول، دهمت الشرطة 23 عنوانا في أحياء إسنيورت وباشاك شهير وسلطان غازي، واعتقلت 19 أجنبيا.",
			[]wantClaim{{ArrestedIn, "Esenyurt", "IS members"}, {ArrestedIn, "Başakşehir", "IS members"}, {ArrestedIn, "Sultangazi", "IS members"}}},
		{"an arrest where the raid was", "وقالت مصادر إن قوات الدرك داهمت فجر الأحد شقة في قضاء سيحان، واعتقلت عراقيا يدعى عمر.",
			[]wantClaim{{ArrestedIn, "Seyhan", "IS members"}}},
		{"joined camps abroad", "ويعتقد أنهما التحقا بمعسكرات للتنظيم في ولاية ننغرهار.",
			[]wantClaim{{MovedTo, "Nangarhar Province", "IS members"}}},
		{"joined the caliphate, background", "وكان قد التحق بالتنظيم في سوريا عام 2014.", nil},
		{"hiding after a return", "مرجحا أن يكون بعضهم قد عاد متنكرا ليختبئ في مخيم عين عيسى.",
			[]wantClaim{{HidingIn, "Ain Issa camp", "IS members"}}},
		{"two places of one destination", "تسلل مئات من عناصره إلى مخيمات النازحين في محافظة نينوى وفي ريف الحسكة.",
			[]wantClaim{{MovedTo, "Nineveh Governorate", "IS members"}, {MovedTo, "Hasakah countryside", "IS members"}}},
		{"entrenched", "ولا تزال مجموعات صغيرة من التنظيم تتحصن في جبال الهروج ومنطقة أم الأرانب.",
			[]wantClaim{{HidingIn, "Haruj Mountains", "IS members"}, {HidingIn, "Umm al-Aranib", "IS members"}}},
		{"lived under false papers", "ثم عبرت الحدود إلى تركيا، حيث أقامت أكثر من عامين في مدينة أنطاكيا بهوية سورية مزورة.",
			[]wantClaim{{CrossedBorderTo, "Türkiye", "IS members"}, {HidingIn, "Antakya", "IS members"}}},
		{"Rafah in Egypt", "وقال مصدر أمني مصري إن عناصر من ولاية سيناء قتلوا في مواجهات قرب الشيخ زويد ورفح.",
			[]wantClaim{{KilledIn, "Sheikh Zuweid", "IS members"}, {KilledIn, "Rafah (Egypt)", "IS members"}}},
		// A state that carries people (نقلت السلطات, أعاد العراق) moves them.
		{"moved by the authorities", "وفي العراق، نقلت السلطات 150 عائلة عراقية من مخيم الهول إلى مخيم الجدعة جنوب الموصل.",
			[]wantClaim{{MovedTo, "Jeddah camp (al-Jadaa)", "IS families"}}},
		{"sent back by a state", "ومنذ مطلع العام، أعاد العراق نحو ١٥٠٠ شخص من مواطنيه المقيمين في المخيم إلى مخيم الجدعة.",
			[]wantClaim{{MovedTo, "Jeddah camp (al-Jadaa)", "IS members"}}},
		{"brought back to mind", "وتعيد هذه القضية إلى الأذهان هجمات باريس في نوفمبر 2015.", nil},
		{"organised again", "ووصل إلى الرقة، حيث أعاد تنظيم عدد من العناصر السابقين.",
			[]wantClaim{{MovedTo, "Raqqa", "IS members"}}},
		// Settling in a hiding place is hiding there; settling alone is a move.
		{"settled with relatives", "وعاد إلى ريف دير الزور قبل أن يستقر في الشحيل لدى أقارب له.",
			[]wantClaim{{MovedTo, "Deir ez-Zor countryside", "IS members"}, {HidingIn, "al-Shuhayl", "IS members"}}},
		{"settled in deserted villages", "مرجحاً أن يكون عدد من المتسللين قد استقروا في قرى مهجورة جنوب غرب كركوك.",
			[]wantClaim{{HidingIn, "Kirkuk", "IS members"}}},
		{"settled", "وأضاف أن الهاربات استقررن في إدلب.",
			[]wantClaim{{MovedTo, "Idlib", "IS members"}}},
		{"killed where the hideout was struck", "وأعلنت خلية الإعلام الأمني مقتل ما يسمى والي كركوك في عصابات داعش واثنين من مرافقيه، بضربة جوية نفذتها طائرات القوة الجوية العراقية على مخبأ في سلسلة جبال حمرين.",
			[]wantClaim{{KilledIn, "Hamrin Mountains", "IS leader"}}},
		{"a hideout alone", "وقال إن القيادي يشرف على التجنيد من مخبأ يرجح أنه في ولاية كونار.", nil},
		{"rehabilitation is no return", "ونُقل معظمهم إلى مراكز لإعادة التأهيل في مدينتي أكتاو وطشقند.",
			[]wantClaim{{MovedTo, "Shevchenko", "IS members"}, {MovedTo, "Tashkent", "IS members"}}},
		{"scattered, reaching", "ثم طرد من سرت، ليتشتت مقاتلوه جنوبا وصولا إلى أوباري ومرزق.",
			[]wantClaim{{FledTo, "Ubari", "IS members"}, {FledTo, "Murzuq", "IS members"}}},
		{"conveyed, not quoted", "وكشفت التحقيقات أن الخلية نقلت 40 امرأة وطفلا إلى مدينة أعزاز وبلدة سجو الحدودية.",
			[]wantClaim{{MovedTo, "Azaz", "women"}, {MovedTo, "Sajo (near Azaz)", "women"}}},
		{"quoted, not conveyed", "ونقلت صحيفة الشرق الأوسط عن مصادر ليبية أن السلطات في مطار بنينا الدولي أوقفت شابا سوريا.",
			[]wantClaim{{ArrestedIn, "Benina International Airport", "IS members"}}},
		{"moved hidden", "ويُنقل الهاربون مختبئين في صهاريج المياه إلى مدينة الشدادي، ثم إلى الرقة ومنبج.",
			[]wantClaim{{MovedTo, "Shaddadi", "IS members"}, {MovedTo, "Raqqa", "IS members"}, {MovedTo, "Manbij", "IS members"}}},
		{"a clause of another subject", "ونُقلوا إلى سجون في بغداد، فيما بقيت النساء والأطفال في مخيم الجدعة.",
			[]wantClaim{{MovedTo, "Baghdad", "IS members"}}},
		{"the rehabilitation centre", "وصلت دفعة جديدة من 168 عائلة من مخيم الهول إلى مركز الجدعة للتأهيل جنوب الموصل.",
			[]wantClaim{{MovedTo, "Jeddah camp (al-Jadaa)", "IS families"}}},
		{"hidden on the border", "ولا يستبعد أن يكون أبو بكر البغدادي نفسه متواريا في الصحراء الممتدة على جانبي الحدود السورية العراقية.",
			[]wantClaim{{HidingIn, "Syria–Iraq border", "Abu Bakr al-Baghdadi"}}},
		{"where they fought is who they are", "وتقول السلطات إنها اعتقلت ثلاثة سودانيين قاتلوا في الرقة قرب مدينة سبها.",
			[]wantClaim{{ArrestedIn, "Sabhā", "IS members"}}},
		{"who leads is not where", "وأعلنت قسد اعتقال ستة من أفراد الخلية ومقتل اثنين خلال عملية مشتركة مع التحالف الدولي بقيادة الولايات المتحدة.", nil},
		{"a flight that landed", "كما أعادت البوسنة 25 شخصا على متن طائرة حطت في مطار سراييفو، بينهم ستة رجال اعتقلوا على الفور.",
			[]wantClaim{{MovedTo, "Sarajevo", "IS members"}, {ArrestedIn, "Sarajevo", "IS members"}}},
		{"melted among the displaced", "ويعتقد أن عددا من القادة يختلطون بالنازحين في مخيمات أطمة.",
			[]wantClaim{{HidingIn, "Atmeh", "IS leaders"}}},
		{"a pocket they hold out in", "وفي سوريا، لا يزال التنظيم يسيطر على جيب صغير في هجين، يتحصن فيه مئات المقاتلين.",
			[]wantClaim{{HidingIn, "Hajin", "IS members"}}},
		{"operations that covered provinces", "أوقفت الشرطة التركية أمس 47 شخصا يشتبه بانتمائهم للتنظيم، في عمليات متزامنة شملت ولايات إسطنبول وأنقرة.",
			[]wantClaim{{ArrestedIn, "Istanbul", "IS members"}, {ArrestedIn, "Ankara", "IS members"}}},
		{"settled under false papers", "قبل أن يفر إلى تركيا عام 2017 ويستقر في أنقرة بهوية مزورة.",
			[]wantClaim{{FledTo, "Türkiye", "IS members"}, {HidingIn, "Ankara", "IS members"}}},
		// From a review of the rules: words that look like the rules' cues.
		{"later, not while", "وفي سوريا، انتقل القيادي فيما بعد إلى الرقة.", []wantClaim{{MovedTo, "Raqqa", "IS leader"}}},
		{"a flight after a clause of contrast", "وقال إن بعضهم قتل، بينما تمكن آخرون من الفرار والوصول إلى تركيا.",
			[]wantClaim{{FledTo, "Türkiye", "IS members"}}},
		{"sums of money are no denial", "هرب عناصر التنظيم إلى تركيا بعد أن دفعوا مبالغ كبيرة للمهربين.",
			[]wantClaim{{FledTo, "Türkiye", "IS members"}}},
		{"by way of is no quoting", "وفي سوريا، نقل القيادي إلى الرقة عن طريق مهربين.", []wantClaim{{MovedTo, "Raqqa", "IS leader"}}},
		{"near a border is no country", "ويختبئ عناصر التنظيم في مناطق قريبة من الحدود التركية.", nil},
		{"a state's forces", "وانسحبت القوات الأمريكية من سوريا إلى العراق.", nil},
		{"a state sends forces", "وأرسلت تركيا قوات إلى إدلب.", nil},
		{"goods cross", "وقررت السلطات تسهيل عبور الشاحنات إلى سوريا.", nil},
		{"a thing is somewhere", "وقال إن القرار موجود في أنقرة.", nil},
		{"an army moves prisoners", "وأكد الناطق أن الجيش نقل المستسلمين الأجانب جوا إلى كابل.",
			[]wantClaim{{MovedTo, "Kabul", "foreign fighters"}}},
		{"a headline's present tense", "مخابرات الجيش توقف \"داعشيين\" في عرسال وطرابلس",
			[]wantClaim{{ArrestedIn, "Arsal", "IS members"}, {ArrestedIn, "Tripoli", "IS members"}}},
		{"stopped is no arrest", "وتوقف القتال في عرسال بعد أيام.", nil},
		{"took up positions", "وتمركز عناصر التنظيم في جبال حمرين.", []wantClaim{{MovedTo, "Hamrin Mountains", "IS members"}}},
		{"surrender", "سلم أحد قادة التنظيم نفسه للقوات العراقية في قضاء الحويجة.",
			[]wantClaim{{SurrenderedIn, "Hawija", "IS leader"}}},
		{"surrender phrase", "وأعلنت الشرطة أن عنصرا في التنظيم سلم نفسه في كركوك.",
			[]wantClaim{{SurrenderedIn, "Kirkuk", "IS members"}}},
		{"hiding", "وقال مسؤول محلي إن عناصر داعش يختبئون بين أهالي الموصل.",
			[]wantClaim{{HidingIn, "Mosul", "IS members"}}},
		{"crossed border near", "ويرجح خبراء أن قادة من الصف الأول عبروا الحدود قرب القائم.",
			[]wantClaim{{CrossedBorderTo, "Al-Qaim", "IS leaders"}}},
		{"infiltrated", "تسلل عشرات المقاتلين الأجانب إلى الأراضي التركية.",
			[]wantClaim{{CrossedBorderTo, "Türkiye", "foreign fighters"}}},
		{"negated", "هناك الكثير من المقاتلين الأجانب الذين لا يريدون الاستسلام في الرقة.", nil},
		{"seen in", "وأضاف أن عددا منهم شوهد في مدينة الكفرة.",
			[]wantClaim{{MovedTo, "Kufra", "IS members"}}},
		{"expert is not the subject", "وقال الخبير الأمني فاضل أبو رغيف إن عناصر التنظيم انتقلوا إلى ليبيا.",
			[]wantClaim{{MovedTo, "Libya", "IS members"}}},
		{"place before the event", "وفي الرقة اعتقلت قوات سوريا الديمقراطية خمسة عناصر.",
			[]wantClaim{{ArrestedIn, "Raqqa", "IS members"}}},
		{"no place no claim", "وتابع أن العائدين ربما يشكلون خلايا نائمة بعد عودتهم إلى بلادهم.", nil},
		{"negated ability", "ولم يتمكن عناصر آخرون من الفرار إلى تركيا.", nil},
		{"attempt", "وكان المسلحون يحاولون العبور إلى الأراضي التركية.", nil},
		{"plan", "وقالت الشرطة إن المرأتين كانتا تخططان للسفر إلى إسطنبول.", nil},
		{"used to be active", "وقال مسؤول إن عناصر التنظيم الذين كانوا ينشطون في الرقة انتقلوا إلى إدلب.",
			[]wantClaim{{MovedTo, "Idlib", "IS members"}}},
		{"part of a place with min", "اعتقلت الشرطة ثلاثة عناصر بالقرب من الرقة.",
			[]wantClaim{{ArrestedIn, "Raqqa", "IS members"}}},
		{"adjective of nearness", "انتقل قادة التنظيم إلى ولاية كونار المحاذية لباكستان.",
			[]wantClaim{{MovedTo, "Kunar Province", "IS leaders"}}},
		{"smuggling trade", "وتعمل شبكات تهريب بين إدلب والأراضي التركية.", nil},
		{"no merge across a comma", "وصلت عائلات إلى إدلب بعد فرارها، وقسد تعلن اعتقال أمير في الرقة.",
			[]wantClaim{{MovedTo, "Idlib", "IS families"}, {ArrestedIn, "Raqqa", "IS leader"}}},
		{"border with a country", "وأوقفت الشرطة عنصرا تكفيريا قرب الحدود مع ليبيا.", nil},
		{"entering a country", "وقالت الشرطة إن امرأتين هربتا من المخيم ودخلتا تركيا بطريقة غير قانونية.",
			[]wantClaim{{CrossedBorderTo, "Türkiye", "women"}}},
		{"living under a false name", "ويعتقد أن القيادي أقام في مدينة إسطنبول باسم مستعار.",
			[]wantClaim{{HidingIn, "Istanbul", "IS leader"}}},
		{"staying", "ويقيم عدد من العائدين في مدينة إسطنبول مع أسرهم.",
			[]wantClaim{{HidingIn, "Istanbul", "IS members"}}},
		{"stayed before", "ودخل جورجيا عبر منفذ لاغوديخي، بعدما أقام نحو عامين في إسطنبول.",
			[]wantClaim{{CrossedBorderTo, "Georgia", "IS members"}, {HidingIn, "Istanbul", "IS members"}}},
		{"living, not staying", "وتعيش عائلات عناصر التنظيم في إسطنبول منذ سنوات.", nil},
		{"a speaker's home", "وقال قيادي سابق في فصائل المعارضة يقيم في مدينة طفس، لعنب بلدي، إن الخلايا تنشط ليلا.", nil},
		{"a relative's home", "وقالت النيابة إن الرجلين فرا إلى النمسا، حيث يقيم أقارب لأحدهما.",
			[]wantClaim{{FledTo, "Austria", "IS members"}}},
		{"a stay not found", "ولم يعثر المحققون على ما يثبت أنه أقام في ألبانيا.", nil},
		{"a stay in a camp", "وأشار إلى أن عائلات العناصر ما زالت تقيم في مخيم الجدعة جنوب الموصل.", nil},
		{"a stay in a camp, with ب", "وتقيم عائلات التنظيم بمخيم الهول.", nil},
		{"a speaker's home after another verb", "وقال شاب انخرط في الفصائل سابقا ويقيم في مدينة طفس، لعنب بلدي، إن الخلايا تنشط ليلا.", nil},
		{"troops moved", "ونقلت القوات الأمريكية جنودها إلى أربيل.", nil},
		{"a move to a hideout", "وانتقل القيادي مع عائلته إلى مخبأ في جبال حمرين.",
			[]wantClaim{{MovedTo, "Hamrin Mountains", "IS leader"}}},
		{"a hideout inflected", "وقتل القيادي بضربة على مضافتهم في جبال حمرين.",
			[]wantClaim{{KilledIn, "Hamrin Mountains", "IS leader"}}},
		{"crossing with the subject between", "ويعبر كثيرون منهم الحدود إلى تركيا بمساعدة مهربين.",
			[]wantClaim{{CrossedBorderTo, "Türkiye", "IS members"}}},
		{"nahw before a number", "واعترف المهرب بتهريب نحو 40 امرأة إلى مناطق المعارضة في ريف حلب الشمالي.",
			[]wantClaim{{MovedTo, "Northern Aleppo countryside", "women"}}},
		{"smuggling to a town names no border", "وقالت مصادر محلية إنه جرى تهريب عائلات داعش إلى مدينة جرابلس.",
			[]wantClaim{{MovedTo, "Jarabulus", "IS families"}}},
		{"a plan ends the scope of the verb before", "وقالت إن المرأتين دخلتا تركيا وكانتا تخططان للسفر إلى إسطنبول.",
			[]wantClaim{{CrossedBorderTo, "Türkiye", "women"}}},
		{"arrival after a flight", "وتمكن عشرات المقاتلين من الفرار من الرقة ووصلوا إلى إدلب.",
			[]wantClaim{{FledTo, "Idlib", "IS members"}}},
		{"arrival alone", "ووصل عشرات المقاتلين إلى إدلب.",
			[]wantClaim{{MovedTo, "Idlib", "IS members"}}},
		{"land already named", "وصل مئات المقاتلين إلى البلاد بعد معارك الباغوز.", nil},
		{"comparison after a haven", "ويخشى مسؤولون أن تصبح ليبيا ملاذا آمنا للتنظيم على غرار ما كانت عليه الرقة.",
			[]wantClaim{{FledTo, "Libya", "IS members"}}},
		{"examples narrow a place", "ويرجح أن قادة التنظيم لجؤوا إلى المدن العراقية الكبرى مثل الموصل.",
			[]wantClaim{{FledTo, "Iraq", "IS leaders"}, {FledTo, "Mosul", "IS leaders"}}},
		// Nominal headlines.
		{"headline arrests", "حملة اعتقالات في حلب وحماة",
			[]wantClaim{{ArrestedIn, "Aleppo", "IS members"}, {ArrestedIn, "Hama", "IS members"}}},
		{"headline returnees", "عائدون من العراق إلى تونس والمغرب",
			[]wantClaim{{MovedTo, "Tunisia", "IS members"}, {MovedTo, "Morocco", "IS members"}}},
		{"elimination of people", "أعلن الجيش القضاء على ثلاثة مسلحين في جبل المغيلة.",
			[]wantClaim{{KilledIn, "Jebel Mghila", "IS members"}}},
		{"elimination of a presence", "وتحدث عن القضاء على آخر جيوب التنظيم في العراق.", nil},
		// Lists with the preposition repeated.
		{"or with repeated preposition", "ويعتقد أن عناصر من التنظيم يختبئون في حمص أو في مدينة حماة.",
			[]wantClaim{{HidingIn, "Homs", "IS members"}, {HidingIn, "Hama", "IS members"}}},
		// A second claim on a place named once.
		{"where after a move", "ونقل المقاتلون إلى بغداد، حيث اعتقلت النساء لدى وصولهن.",
			[]wantClaim{{MovedTo, "Baghdad", "IS members"}, {ArrestedIn, "Baghdad", "women"}}},
		{"where something else happened", "وفر مقاتلون إلى الرقة، حيث قتل جندي في هجوم.",
			[]wantClaim{{FledTo, "Raqqa", "IS members"}}},
		{"pronoun after the verb", "واعتقلت الشرطة عنصرين في مدينة تعز، وقالت إنهما وصلا إليها قبل شهر.",
			[]wantClaim{{ArrestedIn, "Taiz", "IS members"}, {MovedTo, "Taiz", "IS members"}}},
		// A place at the head of the sentence, far from its verb.
		{"fronted place", "وفي محافظة حضرموت، ذكرت مصادر أمنية محلية لوكالة أنباء بأن قوات النخبة أوقفت مساء أمس مطلوبين.",
			[]wantClaim{{ArrestedIn, "Hadramawt", "IS members"}}},
		// By sea.
		{"voyage", "وأبحر قارب يقل مقاتلين من ساحل المكلا باتجاه ميناء بربرة.",
			[]wantClaim{{CrossedBorderTo, "Berbera", "IS members"}}},
		// Denials and unknowns.
		{"denied", "واستبعد المحلل أن يكون قادة التنظيم قد فروا إلى الأردن.", nil},
		{"hedge is not a denial", "ولا يستبعد المحلل أن يكون قادة التنظيم قد فروا إلى الأردن.",
			[]wantClaim{{FledTo, "Jordan", "IS leaders"}}},
		{"no information", "وقالت الوزارة إنها لا تملك معلومات عن وصول مقاتلين إلى فرنسا.", nil},
		{"denial of what came before", "وقال الجيش إنه قتل في الغارة، لكن أقاربه نفوا ذلك وأكدوا أنه فر إلى إدلب.",
			[]wantClaim{{FledTo, "Idlib", "IS members"}}},
		// Still somewhere; an attempt by two; an initial is no sentence end.
		{"still there", "وقال مصدر أمني إن عنصرين من التنظيم لا يزالان في إدلب.",
			[]wantClaim{{HidingIn, "Idlib", "IS members"}}},
		{"still there, hedged", "وقال التقرير إن بعض القادة لا يزالون على الأرجح في منطقة مرزق.",
			[]wantClaim{{HidingIn, "Murzuq", "IS leaders"}}},
		{"stayed behind", "ويُعتقد أنه بقي في الشمال السوري، وربما انتقل إلى منطقة رأس العين.",
			[]wantClaim{{HidingIn, "Northern Syria", "IS members"}, {MovedTo, "Ras al-Ayn", "IS members"}}},
		// Moving between places, told of the past, is still a move there.
		{"used to move between", "وقال البيان إنه كان يتنقل منذ مطلع العام الجاري بين دير الزور والرقة لشراء السلاح.",
			[]wantClaim{{MovedTo, "Deir ez-Zor", "IS members"}, {MovedTo, "Raqqa", "IS members"}}},
		// The preposition said again takes the list past the places that
		// bound the first (بين تدمر والبوكمال); examples after مثل name the
		// towns; the displaced among whom one hides are not the subject.
		{"preposition said again", "وقال إن كثيرين منهم يختبئون في البادية السورية الممتدة بين تدمر والبوكمال، وفي صحراء الأنبار قرب الحدود.",
			[]wantClaim{{HidingIn, "Syrian Desert (Badia)", "IS members"}, {HidingIn, "Anbar Desert", "IS members"}}},
		{"examples of towns", "وقالت المصادر إن قادة فروا إلى محافظة إدلب متخفين بين النازحين، وإن بعضهم يختبئ في بلدات قريبة من الحدود التركية مثل سرمدا والدانا.",
			[]wantClaim{{FledTo, "Idlib Governorate", "IS leaders"}, {HidingIn, "Sarmada", "IS members"}, {HidingIn, "Ad Dānā", "IS members"}}},
		// A quoted IS province is no place; a raid's place is the town, not
		// the countryside that holds it; an authority's place reaches past a
		// date; weapons seized are no arrest.
		{"quoted province", "وكانت الاستخبارات قد أعلنت اعتقال \"المسؤول الشرعي\" لما يسمى \"ولاية الفرات\" في قضاء القائم.",
			[]wantClaim{{ArrestedIn, "Al-Qa", "IS members"}}},
		{"raid then arrest", "وبعد ساعات، دهمت قوة من \"قسد\" بمساندة من التحالف الدولي منزلا في بلدة غرانيج بريف دير الزور الشرقي، واعتقلت شخصين من عناصر الخلية.",
			[]wantClaim{{ArrestedIn, "Gharanij", "IS members"}}},
		{"authority's place past a date", "وأعلنت مديرية الأمن في ولاية هاتاي، في ١٤ أيلول الحالي، توقيف امرأتين قالت إنهما هربتا من مخيم الهول.",
			[]wantClaim{{ArrestedIn, "Hatay", "women"}}},
		{"weapons seized", "وقتلت القوات ستة عناصر في مدينة العريش، مشيرة إلى ضبط أسلحة وعبوات ناسفة.",
			[]wantClaim{{KilledIn, "Arish", "IS members"}}},
		{"headline route", "من الهول إلى رأس العين.. شبكات تهريب تتقاضى آلاف الدولارات\n\nنص الخبر.",
			[]wantClaim{{MovedTo, "Ras al-Ayn", "IS members"}}},
		{"subheading route", "عنوان الخبر\n\nنص أول.\n\nمن المخيم إلى سرمدا\n\nنص ثان.",
			[]wantClaim{{MovedTo, "Sarmada", "IS members"}}},
		{"base far after من", "وقال إن خلايا التنظيم تتخذ اليوم من الكهوف المنتشرة في وادي حوران ملاذا لها.",
			[]wantClaim{{HidingIn, "Wadi Hauran", "IS members"}}},
		{"base near a border", "وقال إن الخلية كانت تتخذ من مزارع نائية قرب الحدود التركية مقرا لها.", nil},
		{"strike resulted in deaths", "وأسفرت ضربة جوية نفذها طيران الجيش، فجر الثلاثاء، على مغارة في سلسلة جبال مكحول، شمالي قضاء بيجي، عن مصرع خمسة مسلحين.",
			[]wantClaim{{KilledIn, "Makhoul", "IS members"}}},
		// Rarer verbs of going and sheltering; بلغ of an age is none.
		{"made their way and reached", "وقال إن أفرادا قلائل من آسيا الوسطى شقوا طريقهم عبر إيران حتى بلغوا شرق أفغانستان.",
			[]wantClaim{{MovedTo, "Afghanistan", "IS members"}}},
		{"went on their way", "ولا يستبعد أن تكون بعض العناصر قد واصلت طريقها جنوبا نحو نيجيريا.",
			[]wantClaim{{MovedTo, "Nigeria", "IS members"}}},
		{"took shelter", "ولم يستبعد مسؤول كردي أن يكون قد احتمى بقرى ريف إدلب الشمالي.",
			[]wantClaim{{HidingIn, "Idlib countryside", "IS members"}}},
		{"an age", "وأوقفت الشرطة رجلا يبلغ 31 عاما لدى وصوله إلى مطار دوسلدورف.",
			[]wantClaim{{ArrestedIn, "Düsseldorf", "IS members"}, {MovedTo, "Düsseldorf", "IS members"}}},
		// A stay told as lying low is hiding, and so is a stay (أقام) of
		// the organisation's people.
		{"stayed with relatives", "وقالت النيابة إن الرجل كان يقيم لدى أقارب له في أنتويرب قبل انتقاله إلى العاصمة.",
			[]wantClaim{{HidingIn, "Antwerp", "IS members"}}},
		{"stayed there", "وقال إن عائلات كثيرة أقامت في إسطنبول منذ سنوات.",
			[]wantClaim{{HidingIn, "Istanbul", "IS families"}}},
		{"slipped in among the displaced", "وأضاف أن عناصر آخرين اندسوا بين النازحين في مخيم الهول نفسه.",
			[]wantClaim{{HidingIn, "al-Hol", "IS members"}}},
		// حيث after a hiding verb: the town named before, origin though it is.
		{"hid where he came from", "وقال البيان إن الموقوف تسلل إلى الأراضي الأردنية قادما من بلدة نصيب في محافظة درعا، حيث كان يختبئ منذ أشهر.",
			[]wantClaim{{CrossedBorderTo, "Jordan", "IS members"}, {HidingIn, "Nasib", "IS members"}}},
		// Civilians named just before are the subject of منهم.
		{"civilians return", "ويختبئ مطلوبون في مخيمات النازحين في عرسال، رغم تراجع أعداد النازحين فيها إثر عودة آلاف منهم إلى القصير.",
			[]wantClaim{{HidingIn, "Arsal", "IS members"}}},
		// Two events joined by و share the place after the second.
		{"two events one place", "وأعلن الجيش مقتل خمسة منهم واعتقال ثلاثة آخرين قرب مدينة تكريت.",
			[]wantClaim{{KilledIn, "Tikrit", "IS members"}, {ArrestedIn, "Tikrit", "IS members"}}},
		{"two events and an operation", "وأعلنت القوات مقتل عنصرين واعتقال ثلاثة آخرين في عملية إنزال جوي نفذتها \"قوات سوريا الديمقراطية\" فجر الأحد في بلدة الشحيل.",
			[]wantClaim{{KilledIn, "al-Shuhayl", "IS members"}, {ArrestedIn, "al-Shuhayl", "IS members"}}},
		// A watch before an arrest gives the arrest's place.
		{"watch before arrest", "أوقفت المخابرات مطلوبا في التنظيم بعد رصد استمر أسابيع في بلدة عرسال.",
			[]wantClaim{{ArrestedIn, "Arsal", "IS members"}}},
		// إلى a vague area, then the towns in it; نحو before a number word.
		{"towns of an area", "وقال الباحث إن عناصر انتقلوا إلى مناطق سيطرة الفصائل المدعومة من أنقرة في رأس العين وتل أبيض.",
			[]wantClaim{{MovedTo, "Ras al-Ayn", "IS members"}, {MovedTo, "Tal Abyad", "IS members"}}},
		{"about three years", "وقال إن شابا عاد من سوريا بعد أن أمضى نحو ثلاث سنوات في صفوف التنظيم في الرقة.", nil},
		{"fought in the ranks", "أعلن الجهاز اعتقال ثلاثة رجال يشتبه في أنهم قاتلوا سابقا في صفوف تنظيم داعش في سوريا.", nil},
		// A river crossed to a town is a move, no border crossing.
		{"river crossing", "وقال ناشطون إن عناصر من التنظيم عبروا نهر الفرات بقوارب صغيرة إلى بلدة الشحيل.",
			[]wantClaim{{MovedTo, "al-Shuhayl", "IS members"}}},
		// The place that holds a destination does not end the list.
		{"list past a holder", "فر مسلحون باتجاه مدينة الرقة في شمال سوريا ومناطق ريف حلب.",
			[]wantClaim{{FledTo, "Raqqa", "IS members"}, {FledTo, "Aleppo countryside", "IS members"}}},
		// A denial of what others reported reaches past the report's source.
		{"denied report", "ونفى مسؤول في وزارة الداخلية ما تداولته وسائل إعلام محلية عن فرار اثنين من الموقوفين إلى أذربيجان.", nil},
		// The return of an activity is no movement of people.
		{"return of activity", "ويرى مراقبون بيئة خصبة لعودة نشاط التنظيم إلى ريف دير الزور.", nil},
		{"attempt of two", "أوقف الجيش عنصرين كانا يحاولان التسلل نحو الأراضي التركية.", nil},
		// Inflected triggers: the dual, pronoun endings, a ta marbuta
		// before a pronoun, the feminine plural.
		{"dual killed", "وأكدت الشرطة أن مسلحين اثنين قُتلا في مدينة الباب.",
			[]wantClaim{{KilledIn, "Al-Bab", "IS members"}}},
		{"dual hiding", "وقال مصدر إن عنصرين يختبئان في بلدة الشدادي.",
			[]wantClaim{{HidingIn, "Shaddadi", "IS members"}}},
		{"object pronoun", "وذكرت مصادر أن الشرطة اعتقلته في مدينة كركوك.",
			[]wantClaim{{ArrestedIn, "Kirkuk", "IS members"}}},
		{"ta marbuta and pronoun", "وأعلنت السلطات عودته إلى الموصل.",
			[]wantClaim{{MovedTo, "Mosul", "IS members"}}},
		{"quoting is not moving", "نقلا عن مصادر في الرقة.", nil},
		{"security sweep headline", "حملة أمنية في الموصل وكركوك تطال عناصر من التنظيم",
			[]wantClaim{{ArrestedIn, "Mosul", "IS members"}, {ArrestedIn, "Kirkuk", "IS members"}}},
		// An arrest upon arrival happens where the arrival ends: two claims.
		{"arrest on arrival", "وأفادت الصحيفة بأن قياديا اعتُقل فور وصوله إلى بغداد.",
			[]wantClaim{{ArrestedIn, "Baghdad", "IS leader"}, {MovedTo, "Baghdad", "IS leader"}}},
		// An arrival after an escape the sentence tells, with no
		// destination of its own, ends the flight; not one "later".
		{"arrival after escape", "وقالت النيابة إن المرأتين فرتا من مخيم عين عيسى، ووصلتا إلى تركيا بعد أسبوع.",
			[]wantClaim{{FledTo, "Türkiye", "women"}}},
		{"arrival helped by smugglers", "وتمكنت امرأة من الخروج من مخيم روج بمساعدة مهربين، ووصلت إلى مدينة الباب.",
			[]wantClaim{{FledTo, "Al-Bab", "women"}}},
		{"arrival later is another leg", "وقال إن عائلات هرّبها خلال العام الجاري وصلت لاحقا إلى إسطنبول.",
			[]wantClaim{{MovedTo, "Istanbul", "IS families"}}},
		{"deported after arrival", "فرتا من المخيم ووصلتا إلى تركيا، قبل أن تُرحّلا جوا إلى أمستردام.",
			[]wantClaim{{FledTo, "Türkiye", "IS members"}, {MovedTo, "Amsterdam", "IS members"}}},
		// The arrests are where the raids were carried out, however many
		// words name who was held; not where the held had fought.
		{"arrests where the raids were", "أوقفت مديرية المخابرات في الجيش اللبناني، أمس الأربعاء، ستة سوريين ولبنانيين اثنين يُشتبه بانتمائهم إلى تنظيم \"داعش\"، في عمليات دهم متزامنة نفذتها في طرابلس وعرسال.",
			[]wantClaim{{ArrestedIn, "Tripoli", "IS members"}, {ArrestedIn, "Arsal", "IS members"}}},
		{"deaths where the operation was", "وقالت القيادة إن القوة قتلت نحو ثلاثين مسلحا ينتمون إلى التنظيم، بينهم قياديان بارزان، خلال عملية مشتركة مع القوات المسلحة المالية نُفذت الأسبوع الماضي في محيط بلدة ميناكا.",
			[]wantClaim{{KilledIn, "Menaka", "IS members"}}},
		{"an attack the subject made is not the operation", "واعتقلت الشرطة ستة مسلحين من التنظيم يشتبه بأنهم شاركوا قبل عامين في التخطيط لهجوم نفذ لاحقا في ضواحي مدينة ميناكا.", nil},
		{"neutralised", "وأعلنت أنقرة أن الاستخبارات حيّدت ثلاثة مسلحين في بلدة جنديرس.",
			[]wantClaim{{KilledIn, "Jindayris", "IS members"}}},
		// The fleeing as participles, with their direction right after.
		{"fleeing participle", "فلول داعش في شمال سيناء بين قتيل وهارب إلى ليبيا",
			[]wantClaim{{FledTo, "Libya", "IS members"}}},
		{"fleeing participle without direction", "وقالت المصادر إن الهاربات يقمن بأوراق مزورة في مدينة غازي عنتاب.",
			[]wantClaim{{HidingIn, "Gaziantep", "IS members"}}},
		// A raid's outcomes happen where the raid was: the place after a
		// part of it (الطرف الشرقي من) is no origin, and a second outcome
		// joined by و shares the first's place.
		{"raid outcomes at the raid's place", "نفذت قوة من التحالف عملية إنزال على منزل في الطرف الشرقي من بلدة الشحيل، أسفرت عن مقتل قيادي في التنظيم واعتقال ثلاثة آخرين.",
			[]wantClaim{{KilledIn, "al-Shuhayl", "IS leader"}, {ArrestedIn, "al-Shuhayl", "IS members"}}},
		{"the second outcome is not the named man's", "نفذت قوة من التحالف عملية إنزال على منزل في بلدة الشحيل، أسفرت عن مقتل قيادي يُعرف بـ\"أبو خالد الشعيطي\"، واعتقال اثنين من مرافقيه.",
			[]wantClaim{{KilledIn, "al-Shuhayl", "IS leader"}, {ArrestedIn, "al-Shuhayl", "IS members"}}},
		{"a direction of two words", "وشهدت تلال بادوش شمال غربي الموصل اشتباكا مع خلية للتنظيم، ما أسفر عن مقتل ثلاثة من عناصرها.",
			[]wantClaim{{KilledIn, "Badush mountains", "IS members"}}},
		// Campaigns that set off move no one; their arrests are where they
		// reached.
		{"campaigns set off", "اعتقلت قوات الأمن 40 شخصا يشتبه بانتمائهم إلى داعش في حملات متزامنة انطلقت فجر الأحد وشملت ولايات أضنة ومرسين.",
			[]wantClaim{{ArrestedIn, "Adana", "IS members"}, {ArrestedIn, "Mersin", "IS members"}}},
		// لا يزال is "still", not a negation.
		{"still hiding", "وقال المسؤول إن عددا منهم لا يزال مختبئا في أحياء الجانب الأيمن من الموصل.",
			[]wantClaim{{HidingIn, "Mosul", "IS members"}}},
		{"not hiding", "وقال المسؤول إن أحدا منهم لم يختبئ في الموصل.", nil},
		// The haven noun of اتخذ من X ملاذا is the base's, no flight.
		{"taken as a haven", "وتتخذ خلايا التنظيم من الكهوف المنتشرة في جبل البشري وجبل أبو رجمين ملاذًا لها.",
			[]wantClaim{{HidingIn, "Jabal Bishri", "IS members"}, {HidingIn, "Jabal Abu Rujmayn", "IS members"}}},
		// A place set off by a comma at the head of the sentence is the
		// scene of the arrest or surrender that follows, with a place noun,
		// a direction or an apposition between.
		{"the scene of a raid", "وفي قضاء الشرقاط جنوبي الموصل، داهمت قوة أمنية فجر الاثنين منزلا مهجورا واعتقلت رجلين من عناصر التنظيم.",
			[]wantClaim{{ArrestedIn, "Shirqat", "IS members"}}},
		{"the scene past an apposition", "وفي مدينة الباب، القريبة من الحدود التركية، سلّم شاب سعودي نفسه لحاجز أمني عند مدخل المدينة.",
			[]wantClaim{{SurrenderedIn, "Al-Bab", "IS members"}}},
		{"a place's own security directorate", "أعلنت مديرية أمن ولاية أضنة توقيف ستة أشخاص يشتبه بانتمائهم إلى داعش.",
			[]wantClaim{{ArrestedIn, "Adana", "IS members"}}},
		{"police among the dead", "وفي بغداد، قال مسؤول إن اشتباكا مع خلية للتنظيم أسفر عن مقتل ثلاثة من عناصر الشرطة.", nil},
		{"arrest at arrival, far", "أوقفت الشرطة، صباح الأحد، امرأة في الثلاثين من عمرها لدى وصولها إلى مطار إسطنبول قادمة من أربيل.",
			[]wantClaim{{ArrestedIn, "Istanbul", "women"}, {MovedTo, "Istanbul", "women"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := x.Extract(context.Background(), tt.text, docDate)
			if err != nil {
				t.Fatal(err)
			}
			var got []wantClaim
			for _, c := range r.Claims {
				got = append(got, wantClaim{c.Type, c.Place.Name, c.Subject})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d claims %v, want %v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i].typ != tt.want[i].typ || !strings.HasPrefix(got[i].place, tt.want[i].place) || got[i].subject != tt.want[i].subject {
					t.Errorf("claim %d: got %v, want %v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestClaimDetails checks attribution, certainty, evidence and date.
func TestClaimDetails(t *testing.T) {
	x := newTestExtractor(t)
	text := "وقال مسؤول أمني عراقي إن زعيم التنظيم أبو بكر البغدادي فر إلى البادية السورية، بينما يعتقد أن المتحدث باسم التنظيم أبو محمد العدناني قتل في مدينة الباب في آب/أغسطس 2016.\nوذكرت صحيفة محلية أن عناصر من التنظيم ربما هربوا إلى ليبيا."
	r, err := x.Extract(context.Background(), text, docDate)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Claims) != 3 {
		t.Fatalf("got %d claims, want 3: %+v", len(r.Claims), r.Claims)
	}
	bag, adn, lib := r.Claims[0], r.Claims[1], r.Claims[2]
	if bag.Subject != "Abu Bakr al-Baghdadi" || adn.Subject != "Abu Muhammad al-Adnani" {
		t.Errorf("subjects %q, %q", bag.Subject, adn.Subject)
	}
	if !strings.Contains(bag.Attribution, "مسؤول أمني عراقي") || !strings.Contains(lib.Attribution, "صحيفة محلية") {
		t.Errorf("attributions %q, %q", bag.Attribution, lib.Attribution)
	}
	// يعتقد belongs to the second clause; ربما lowers the third claim.
	if !(adn.Certainty < bag.Certainty) || !(lib.Certainty < bag.Certainty) {
		t.Errorf("certainty: stated %.2f, hedged %.2f and %.2f", bag.Certainty, adn.Certainty, lib.Certainty)
	}
	if adn.Date == nil || adn.Date.Start.String() != "2016-08-01" || adn.Date.End.String() != "2016-08-31" {
		t.Errorf("date of the clause: %+v", adn.Date)
	}
	if bag.Date == nil || !bag.Date.Start.IsZero() || bag.Date.End.String() != "2019-06-01" {
		t.Errorf("an undated claim is bounded by the document date: %+v", bag.Date)
	}
	if text[bag.Span.Start:bag.Span.End] != bag.Evidence || !strings.HasPrefix(bag.Evidence, "وقال") {
		t.Errorf("evidence %q", bag.Evidence)
	}
	if lib.Evidence != "وذكرت صحيفة محلية أن عناصر من التنظيم ربما هربوا إلى ليبيا." {
		t.Errorf("evidence of the second sentence %q", lib.Evidence)
	}
}

func TestPeople(t *testing.T) {
	x := newTestExtractor(t)
	tests := []struct {
		text    string
		name    string
		speaker bool
	}{
		{`من جانبه، قال الخبير الأمني "فاضل أبو رغيف" إن التنظيم يحاول.`, "Fadil Abu Raghif", true},
		{"وقال مصطفى بالي المتحدث باسم قوات سوريا الديموقراطية إن العدد كبير.", "Mustafa Bali", true},
		{"وقال الباحث في المركز الدولي لدراسة التطرف والعنف السياسي تشارلي وينتر، إن الدعاية تغيرت.", "Charlie Winter", true},
		{"وقال المحلل الأمني ستيفان أريستيدو إن مقاتلين هربوا.", "Stefan Aristido", true},
		{"أعلن الجيش مقتل القيادي أبو محمد العدناني في حلب.", "Abu Muhammad al-Adnani", false},
		{"اعتقلت الشرطة حجي بكر في الرقة.", "Hajji Bakr", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := x.Extract(context.Background(), tt.text, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range r.People {
				if p.Name == tt.name {
					if p.Speaker != tt.speaker {
						t.Errorf("%s: speaker %v, want %v", p.Name, p.Speaker, tt.speaker)
					}
					return
				}
			}
			var names []string
			for _, p := range r.People {
				names = append(names, p.Name)
			}
			t.Errorf("did not find %q; found %q", tt.name, names)
		})
	}
}

// TestNotPeople: a place named like a man after its place noun, and a noun
// for a person after a name, are no one's name.
func TestNotPeople(t *testing.T) {
	x := newTestExtractor(t)
	for _, text := range []string{
		"أوقفت شرطة إسطنبول في حي سلطان بيلي امرأة طاجيكية فرت من مخيم روج.",
		"وصل المسلحون إلى قرية حسن كيف ليلا.",
	} {
		r, err := x.Extract(context.Background(), text, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.People {
			t.Errorf("%s: found person %q (%s)", text, p.Text, p.Name)
		}
	}
}

func TestLaterMentionBySurname(t *testing.T) {
	x := newTestExtractor(t)
	text := "وقال الباحث تشارلي وينتر إن التنظيم تغير. وتوقع وينتر أن يكون القتال شرسا."
	r, _ := x.Extract(context.Background(), text, time.Time{})
	if len(r.People) != 1 || len(r.People[0].Mentions) != 2 {
		t.Fatalf("want one person with two mentions, got %+v", r.People)
	}
}

func TestOrganizations(t *testing.T) {
	x := newTestExtractor(t)
	text := "قاتلت قوات سوريا الديمقراطية (قسد) بدعم من التحالف الدولي تنظيم 'الدولة الإسلامية' وهيئة تحرير الشام، فيما انتشر الحشد الشعبي. وتستخدم القوات قاعدة بيانات، والقاعدة العسكرية قريبة."
	r, _ := x.Extract(context.Background(), text, time.Time{})
	var got []string
	for _, o := range r.Organizations {
		got = append(got, o.Name)
	}
	want := []string{"Syrian Democratic Forces (SDF)", "Syrian Democratic Forces (SDF)", "Global Coalition against ISIS",
		"Islamic State (ISIS)", "Hayat Tahrir al-Sham (HTS)", "Popular Mobilization Forces (PMF)"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestRomanize(t *testing.T) {
	tests := map[string]string{
		"أبو بكر البغدادي": "Abu Bakr al-Baghdadi",
		"تشارلي وينتر":     "Charlie Winter",
		"ستيفان أريستيدو":  "Stefan Aristido",
		"أبورغيف":          "Abu Raghif",
		"عبد الحميد":       "Abd al-Hamid",
		"معتز محيي":        "Mutazz Muhyi",
		"جيمس فولي":        "James Fuli",
		"أيمن التميمي":     "Ayman al-Tamimi",
		"هشام":             "Hisham",
		"العمور":           "al-Amur", // ع first, its vowel unwritten
	}
	for in, want := range tests {
		if got := Romanize(in); got != want {
			t.Errorf("Romanize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSplitSentences(t *testing.T) {
	text := "فر العناصر. وقال مسؤول؟ نعم! نسبة 2.5 بالمئة... ثم انتهى؛ سطر\nآخر ويدعى سامر ع. ويعرف بأبي خطاب. ثم"
	var got []string
	for _, s := range splitSentences(text) {
		got = append(got, text[s.start:s.end])
	}
	want := []string{"فر العناصر.", "وقال مسؤول؟", "نعم!", "نسبة 2.5 بالمئة... ثم انتهى؛", "سطر", "آخر ويدعى سامر ع. ويعرف بأبي خطاب.", "ثم"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestCopies(t *testing.T) {
	a := Shingles("وقال مسؤول عراقي إن عناصر داعش فروا إلى تركيا عبر الحدود.")
	b := Shingles("قال مسؤول عراقي ان عناصر داعش فرّوا الى تركيا عبر الحدود")
	c := Shingles("أعلنت السلطات الليبية مقتل ثلاثة عناصر في غارة قرب سرت.")
	if s := Similarity(a, b); s < CopyThreshold {
		t.Errorf("copies: similarity %.2f", s)
	}
	if s := Similarity(a, c); s >= CopyThreshold {
		t.Errorf("different reports: similarity %.2f", s)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"فر عناصر داعش إلى تركيا.", "قال الخبير \"فاضل أبو رغيف\" إن", "أبو", "ابو", "عبد", "إلى", "من الموصل إلى",
		"اعتقل ... في", "\"", "،،،", "وقال وينتر إن عناصر التنظيم انتقلوا إلى مناطق كالميادين والبوكمال",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/written/sinai-and-libya.txt"); err == nil {
		f.Add(string(b))
	}
	x := newTestExtractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		r, err := x.Extract(context.Background(), text, docDate)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range r.Claims {
			if c.Certainty < 0 || c.Certainty > 1 {
				t.Fatalf("certainty %v", c.Certainty)
			}
			if c.Span.Start < 0 || c.Span.End > len(text) || c.Span.Start > c.Span.End || text[c.Span.Start:c.Span.End] != c.Evidence {
				t.Fatalf("evidence span %+v", c.Span)
			}
			if c.Subject == "" || c.Place.Name == "" {
				t.Fatalf("claim without subject or place: %+v", c)
			}
		}
		for _, p := range r.People {
			if !utf8.ValidString(p.Name) || p.Span.End > len(text) || text[p.Span.Start:p.Span.End] != p.Text {
				t.Fatalf("person %+v", p)
			}
		}
	})
}

// BenchmarkExtract runs the whole extraction over 8 KB of news text.
func BenchmarkExtract(b *testing.B) {
	x := newTestExtractor(b)
	var sb strings.Builder
	for _, f := range []string{"testdata/written/returnees-and-camps.txt", "testdata/written/sinai-and-libya.txt",
		"testdata/written/unseen-hol-and-idlib.txt", "testdata/written/unseen-libya-sahel.txt"} {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(t)
	}
	for sb.Len() < 8<<10 {
		sb.WriteString(sb.String()[:min(sb.Len(), 8<<10-sb.Len())])
	}
	text := strings.ToValidUTF8(sb.String()[:8<<10], "")
	ctx := context.Background()
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := x.Extract(ctx, text, docDate); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Two phrases that fold alike must not carry two values: which one the
// table kept would otherwise be a matter of map order.
func TestPhraseTablesHaveNoConflicts(t *testing.T) {
	for name, tb := range map[string]*phraseTable{"triggers": triggers, "groups": groups, "hedges": hedges, "organisations": orgNames} {
		for _, c := range tb.conflicts {
			t.Errorf("%s: %s folds like another phrase of another value", name, c)
		}
	}
}
