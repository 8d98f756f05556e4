package synth

import (
	"math"
	"strings"
	"sync"
)

// The name tables are plain text, one entry a line: the Arabic spelling,
// then after "|" a vocalised romanisation in the pivot notation of
// romanize.go. Lines are in rough order of frequency; the weight of an entry
// comes from its rank (Zipf), so the first names are common and the tail is
// rare, as in real registries. The order is the only source of frequency:
// moving a line moves its weight.

// maleGiven: Iraqi and Syrian men's given names. The head mixes Sunni and
// Shia naming (عمر and عثمان beside عباس and كاظم), as the two countries do.
const maleGiven = `
محمد|muHammad
أحمد|'aHmad
علي|3alI
حسين|Husayn
عبد الله|3abd al-lAh
حسن|Hasan
عمر|3umar
خالد|xAlid
محمود|maHmUd
إبراهيم|'ibrAhIm
مصطفى|muSTafA
يوسف|yUsuf
عباس|3abbAs
جاسم|jAsim
صالح|SAliH
عبد الرحمن|3abd al-raHmAn
سعد|sa3d
حمد|Hamad
كريم|karIm
جعفر|ja3far
حيدر|Haydar
كاظم|kAZim
فاضل|fADil
حميد|HamId
عادل|3Adil
سعيد|sa3Id
ياسين|yAsIn
عثمان|3ucmAn
إسماعيل|'ismA3Il
قاسم|qAsim
ماجد|mAjid
رعد|ra3d
صدام|SaddAm
نوري|nUrI
سلمان|salmAn
عدنان|3adnAn
مهدي|mahdI
فراس|firAs
زياد|ziyAd
وليد|walId
سامي|sAmI
طارق|TAriq
ناصر|nASir
منصور|manSUr
عبد الكريم|3abd al-karIm
عبد العزيز|3abd al-3azIz
عبد الرزاق|3abd al-razzAq
عبد الجبار|3abd al-jabbAr
عبد الستار|3abd al-sattAr
عبد الحميد|3abd al-HamId
عبد القادر|3abd al-qAdir
عبد السلام|3abd al-salAm
عبد الوهاب|3abd al-wahhAb
عبد الأمير|3abd al-'amIr
عبد الحسين|3abd al-Husayn
عبد الرحيم|3abd al-raHIm
عبد اللطيف|3abd al-laTIf
عبد المجيد|3abd al-majId
عبد الغني|3abd al-GanI
عبد الناصر|3abd al-nASir
عبد الهادي|3abd al-hAdI
عبد المنعم|3abd al-mun3im
عبد الباسط|3abd al-bAsiT
عبد الخالق|3abd al-xAliq
عبد الواحد|3abd al-wAHid
عبد الزهرة|3abd al-zahra@
عبد الإله|3abd al-'ilAh
عبد الحكيم|3abd al-HakIm
عبد الفتاح|3abd al-fattAH
عبد المحسن|3abd al-muHsin
حسام|HusAm
بشار|baCCAr
عمار|3ammAr
ياسر|yAsir
هشام|hiCAm
أنور|'anwar
باسم|bAsim
جمال|jamAl
كمال|kamAl
نبيل|nabIl
رياض|riyAD
عماد|3imAd
إياد|'iyAd
مازن|mAzin
مروان|marwAn
سفيان|sufyAn
بكر|bakr
زيد|zayd
معاذ|mu3Av
أسامة|'usAma@
حمزة|Hamza@
طه|TAhA
موسى|mUsA
عيسى|3IsA
يحيى|yaHyA
يونس|yUnus
داود|dAwUd
سليمان|sulaymAn
إسحاق|'isHAq
يعقوب|ya3qUb
هادي|hAdI
رشيد|raCId
مجيد|majId
سالم|sAlim
ناجي|nAjI
شاكر|CAkir
صبري|SabrI
فتحي|fatHI
فوزي|fawzI
رمضان|ramaDAn
شعبان|Ca3bAn
رجب|rajab
خليل|xalIl
جميل|jamIl
نجم|najm
سعدون|sa3dUn
حمود|HammUd
عواد|3awwAd
جبار|jabbAr
ستار|sattAr
كامل|kAmil
عامر|3Amir
غازي|GAzI
فيصل|faySal
طلال|TalAl
نواف|nawwAf
مشعل|muC3al
سلطان|sulTAn
فهد|fahd
تركي|turkI
ضياء|DiyA'
علاء|3alA'
بهاء|bahA'
رائد|rA'id
قيس|qays
ليث|layc
أسعد|'as3ad
مؤيد|mu'ayyad
مثنى|mucannA
منذر|munvir
مهند|muhannad
مصعب|muS3ab
أنس|'anas
بلال|bilAl
حذيفة|Huvayfa@
خطاب|xaTTAb
صهيب|Suhayb
عكرمة|3ikrima@
طلحة|TalHa@
جلال|jalAl
نزار|nizAr
وسام|wisAm
هيثم|haycam
أيمن|'ayman
أكرم|'akram
أمجد|'amjad
رامي|rAmI
سامر|sAmir
عصام|3iSAm
حازم|HAzim
حاتم|HAtim
حامد|HAmid
راشد|rACid
ماهر|mAhir
منير|munIr
نعمان|nu3mAn
نهاد|nihAd
هاني|hAnI
وائل|wA'il
وضاح|waDDAH
يزن|yazan
أمين|'amIn
أيوب|'ayyUb
إدريس|'idrIs
بسام|bassAm
تامر|tAmir
ثامر|cAmir
جواد|jawAd
حارث|HAric
حسان|HassAn
خضر|xiDr
خلف|xalaf
دحام|daHHAm
ذياب|viyAb
راضي|rADI
زهير|zuhayr
سامح|sAmiH
سعود|sa3Ud
شهاب|CihAb
صباح|SabAH
صلاح|SalAH
ضاري|DArI
طالب|TAlib
ظافر|ZAfir
عبيد|3ubayd
عدي|3udayy
قصي|quSayy
عزيز|3azIz
عقيل|3aqIl
غسان|GassAn
فارس|fAris
فلاح|falAH
كنعان|kan3An
لؤي|lu'ayy
مالك|mAlik
مراد|murAd
مشتاق|muCtAq
معن|ma3n
مكي|makkI
نايف|nAyif
نصر|naSr
هلال|hilAl
وحيد|waHId
مرتضى|murtaDA
مجتبى|mujtabA
محسن|muHsin
منتظر|muntaZar
مسلم|muslim
كرار|karrAr
سجاد|sajjAd
باقر|bAqir
صادق|SAdiq
رضا|riDA
هاشم|hACim
زين العابدين|zayn al-3AbidIn
نور الدين|nUr al-dIn
صلاح الدين|SalAH al-dIn
عز الدين|3izz al-dIn
شمس الدين|Cams al-dIn
سيف الدين|sayf al-dIn
علاء الدين|3alA' al-dIn
فرحان|farHAn
عطية|3aTiyya@
مطر|maTar
سرحان|sarHAn
حمادي|HammAdI
عبود|3abbUd
جبر|jabr
دخيل|daxIl
شلال|CallAl
حمدان|HamdAn
عيدان|3aydAn
نعمة|ni3ma@
عطا|3aTA
صبار|SabbAr
عبد علي|3abd 3alI
مناف|manAf
أركان|'arkAn
تحسين|taHsIn
لطيف|laTIf
خميس|xamIs
جمعة|jum3a@
سبتي|sabtI
عاشور|3ACUr
سمير|samIr
شريف|CarIf
ممدوح|mamdUH
مدحت|midHat
رافع|rAfi3
نشأت|naC'at
عصمت|3iSmat
حكمت|Hikmat
رفعت|rif3at
شوكت|Cawkat
عزت|3izzat
دريد|durayd
معتز|mu3tazz
مؤمن|mu'min
بدر|badr
ناظم|nAZim
فالح|fAliH
حردان|HardAn
صفوان|SafwAn
عمرو|3amr
زكريا|zakariyyA
جهاد|jihAd
نضال|niDAl
ديب|dIb
حافظ|HAfiZ
باسل|bAsil
رامز|rAmiz
مأمون|ma'mUn
غياث|GiyAc
قتيبة|qutayba@
شادي|CAdI
فادي|fAdI
يمان|yamAn
معتصم|mu3taSim
عبيدة|3ubayda@
بشير|baCIr
نذير|navIr
غيث|Gayc
أيهم|'ayham
فواز|fawwAz
عيد|3Id
عوض|3iwaD
`

