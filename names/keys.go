package names

// keyBuilder gathers a unit's keys in one buffer, so that a unit's keys
// cost two allocations (one string, one slice) however many there are.
type keyBuilder struct {
	buf  [160]byte
	n    int
	ends [24]uint8
	k    int
}

// add appends key unless it is already there or there is no room.
func (kb *keyBuilder) add(key []byte) {
	if len(key) == 0 || kb.k == len(kb.ends) || kb.n+len(key) > len(kb.buf) {
		return
	}
	start := 0
	for i := 0; i < kb.k; i++ {
		end := int(kb.ends[i])
		if string(kb.buf[start:end]) == string(key) {
			return
		}
		start = end
	}
	kb.n += copy(kb.buf[kb.n:], key)
	kb.ends[kb.k] = uint8(kb.n)
	kb.k++
}

func (kb *keyBuilder) strings(dst []string) []string {
	if kb.k == 0 {
		return dst
	}
	all := string(kb.buf[:kb.n])
	if dst == nil {
		dst = make([]string, 0, kb.k)
	}
	start := 0
	for i := 0; i < kb.k; i++ {
		end := int(kb.ends[i])
		dst = append(dst, all[start:end])
		start = end
	}
	return dst
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
// as ت+ح (Fathi, فتحي), a first ou read as و (Ould, ولد), and a glued al-
// taken off (Alaboud, العبود). Arabic ث also gives the key read as t (عثمان,
// Otman) and ذ the key read as d (ذياب, Diab). Short
// skeletons add one that keeps w and y. Kunya keys carry their marker (@ abu,
// & umm) and never meet plain names.
func unitKeys(dst []string, u Unit) []string {
	p := u.Phon
	var mark byte
	if len(p) > 0 && (p[0] == '@' || p[0] == '&') {
		mark, p = p[0], p[1:]
	}
	if len(p) > 48 {
		p = p[:48] // junk: a 10,000-letter "name" needs no more key than this
	}
	var kb keyBuilder
	var buf [64]byte
	b := buf[:0]
	if mark != 0 {
		b = append(b, mark)
	}
	start := len(b)
	b = skeletonAs(b, p, 0)
	if len(b) == start {
		if u.Norm == "" {
			return dst
		}
		return append(dst, "#"+u.Norm)
	}
	if u.Kind == KindInitial {
		return append(dst, "!"+string(b))
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
		for _, v := range [...]byte{'g', 'H', 'D', 'C'} {
			if hasByte(p, v) {
				kb.add(skeletonAs(append(alt[:0], b[:start]...), p, v))
			}
		}
		if p[0] == 'U' {
			kb.add(skeletonAs(append(alt[:0], b[:start]...), p, 'U'))
		}
		if u.Kind == KindSimple && !u.Article && len(u.Norm) >= 5 && (u.Norm[:2] == "al" || u.Norm[:2] == "el") && len(p) > 2 {
			kb.add(skeletonAs(append(alt[:0], b[:start]...), p[2:], 0))
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
	return kb.strings(dst)
}

// skeletonAs appends the skeleton of p read with one variant: 'g' reads g
// as j, 'H' keeps a soft final h, 'D' reads dh as d, 'C' reads th as t+h,
// 'T' reads th as t, 'U' reads a first ou as w, 'w' keeps w and y; 0 is the
// plain skeleton.
func skeletonAs(dst []byte, p string, variant byte) []byte {
	start := len(dst)
	// A class repeats only when something was written between: Aziz is SS
	// and Khalayleh HLL, but Latin ts-like pairs of one class are one sound.
	last := -2
	pos := 0
	push := func(k byte) {
		if k == 0 {
			return
		}
		if len(dst) > start && dst[len(dst)-1] == k && last == pos-1 {
			last = pos
			return
		}
		dst = append(dst, k)
		last = pos
	}
	for i := 0; i < len(p); i++ {
		pos = i
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
			push('T')
			k = 'H'
		case variant == 'T' && c == 'C':
			k = 'T'
		case variant == 'U' && c == 'U' && i == 0:
			k = 'W'
		case c == 'w' || c == 'y':
			if i == 0 || variant == 'w' {
				k = c - 'a' + 'A'
			}
		}
		push(k)
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
