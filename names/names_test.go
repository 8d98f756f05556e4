package names

import (
	"strings"
	"testing"

	"github.com/athar-org/athar"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"فَاطِمَة", "فاطمه"},
		{"مـــحـمـد", "محمد"},
		{"أحمد إبراهيم آمنة", "احمد ابراهيم امنه"},
		{"مصطفى", "مصطفي"},
		{"رؤوف الطائي", "رووف الطايي"},
		{"کریم", "كريم"},
		{"١٩٨٠", "1980"},
		{"عبد\u200cالله\u200f", "عبدالله"},
		{"Ḥusayn ʿAbd al-Qādir", "husayn abd al qadir"},
		{"Sa'id  O’Neil-Ali", "said oneil ali"},
		{"ABU  BAKR,", "abu bakr"},
		{"Ibrāhīm ʿAwwād", "ibrahim awwad"},
		{"ﻣﺤﻤﺪ", "محمد"},
		{"", ""},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAnalyzeUnits(t *testing.T) {
	tests := []struct {
		in    string
		units []string // Text of each unit
		roles []Role
		kinds []UnitKind
	}{
		{"أبو بكر البغدادي", []string{"أبو بكر", "البغدادي"}, []Role{RoleKunya, RoleFamily}, []UnitKind{KindKunya, KindSimple}},
		{"Abu Bakr al-Baghdadi", []string{"Abu Bakr", "al-Baghdadi"}, []Role{RoleKunya, RoleFamily}, nil},
		{"إبراهيم عواد إبراهيم البدري", []string{"إبراهيم", "عواد", "إبراهيم", "البدري"},
			[]Role{RoleGiven, RoleFather, RoleGrandfather, RoleFamily}, nil},
		{"عبد الرحمن", []string{"عبد الرحمن"}, []Role{RoleGiven}, []UnitKind{KindAbd}},
		{"عبدالله", []string{"عبدالله"}, nil, []UnitKind{KindAbd}},
		{"Abd Allah", []string{"Abd Allah"}, nil, []UnitKind{KindAbd}},
		{"Abdul Rahman", []string{"Abdul Rahman"}, nil, []UnitKind{KindAbd}},
		{"Abderrahmane", []string{"Abderrahmane"}, nil, []UnitKind{KindAbd}},
		{"Abd al-Qadir", []string{"Abd al-Qadir"}, nil, []UnitKind{KindAbd}},
		{"نور الدين", []string{"نور الدين"}, nil, []UnitKind{KindDin}},
		{"Salah ad-Din", []string{"Salah ad-Din"}, nil, []UnitKind{KindDin}},
		{"Nasreddine", []string{"Nasreddine"}, nil, []UnitKind{KindDin}},
		{"Usama bin Muhammad bin Awad bin Ladin", []string{"Usama", "Muhammad", "Awad", "Ladin"},
			[]Role{RoleGiven, RoleFather, RoleGrandfather, RoleAncestor}, nil},
		{"الشيخ الدكتور أيمن الظواهري", []string{"أيمن", "الظواهري"}, []Role{RoleGiven, RoleFamily}, nil},
		{"Dr. Sheikh Ayman al-Zawahiri", []string{"Ayman", "al-Zawahiri"}, []Role{RoleGiven, RoleFamily}, nil},
		{"AL-BADRI, Ibrahim Awwad", []string{"Ibrahim", "Awwad", "AL-BADRI"}, []Role{RoleGiven, RoleFather, RoleFamily}, nil},
		{"Abou Moussab al-Zarqaoui", []string{"Abou Moussab", "al-Zarqaoui"}, []Role{RoleKunya, RoleFamily}, nil},
		{"M. Yusuf", []string{"M", "Yusuf"}, nil, []UnitKind{KindInitial, KindSimple}},
		{"سيف الله", []string{"سيف الله"}, nil, []UnitKind{KindAllah}},
		{"Hidayatullah Akhund", []string{"Hidayatullah", "Akhund"}, nil, []UnitKind{KindAllah, KindSimple}},
		{"Nasrallah", []string{"Nasrallah"}, nil, []UnitKind{KindAllah}},
		{"Saif al-Islam Gaddafi", []string{"Saif al-Islam", "Gaddafi"}, nil, []UnitKind{KindCompound, KindSimple}},
		{"زين العابدين بن علي", []string{"زين العابدين", "علي"}, []Role{RoleGiven, RoleFather}, []UnitKind{KindCompound, KindSimple}},
		{"Habiburrahman", []string{"Habiburrahman"}, nil, []UnitKind{KindCompound}},
		{"Saad al-Hariri", []string{"Saad", "al-Hariri"}, []Role{RoleGiven, RoleFamily}, nil},
		{"أبو عبد الله المهاجر", []string{"أبو عبد الله", "المهاجر"}, []Role{RoleKunya, RoleFamily}, []UnitKind{KindKunya}},
		{"Abu Abd al-Rahman al-Shami", []string{"Abu Abd al-Rahman", "al-Shami"}, []Role{RoleKunya, RoleFamily}, []UnitKind{KindKunya}},
		{"Ibn al-Khattab", []string{"al-Khattab"}, nil, nil},
		{"Ben Smith", []string{"Ben", "Smith"}, nil, nil},
		{`Saif al-Adel "the Egyptian"`, []string{"Saif", "al-Adel", "Egyptian"}, []Role{RoleGiven, RoleFamily, RoleLaqab}, nil},
		{"Ali Hassan al-Majid (Chemical Ali)", []string{"Ali", "Hassan", "al-Majid", "Chemical", "Ali"},
			[]Role{RoleGiven, RoleFather, RoleFamily, RoleLaqab, RoleLaqab}, nil},
		{"محمد علي الملقب بالحاج", []string{"محمد", "علي", "بالحاج"}, []Role{RoleGiven, RoleFather, RoleLaqab}, nil},
		{"Mohammed Ali known as Abu Hamza, the Cleric", []string{"Mohammed", "Ali", "Abu Hamza", "Cleric"},
			[]Role{RoleGiven, RoleFather, RoleKunya, RoleLaqab}, nil},
	}
	for _, tt := range tests {
		n := Analyze(tt.in)
		var got []string
		for _, u := range n.Units {
			got = append(got, u.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.units, "|") {
			t.Errorf("Analyze(%q) units = %q, want %q", tt.in, got, tt.units)
			continue
		}
		for i, r := range tt.roles {
			if n.Units[i].Role != r {
				t.Errorf("Analyze(%q) unit %q role = %v, want %v", tt.in, n.Units[i].Text, n.Units[i].Role, r)
			}
		}
		for i, k := range tt.kinds {
			if n.Units[i].Kind != k {
				t.Errorf("Analyze(%q) unit %q kind = %v, want %v", tt.in, n.Units[i].Text, n.Units[i].Kind, k)
			}
		}
	}
}

func TestAnalyzeTitles(t *testing.T) {
	n := Analyze("الشيخ الدكتور أيمن الظواهري")
	if strings.Join(n.Titles, ",") != "الشيخ,الدكتور" {
		t.Errorf("titles = %q", n.Titles)
	}
	// A title word alone is the name, not a title.
	if n := Analyze("Imam"); len(n.Units) != 1 {
		t.Errorf("Analyze(Imam) gave %d units, want 1", len(n.Units))
	}
}

func TestAnalyzeParts(t *testing.T) {
	n := AnalyzeParts(athar.NameParts{Given: "إبراهيم", Father: "عواد", Grandfather: "إبراهيم", Family: "البدري", Kunya: "أبو بكر"})
	want := []Role{RoleGiven, RoleFather, RoleGrandfather, RoleFamily, RoleKunya}
	if len(n.Units) != len(want) {
		t.Fatalf("units = %d, want %d", len(n.Units), len(want))
	}
	for i, r := range want {
		if n.Units[i].Role != r {
			t.Errorf("unit %q role = %v, want %v", n.Units[i].Text, n.Units[i].Role, r)
		}
	}
	m := Compare(&n, ptr(Analyze("Ibrahim Awad Ibrahim al-Badri")), nil)
	if m.Score < StrongMatch {
		t.Errorf("parts vs full name score = %.3f, want >= %.2f", m.Score, StrongMatch)
	}
}

func ptr[T any](v T) *T { return &v }

// The targets.
func TestCompareTargets(t *testing.T) {
	strong := [][2]string{
		{"أبو بكر البغدادي", "Abu Bakr al-Baghdadi"},
		{"Muhammad Yusuf", "Mohamed Youssef"},
		{"Osama bin Laden", "Usama bin Ladin"},
		{"عبد الرحمن", "Abderrahmane"},
		{"Qasim", "Gasim"},
		{"فاطمة", "فاطمه"},
		{"محمد", "Mohamed"},
		{"محمد", "Muhammad"},
		{"عبد القادر", "Abdelkader"},
		{"عبد القادر", "ʿAbd al-Qādir"},
		{"Abdulaziz", "Abd al-Aziz"},
		{"عبدالله", "Abdallah"},
		{"Abdullah", "Abd Allah"},
		{"جمال", "Djamel"},
		{"جمال", "Gamal"},
		{"ولد", "Ould"},
		{"نور الدين", "Nureddin"},
		{"صلاح الدين", "Salah ad-Din"},
		{"أسامة بن لادن", "Osama bin Laden"},
		{"إبراهيم عواد إبراهيم البدري", "Ibrahim Awwad Ibrahim al-Badri"},
		{"أبو مصعب الزرقاوي", "Abou Moussab al-Zarqaoui"},
		{"خالد", "Khaled"},
		{"يوسف", "Youssef"},
		{"عثمان", "Othman"},
		{"حسين", "Hussein"},
		{"Hussein", "Husayn"},
		{"هداية الله", "Hidayatullah"},
		{"فتحي", "Fathi"},
		{"إسحاق", "Ishaq"},
		{"فيصل", "Faycal"},
		{"فضل", "Fazal"},
		{"الأزهر", "al-Azhar"},
		{"ملا محمد عمر", "Mullah Mohammed Omar"},
		{"Умаров Доку Хаматович", "DOKU KHAMATOVICH UMAROV"},
		{"Магомед", "Magomed"},
		{"سيف الإسلام القذافي", "Saif al-Islam Gaddafi"},
		{"عزيز الرحمن", "Azizurrahman"},
		{"أبو عبد الله المهاجر", "Abu Abdullah al-Muhajir"},
		{"Md. Rahim", "محمد رحيم"},
		{"Ibn al-Khattab", "ابن الخطاب"},
		{"Mohd Yusof", "Muhammad Yusuf"},
		{"أبو عبد الرحمن الشامي", "Abu Abd al-Rahman al-Shami"},
	}
	for _, p := range strong {
		a, b := Analyze(p[0]), Analyze(p[1])
		if s := Score(&a, &b, nil); s < StrongMatch {
			m := Compare(&a, &b, nil)
			t.Errorf("Score(%q, %q) = %.3f, want >= %.2f (%+v)", p[0], p[1], s, StrongMatch, m)
		}
	}
	weak := [][2]string{
		{"عمر", "زيد"},
		{"Hassan", "Hussein"},
		{"حسن", "Hussein"},
		{"Karim", "Kamal"},
		{"أبو بكر", "أم بكر"},
		{"أبو عبد الله", "أبو عبد الرحمن"},
	}
	for _, p := range weak {
		a, b := Analyze(p[0]), Analyze(p[1])
		if s := Score(&a, &b, nil); s >= 0.75 {
			t.Errorf("Score(%q, %q) = %.3f, want < 0.75", p[0], p[1], s)
		}
	}
}

func TestCompareOrder(t *testing.T) {
	// The same words, but the father and grandfather swapped: weaker than
	// the same chain.
	a := Analyze("أحمد علي حسين")
	same := Analyze("أحمد علي حسين")
	swapped := Analyze("أحمد حسين علي")
	s1, s2 := Score(&a, &same, nil), Score(&a, &swapped, nil)
	if s2 >= s1 {
		t.Errorf("swapped chain scores %.3f, same chain %.3f: want lower", s2, s1)
	}
	// A longer name that holds the shorter one loses less than a name
	// whose extra unit conflicts.
	short := Analyze("Ahmad Ali")
	longer := Analyze("Ahmad Ali Hussein")
	s3 := Score(&short, &longer, nil)
	other := Analyze("Ahmad Ali")
	conflict := Analyze("Ahmad Karim")
	if s3 <= Score(&other, &conflict, nil) {
		t.Errorf("extra unit scored %.3f, not above a conflict", s3)
	}
}

func TestCompareExplanation(t *testing.T) {
	a, b := Analyze("Usama bin Muhammad bin Awad bin Ladin"), Analyze("أسامة بن لادن")
	m := Compare(&a, &b, DefaultFrequencies())
	if len(m.Pairs) != 2 || len(m.LeftA) != 2 || len(m.LeftB) != 0 {
		t.Fatalf("pairs %+v, left %v %v", m.Pairs, m.LeftA, m.LeftB)
	}
	for _, p := range m.Pairs {
		if p.How != HowCrossScript {
			t.Errorf("pair %+v: how = %v, want cross-script", p, p.How)
		}
	}
	if s := Score(&a, &b, DefaultFrequencies()); s != m.Score {
		t.Errorf("Score = %v, Compare = %v", s, m.Score)
	}
}

func TestKeysShared(t *testing.T) {
	sets := [][]string{
		{"محمد", "Muhammad", "Mohamed", "Mohammed", "Mohamad"},
		{"عبد الرحمن", "Abderrahmane", "Abdul Rahman", "Abdurrahman", "Abd al-Rahman"},
		{"قاسم", "Qasim", "Gasim", "Kassem"},
		{"يوسف", "Yusuf", "Youssef", "Yousef"},
		{"البغدادي", "al-Baghdadi", "Baghdadi"},
		{"جمال", "Jamal", "Djamel", "Gamal"},
		{"Mohammed", "Mohanmed"},
	}
	for _, set := range sets {
		first := Analyze(set[0])
		for _, s := range set[1:] {
			n := Analyze(s)
			if !shareKey(first.Units[0].Keys, n.Units[0].Keys) {
				t.Errorf("%q %v and %q %v share no key", set[0], first.Units[0].Keys, s, n.Units[0].Keys)
			}
		}
	}
}

func shareKey(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func TestFrequencies(t *testing.T) {
	f := NewFrequencies()
	for range 100 {
		n := Analyze("محمد")
		f.AddName(&n)
	}
	rare := Analyze("Zawahiri")
	f.AddName(&rare)
	common := Analyze("Mohamed")
	if wc, wr := f.Weight(&common.Units[0]), f.Weight(&rare.Units[0]); wc >= wr {
		t.Errorf("weight of Mohamed %.2f, of Zawahiri %.2f: want common lower", wc, wr)
	}
	d := DefaultFrequencies()
	if d.Len() == 0 {
		t.Fatal("shipped frequency table is empty")
	}
}

func TestCompareJoined(t *testing.T) {
	tests := []struct {
		a, b         string
		joinA, joinB bool
	}{
		{"Ahmad Jan Akhundzada", "احمد جان آخوند زاده", false, true},
		{"آخوند زاده", "Akhundzada", true, false},
		{"ولی جان", "Walijan", true, false},
	}
	for _, tt := range tests {
		a, b := Analyze(tt.a), Analyze(tt.b)
		m := Compare(&a, &b, nil)
		found := false
		for _, p := range m.Pairs {
			if p.JoinA == tt.joinA && p.JoinB == tt.joinB && (p.JoinA || p.JoinB) {
				found = true
			}
		}
		if !found || len(m.LeftA)+len(m.LeftB) > 0 {
			t.Errorf("Compare(%q, %q) = %+v, want a joined pair and nothing left", tt.a, tt.b, m)
		}
		if s := Score(&a, &b, nil); s != m.Score {
			t.Errorf("Score %v != Compare %v", s, m.Score)
		}
	}
}

func TestKnownDistinct(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Hassan", "Hussein", true},
		{"Hassan", "حسين", true},
		{"Mahmoud", "محمد", true},
		{"Muhammad", "محمد", false},
		{"Hussein", "حسين", false},
		{"Hamid", "حامد", false}, // Hamid is حامد or حميد
		{"Salim", "Salem", false},
		{"حسن", "حسين", true},
		{"محمد", "محمود", true},
		{"فاطمة", "فاطمه", false}, // one name, folded by normalisation
		{"محمد", "مممد", false},   // a typo is no name of its own
		{"Zzyzx", "حسن", false},
	}
	for _, tt := range tests {
		a, b := Analyze(tt.a), Analyze(tt.b)
		if got := KnownDistinct(&a.Units[0], &b.Units[0]); got != tt.want {
			t.Errorf("KnownDistinct(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestMisspelt(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Ghazl", "Ghazi", true},      // replaced
		{"Hukssain", "Hussain", true}, // added
		{"Ilmaz", "Yilmaz", true},     // left out
		{"Ail", "Ali", true},          // swapped
		{"بلل", "بلال", true},
		{"حامد", "حماد", true}, // a keystroke apart; whether a slip is the caller's call
		{"Ghazi", "Ghazi", false},
		{"Murad", "Mourad", true},
		{"Murad", "Mouradi", false}, // two keystrokes
		{"Li", "Lia", false},        // too short to tell
		{"Ghazi", "غازي", false},    // two scripts
		{"Abdul Rahman", "Abdul Rahmen", false},
	}
	for _, tt := range tests {
		a, b := Analyze(tt.a), Analyze(tt.b)
		if got := Misspelt(&a.Units[0], &b.Units[0]); got != tt.want {
			t.Errorf("Misspelt(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// A compound split over two fields meets the compound: by a key, and in
// the comparison by reading the two fields as one word.
func TestSplitCompound(t *testing.T) {
	a := AnalyzeParts(athar.NameParts{Given: "ABDUL", Father: "RAHMAN", Family: "AL-DULAIMI"})
	b := Analyze("عبد الرحمن الدليمي")
	if !shareKey(a.Units[1].Keys, b.Units[0].Keys) {
		t.Errorf("RAHMAN %v and عبد الرحمن %v share no key", a.Units[1].Keys, b.Units[0].Keys)
	}
	if s := Score(&a, &b, nil); s < StrongMatch {
		t.Errorf("score %.3f, want >= %.2f: %+v", s, StrongMatch, Compare(&a, &b, nil))
	}
}

// A Somali spelling weighs as the name it reads as: Maxamed is as common
// as Mohamed; Camara is no Somali spelling.
func TestSomaliWeight(t *testing.T) {
	f := DefaultFrequencies()
	w := func(s string) float64 { a := Analyze(s); return f.Weight(&a.Units[0]) }
	if a, b := w("Maxamed"), w("Mohamed"); a > b+0.01 {
		t.Errorf("Maxamed weighs %.1f bits, Mohamed %.1f", a, b)
	}
	if a, b := w("Cismaan"), w("Osman"); a > b+2 {
		t.Errorf("Cismaan weighs %.1f bits, Osman %.1f", a, b)
	}
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"maxamed", "mahamed", true},
		{"xasan", "hasan", true},
		{"cismaan", "isman", true},
		{"camara", "", false},
		{"alexander", "alehander", true}, // read so, but the reading is no commoner: no change
	}
	for _, tt := range tests {
		if got, ok := somaliReading(tt.in); got != tt.want || ok != tt.ok {
			t.Errorf("somaliReading(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