// femaleGiven: women's given names, old and new (صبيحة and حمدية beside
// تبارك and رزان).
const femaleGiven = `
فاطمة|fATima@
زينب|zaynab
مريم|maryam
نور|nUr
سارة|sAra@
هدى|hudA
عائشة|3A'iCa@
خديجة|xadIja@
زهراء|zahrA'
رقية|ruqayya@
آمنة|'Amina@
حليمة|HalIma@
سعاد|su3Ad
أمل|'amal
إيمان|'ImAn
هناء|hanA'
سميرة|samIra@
نادية|nAdiya@
ليلى|laylA
سلمى|salmA
رنا|ranA
رشا|raCA
دعاء|du3A'
آية|'Aya@
أسماء|'asmA'
حنان|HanAn
وفاء|wafA'
صفاء|SafA'
نهلة|nahla@
منى|munA
نجلاء|najlA'
غادة|GAda@
سهام|sihAm
ابتسام|'ibtisAm
انتصار|'intiSAr
بشرى|buCrA
جميلة|jamIla@
زهرة|zahra@
شيماء|CaymA'
صبيحة|SabIHa@
عفاف|3afAf
كوثر|kawcar
لمياء|lamyA'
ميسون|maysUn
نجاة|najAt
هيفاء|hayfA'
وداد|widAd
ياسمين|yAsmIn
بتول|batUl
تقوى|taqwA
حوراء|HawrA'
رباب|rabAb
سكينة|sakIna@
شهد|Cahd
ضحى|DuHA
عبير|3abIr
غفران|GufrAn
فرح|faraH
قمر|qamar
لينا|lInA
مها|mahA
نسرين|nasrIn
هالة|hAla@
ولاء|walA'
أنعام|'an3Am
بسمة|basma@
جنان|jinAn
حياة|HayAt
خلود|xulUd
رحاب|riHAb
زينة|zayna@
سندس|sundus
شذى|CavA
صابرة|SAbira@
عالية|3Aliya@
عذراء|3avrA'
علياء|3alyA'
فاتن|fAtin
فريدة|farIda@
كريمة|karIma@
لطيفة|laTIfa@
مديحة|madIHa@
ناهدة|nAhida@
نعيمة|na3Ima@
هيام|huyAm
وجدان|wijdAn
يسرى|yusrA
رغد|raGad
رحمة|raHma@
سجى|sajA
سوزان|sUzAn
شيرين|CIrIn
ضمياء|DamyA'
عواطف|3awATif
فضيلة|faDIla@
قسمة|qisma@
ماجدة|mAjida@
نوال|nawAl
هند|hind
وسن|wasan
أسيل|'asIl
إسراء|'isrA'
بيداء|baydA'
تبارك|tabArak
جيهان|jIhAn
حلا|HalA
دلال|dalAl
ربى|rubA
روان|rawAn
زهور|zuhUr
سماح|samAH
سناء|sanA'
شروق|CurUq
صفية|Safiyya@
طيبة|Tayba@
عزيزة|3azIza@
غالية|GAliya@
فتحية|fatHiyya@
كفاح|kifAH
لبنى|lubnA
مروة|marwa@
ميادة|mayyAda@
نرجس|narjis
هبة|hiba@
يقين|yaqIn
أمينة|'amIna@
بلقيس|balqIs
حمدية|Hamdiyya@
خيرية|xayriyya@
رسمية|rasmiyya@
زكية|zakiyya@
سعدية|sa3diyya@
شكرية|Cukriyya@
صبرية|Sabriyya@
عدوية|3adawiyya@
فوزية|fawziyya@
مكية|makkiyya@
جواهر|jawAhir
سليمة|salIma@
نزيهة|nazIha@
رجاء|rajA'
ريم|rIm
ملاك|malAk
جنى|janA
تسنيم|tasnIm
رزان|razAn
هاجر|hAjar
نسيبة|nusayba@
وردة|warda@
`

