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
// a key of the right name. A Latin g, which stands for ج in Egypt (Gamal)
// and for ق in Iraq (Gasim), also gives the key with g read as j. Kunya keys
// carry their marker (@ abu, & umm) and never meet plain names.
func unitKeys(dst []string, u Unit) []string {
	p := u.Phon
	var mark byte
	if len(p) > 0 && (p[0] == '@' || p[0] == '&') {
		mark, p = p[0], p[1:]
	}
	var kb keyBuilder
	var buf [48]byte
	b := buf[:0]
	if mark != 0 {
		b = append(b, mark)
	}
	start := len(b)
	b = skeleton(b, []byte(p))
	if len(b) == start {
		if u.Norm == "" {
			return dst
		}
		return append(dst, "#"+u.Norm)
	}
	if u.Kind == KindInitial {
		return append(dst, "!"+string(b))
	}
	if len(b) > 40 {
		b = b[:40] // junk: a 10,000-letter "name" needs no more key than this
	}
	kb.add(b)
	var alt [48]byte
	if hasByte(p, 'g') {
		a := append(alt[:0], b[:start]...)
		for i := 0; i < len(p) && len(a) < 40; i++ {
			c := p[i]
			if c == 'g' {
				c = 'j'
			}
			k := keyClass(c)
			if k == 0 && i == 0 && (c == 'w' || c == 'y') {
				k = c - 'a' + 'A'
			}
			if k == 0 || (len(a) > start && a[len(a)-1] == k) {
				continue
			}
			a = append(a, k)
		}
		kb.add(a)
	}
	if hasByte(p, 'H') {
		// Fatimah or Salah: the key with and without the final h.
		h := append(alt[:0], b...)
		if h[len(h)-1] != 'H' {
			h = append(h, 'H')
		}
		kb.add(h)
	}
	sk := b[start:]
	if len(sk) <= 2 {
		// Short skeletons (عواد, Awad → D) say little: add one that keeps
		// w and y.
		a := append(alt[:0], b[:start]...)
		for i := 0; i < len(p) && len(a) < 40; i++ {
			k := keyClass(p[i])
			if p[i] == 'w' || p[i] == 'y' {
				k = p[i] - 'a' + 'A'
			}
			if k == 0 || (len(a) > start && a[len(a)-1] == k) {
				continue
			}
			a = append(a, k)
		}
		kb.add(a)
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

func hasByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}
