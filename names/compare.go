package names

import "unicode/utf8"

// How tells how two units matched.
type How uint8

// Kinds of unit match, from strongest to weakest.
const (
	HowExact       How = iota // the same normalised spelling
	HowVariant                // another spelling in the same script: Mohamed, Muhammad
	HowCrossScript            // the same name in the other script: محمد, Mohamed
	HowTypo                   // one letter apart in the same script
	HowInitial                // an initial against a name it could stand for
)

var howNames = [...]string{"exact", "variant", "cross-script", "typo", "initial"}

func (h How) String() string {
	if int(h) < len(howNames) {
		return howNames[h]
	}
	return "unknown"
}

// MarshalText makes match kinds read as words in JSON.
func (h How) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// Pair is one aligned pair of units.
type Pair struct {
	A int `json:"a"` // index into the first name's Units
	B int `json:"b"` // index into the second name's Units
	// JoinA and JoinB say that the unit after A (or after B) is read
	// together with it as one word: آخوند زاده against Akhundzada.
	JoinA      bool    `json:"join_a,omitempty"`
	JoinB      bool    `json:"join_b,omitempty"`
	How        How     `json:"how"`
	Similarity float64 `json:"similarity"` // of the two spellings, in [0, 1]
	Weight     float64 `json:"weight"`     // rarity weight in bits (Frequencies.Weight), mean of both units
	Shifted    bool    `json:"shifted,omitempty"`
}

// Match is the result of comparing two names.
type Match struct {
	Score float64 `json:"score"` // in [0, 1]
	Pairs []Pair  `json:"pairs"`
	LeftA []int   `json:"left_a"` // units of the first name left unmatched
	LeftB []int   `json:"left_b"` // units of the second name left unmatched
}

// Thresholds on unit similarity and name scores.
const (
	// UnitThreshold is the least similarity at which two units are aligned.
	UnitThreshold = 0.72
	// StrongMatch is the score from which two names are taken for the same
	// name: every unit of the shorter name matches well.
	StrongMatch = 0.85
)

// Penalties in the score.
const (
	distinctFactor = 0.85 // similarity of two names KnownDistinct tells apart
	shiftFactor    = 0.8  // a nasab link matched at another depth (father ↔ grandfather)
	extraFactor    = 0.25 // a unit only one name has: missing information
	conflictFactor = 1.0  // units both names have that do not match: a difference
)

// The phonetic codes of عبد and الدين in compounds.
const (
	abdPhon   = "Ebd"
	dinPhon   = "din"
	allahPhon = "alah"
)

// maxUnits bounds the units compared; names are rarely longer than eight.
const maxUnits = 16

// UnitSimilarity compares two units: 0 for different names, 1 for the same
// spelling. Kunyas only match kunyas with the same marker (أبو/أم).
func UnitSimilarity(a, b *Unit) (float64, How) {
	return unitSimilarity(a, b, 0)
}

// UnitSimilarityAbove is UnitSimilarity giving 0 for any similarity below
// floor; it stops early for units plainly unlike, which is cheaper.
func UnitSimilarityAbove(a, b *Unit, floor float64) (float64, How) {
	return unitSimilarity(a, b, floor)
}

// unitSimilarity is UnitSimilarity, giving 0 for any similarity below floor.
func unitSimilarity(a, b *Unit, floor float64) (float64, How) {
	if a.Kind == KindInitial || b.Kind == KindInitial {
		return initialSim(a, b), HowInitial
	}
	if (a.Kind == KindKunya) != (b.Kind == KindKunya) {
		return 0, HowVariant
	}
	if a.Kind == KindKunya && a.Phon[0] != b.Phon[0] {
		return 0, HowVariant
	}
	if a.Script == b.Script && a.Norm == b.Norm {
		return 1, HowExact
	}
	same := a.Script == b.Script && a.Script != ScriptMixed
	if same && a.Script == ScriptUnknown {
		return 0, HowVariant
	}
	pa, pb := a.Phon, b.Phon
	switch {
	case a.Kind == KindKunya:
		pa, pb = pa[1:], pb[1:]
	case a.Kind == KindAbd && b.Kind == KindAbd:
		// عبد is common to both: compare the divine names.
		pa, pb = pa[len(abdPhon):], pb[len(abdPhon):]
	case a.Kind == KindDin && b.Kind == KindDin:
		pa, pb = pa[:len(pa)-len(dinPhon)], pb[:len(pb)-len(dinPhon)]
	case a.Kind == KindAllah && b.Kind == KindAllah:
		pa, pb = pa[:len(pa)-len(allahPhon)], pb[:len(pb)-len(allahPhon)]
	}
	s := costsFor(a.Script, b.Script).similarityAbove(pa, pb, floor)
	if s == 0 {
		// Below the floor: KnownDistinct, which only lowers, cannot lift it.
		if !same {
			return 0, HowCrossScript
		}
		return 0, HowVariant
	}
	if KnownDistinct(a, b) {
		// Two names the lexicon tells apart: spelt alike, but another name.
		s *= distinctFactor
		if s < floor {
			s = 0
		}
		if !same {
			return s, HowCrossScript
		}
		return s, HowVariant
	}
	if !same {
		return s, HowCrossScript
	}
	if pa == pb {
		return s, HowVariant
	}
	if oneEdit(a.Norm, b.Norm) && (a.Script == ScriptArabic || s < 0.9) {
		return s, HowTypo
	}
	return s, HowVariant
}

