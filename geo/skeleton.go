package geo

import (
	"slices"
	"strings"
	"sync"
)

// Skeleton returns the consonant skeleton of a place name written in Arabic
// or Latin letters, so that a name the data gives only in Latin letters
// (Zamboanga, Marawi City, Qandala) can be found from its Arabic spelling in
// the news (زامبوانغا, مراوي, قندلا). Vowels, h, w, y, ع and hamza are
// dropped; consonants that the two scripts write for one sound fall into
// one class (p and b as ب, g as غ but as ج before e, i and y, sh and ch as
// ش, s and z); repeats collapse; a leading article (al-, el-, le, la, ال)
// is dropped, and so is a trailing "City" (Marawi City is Marawi).
//
//	Skeleton("Zamboanga") == Skeleton("زامبوانغا") == "zmbnk"
func Skeleton(name string) string {
	s := Fold(name)
	if s == "" {
		return ""
	}
	var b strings.Builder
	last := byte(0)
	put := func(c byte) {
		if c != 0 && c != last {
			b.WriteByte(c)
		}
		last = c
	}
	if s[0] < 0x80 {
		s = strings.TrimSuffix(s, " city")
		s = stripLatinArticle(s)
		for i := 0; i < len(s); i++ {
			c := s[i]
			next := byte(0)
			if i+1 < len(s) {
				next = s[i+1]
			}
			switch {
			case c == ' ':
				last = 0
				put('-')
				last = 0
				continue
			case (c == 's' || c == 'c') && next == 'h', c == 'k' && next == 'h', c == 'g' && next == 'h',
				c == 't' && next == 'h', c == 'd' && next == 'h', c == 'p' && next == 'h', c == 'c' && next == 'k':
				put(digraphSound(c))
				i++
				continue
			case c == 'd' && next == 'j':
				put('j')
				i++
				continue
			case c == 'n' && next == 'g' && i+2 < len(s) && !latinVowel(s[i+2]):
				put('n') // Washington: Arabic writes واشنطن, no g
				i++
				continue
			case c == 'g' && (next == 'e' || next == 'i'):
				put('j')
				continue
			case c == 'c' && (next == 'e' || next == 'i' || next == 'y'):
				put('s')
				continue
			case c == 'x':
				put('k')
				put('s')
				continue
			}
			put(latinClass[c])
		}
	} else {
		if r, ok := strings.CutPrefix(s, "ال"); ok && len(r) >= 6 {
			s = r
		}
		for _, r := range s {
			if r == ' ' {
				last = 0
				put('-')
				last = 0
				continue
			}
			put(arabicClass[r])
		}
	}
	return strings.Trim(b.String(), "-")
}

func latinVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// latinClass and arabicClass map letters to the consonant classes of
// Skeleton; a letter absent from them (a vowel, h, w, y, ع) is dropped.
var latinClass = [256]byte{
	'b': 'b', 'p': 'b', 'f': 'f', 'v': 'f', 't': 't', 'd': 'd', 's': 's', 'z': 's', 'j': 'j',
	'k': 'k', 'q': 'k', 'g': 'k', 'c': 'k', 'l': 'l', 'r': 'r', 'm': 'm', 'n': 'n',
}

var arabicClass = map[rune]byte{
	'ب': 'b', 'پ': 'b', 'ف': 'f', 'ڤ': 'f', 'ت': 't', 'ط': 't', 'ث': 't', 'د': 'd', 'ض': 'd', 'ذ': 'd',
	'س': 's', 'ص': 's', 'ز': 's', 'ظ': 's', 'ش': 's', 'ج': 'j', 'چ': 's',
	'ك': 'k', 'ق': 'k', 'غ': 'k', 'خ': 'k', 'گ': 'k', 'ل': 'l', 'ر': 'r', 'م': 'm', 'ن': 'n',
}

// soundIndex maps skeletons to the towns the data names only in Latin
// letters. It is built on first use: most callers never need it.
type soundIndex struct {
	once sync.Once
	m    map[string][]int32
}

// LookupSound returns the towns and villages with no Arabic name in the
// data whose Latin name has the skeleton of the Arabic word w (see
// Skeleton). Callers must demand strong context: many short skeletons are
// shared by unrelated names.
func (g *Gazetteer) LookupSound(w string) []*Place {
	g.sound.once.Do(func() {
		g.sound.m = make(map[string][]int32, 40000)
		for i := range g.places {
			p := &g.places[i]
			if p.Arabic != "" || (p.Kind != KindCity && p.Kind != KindVillage) {
				continue
			}
			var seen [4]string
			n := 0
			for _, name := range append([]string{p.Name}, p.LatinAlt...) {
				if name[0] >= 0x80 {
					continue
				}
				k := Skeleton(name)
				if k == "" || strings.Contains(k, "-") {
					continue // one word only: a Latin name of two words is no one-word Arabic name
				}
				dup := false
				for _, s := range seen[:n] {
					dup = dup || s == k
				}
				if dup || n == len(seen) {
					continue
				}
				seen[n] = k
				n++
				g.sound.m[k] = append(g.sound.m[k], int32(i))
			}
		}
	})
	fw := Fold(w)
	if strings.HasSuffix(fw, "ه") || strings.HasSuffix(fw, "ات") {
		// Ta marbuta and the feminine plural end Arabic words (سيطرة,
		// غابات), seldom a foreign name spelt in Arabic, which ends in ا.
		return nil
	}
	k := Skeleton(w)
	a := vocalised(fw, true) // once, not once per candidate name
	agrees := func(latin string) bool { return soundAgrees(a, vocalisedLatin(latin)) }
	var out []*Place
	for _, j := range g.sound.m[k] {
		if p := &g.places[j]; agrees(p.Name) || slices.ContainsFunc(p.LatinAlt, agrees) {
			out = append(out, p)
		}
	}
	return out
}

