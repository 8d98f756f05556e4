package names

import "math/bits"

// SimCache remembers, for one query, how alike its units are to listed
// units. A registry repeats the same units (محمد, Ali, al-Tikriti) across
// thousands of names, and comparing two spellings costs far more than a
// lookup: on the UN list a query compares about twice as many unit pairs
// as there are distinct ones (docs/screening.md).
//
// The caller numbers the listed units (Unit.ID) so that equal units (same
// spelling, kind and script) share a number above 0, and calls
// SetQueryName before comparing a query name's units. Units numbered 0 are
// compared afresh. A SimCache is for one goroutine.
type SimCache struct {
	m  simTable
	qn uint64 // the current query name, in the top bits of a query unit's code
	// w is the weight of each numbered listed unit (SetWeights); qw and
	// qok the query units' weights, by code.
	w   []float64
	qw  [256]float64
	qok [256]bool
}

// SetWeights gives the cache the rarity weight of every numbered listed
// unit: w[id] is Frequencies.Weight of the unit numbered id. The slice is
// read, never written, and may be shared by many caches.
func (c *SimCache) SetWeights(w []float64) {
	c.w = w
}

// weight is f.Weight(u) for the query's unit i (query true) or a listed
// unit, remembered.
func (c *SimCache) weight(f *Frequencies, query bool, i int, u *Unit) float64 {
	if c == nil {
		return f.Weight(u)
	}
	if !query {
		if u.ID != 0 && int(u.ID) < len(c.w) {
			return c.w[u.ID]
		}
		return f.Weight(u)
	}
	q, ok := c.qcode(i)
	if !ok {
		return f.Weight(u)
	}
	if !c.qok[q] {
		c.qw[q], c.qok[q] = f.Weight(u), true
	}
	return c.qw[q]
}

// ListedWeight is f.Weight(u) for a listed unit, from the weights given to
// SetWeights when the unit is numbered.
func (c *SimCache) ListedWeight(f *Frequencies, u *Unit) float64 {
	return c.weight(f, false, 0, u)
}

// QueryWeight is f.Weight(u) for the unit i of the current query name,
// remembered.
func (c *SimCache) QueryWeight(f *Frequencies, i int, u *Unit) float64 {
	return c.weight(f, true, i, u)
}

// NewSimCache returns an empty cache.
func NewSimCache() *SimCache {
	c := &SimCache{}
	c.m.init(1 << 10)
	return c
}

// Reset forgets everything, for the next query.
func (c *SimCache) Reset() {
	c.m.reset()
	c.qok = [256]bool{}
	c.qn = 0
}

// SetQueryName says which of the query's names (0, 1, ...) the next
// comparisons are of; names past the 15th are not cached.
func (c *SimCache) SetQueryName(i int) {
	c.qn = uint64(i)
}

// Key layouts: a 2-bit tag on top, the query unit's code (query name << 4
// | unit) in 8 bits, and listed unit numbers below.
const (
	tagPair     = 1 << 62 // query unit ~ listed unit, at UnitThreshold
	tagJoin     = 2 << 62 // query unit ~ two listed units read as one
	tagJoinSwap = 3 << 62 // listed unit ~ two query units read as one
	tagNear     = 1 << 53 // with tag 0: query unit ~ listed unit, at a floor given
	maxID       = 1<<27 - 1
)

// NearFloor is the lowest floor NearSimilarity takes.
const NearFloor = 0.4

func (c *SimCache) qcode(i int) (uint64, bool) {
	if c == nil || c.qn >= 16 || i >= 16 {
		return 0, false
	}
	return c.qn<<4 | uint64(i), true
}

type simValue struct {
	s   float64
	how How
}

// pair is unitSimilarity(a, b, UnitThreshold) for query unit i and a
// listed unit, remembered.
func (c *SimCache) pair(i int, a, b *Unit) (float64, How) {
	id := b.ID
	q, ok := c.qcode(i)
	if !ok || id == 0 {
		return unitSimilarity(a, b, UnitThreshold)
	}
	return c.unit(tagPair|q<<54|uint64(id), a, b, UnitThreshold)
}