// initialSim matches an initial with a name whose code starts with the same
// consonant class.
func initialSim(a, b *Unit) float64 {
	if a.Kind == KindInitial && b.Kind == KindInitial {
		if a.Norm == b.Norm {
			return 0.9
		}
		return 0
	}
	if b.Kind == KindInitial {
		a, b = b, a
	}
	p := b.Phon
	if len(p) > 0 && (p[0] == '@' || p[0] == '&') {
		return 0
	}
	if b.Kind == KindAbd {
		return sameOrZero(a.Phon == "a" || a.Phon == "e", 0.75)
	}
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == 'E' {
			continue
		}
		x, y := keyClass(c), keyClass(a.Phon[0])
		if x == 0 && y == 0 {
			return sameOrZero(isVowelByte(a.Phon[0]) || a.Phon[0] == 'E', 0.75)
		}
		return sameOrZero(x == y, 0.75)
	}
	return 0
}

func sameOrZero(ok bool, v float64) float64 {
	if ok {
		return v
	}
	return 0
}

// oneEdit reports whether a and b differ by at most one inserted, deleted
// or replaced letter.
func oneEdit(a, b string) bool {
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	if la < lb {
		a, b, la, lb = b, a, lb, la
	}
	i, j := 0, 0
	diff := 0
	for i < len(a) && j < len(b) {
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		if ra == rb {
			i, j = i+na, j+nb
			continue
		}
		diff++
		if diff > 1 {
			return false
		}
		if la == lb {
			i, j = i+na, j+nb
		} else {
			i += na
		}
	}
	return true
}

// Compare compares two analysed names with the rarity weights of f (nil
// for uniform weights). It allocates the result's slices; CompareInto
// reuses them and Score allocates nothing.
func Compare(a, b *Name, f *Frequencies) Match {
	// Empty, not nil, so that JSON shows [] rather than null.
	m := Match{Pairs: []Pair{}, LeftA: []int{}, LeftB: []int{}}
	CompareInto(&m, a, b, f)
	return m
}

// CompareInto is Compare writing into m, reusing its slices' storage.
func CompareInto(m *Match, a, b *Name, f *Frequencies) {
	CompareIntoCached(m, a, b, f, nil)
}

// Score is the score of Compare without the alignment. It does not allocate.
func Score(a, b *Name, f *Frequencies) float64 {
	return compare(a, b, f, nil, nil)
}

