package names

// The phonetic code is the shared representation both scripts map into.
// One byte a sound:
//
//	a e i o u  short vowels (Latin letters; Arabic initial alef)
//	A          long a (Arabic medial alef, ى, Latin aa)
//	U I        Latin ou/oo/uu and ee/ii: long vowels that Arabic may or may not write
//	H          Latin final h after a vowel: ة or a real ح/ه
//	K          Latin c before a, o, u or a consonant: k, or s in French (Faycal)
//	w y        و and ي, Latin w, y, ou, oo, ee, and i/y after a vowel
//	E          ayn (ع); Latin rarely writes it
//	b f v t d s z r l m n k q g j h x
//	C          ث (th)     D ذ (dh)      S ش (sh, ch)     G غ (gh)
//
//	c p T Z X  the Arabic letters ص ض ط ظ ح, which Latin writes as s d t z h:
//	           the same as their plain partners across scripts, different
//	           letters within Arabic
//
// Doubled letters collapse.

// arabicPhon maps an Arabic letter (after light folding) to its code.
var arabicPhon = func() (t [256]byte) {
	for r, c := range arabicPhonMap {
		t[r-0x0600] = c
	}
	return t
}()

var arabicPhonMap = map[rune]byte{
	'ا': 'A', 'ب': 'b', 'ت': 't', 'ث': 'C', 'ج': 'j', 'ح': 'h', 'خ': 'x',
	'د': 'd', 'ذ': 'D', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'S', 'ص': 'c',
	'ض': 'p', 'ط': 'T', 'ظ': 'Z', 'ع': 'E', 'غ': 'G', 'ف': 'f', 'ق': 'q',
	'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'w', 'ي': 'y',
	'ى': 'A', 'ة': 'a', 'پ': 'b', 'چ': 'S', 'ژ': 'j', 'گ': 'g', 'ڤ': 'v',
	'ڨ': 'g', 'ڭ': 'g',
	// Pashto letters, in Afghan names on the lists.
	'ځ': 'z', 'څ': 's', 'ډ': 'd', 'ړ': 'r', 'ږ': 'j', 'ښ': 'S', 'ګ': 'g',
	'ڼ': 'n', 'ټ': 't',
}

// appendPhon appends b to dst unless it repeats the last code.
func appendPhon(dst []byte, b byte) []byte {
	if n := len(dst); n > 0 && dst[n-1] == b {
		return dst
	}
	return append(dst, b)
}

// phonArabic encodes one Arabic word (lightly normalised).
func phonArabic(dst []byte, w string) []byte {
	first := true
	start := len(dst)
	prevT := false
	for i, r := range w {
		if r < 0x0600 || r > 0x06FF {
			continue
		}
		c := arabicPhon[r-0x0600]
		if c == 0 {
			continue
		}
		// تش writes the ch of foreign names: one sound, as Latin ch.
		if r == 'ش' && prevT {
			dst[len(dst)-1] = 'S'
			prevT = false
			continue
		}
		prevT = r == 'ت'

		if first && c == 'A' {
			c = 'a' // initial alef carries a hamza with any vowel: أحمد إبراهيم أسامة
		}
		// Final ه after a consonant is usually a feminine -a (فاطمه), but not in
		// الله, طه, عبده: keep h when the word is short or ends in له.
		if r == 'ه' && i+len("ه") == len(w) && len(dst)-start >= 3 && dst[len(dst)-1] != 'l' {
			c = 'a'
		}
		first = false
		dst = appendPhon(dst, c)
	}
	return dst
}