// familyIQ: Iraqi tribes, clans and nisbas. Town nisbas (التكريتي،
// الراوي) and clan names (البو نمر as النمراوي) stand beside the big tribes.
const familyIQ = `
الجبوري|al-jubUrI
الدليمي|al-dulaymI
العبيدي|al-3ubaydI
الشمري|al-CammarI
التميمي|al-tamImI
الجنابي|al-janAbI
العزاوي|al-3azzAwI
الزوبعي|al-zawba3I
الكبيسي|al-kubaysI
الجميلي|al-jumaylI
المشهداني|al-maChadAnI
السامرائي|al-sAmarrA'I
البياتي|al-bayAtI
الربيعي|al-rubay3I
الساعدي|al-sA3idI
الموسوي|al-mUsawI
الحسيني|al-HusaynI
الزبيدي|al-zubaydI
الخزرجي|al-xazrajI
الكعبي|al-ka3bI
المالكي|al-mAlikI
الأسدي|al-'asadI
الخفاجي|al-xafAjI
الطائي|al-TA'I
الحمداني|al-HamdAnI
اللهيبي|al-luhaybI
السبعاوي|al-sab3AwI
العنزي|al-3anazI
الفهداوي|al-fahdAwI
المحمدي|al-muHammadI
العيساوي|al-3IsAwI
الحلبوسي|al-HalbUsI
النمراوي|al-nimrAwI
الكرطاني|al-karTAnI
التكريتي|al-tikrItI
الدوري|al-dUrI
الحديثي|al-HadIcI
الراوي|al-rAwI
العاني|al-3AnI
الهيتي|al-hItI
القيسي|al-qaysI
العكيدي|al-3ukaydI
النعيمي|al-nu3aymI
الحديدي|al-HadIdI
الياسري|al-yAsirI
الشويلي|al-CuwaylI
الغريري|al-GurayrI
الفتلاوي|al-fatlAwI
الكناني|al-kinAnI
المعموري|al-ma3mUrI
الحياني|al-HayyAnI
العبادي|al-3abbAdI
الكرخي|al-karxI
الموصلي|al-mawSilI
البغدادي|al-baGdAdI
الأنصاري|al-'anSArI
السوداني|al-sUdAnI
البدري|al-badrI
الحلي|al-HillI
النجفي|al-najafI
البصري|al-baSrI
العامري|al-3AmirI
المرسومي|al-marsUmI
الدراجي|al-darrAjI
الجوراني|al-jUrAnI
العقيلي|al-3uqaylI
البزوني|al-bazzUnI
الخالدي|al-xAlidI
السلماني|al-salmAnI
الحسناوي|al-HasnAwI
الشبكي|al-CabakI
التركماني|al-turkmAnI
الكردي|al-kurdI
البرزنجي|al-barzanjI
الطالباني|al-TAlabAnI
الزيدي|al-zaydI
العلواني|al-3alwAnI
المحلاوي|al-maHallAwI
الجغيفي|al-juGayfI
الدايني|al-dAyinI
الحيالي|al-HayyAlI
الصميدعي|al-Sumayda3I
الخاتوني|al-xAtUnI
السعدي|al-sa3dI
الحربي|al-HarbI
اللامي|al-lAmI
الفريجي|al-furayjI
البهادلي|al-bahAdilI
الكلابي|al-kilAbI
البكاري|al-bakkArI
`