// compare aligns the units greedily, best pair first. Order matters in the
// nasab chain: among equally similar pairs those at the same depth win, and
// a link matched at another depth counts less. Elsewhere order is free.
// A cache, when given, remembers unit similarities across calls.
func compare(a, b *Name, f *Frequencies, m *Match, c *SimCache) float64 {
	na, nb := len(a.Units), len(b.Units)
	if na > maxUnits {
		na = maxUnits
	}
	if nb > maxUnits {
		nb = maxUnits
	}
	if na == 0 || nb == 0 {
		if m != nil {
			for i := range na {
				m.LeftA = append(m.LeftA, i)
			}
			for j := range nb {
				m.LeftB = append(m.LeftB, j)
			}
		}
		return 0
	}
	var sim [maxUnits][maxUnits]float32
	var how [maxUnits][maxUnits]How
	var wa, wb [maxUnits]float64
	for i := range na {
		wa[i] = c.weight(f, true, i, &a.Units[i])
	}
	for j := range nb {
		wb[j] = c.weight(f, false, 0, &b.Units[j])
	}
	for i := range na {
		for j := range nb {
			var s float64
			var h How
			if c != nil {
				s, h = c.pair(i, &a.Units[i], &b.Units[j])
			} else {
				s, h = unitSimilarity(&a.Units[i], &b.Units[j], UnitThreshold)
			}
			sim[i][j], how[i][j] = float32(s), h
		}
	}
	var usedA, usedB [maxUnits]bool
	var got, matchedW float64
	for {
		bi, bj := -1, -1
		var best float32
		for i := range na {
			if usedA[i] {
				continue
			}
			for j := range nb {
				if usedB[j] || sim[i][j] < UnitThreshold {
					continue
				}
				s := sim[i][j] - 0.02*float32(depthGap(&a.Units[i], &b.Units[j]))
				if s > best {
					best, bi, bj = s, i, j
				}
			}
		}
		if bi < 0 {
			break
		}
		usedA[bi], usedB[bj] = true, true
		ua, ub := &a.Units[bi], &b.Units[bj]
		w := (wa[bi] + wb[bj]) / 2
		s := float64(sim[bi][bj])
		shifted := depthGap(ua, ub) > 0
		c := s
		if shifted {
			c *= shiftFactor
		}
		got += w * c
		matchedW += w
		if m != nil {
			m.Pairs = append(m.Pairs, Pair{A: bi, B: bj, How: how[bi][bj], Similarity: s, Weight: w, Shifted: shifted})
		}
	}
	// A name written as one word on one side and two on the other:
	// آخوند زاده and Akhundzada, ولی جان and Walijan, عبد صكر and Abid Sakr.
	got, matchedW = joinLeftovers(a, b, &usedA, &usedB, wa[:na], wb[:nb], false, m, got, matchedW, c)
	got, matchedW = joinLeftovers(b, a, &usedB, &usedA, wb[:nb], wa[:na], true, m, got, matchedW, c)
	if m != nil {
		// In the first name's order, for the reader; insertion sort, as the
		// pairs are few and sort.Slice would allocate.
		ps := m.Pairs
		for i := 1; i < len(ps); i++ {
			for j := i; j > 0 && ps[j].A < ps[j-1].A; j-- {
				ps[j], ps[j-1] = ps[j-1], ps[j]
			}
		}
	}
	if matchedW == 0 {
		if m != nil {
			for i := range na {
				m.LeftA = append(m.LeftA, i)
			}
			for j := range nb {
				m.LeftB = append(m.LeftB, j)
			}
		}
		return 0
	}
	var leftA, leftB float64
	for i := range na {
		if !usedA[i] {
			leftA += wa[i] * leftFactor(&a.Units[i])
			if m != nil {
				m.LeftA = append(m.LeftA, i)
			}
		}
	}
	for j := range nb {
		if !usedB[j] {
			leftB += wb[j] * leftFactor(&b.Units[j])
			if m != nil {
				m.LeftB = append(m.LeftB, j)
			}
		}
	}
	lo, hi := leftA, leftB
	if lo > hi {
		lo, hi = hi, lo
	}
	return got / (matchedW + conflictFactor*lo + extraFactor*(hi-lo))
}

// leftFactor is how much a unit left unmatched counts against the match.
// A person may carry several nisbas (tribe, town) and a kunya is an alias
// many records lack, so those count less than a given name or a father.
func leftFactor(u *Unit) float64 {
	switch u.Role {
	case RoleFamily:
		return 0.5
	case RoleKunya, RoleLaqab:
		return 0.25
	}
	return 1
}

