package synth

// perm is a keyed bijection of [0, m): a four-round Feistel network on the
// smallest even number of bits that holds m, with cycle walking for values
// past m. It turns a person's index into an identity number that looks
// random yet can never repeat, with no set of used numbers to keep.
type perm struct {
	m    uint64
	half uint
	mask uint64
	keys [4]uint64
}

func newPerm(m, key uint64) perm {
	bits := uint(1)
	for uint64(1)<<bits < m {
		bits++
	}
	if bits%2 == 1 {
		bits++
	}
	p := perm{m: m, half: bits / 2, mask: 1<<(bits/2) - 1}
	for i := range p.keys {
		key = splitmix(key)
		p.keys[i] = key
	}
	return p
}

// at returns the image of i, which must be below m.
func (p perm) at(i uint64) uint64 {
	x := i
	for {
		l, r := x>>p.half, x&p.mask
		for _, k := range p.keys {
			l, r = r, l^(splitmix(r^k)&p.mask)
		}
		x = l<<p.half | r
		if x < p.m {
			return x
		}
	}
}

// splitmix is the SplitMix64 finaliser, a good cheap 64-bit mixer.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}
