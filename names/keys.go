package names

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
	var buf [40]byte
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
	full := string(b)
	dst = append(dst, full)
	if hasByte(p, 'g') {
		var alt [40]byte
		a := append(alt[:0], b[:start]...)
		for i := 0; i < len(p); i++ {
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
		if s := string(a); s != full {
			dst = append(dst, s)
		}
	}
	if hasByte(p, 'H') {
		// Fatimah or Salah: the key with and without the final h.
		var hb [40]byte
		h := append(hb[:0], b...)
		if h[len(h)-1] != 'H' {
			h = append(h, 'H')
		}
		if s := string(h); !contains(dst, s) {
			dst = append(dst, s)
		}
	}
	sk := b[start:]
	if len(sk) <= 2 {
		// Short skeletons (عواد, Awad → D) say little: add one that keeps
		// w and y.
		var wy [40]byte
		a := append(wy[:0], b[:start]...)
		for i := 0; i < len(p); i++ {
			k := keyClass(p[i])
			if p[i] == 'w' || p[i] == 'y' {
				k = p[i] - 'a' + 'A'
			}
			if k == 0 || (len(a) > start && a[len(a)-1] == k) {
				continue
			}
			a = append(a, k)
		}
		if s := string(a); !contains(dst, s) {
			dst = append(dst, s)
		}
	}
	if len(sk) >= 4 && len(sk) <= 8 {
		var del [40]byte
		for i := range sk {
			if i > 0 && sk[i] == sk[i-1] {
				continue
			}
			d := append(del[:0], b[:start+i]...)
			d = append(d, sk[i+1:]...)
			s := string(d)
			if !contains(dst, s) {
				dst = append(dst, s)
			}
		}
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

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
