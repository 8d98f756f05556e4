package un

import (
	"slices"
	"testing"
)

func TestSplitNames(t *testing.T) {
	tests := []struct {
		in    string
		org   bool
		names []string
		note  string // note of the first name
	}{
		{"أبو بكر البغدادي الحسيني القريشي (Abu Bakr al-Baghdadi al-Husayni al-Quraishi; Abu Bakr al-Baghdadi)", false,
			[]string{"أبو بكر البغدادي الحسيني القريشي", "Abu Bakr al-Baghdadi al-Husayni al-Quraishi", "Abu Bakr al-Baghdadi"}, ""},
		{"Azim Adhajani; Azim Agha-Jani", false, []string{"Azim Adhajani", "Azim Agha-Jani"}, ""},
		{"Jin Tiesan (金铁三)", false, []string{"Jin Tiesan", "金铁三"}, ""},
		{"Akrin Saleh Akrin (أقرين صالح أقرين)", false, []string{"Akrin Saleh Akrin", "أقرين صالح أقرين"}, ""},
		{"حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)", false, []string{"حسن غول", "Hassan Ghul", "Hassan Gul", "Hasan Gul"}, ""},
		{"Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet; M. Jawad Karimi Sabet", false,
			[]string{"Mohammed Sabet", "Mohammad Sabet", "M. Javad Kareemi Sabet", "M. Jawad Karimi Sabet"}, ""},
		{"Agha Jan Alizai اغا جان عالیزی", false, []string{"Agha Jan Alizai", "اغا جان عالیزی"}, ""},
		{"Ezatullah Haqqani (previously listed as)", false, []string{"Ezatullah Haqqani"}, "previously listed as"},
		{"EL PARA (COMBAT NAME)", false, []string{"EL PARA"}, "COMBAT NAME"},
		{"Safia Farkash Mohammed Al-Hadad, born 1 Jan. 1953 (Oman passport no.03825239)", false,
			[]string{"Safia Farkash Mohammed Al-Hadad"}, "born 1 Jan. 1953 (Oman passport no.03825239)"},
		{"Akhter Mohmad son of Noor Mohmad (اختر محمد ولد نور محمد ), ", false,
			[]string{"Akhter Mohmad son of Noor Mohmad", "اختر محمد ولد نور محمد"}, ""},
		{"Amir Khazmat (original script: Амир Хазмат)", false, []string{"Amir Khazmat", "Амир Хазмат"}, ""},
		{"ኤርሚኣስ ግርማይ (Tigrinya)", false, []string{"ኤርሚኣስ ግርማይ"}, "Tigrinya"},
		{"Abdel Ilah Sabri (false identity related to fraudulent South African identification number 6910275240086)", false,
			[]string{"Abdel Ilah Sabri"}, "false identity related to fraudulent South African identification number 6910275240086"},
		{"(Sheikh) Musa Hilal", false, []string{"Musa Hilal"}, "Sheikh"},
		{"Hay’at Tahrir al-Sham (HTS) (هيئة تحرير الشام (original script); Hayat Tahrir al-Sham)", true,
			[]string{"Hay’at Tahrir al-Sham", "HTS", "هيئة تحرير الشام", "Hayat Tahrir al-Sham"}, "HTS"},
		{"شبكة أنصار المجاهدين (Ansar al-Mujahideen Network - sub-unit name)", true,
			[]string{"شبكة أنصار المجاهدين", "Ansar al-Mujahideen Network"}, ""},
		{"AL-HARAMAIN FOUNDATION (KENYA)", true, []string{"AL-HARAMAIN FOUNDATION"}, "KENYA"},
		{"SECOND ACADEMY OF NATURAL SCIENCES (KPE.018)", true, []string{"SECOND ACADEMY OF NATURAL SCIENCES"}, "KPE.018"},
		{"華信船務(香港)有限公司", true, []string{"華信船務(香港)有限公司"}, ""},
		{"  ", false, nil, ""},
		{"a (b; (c)) d) e(", false, []string{"a", "e", "b", "c"}, ""}, // "d)" reads as an enumeration mark
	}
	for _, tt := range tests {
		got := splitNames(tt.in, tt.org)
		var names []string
		for _, n := range got {
			names = append(names, n.Full)
		}
		if !slices.Equal(names, tt.names) {
			t.Errorf("splitNames(%q) = %q, want %q", tt.in, names, tt.names)
			continue
		}
		if len(got) > 0 && got[0].Note != tt.note {
			t.Errorf("splitNames(%q) note = %q, want %q", tt.in, got[0].Note, tt.note)
		}
	}
}

