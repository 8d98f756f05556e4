package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/athar-org/athar/geo"
)

// Romanize gives an Arabic personal name a readable Latin form for output:
// common given names and name words from a table, other words letter by
// letter (long vowels written, short vowels guessed), the article as al-.
// It is for display only; matching uses the names package.
func Romanize(name string) string {
	words := strings.Fields(geo.Fold(name))
	out := make([]string, 0, len(words))
	for _, w := range words {
		if w == "" {
			continue
		}
		if r, ok := knownWords[w]; ok {
			out = append(out, r)
			continue
		}
		if utf8.RuneLen([]rune(w)[0]) == 1 { // Latin or digits: keep
			out = append(out, w)
			continue
		}
		if strings.HasPrefix(w, "ال") && len(w) > 6 {
			rest := w[4:]
			if r, ok := knownWords[rest]; ok {
				out = append(out, "al-"+r)
			} else {
				out = append(out, "al-"+capitalize(romanWord(rest)))
			}
			continue
		}
		if strings.HasPrefix(w, "ابو") && len(w) > 8 { // a glued kunya: أبورغيف
			out = append(out, "Abu", capitalize(romanWord(w[6:])))
			continue
		}
		out = append(out, capitalize(romanWord(w)))
	}
	return strings.Join(out, " ")
}

func capitalize(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
		}
	}
	return s
}

var letters = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh", 'ر': "r",
	'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "'", 'غ': "gh",
	'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'ء': "'", 'پ': "p", 'چ': "ch",
	'ڤ': "v", 'گ': "g",
}

// romanWord spells one folded word: ا as a, و and ي as vowels between
// consonants and as w and y elsewhere, a between two consonants inside the
// word (Arabic writes no short vowels), تش as ch.
func romanWord(w string) string {
	rs := []rune(w)
	// A word with many long-vowel letters is a foreign name spelt out
	// (أريستيدو): its consonant clusters are real, no a goes between.
	longV := 0
	for _, r := range rs {
		if r == 'ا' || r == 'و' || r == 'ي' {
			longV++
		}
	}
	foreign := len(rs) >= 5 && longV*5 >= len(rs)*2
	var b strings.Builder
	vowel := func(r rune) bool { return r == 'ا' || r == 'و' || r == 'ي' }
	prevCons := false
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		last := i == len(rs)-1
		switch {
		case r == 'ا':
			b.WriteString("a")
			prevCons = false
		case r == 'و':
			if i == 0 || (i > 0 && vowel(rs[i-1]) && !last) {
				b.WriteString("w")
				prevCons = true
				continue
			}
			if last {
				b.WriteString("o")
			} else {
				b.WriteString("u")
			}
			prevCons = false
		case r == 'ي':
			if i == 0 || (i > 0 && vowel(rs[i-1]) && !last) {
				b.WriteString("y")
				prevCons = true
				continue
			}
			b.WriteString("i")
			prevCons = false
		case r == 'ه' && last:
			b.WriteString("a") // ta marbuta, folded to ه
			prevCons = false
		case r == 'ع' && i == 0:
			if i+1 < len(rs) && !vowel(rs[i+1]) {
				b.WriteString("a") // العرب al-Arab, العمور al-Amur: its vowel, unwritten
			}
			prevCons = false
		default:
			s, ok := letters[r]
			if !ok {
				continue
			}
			if r == 'ت' && i+1 < len(rs) && rs[i+1] == 'ش' {
				s = "ch"
				i++
			}
			// Two consonants inside a word: guess a short a between them,
			// except for the clusters foreign names start with (ستيفان).
			if prevCons && !foreign && (i > 1 || !foreignStart[string(rs[:2])]) {
				b.WriteString("a")
			}
			b.WriteString(s)
			prevCons = true
		}
	}
	return b.String()
}

// foreignStart are two-letter clusters that begin foreign names (ستيفان,
// كريستوفر, برايان), never Arabic ones.
var foreignStart = setOf("ست", "سك", "سب", "بر", "كر", "تر", "فر", "بل", "كل", "فل", "غر", "در", "سل", "سم", "سن", "شت")