// familySY: Syrian families, tribes and nisbas. Eastern Syria names people
// by tribe (العكيدي، البكاري، الشعيطي); the west uses family names, often
// a forefather's name with the article (الأحمد، العبد الله) or none at all
// (حداد، شحادة).
const familySY = `
العكيدي|al-3ukaydI
البكاري|al-bakkArI
الشعيطي|al-Cu3ayTI
الحديدي|al-HadIdI
النعيمي|al-nu3aymI
الشمري|al-CammarI
العنزي|al-3anazI
الجبوري|al-jubUrI
الأحمد|al-'aHmad
المحمد|al-muHammad
العلي|al-3alI
الحسين|al-Husayn
العبد الله|al-3abd al-lAh
الخليف|al-xalIf
الحسن|al-Hasan
العمر|al-3umar
الصالح|al-SAliH
الخلف|al-xalaf
الجاسم|al-jAsim
الحمود|al-HammUd
العيسى|al-3IsA
الموسى|al-mUsA
العثمان|al-3ucmAn
البوكمالي|al-bUkamAlI
الديري|al-dayrI
الرقاوي|al-raqqAwI
الحلبي|al-HalabI
الحمصي|al-HimSI
الحموي|al-HamawI
الإدلبي|al-'idlibI
الشامي|al-CAmI
الدمشقي|al-dimaCqI
الحوراني|al-HawrAnI
الزعبي|al-zu3bI
المقداد|al-miqdAd
الحريري|al-HarIrI
الكردي|al-kurdI
الشيخ|al-Cayx
العبيد|al-3ubayd
الفياض|al-fayyAD
الدندل|al-dandal
الفرج|al-faraj
المصطفى|al-muSTafA
الظاهر|al-ZAhir
النجار|al-najjAr
الحداد|al-HaddAd
العطار|al-3aTTAr
الخطيب|al-xaTIb
الطويل|al-TawIl
المصري|al-miSrI
السيد|al-sayyid
الأسعد|al-'as3ad
الأتاسي|al-'atAsI
القاسم|al-qAsim
الإبراهيم|al-'ibrAhIm
الحاج|al-HAjj
التميمي|al-tamImI
حمادة|HamAda@
قاسم|qAsim
حداد|HaddAd
خليل|xalIl
عيسى|3IsA
شحادة|CaHAda@
درويش|darwIC
سليمان|sulaymAn
مصطفى|muSTafA
عثمان|3ucmAn
كنجو|kanjU
بكور|bakkUr
عبدو|3abdU
قدور|qaddUr
`