// joinQuery is the likeness of the query's unit i to two listed units
// (numbered id1, id2) read as one word, remembered; compute works it out.
func (c *SimCache) joinQuery(i int, id1, id2 uint32, compute func() float64) float64 {
	q, ok := c.qcode(i)
	if !ok || id1 == 0 || id2 == 0 || id1 > maxID || id2 > maxID {
		return compute()
	}
	return c.remember(tagJoin|q<<54|uint64(id1)<<27|uint64(id2), compute)
}

// joinListed is the likeness of a listed unit (numbered id) to the query's
// units j and j+1 read as one word, remembered.
func (c *SimCache) joinListed(id uint32, j int, compute func() float64) float64 {
	q, ok := c.qcode(j)
	if !ok || id == 0 {
		return compute()
	}
	return c.remember(tagJoinSwap|q<<54|uint64(id), compute)
}

// remember returns the likeness kept under key, working it out first if
// there is none.
func (c *SimCache) remember(key uint64, compute func() float64) float64 {
	if v, ok := c.m.get(key); ok {
		return v.s
	}
	s := compute()
	c.m.put(key, simValue{s: s})
	return s
}

// NearSimilarity is UnitSimilarityAbove(a, b, floor) for the query's unit
// i and a listed unit, remembered. The floor must lie between NearFloor and
// 1 and be one of a few values, as it is part of the key. A nil cache
// computes it.
func (c *SimCache) NearSimilarity(i int, a, b *Unit, floor float64) (float64, How) {
	id := b.ID
	q, ok := c.qcode(i)
	if !ok || id == 0 {
		return unitSimilarity(a, b, floor)
	}
	return c.unit(tagNear|(uint64(floor*100)&0x7f)<<46|q<<38|uint64(id), a, b, floor)
}

// unit returns unitSimilarity(a, b, floor) kept under key, working it out
// first if there is none.
func (c *SimCache) unit(key uint64, a, b *Unit, floor float64) (float64, How) {
	if v, ok := c.m.get(key); ok {
		return v.s, v.how
	}
	s, h := unitSimilarity(a, b, floor)
	c.m.put(key, simValue{s, h})
	return s, h
}

// CompareIntoCached is CompareInto for a query name a and a listed name b,
// looking unit similarities up in c first.
func CompareIntoCached(m *Match, a, b *Name, f *Frequencies, c *SimCache) {
	m.Pairs, m.LeftA, m.LeftB = m.Pairs[:0], m.LeftA[:0], m.LeftB[:0]
	m.Score = compare(a, b, f, m, c)
}

// simTable is an open-addressing hash table from keys to likeness, cheaper
// than a map for the few thousand lookups of a query, and emptied in
// constant time: an entry counts only if it carries the current
// generation. Each slot holds its key, value and generation together, so
// that a probe usually reads one cache line, and the table is kept at most
// half full, so that probes stay short.
type simTable struct {
	slots []simSlot
	gen   uint32
	n     int
	mask  uint64
	shift uint // 64 - log2(len(slots)): the hash's top bits pick a slot
}

type simSlot struct {
	key uint64
	s   float64
	gen uint32
	how How
}

func (t *simTable) init(size int) {
	t.slots = make([]simSlot, size)
	t.gen, t.n, t.mask = 1, 0, uint64(size-1)
	t.shift = uint(64 - bits.TrailingZeros(uint(size)))
}

func (t *simTable) reset() {
	t.n = 0
	t.gen++
	if t.gen == 0 { // wrapped: old generations could come back to life
		clear(t.slots)
		t.gen = 1
	}
}

// slot is where key's probe starts: Fibonacci hashing, whose top bits mix
// every bit of the key (the tag and both unit numbers).
func (t *simTable) slot(key uint64) uint64 {
	return (key * 0x9E3779B97F4A7C15) >> t.shift
}

func (t *simTable) get(key uint64) (simValue, bool) {
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			return simValue{}, false
		}
		if s.key == key {
			return simValue{s.s, s.how}, true
		}
	}
}

func (t *simTable) put(key uint64, v simValue) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	for i := t.slot(key); ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.gen != t.gen {
			*s = simSlot{key: key, s: v.s, gen: t.gen, how: v.how}
			t.n++
			return
		}
		if s.key == key {
			s.s, s.how = v.s, v.how
			return
		}
	}
}

func (t *simTable) grow() {
	old := *t
	t.init(2 * len(old.slots))
	for i := range old.slots {
		if s := &old.slots[i]; s.gen == old.gen {
			t.put(s.key, simValue{s.s, s.how})
		}
	}
}
