package country

// aliases are names the ISO table misses, as the UN and OFAC lists and
// agency registries write them: demonyms, older and colloquial names, and
// short Arabic forms. Keys are matched after normalisation (case, accents,
// diacritics, punctuation and the Arabic article do not matter).
var aliases = map[string]string{
	// English short and older forms.
	"Syria": "SY", "Iran": "IR", "Turkey": "TR", "Russia": "RU",
	"Britain": "GB", "Great Britain": "GB", "UK": "GB", "England": "GB",
	"United States": "US", "USA": "US", "U.S.A.": "US", "America": "US",
	"Palestine": "PS", "Palestinian Territories": "PS", "Occupied Palestinian Territory": "PS",
	"West Bank": "PS", "Gaza": "PS", "Gaza Strip": "PS",
	"Libyan Arab Jamahiriya": "LY", "Sultanate of Oman": "OM",
	"Union of the Comoros": "KM", "Tanzania": "TZ", "Viet Nam": "VN", "Vietnam": "VN",
	"Netherlands": "NL", "Holland": "NL", "Congo": "CG",
	"Democratic Republic of the Congo": "CD", "DRC": "CD", "DR Congo": "CD",
	"North Korea": "KP", "DPRK": "KP", "RPDC": "KP", "South Korea": "KR",
	"Hong Kong Special Administrative Region":        "HK",
	"China, Hong Kong Special Administrative Region": "HK",
	"Macao Special Administrative Region":            "MO",
	"Bolivia":                                        "BO", "Venezuela": "VE", "Moldova": "MD", "Laos": "LA",
	"Ivory Coast": "CI", "Cote d'Ivoire": "CI", "Czech Republic": "CZ",
	"Burma": "MM", "Swaziland": "SZ", "Macedonia": "MK",
	"Kosovo":                 "XK", // user-assigned code, not ISO 3166-1, but OFAC and the EU use it
	"British Virgin Islands": "VG", "Emirates": "AE", "UAE": "AE",
	"KSA": "SA", "Saudi": "SA",
	// OFAC's "Surname, Given" style of country names.
	"Korea, North": "KP", "Korea, South": "KR", "Taiwan": "TW",
	"Congo, Democratic Republic of the": "CD", "Congo, Republic of the": "CG",
	"North Macedonia, The Republic of": "MK", "North Macedonia": "MK",
	"Micronesia, Federated States of": "FM", "Bahamas, The": "BS", "Gambia, The": "GM",

	// Demonyms, as nationality fields often hold them.
	"Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US",
	"Azerbaijani": "AZ", "Bahraini": "BH", "Bangladeshi": "BD", "Belgian": "BE",
	"Bosnian": "BA", "British": "GB", "Chadian": "TD", "Chechen": "RU",
	"Chinese": "CN", "Danish": "DK", "Dutch": "NL", "Egyptian": "EG",
	"Emirati": "AE", "Eritrean": "ER", "Ethiopian": "ET", "French": "FR",
	"German": "DE", "Indian": "IN", "Indonesian": "ID", "Iranian": "IR",
	"Iraqi": "IQ", "Italian": "IT", "Jordanian": "JO", "Kazakh": "KZ",
	"Kenyan": "KE", "Kuwaiti": "KW", "Kyrgyz": "KG", "Lebanese": "LB",
	"Libyan": "LY", "Malaysian": "MY", "Malian": "ML", "Mauritanian": "MR",
	"Moroccan": "MA", "Nigerian": "NG", "Nigerien": "NE", "Norwegian": "NO",
	"Omani": "OM", "Pakistani": "PK", "Palestinian": "PS", "Filipino": "PH",
	"Qatari": "QA", "Russian": "RU", "Saudi Arabian": "SA", "Senegalese": "SN",
	"Somali": "SO", "Spanish": "ES", "Sudanese": "SD", "South Sudanese": "SS",
	"Swedish": "SE", "Swiss": "CH", "Syrian": "SY", "Tajik": "TJ",
	"Tanzanian": "TZ", "Tunisian": "TN", "Turkish": "TR", "Turkmen": "TM",
	"Ugandan": "UG", "Uzbek": "UZ", "Yemeni": "YE", "Australian": "AU",
	"Canadian": "CA", "Trinidadian": "TT",

	// Arabic short forms and spellings (the generated table holds the
	// official ones, e.g. الجمهورية العربية السورية).
	"سوريا": "SY", "سورية": "SY", "سوري": "SY", "سورى": "SY",
	"العراق": "IQ", "عراقي": "IQ",
	"تركيا": "TR", "تركي": "TR", "الجمهورية التركية": "TR",
	"إيران": "IR", "ايراني": "IR",
	"السعودية": "SA", "المملكة العربية السعودية": "SA", "سعودي": "SA",
	"الأردن": "JO", "أردني": "JO", "لبنان": "LB", "لبناني": "LB",
	"فلسطين": "PS", "فلسطيني": "PS", "مصر": "EG", "مصري": "EG",
	"ليبيا": "LY", "ليبي": "LY", "تونس": "TN", "تونسي": "TN",
	"الجزائر": "DZ", "جزائري": "DZ", "المغرب": "MA", "مغربي": "MA",
	"اليمن": "YE", "يمني": "YE", "الكويت": "KW", "كويتي": "KW",
	"قطر": "QA", "قطري": "QA", "البحرين": "BH", "بحريني": "BH",
	"الإمارات": "AE", "إماراتي": "AE", "عمان": "OM", "سلطنة عمان": "OM", "عماني": "OM",
	"السودان": "SD", "سوداني": "SD", "جنوب السودان": "SS",
	"الصومال": "SO", "صومالي": "SO", "موريتانيا": "MR", "موريتاني": "MR",
	"أفغانستان": "AF", "أفغاني": "AF", "باكستان": "PK", "باكستاني": "PK",
	"روسيا": "RU", "روسي": "RU", "الشيشان": "RU", "شيشاني": "RU",
	"فرنسا": "FR", "فرنسي": "FR", "ألمانيا": "DE", "ألماني": "DE",
	"بريطانيا": "GB", "بريطاني": "GB", "المملكة المتحدة": "GB",
	"أمريكا": "US", "امريكا": "US", "الولايات المتحدة": "US", "أمريكي": "US",
	"بلجيكا": "BE", "بلجيكي": "BE", "هولندا": "NL", "السويد": "SE",
	"أوزبكستان": "UZ", "طاجيكستان": "TJ", "كازاخستان": "KZ", "أذربيجان": "AZ",
	"إندونيسيا": "ID", "ماليزيا": "MY", "الفلبين": "PH", "الصين": "CN",
	"نيجيريا": "NG", "مالي": "ML", "تشاد": "TD", "النيجر": "NE",
	"إريتريا": "ER", "إثيوبيا": "ET", "كينيا": "KE", "جيبوتي": "DJ",
}