// familyOther: families of the other Arab nationalities a registry of this
// region holds, by country (a line "=CC" starts a country).
const familyOther = `
=SA
الحربي|al-HarbI
العتيبي|al-3utaybI
القحطاني|al-qaHTAnI
الشهري|al-CahrI
الغامدي|al-GAmidI
الدوسري|al-dawsarI
المطيري|al-muTayrI
=TN
الطرابلسي|al-TarAbulsI
الجلاصي|al-jallASI
العياري|al-3ayyArI
الغربي|al-GarbI
الحمامي|al-HammAmI
=JO
العدوان|al-3adwAn
الحويطي|al-HuwayTI
المجالي|al-majAlI
الخلايلة|al-xalAyla@
الزرقاوي|al-zarqAwI
=EG
الشرقاوي|al-CarqAwI
السيد|al-sayyid
النجار|al-najjAr
المصري|al-miSrI
=MA
الإدريسي|al-'idrIsI
العلوي|al-3alawI
البقالي|al-baqqAlI
=LY
المصراتي|al-miSrAtI
الورفلي|al-warfallI
الزنتاني|al-zintAnI
=LB
الخطيب|al-xaTIb
الطرابلسي|al-TarAbulsI
=YE
العولقي|al-3awlaqI
الحضرمي|al-HaDramI
=KW
العجمي|al-3ajmI
الرشيدي|al-raCIdI
`

// extraTokens are words that occur in names but in no table above: kunya
// words, particles and kunya nisbas. The romaniser needs their vocalisation.
const extraTokens = `
أبو|'abU
أم|'umm
بن|bin
ابن|'ibn
بنت|bint
عبد|3abd
سيد|sayyid
ولد|wuld
العراقي|al-3irAqI
السوري|al-sUrI
التونسي|al-tUnisI
الأردني|al-'urdunI
الليبي|al-lIbI
المغربي|al-maGribI
الشيشاني|al-CICAnI
اليمني|al-yamanI
الكويتي|al-kuwaytI
`

// entry is one name of a table.
type entry struct {
	ar     string  // Arabic spelling
	pivot  string  // vocalised romanisation, see romanize.go
	weight float64 // relative frequency
}