// knownWords are name words whose letter-by-letter reading is poor: the
// usual English spelling of common given names and name particles.
var knownWords = func() map[string]string {
	raw := map[string]string{
		"أبو": "Abu", "ابو": "Abu", "أبي": "Abi", "أبا": "Aba", "أم": "Umm", "بن": "bin", "ابن": "ibn", "بنت": "bint",
		"عبد": "Abd", "محمد": "Muhammad", "أحمد": "Ahmad", "محمود": "Mahmud", "مصطفى": "Mustafa", "علي": "Ali",
		"حسن": "Hasan", "حسين": "Husayn", "عمر": "Umar", "عثمان": "Uthman", "إبراهيم": "Ibrahim", "إسماعيل": "Ismail",
		"يوسف": "Yusuf", "يعقوب": "Yaqub", "موسى": "Musa", "عيسى": "Isa", "داود": "Dawud", "سليمان": "Sulayman",
		"خالد": "Khalid", "خليل": "Khalil", "سعيد": "Said", "سعد": "Saad", "صالح": "Salih", "صلاح": "Salah",
		"طارق": "Tariq", "زياد": "Ziyad", "فيصل": "Faysal", "فهد": "Fahd", "فاضل": "Fadil", "عادل": "Adil",
		"جمال": "Jamal", "كمال": "Kamal", "نبيل": "Nabil", "نادر": "Nadir", "ماجد": "Majid", "رامي": "Rami",
		"سامي": "Sami", "هاني": "Hani", "وليد": "Walid", "فراس": "Firas", "باسل": "Basil", "بشار": "Bashar",
		"بشير": "Bashir", "منير": "Munir", "سمير": "Samir", "كريم": "Karim", "عبدالله": "Abdallah",
		"عبدالرحمن": "Abd al-Rahman", "حامد": "Hamid", "حمد": "Hamad", "حمزة": "Hamza", "جعفر": "Jafar",
		"قاسم": "Qasim", "هاشم": "Hashim", "عباس": "Abbas", "مهدي": "Mahdi", "ناصر": "Nasir", "منصور": "Mansur",
		"مالك": "Malik", "أنس": "Anas", "بكر": "Bakr", "زيد": "Zayd", "عمار": "Ammar", "ياسر": "Yasir",
		"ياسين": "Yasin", "سلمان": "Salman", "شاكر": "Shakir", "أيمن": "Ayman", "أسامة": "Usama", "معاذ": "Muadh",
		"بلال": "Bilal", "حذيفة": "Hudhayfa", "سفيان": "Sufyan", "مصعب": "Musab", "عمرو": "Amr", "هادي": "Hadi",
		"رشيد": "Rashid", "راشد": "Rashid", "نايف": "Nayif", "سلطان": "Sultan", "عصام": "Isam", "معتز": "Mutazz",
		"غازي": "Ghazi", "شريف": "Sharif", "جميل": "Jamil", "ربيع": "Rabi", "سالم": "Salim", "مسلم": "Muslim",
		"الله": "Allah", "الرحمن": "al-Rahman", "الدين": "al-Din", "كامل": "Kamil", "عزيز": "Aziz", "نور": "Nur",
		"بكري": "Bakri", "تشارلي": "Charlie", "ستيفان": "Stefan", "جون": "John", "ديفيد": "David", "مايكل": "Michael",
		"جورج": "George", "جيمس": "James", "حجي": "Hajji", "حاجي": "Hajji", "طه": "Taha", "الحميد": "al-Hamid", "البغدادي": "al-Baghdadi",
		"المصري": "al-Masri", "القرشي": "al-Qurashi", "الهاشمي": "al-Hashimi", "العدناني": "al-Adnani",
		"الأنصاري": "al-Ansari", "الشيشاني": "al-Shishani", "التونسي": "al-Tunisi", "الليبي": "al-Libi",
		"العراقي": "al-Iraqi", "السوري": "al-Suri", "الأردني": "al-Urduni", "المهاجر": "al-Muhajir",
		"وينتر": "Winter", "أبوبكر": "Abu Bakr", "محيي": "Muhyi", "رغيف": "Raghif", "البدري": "al-Badri",
		"الطائي": "al-Tai", "التميمي": "al-Tamimi", "الفيلي": "al-Fayli", "مزلوم": "Mazloum", "عبدي": "Abdi",
		"ولد": "Ould", "بالي": "Bali", "هشام": "Hisham", "حسام": "Husam", "عماد": "Imad", "وسام": "Wisam",
		"الحلبي": "al-Halabi", "يحيى": "Yahya", "عواد": "Awwad", "إياد": "Iyad",
	}
	m := make(map[string]string, len(raw))
	for k, v := range raw {
		m[geo.Fold(k)] = v
	}
	return m
}()