func TestNamesInNote(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"born in 1971 in Samarra, Iraq (Ibrahim ‘Awad Ibrahim al-Badri\nal-Samarrai; Ibrahim ‘Awad Ibrahim al-Samarra’i)",
			[]string{"Ibrahim ‘Awad Ibrahim al-Badri al-Samarrai", "Ibrahim ‘Awad Ibrahim al-Samarra’i"}},
		{"(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre", []string{"Abu Du’a", "Abu Duaa’"}},
		{"DOB: 11 Apr. 1963. POB: Monufia Governorate, Egypt. Nationality: Egypt. In Arabic: سيف العدل", []string{"سيف العدل"}},
		{"previously listed as, in Arabic: مرعي زغبي", []string{"مرعي زغبي"}},
		{"in Arabic script: شركة الكوثر", []string{"شركة الكوثر"}},
		{"original script: Абу Банат", []string{"Абу Банат"}},
		{"Yunis al-Mauritani; Younis al-Mauritani; Sheikh Yunis al-Mauritani", []string{"Yunis al-Mauritani", "Younis al-Mauritani", "Sheikh Yunis al-Mauritani"}},
		// Not names: a country, a date, passport details.
		{"in Baghdad, Iraq (DPOB - 1970) - Passport No. 284158, expires 21 August 2005 (Iraq)", nil},
		{"Passport number: B0515260; DOB: 1948; POB: Anefif (Kidal), Mali", nil},
		{"previously listed as", nil},
		{"In Arabic: Sayf al-Adl", nil}, // Latin after "In Arabic:" is no Arabic name
	}
	for _, tt := range tests {
		if got := namesInNote(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("namesInNote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDeceased(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Killed in October 2019 during a counterterrorism operation.", true},
		{"Leader of ISIL. Reportedly killed in August 2016 in air strike near al-Bab, Syria.", true},
		{"Reportedly deceased as of 24 February 2013.", true},
		{"Confirmed to have died on 30 Sep. 2011.", true},
		{"Believed status/location: deceased.", true},
		{"As of February 2020, reportedly killed in a counterterrorism operation in Yemen.", true},
		{"In December 2020, Bi Sidi Souleman was reportedly killed during fighting.", true},
		{"2019.Reportedly deceased in February 2019.", true},
		// Someone else's death, or none.
		{"Security coordinator for Usama bin Laden (deceased).", false},
		{"Associated with Abdelmalek Droukdel (QDi.232, reported deceased in June 2020).", false},
		{"Sentenced to death by the Indonesian Supreme Court.", false},
		{"He usurped the identity of Abid Hammadou, who allegedly died in Chad in 2004.", false},
		{"3R killed 34 unarmed civilians in three villages.", false},
		{"Following the death of former TTP leader Maulana Fazlullah (QDi.352).", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := deceased(tt.in); got != tt.want {
			t.Errorf("deceased(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNumberIn(t *testing.T) {
	tests := map[string]string{
		"Afghan national identification card (tazkira) number 44323": "44323",
		"05258253": "05258253",
		"Tunisian passport number L 191609 issued on 28 Feb. 1996": "L 191609",
		"Italian Fiscal Code: DAOMMD74T11Z352Z":                    "DAOMMD74T11Z352Z",
		"04643632 issued on 18 Jun. 1999":                          "04643632",
		"Counterfeit Danish driving licence number 20645897":       "20645897",
		"issued under name Muhammad Jamal Abd-Al Rahim Al-Kashif":  "",
		"Ration card number:":                                      "",
	}
	for in, want := range tests {
		if got := numberIn(in); got != want {
			t.Errorf("numberIn(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHijriToGregorianYear(t *testing.T) {
	tests := []struct{ y, m, want int }{{1402, 6, 1982}, {1390, 6, 1970}, {1445, 1, 2023}, {1400, 13, 1980}}
	for _, tt := range tests {
		if got := hijriToGregorianYear(tt.y, tt.m); got != tt.want {
			t.Errorf("hijriToGregorianYear(%d, %d) = %d, want %d", tt.y, tt.m, got, tt.want)
		}
	}
}

func TestUnquote(t *testing.T) {
	tests := map[string]string{
		"“Chief Kahwa”":    "Chief Kahwa",
		`"HASSAN, Sheikh"`: "HASSAN, Sheikh",
		"‘Abd al-Rahman":   "‘Abd al-Rahman",
		"“General” Sidiki": "“General” Sidiki",
		`"`:                `"`,
		"Abu al-Wafa’":     "Abu al-Wafa’",
	}
	for in, want := range tests {
		if got := unquote(in); got != want {
			t.Errorf("unquote(%q) = %q, want %q", in, got, want)
		}
	}
}
