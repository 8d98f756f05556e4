package extract

// Organization is an armed group, force, agency or outlet named in the text.
type Organization struct {
	Span Span   `json:"span"`
	Text string `json:"text"` // as written, clitics included
	Name string `json:"name"` // English name
}

// orgNames is the organisation lexicon: Arabic names as news write them,
// folded when the table is built, with one English name each.
var orgNames = newPhraseTable(map[string]string{
	"داعش":         "Islamic State (ISIS)",
	"تنظيم داعش":   "Islamic State (ISIS)",
	"تنظيم الدولة": "Islamic State (ISIS)",
	"تنظيم الدولة الإسلامية":                 "Islamic State (ISIS)",
	"الدولة الإسلامية":                       "Islamic State (ISIS)",
	"الدولة الإسلامية في العراق والشام":      "Islamic State (ISIS)",
	"الدولة الإسلامية في العراق والشام داعش": "Islamic State (ISIS)",
	"الدولة الإسلامية في العراق":             "Islamic State of Iraq",
	"ولاية سيناء":                            "Islamic State Sinai Province",
	"تنظيم ولاية سيناء":                      "Islamic State Sinai Province",
	"ولاية خراسان":                           "Islamic State Khorasan Province",
	"داعش خراسان":                            "Islamic State Khorasan Province",
	"ولاية غرب أفريقيا":                      "Islamic State West Africa Province",
	"ولاية غرب إفريقيا":                      "Islamic State West Africa Province",
	"ولاية الساحل":                           "Islamic State Sahel Province",
	"قوات سوريا الديمقراطية":                 "Syrian Democratic Forces (SDF)",
	"قوات سورية الديمقراطية":                 "Syrian Democratic Forces (SDF)",
	"قوات سوريا الديموقراطية":                "Syrian Democratic Forces (SDF)",
	"قوات سورية الديموقراطية":                "Syrian Democratic Forces (SDF)",
	"قسد":                             "Syrian Democratic Forces (SDF)",
	"وحدات حماية الشعب":               "People's Protection Units (YPG)",
	"الإدارة الذاتية":                 "Autonomous Administration of North and East Syria",
	"التحالف الدولي":                  "Global Coalition against ISIS",
	"التحالف الدولي لمحاربة داعش":     "Global Coalition against ISIS",
	"التحالف الدولي ضد داعش":          "Global Coalition against ISIS",
	"هيئة تحرير الشام":                "Hayat Tahrir al-Sham (HTS)",
	"جبهة النصرة":                     "al-Nusra Front",
	"جبهة فتح الشام":                  "Jabhat Fatah al-Sham",
	"حراس الدين":                      "Hurras al-Din",
	"أحرار الشام":                     "Ahrar al-Sham",
	"تنظيم القاعدة":                   "al-Qaeda",
	"القاعدة":                         "al-Qaeda",
	"تنظيم القاعدة في جزيرة العرب":    "al-Qaeda in the Arabian Peninsula (AQAP)",
	"القاعدة في جزيرة العرب":          "al-Qaeda in the Arabian Peninsula (AQAP)",
	"القاعدة في بلاد المغرب الإسلامي": "al-Qaeda in the Islamic Maghreb (AQIM)",
	"الحشد الشعبي":                    "Popular Mobilization Forces (PMF)",
	"هيئة الحشد الشعبي":               "Popular Mobilization Forces (PMF)",
	"البيشمركة":                       "Peshmerga",
	"قوات البيشمركة":                  "Peshmerga",
	"حزب العمال الكردستاني":           "Kurdistan Workers' Party (PKK)",
	"الجيش السوري الحر":               "Free Syrian Army",
	"الجيش الوطني السوري":             "Syrian National Army",
	"الجيش العراقي":                   "Iraqi Army",
	"الجيش السوري":                    "Syrian Arab Army",
	"الجيش المصري":                    "Egyptian Army",
	"الجيش التركي":                    "Turkish Armed Forces",
	"الجيش الليبي":                    "Libyan National Army",
	"جهاز مكافحة الإرهاب":             "Counter Terrorism Service (Iraq)",
	"خلية الإعلام الأمني":             "Security Media Cell (Iraq)",
	"المرصد السوري لحقوق الإنسان":     "Syrian Observatory for Human Rights",
	"المرصد السوري":                   "Syrian Observatory for Human Rights",
	"بوكو حرام":                       "Boko Haram",
	"حركة الشباب":                     "al-Shabaab",
	"حركة الشباب المجاهدين":           "al-Shabaab",
	"طالبان":                          "Taliban",
	"حركة طالبان":                     "Taliban",
	"حزب الله":                        "Hezbollah",
	"أنصار بيت المقدس":                "Ansar Bayt al-Maqdis",
	"الأمم المتحدة":                   "United Nations",
	"مجلس الأمن":                      "UN Security Council",
	"الإنتربول":                       "Interpol",
	"حلف الناتو":                      "NATO",
	"حلف شمال الأطلسي":                "NATO",
	"وكالة الصحافة الفرنسية":          "Agence France-Presse (AFP)",
	"رويترز":                          "Reuters",
	"وكالة الأناضول":                  "Anadolu Agency",
	"منتدى الشرق الأوسط":              "Middle East Forum",
	"المركز الدولي لدراسة التطرف":     "International Centre for the Study of Radicalisation",
	"المركز الدولي لدراسة التطرف والعنف السياسي": "International Centre for the Study of Radicalisation",
	"ديارنا": "Diyaruna",
})

// notOrgAfter are words after which القاعدة is a base, not al-Qaeda.
var notOrgAfter = setOf("العسكريه", "الجويه", "البحريه", "الامريكيه", "الاميركيه", "الروسيه", "التركيه")

// findOrgs returns the organisations named in the text, in text order.
func findOrgs(text string, toks []token) []Organization {
	var out []Organization
	for i := 0; i < len(toks); i++ {
		if toks[i].class != 'a' {
			continue
		}
		last, name, ok := orgNames.match(text, toks, i)
		if !ok {
			continue
		}
		if name == "al-Qaeda" && last == i && i+1 < len(toks) && notOrgAfter[toks[i+1].fold] {
			continue
		}
		out = append(out, Organization{Span: Span{toks[i].start, toks[last].end}, Text: text[toks[i].start:toks[last].end], Name: name})
		i = last
	}
	return out
}