// joinLeftovers aligns each unit of x left over with two adjacent units of
// y left over, read as one word, when that reaches UnitThreshold. swapped
// says x is the second name, for the pairs it records.
//
// x is the query's name unless swapped; a cache remembers the likeness.
func joinLeftovers(x, y *Name, usedX, usedY *[maxUnits]bool, wx, wy []float64, swapped bool, m *Match, got, matchedW float64, c *SimCache) (float64, float64) {
	for i := range wx {
		u := &x.Units[i]
		if usedX[i] || u.Kind == KindKunya || u.Kind == KindInitial || u.Phon == "" {
			continue
		}
		for j := 0; j+1 < len(wy); j++ {
			v1, v2 := &y.Units[j], &y.Units[j+1]
			if usedY[j] || usedY[j+1] || v1.Kind == KindKunya || v2.Kind == KindKunya || v1.Script != v2.Script {
				continue
			}
			if !joinable(u, v1, v2) {
				continue
			}
			sim := func() float64 {
				var buf [2 * maxDP]byte
				joined := append(append(buf[:0], v1.Phon...), v2.Phon...)
				return costsFor(u.Script, v1.Script).similarityAbove(u.Phon, string(joined), UnitThreshold)
			}
			var s float64
			switch {
			case c == nil:
				s = sim()
			case !swapped:
				s = c.joinQuery(i, v1.ID, v2.ID, sim)
			default:
				s = c.joinListed(u.ID, j, sim)
			}
			if s == 0 {
				continue
			}
			usedX[i], usedY[j], usedY[j+1] = true, true, true
			w := (wx[i] + (wy[j]+wy[j+1])/2) / 2
			got += w * s
			matchedW += w
			if m != nil {
				how := HowVariant
				if u.Script != v1.Script {
					how = HowCrossScript
				}
				p := Pair{A: i, B: j, JoinB: true, How: how, Similarity: s, Weight: w}
				if swapped {
					p = Pair{A: j, B: i, JoinA: true, How: how, Similarity: s, Weight: w}
				}
				m.Pairs = append(m.Pairs, p)
			}
			break
		}
	}
	return got, matchedW
}

// joinable reports whether unit u may be units v1 and v2 written as one
// word: its skeleton (any of its keys) begins as v1's or ends as v2's. A
// word written as one (Akhundzada) and as two (آخوند زاده) agree at both
// ends, or at one when a letter is misspelt; most pairs of leftovers agree
// at neither, which spares comparing them. A listed unit keeps only its
// main key, a query's unit has its readings (ظاهر also as DHR).
func joinable(u, v1, v2 *Unit) bool {
	for _, ku := range u.Keys {
		if ku == "" {
			continue
		}
		for _, k := range v1.Keys {
			if k != "" && k[0] == ku[0] {
				return true
			}
		}
		for _, k := range v2.Keys {
			if k != "" && k[len(k)-1] == ku[len(ku)-1] {
				return true
			}
		}
	}
	return false
}

// toRunes appends the runes of s to dst, or returns nil if they do not fit
// its capacity.
func toRunes(dst []rune, s string) []rune {
	for _, r := range s {
		if len(dst) == cap(dst) {
			return nil
		}
		dst = append(dst, r)
	}
	return dst
}

// depthGap is how far apart two chain units sit: 0 when either is outside
// the chain or its place is uncertain (the last word after bin may be the
// family name, as in bin Ladin; the last word of a Latin name may be a
// surname).
func depthGap(a, b *Unit) int {
	if a.Depth < 0 || b.Depth < 0 || a.Confidence <= 0.5 || b.Confidence <= 0.5 {
		return 0
	}
	d := int(a.Depth) - int(b.Depth)
	if d < 0 {
		return -d
	}
	return d
}

// Misspelt reports whether two one-word units of one script are a single
// keystroke apart (a letter replaced, left out, added, or two neighbours
// swapped: GHAZL / GHAZI, AIL / ALI, بلل / بلال), however unlike that makes
// their sounds. Whether that is a misspelling or two names (حامد, حماد) is
// for the caller to judge, from how common each spelling is. The shorter
// must have three letters or more: two-letter words are too easily one
// keystroke from anything.
func Misspelt(a, b *Unit) bool {
	if a.Kind != KindSimple || b.Kind != KindSimple || a.Script != b.Script || a.Norm == b.Norm {
		return false
	}
	if a.Script != ScriptLatin && a.Script != ScriptArabic {
		return false
	}
	if d := len(a.Norm) - len(b.Norm); d > 4 || d < -4 {
		return false // more than one letter apart in any script
	}
	var bx, by [32]rune
	x, y := toRunes(bx[:0], a.Norm), toRunes(by[:0], b.Norm)
	if x == nil || y == nil {
		return false // too long for a name word
	}
	if len(x) < len(y) {
		x, y = y, x
	}
	if len(y) < 3 || len(x)-len(y) > 1 {
		return false
	}
	i := 0
	for i < len(y) && x[i] == y[i] {
		i++
	}
	if len(x) > len(y) {
		// One letter added: the rest must line up after it.
		return string(x[i+1:]) == string(y[i:])
	}
	if string(x[i+1:]) == string(y[i+1:]) {
		return true // replaced
	}
	// Two neighbours swapped.
	return i+1 < len(x) && x[i] == y[i+1] && x[i+1] == y[i] && string(x[i+2:]) == string(y[i+2:])
}
