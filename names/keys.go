package names

import "strings"

// keyBuilder gathers the keys of all units of a name in one fixed buffer,
// so that a name's keys cost two allocations (one string, one slice)
// however many there are. Keys that do not fit (only junk input has that
// many) are left out.
type keyBuilder struct {
	buf   [1024]byte
	n     int
	ends  [128]uint16
	k     int
	first int // index in ends of the current unit's first key
}

// add appends key to the current unit's keys unless it is already there.
func (kb *keyBuilder) add(key []byte) {
	if len(key) == 0 || kb.k == len(kb.ends) || kb.n+len(key) > len(kb.buf) {
		return
	}
	start := 0
	if kb.first > 0 {
		start = int(kb.ends[kb.first-1])
	}
	for i := kb.first; i < kb.k; i++ {
		end := int(kb.ends[i])
		if string(kb.buf[start:end]) == string(key) {
			return
		}
		start = end
	}
	kb.n += copy(kb.buf[kb.n:], key)
	kb.ends[kb.k] = uint16(kb.n)
	kb.k++
}

// setKeys computes the index keys of every unit.
func setKeys(us []Unit) {
	var kb keyBuilder
	var spanArr [16][2]int
	spans := spanArr[:0]
	for i := range us {
		kb.first = kb.k
		unitKeys(&kb, &us[i])
		spans = append(spans, [2]int{kb.first, kb.k})
	}
	if kb.k == 0 {
		return
	}
	all := string(kb.buf[:kb.n])
	keys := make([]string, kb.k)
	start := 0
	for i, e := range kb.ends[:kb.k] {
		end := int(e)
		keys[i] = all[start:end]
		start = end
	}
	for i := range us {
		from, to := spans[i][0], spans[i][1]
		if from < to {
			us[i].Keys = keys[from:to:to]
		}
	}
}

// unitKeys computes a unit's index keys. The first is the unit's coarse
// consonant skeleton (vowels, w, y and ayn left out; q/k/g/gh, s/z/th/dh/sh,
// h/kh, f/v and b/p each one class), which the spellings of one name share
// across scripts. Skeletons of four classes or more also give one key per
// left-out class, so that one wrong, missing or extra consonant still meets
// a key of the right name. Latin letters that stand for more than one Arabic
// letter give one more key each: g read as j (Gamal, جمال; g is ق in Iraqi
// Gasim and stays in the first key), a final h after a vowel kept (Salah,
// صلاح; dropped in Fatimah, فاطمة), dh read as ض or د (Fadhil, فاضل), th read
// as ت+ح (Fathi, فتحي), a first ou read as و (Ould, ولد), c read as s
// (Faycal, فيصل), j read as y (Bosnian Jusuf, يوسف), sh read as س+ح (Eshaq,
// إسحاق), the Persian v as و and z as ض (Javadi, جوادي; Rezaei, رضائي), and a
// glued al- taken off (Alaboud, العبود). Arabic ث also gives the key read as
// t (عثمان, Otman) and ذ the key read as d (ذياب, Diab). A compound also
// gives the key of its distinctive word (عبد الرحمن: RHMN). Short skeletons
// add one that keeps w and y. Kunya keys carry their marker (@ abu, & umm)
// and never meet plain names.
func unitKeys(kb *keyBuilder, u *Unit) {
	p := u.Phon
	var mark byte
	if len(p) > 0 && (p[0] == '@' || p[0] == '&') {
		mark, p = p[0], p[1:]
	}
	if len(p) > 48 {
		p = p[:48] // junk: a 10,000-letter "name" needs no more key than this
	}
	var buf [64]byte
	b := buf[:0]
	if mark != 0 {
		b = append(b, mark)
	}
	start := len(b)
	b = skeletonAs(b, p, 0)
	if len(b) == start {
		if u.Norm != "" {
			// No Latin or Arabic letter: the normal form itself.
			kb.add(append(append(buf[:0], '#'), u.Norm...))
		}
		return
	}
	if u.Kind == KindInitial {
		kb.add(append([]byte{'!'}, b...))
		return
	}
	kb.add(b)
	var alt [64]byte
	if hasByte(p, 'C') {
		kb.add(skeletonAs(append(alt[:0], b[:start]...), p, 'T'))
	}
	if u.Script == ScriptArabic && hasByte(p, 'D') {
		kb.add(skeletonAs(append(alt[:0], b[:start]...), p, 'D'))
	}
	if u.Script != ScriptArabic {
		for _, v := range [...]byte{'g', 'H', 'D', 'C', 'K', 'j', 'S'} {
			if hasByte(p, v) {
				kb.add(skeletonAs(append(alt[:0], b[:start]...), p, v))
			}
		}
		if hasByte(p, 'v') || hasByte(p, 'z') {
			kb.add(skeletonAs(append(alt[:0], b[:start]...), p, 'v'))
		}
		if p[0] == 'U' {
			kb.add(skeletonAs(append(alt[:0], b[:start]...), p, 'U'))
		}
		if u.Kind == KindSimple && !u.Article && len(u.Norm) >= 5 && (u.Norm[:2] == "al" || u.Norm[:2] == "el") && len(p) > 2 {
			kb.add(skeletonAs(append(alt[:0], b[:start]...), p[2:], 0))
		}
	}
	// A compound also gives the key of its distinctive word, which meets
	// the same name split over two fields (Abdul | Rahman, Nur | al-Din).
	switch {
	case u.Kind == KindAbd && len(p) > len(abdPhon):
		kb.add(skeletonAs(append(alt[:0], b[:start]...), p[len(abdPhon):], 0))
	case u.Kind == KindDin && len(p) > len(dinPhon):
		kb.add(skeletonAs(append(alt[:0], b[:start]...), p[:len(p)-len(dinPhon)], 0))
	case u.Kind == KindAllah && len(p) > len(allahPhon):
		kb.add(skeletonAs(append(alt[:0], b[:start]...), p[:len(p)-len(allahPhon)], 0))
	case u.Kind == KindCompound:
		if first, _, ok := strings.Cut(u.Norm, " "); ok {
			var fb [48]byte
			kb.add(skeletonAs(append(alt[:0], b[:start]...), string(phonWord(fb[:0], first, u.Script)), 0))
		}
	}
	sk := b[start:]
	if len(sk) <= 2 {
		// Short skeletons (عواد, Awad → D) say little: add one that keeps
		// w and y.
		kb.add(skeletonAs(append(alt[:0], b[:start]...), p, 'w'))
	}
	if len(sk) >= 4 && len(sk) <= 8 {
		for i := range sk {
			if i > 0 && sk[i] == sk[i-1] {
				continue
			}
			d := append(alt[:0], b[:start+i]...)
			d = append(d, sk[i+1:]...)
			kb.add(d)
		}
	}
}