// SoundAgrees reports whether an Arabic spelling may render a Latin name
// whose consonant skeleton it shares: the long vowels the Arabic writes
// (ا, و, ي) stand in the Latin name in the same order among its
// consonants, and the Latin name has at most one vowel more than the Arabic
// writes. A foreign name spelt in Arabic writes nearly all its vowels
// (زامبوانغا, لامبيدوزا); a native word (عناصره, شكل) seldom does, so
// عناصره is not Yenişehir and شكل not Aşkale.
func SoundAgrees(arabic, latin string) bool {
	return soundAgrees(vocalised(Fold(arabic), true), vocalisedLatin(latin))
}

// vocalisedLatin is vocalised for a Latin name, without a trailing "City".
func vocalisedLatin(latin string) string {
	return vocalised(strings.TrimSuffix(Fold(latin), " city"), false)
}

// soundAgrees is SoundAgrees on the vocalised Arabic a and Latin l.
func soundAgrees(a, l string) bool {
	if a == "" || l == "" {
		return false
	}
	av, lv := 0, 0
	for i := 0; i < len(a); i++ {
		if isV(a[i]) {
			av++
		}
	}
	for i := 0; i < len(l); i++ {
		if isV(l[i]) && (i == 0 || !isV(l[i-1])) {
			lv++
		}
	}
	// A long skeleton is distinctive enough to allow one more unwritten
	// vowel (قندلا, Qandala).
	slack := 1
	if len(a)-av >= 4 {
		slack = 2
	}
	if av == 0 || lv-av > slack {
		return false
	}
	// a must be a subsequence of l.
	j := 0
	for i := 0; i < len(l) && j < len(a); i++ {
		if l[i] == a[j] {
			j++
		}
	}
	return j == len(a)
}

func isV(c byte) bool { return c == 'a' || c == 'i' || c == 'u' }

// vocalised spells a folded name as consonant classes (those of Skeleton)
// and the vowels a, i, u, without the article.
func vocalised(s string, arabic bool) string {
	var b strings.Builder
	if arabic {
		if r, ok := strings.CutPrefix(s, "ال"); ok && len(r) >= 6 {
			s = r
		}
		rs := []rune(s)
		for i, r := range rs {
			switch r {
			case 'ا':
				b.WriteByte('a')
			case 'و', 'ي':
				// Next to another long vowel it is a consonant (w, y),
				// which Skeleton drops too.
				if (i > 0 && isLong(rs[i-1])) || (i+1 < len(rs) && isLong(rs[i+1]) && rs[i+1] != r) {
					continue
				}
				if i == 0 {
					continue
				}
				if r == 'و' {
					b.WriteByte('u')
				} else {
					b.WriteByte('i')
				}
			default:
				if c := arabicClass[r]; c != 0 {
					b.WriteByte(c)
				}
			}
		}
		return b.String()
	}
	s = stripLatinArticle(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		soft := i+1 < len(s) && (s[i+1] == 'e' || s[i+1] == 'i' || s[i+1] == 'y')
		switch {
		case c == 'g' && soft:
			b.WriteByte('j')
			continue
		case c == 'c' && soft:
			b.WriteByte('s')
			continue
		case c == 'x':
			b.WriteString("ks")
			continue
		}
		switch c {
		case 'a':
			b.WriteByte('a')
		case 'e', 'i', 'y':
			b.WriteByte('i')
		case 'o', 'u':
			b.WriteByte('u')
		default:
			if cl := latinClass[c]; cl != 0 {
				b.WriteByte(cl)
			}
		}
	}
	return b.String()
}

func isLong(r rune) bool { return r == 'ا' || r == 'و' || r == 'ي' }

// digraphSound is the sound class of a Latin digraph (sh, ch, kh, gh, th,
// dh, ph, ck), which its first letter decides: s and c give s (ck too), k
// and g give k, p gives f, t and d themselves.
func digraphSound(c byte) byte {
	switch c {
	case 'c':
		return 's'
	case 'g':
		return 'k'
	case 'p':
		return 'f'
	}
	return c // s, k, t, d
}

// stripLatinArticle drops a leading Arabic or French article written in
// Latin letters (al-, el-, ash-, le ...) when a name of three letters or
// more is left.
func stripLatinArticle(s string) string {
	for _, a := range []string{"al ", "el ", "an ", "ar ", "as ", "ash ", "at ", "ad ", "az ", "le ", "la ", "les "} {
		if r, ok := strings.CutPrefix(s, a); ok && len(r) >= 3 {
			return r
		}
	}
	return s
}