// zipfExponent and zipfOffset shape the rank-frequency curve: with about 300
// male names the first takes roughly 8% and the 100th about 0.3%, close to
// what civil registries of the region show for محمد and a mid-list name.
const (
	zipfExponent = 1.05
	zipfOffset   = 3.0
)

// parseTable reads a table and gives each line its Zipf weight by rank.
func parseTable(s string) []entry {
	var es []entry
	for line := range strings.Lines(s) {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		ar, pivot, ok := strings.Cut(line, "|")
		if !ok {
			panic("synth: table line without pivot: " + line)
		}
		rank := float64(len(es))
		es = append(es, entry{ar: ar, pivot: pivot, weight: 1 / math.Pow(rank+zipfOffset, zipfExponent)})
	}
	return es
}

// tables holds the parsed name tables and their samplers. It is built once
// and read only afterwards.
type tables struct {
	male, female       []entry
	maleS, femaleS     sampler
	famIQ, famSY       []entry
	famIQS, famSYS     sampler
	famOther           map[string][]entry // by nationality
	famOtherS          map[string]sampler
	tokens             map[string]string // folded Arabic token or phrase → pivot
	maleSet, femaleSet map[string]bool   // folded Arabic given names
	plIQ, plSY         []place
	plIQS, plSYS       sampler
	govsSY             []string // Syrian governorates in table order
}

var loadTables = sync.OnceValue(func() *tables {
	t := &tables{
		male:      parseTable(maleGiven),
		female:    parseTable(femaleGiven),
		famIQ:     parseTable(familyIQ),
		famSY:     parseTable(familySY),
		famOther:  map[string][]entry{},
		famOtherS: map[string]sampler{},
		tokens:    map[string]string{},
		maleSet:   map[string]bool{},
		femaleSet: map[string]bool{},
	}
	t.plIQ, t.plIQS = parsePlaces(placesIQ)
	t.plSY, t.plSYS = parsePlaces(placesSY)
	for _, p := range t.plSY {
		if p.seat {
			t.govsSY = append(t.govsSY, p.governorate)
		}
	}
	t.maleS = newSampler(t.male)
	t.femaleS = newSampler(t.female)
	t.famIQS = newSampler(t.famIQ)
	t.famSYS = newSampler(t.famSY)
	cc := ""
	var block strings.Builder
	flush := func() {
		if cc != "" {
			es := parseTable(block.String())
			t.famOther[cc] = es
			t.famOtherS[cc] = newSampler(es)
		}
		block.Reset()
	}
	for line := range strings.Lines(familyOther) {
		if c, ok := strings.CutPrefix(strings.TrimSpace(line), "="); ok {
			flush()
			cc = c
			continue
		}
		block.WriteString(line)
	}
	flush()

	// The token map lets the romaniser vocalise any Arabic name whose words
	// are in the tables: whole entries ("عبد الرحمن"), their joined forms
	// ("عبدالرحمن") and their single words ("الرحمن").
	add := func(ar, pivot string) {
		k := foldArabic(ar)
		if _, dup := t.tokens[k]; !dup {
			t.tokens[k] = pivot
		}
	}
	all := [][]entry{t.male, t.female, t.famIQ, t.famSY, parseTable(extraTokens)}
	for _, cc := range otherCountries {
		all = append(all, t.famOther[cc])
	}
	for _, es := range all {
		for _, e := range es {
			add(e.ar, e.pivot)
			ws, ps := strings.Fields(e.ar), strings.Fields(e.pivot)
			if len(ws) == len(ps) && len(ws) > 1 {
				add(strings.Join(ws, ""), e.pivot)
				for i := range ws {
					add(ws[i], ps[i])
				}
			}
		}
	}
	for _, e := range t.male {
		t.maleSet[foldArabic(e.ar)] = true
	}
	for _, e := range t.female {
		t.femaleSet[foldArabic(e.ar)] = true
	}
	return t
})

// otherCountries lists familyOther's countries in a fixed order, so that no
// map iteration order reaches the output.
var otherCountries = []string{"SA", "TN", "JO", "EG", "MA", "LY", "LB", "YE", "KW"}