// skeletonAs appends the skeleton of p read with one variant: 'g' reads g
// as j, 'H' keeps a soft final h, 'D' reads dh as d, 'C' reads th as t+h,
// 'T' reads th as t, 'U' reads a first ou as w, 'K' reads c as s, 'j' reads
// j as y, 'S' reads sh as s+h, 'v' reads v as w and z as ض (Persian), 'w'
// keeps w and y; 0 is the plain skeleton.
func skeletonAs(dst []byte, p string, variant byte) []byte {
	start := len(dst)
	// A class repeats only when something was written between: Aziz is SS
	// and Khalayleh HLL, but Latin ts-like pairs of one class are one sound.
	last := -2
	for i := 0; i < len(p); i++ {
		c := p[i]
		k := keyClass(c)
		switch {
		case variant == 'g' && c == 'g':
			k = 'J'
		case variant == 'H' && c == 'H':
			k = 'H'
		case variant == 'D' && c == 'D':
			k = 'D'
		case variant == 'C' && c == 'C':
			dst = append(dst, 'T')
			last = i
			k = 'H'
		case variant == 'T' && c == 'C':
			k = 'T'
		case variant == 'K' && c == 'K':
			k = 'S'
		case variant == 'j' && c == 'j':
			k = 'Y'
		case variant == 'S' && c == 'S':
			dst = append(dst, 'S')
			last = i
			k = 'H'
		case variant == 'v' && c == 'v':
			k = 0
			if i == 0 {
				k = 'W'
			}
		case variant == 'v' && c == 'z':
			k = 'D'
		case variant == 'U' && c == 'U' && i == 0:
			k = 'W'
		case c == 'w' || c == 'y':
			if i == 0 || variant == 'w' {
				k = c - 'a' + 'A'
			}
		}
		if k == 0 {
			continue
		}
		if len(dst) > start && dst[len(dst)-1] == k && last == i-1 {
			last = i
			continue
		}
		dst = append(dst, k)
		last = i
	}
	return dst
}

func hasByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