func isVowelByte(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

// phonLatin encodes one Latin word (normalised: lower case a–z).
func phonLatin(dst []byte, w string) []byte {
	start := len(dst)
	n := len(w)
	at := func(i int) byte {
		if i < n && i >= 0 {
			return w[i]
		}
		return 0
	}
	for i := 0; i < n; i++ {
		c := w[i]
		if c < 'a' || c > 'z' {
			continue
		}
		next := at(i + 1)
		prevVowel := len(dst) > start && isVowelByte(dst[len(dst)-1])
		switch c {
		case 's':
			if next == 'c' && at(i+2) == 'h' {
				dst = appendPhon(dst, 'S')
				i += 2
				continue
			}
			if next == 'h' {
				dst = appendPhon(dst, 'S')
				i++
				continue
			}
			dst = appendPhon(dst, 's')
		case 'c':
			switch {
			case next == 'h':
				dst = appendPhon(dst, 'S')
				i++
			case next == 'k' || next == 'q':
				dst = appendPhon(dst, 'k')
				i++
			case next == 'e' || next == 'i' || next == 'y':
				dst = appendPhon(dst, 's')
			default:
				// k in English, but s in French spellings without the
				// cedilla (Faycal, فيصل): K, between the two.
				dst = appendPhon(dst, 'K')
			}
		case 'k':
			if next == 'h' {
				dst = appendPhon(dst, 'x')
				i++
				continue
			}
			dst = appendPhon(dst, 'k')
		case 'g':
			if next == 'h' {
				dst = appendPhon(dst, 'G')
				i++
				continue
			}
			dst = appendPhon(dst, 'g')
		case 't':
			if next == 'h' {
				dst = appendPhon(dst, 'C')
				i++
				continue
			}
			if next == 'c' && at(i+2) == 'h' {
				dst = appendPhon(dst, 'S')
				i += 2
				continue
			}
			dst = appendPhon(dst, 't')
		case 'd':
			if next == 'h' {
				dst = appendPhon(dst, 'D')
				i++
				continue
			}
			if next == 'j' {
				dst = appendPhon(dst, 'j')
				i++
				continue
			}
			dst = appendPhon(dst, 'd')
		case 'p':
			if next == 'h' {
				dst = appendPhon(dst, 'f')
				i++
				continue
			}
			dst = appendPhon(dst, 'b')
		case 'z':
			// zh is z+h in Arabic names (Azhar, الأزهر), not the zh of Zhukov.
			dst = appendPhon(dst, 'z')
		case 'x':
			dst = appendPhon(dst, 'k')
			dst = appendPhon(dst, 's')
		case 'h':
			// Final h after a vowel is ta marbuta (Fatimah) or a real ح/ه
			// (Salah): a soft h, cheap to lose.
			if i == n-1 && prevVowel && len(dst)-start > 2 {
				dst = appendPhon(dst, 'H')
				continue
			}
			dst = appendPhon(dst, 'h')
		case 'a':
			if next == 'a' {
				dst = appendPhon(dst, 'A')
				i++
				continue
			}
			dst = appendPhon(dst, 'a')
		case 'o':
			if next == 'u' || next == 'o' {
				// French ou: a consonant before a vowel (Oualid), else a long u.
				if isVowelByte(at(i + 2)) {
					dst = appendPhon(dst, 'w')
				} else {
					dst = appendPhon(dst, 'U')
				}
				i++
				continue
			}
			dst = appendPhon(dst, 'o')
		case 'u':
			if next == 'u' {
				dst = appendPhon(dst, 'U')
				i++
				continue
			}
			dst = appendPhon(dst, 'u')
		case 'e':
			if next == 'e' {
				dst = appendPhon(dst, 'I')
				i++
				continue
			}
			if prevVowel && len(dst)-start > 0 {
				dst = appendPhon(dst, 'y')
				continue
			}
			// Silent French final e: Abderrahmane, Djamile.
			if i == n-1 && n > 3 && !prevVowel {
				continue
			}
			dst = appendPhon(dst, 'e')
		case 'i':
			// ie is a long i (Hussien); ii is usually i and a dropped ayn or
			// hamza before i (Rabi'i, ربيعي), read as i then y.
			if next == 'e' && i+2 < n {
				dst = appendPhon(dst, 'I')
				i++
				continue
			}
			if prevVowel {
				dst = appendPhon(dst, 'y')
				continue
			}
			dst = appendPhon(dst, 'i')
		case 'y':
			dst = appendPhon(dst, 'y')
		case 'w':
			dst = appendPhon(dst, 'w')
		case 'v':
			dst = appendPhon(dst, 'v')
		case 'q':
			if next == 'u' && i+2 < n && isVowelByte(at(i+2)) {
				// French qu = k: Abdelkoudous stays, Quraishi keeps u.
				dst = appendPhon(dst, 'q')
				continue
			}
			dst = appendPhon(dst, 'q')
		case 'j':
			dst = appendPhon(dst, 'j')
		default:
			dst = appendPhon(dst, c)
		}
	}
	return dst
}

// keyClass maps a phonetic code to its coarse class for index keys. Zero
// means the sound is left out of keys (vowels, w, y, ayn): those are the
// letters transliterations disagree on most.
func keyClass(c byte) byte {
	switch c {
	case 'b':
		return 'B'
	case 'f', 'v':
		return 'F'
	case 't':
		return 'T'
	case 'd':
		return 'D'
	case 's', 'z', 'C', 'D', 'S', 'c', 'Z':
		return 'S'
	case 'p':
		return 'D'
	case 'T':
		return 'T'
	case 'X':
		return 'H'
	case 'j':
		return 'J'
	case 'k', 'q', 'g', 'G', 'K':
		return 'K'
	case 'h', 'x':
		return 'H'
	case 'r':
		return 'R'
	case 'l':
		return 'L'
	case 'm':
		return 'M'
	case 'n':
		return 'N'
	}
	return 0
}

// cyrillicLatin is the Latin spelling of Cyrillic letters, as Russian and
// Central Asian passports romanise them (Умаров → umarov).
var cyrillicLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "j",
	'з': "z", 'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o",
	'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts",
	'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu",
	'я': "ya", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "w", 'қ': "q", 'ғ': "gh",
	'ҳ': "h", 'ә': "a", 'ө': "o", 'ү': "u", 'ұ': "u", 'ң': "n", 'һ': "h", 'ӣ': "i", 'ҷ': "j",
}

// phonCyrillic encodes a Cyrillic word through its Latin spelling.
func phonCyrillic(dst []byte, w string) []byte {
	var buf [64]byte
	b := buf[:0]
	for _, r := range w {
		if l, ok := cyrillicLatin[r]; ok {
			if len(b)+len(l) > len(buf) {
				break
			}
			b = append(b, l...)
		}
	}
	return phonLatin(dst, string(b))
}
