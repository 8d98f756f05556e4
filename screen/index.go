package screen

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/names"
)

// entry is the compact form of one list record that screening needs.
type entry struct {
	id      string
	display string
	mother  string // analysed when a query gives a mother's name: rare, and it saves a quarter of the index
	owner   string
	names   []listedName
	births  []birth
	nats    []string
	places  []string // normalised birth places, city and region words
	docs    []string // document numbers as listed
	kind    athar.Kind
	gender  athar.Gender
	label   athar.TLP
}

// birth is an athar.BirthDate in 16 bytes instead of 104: a million
// records hold a million of them.
type birth struct {
	qual             athar.DateQualifier
	y, fy, ty        int16
	m, d, fm, fd, tm uint8
	td               uint8
}

func packBirth(b athar.BirthDate) birth {
	return birth{
		qual: b.Qualifier,
		y:    int16(b.Date.Year), m: uint8(b.Date.Month), d: uint8(b.Date.Day),
		fy: int16(b.From.Year), fm: uint8(b.From.Month), fd: uint8(b.From.Day),
		ty: int16(b.To.Year), tm: uint8(b.To.Month), td: uint8(b.To.Day),
	}
}

func (b birth) unpack() athar.BirthDate {
	return athar.BirthDate{
		Qualifier: b.qual,
		Date:      athar.PartialDate{Year: int(b.y), Month: int(b.m), Day: int(b.d)},
		From:      athar.PartialDate{Year: int(b.fy), Month: int(b.fm), Day: int(b.fd)},
		To:        athar.PartialDate{Year: int(b.ty), Month: int(b.tm), Day: int(b.td)},
	}
}

type listedName struct {
	name names.Name
	kind athar.NameKind
}

// maxNamesPerEntry bounds the names of one record the index holds; postings
// keep the name's position in 8 bits.
const maxNamesPerEntry = 255

// posting is an entry index (high 24 bits) and a name position (low 8 bits).
type posting uint32

func (p posting) entry() int { return int(p >> 8) }
func (p posting) name() int  { return int(p & 0xff) }

// maxEntries bounds the index: postings keep the entry index in 24 bits.
const maxEntries = 1<<24 - 1

// index is an immutable candidate index: built once, then read by any
// number of goroutines. A reload builds a new one.
type index struct {
	entries []entry
	keys    map[string][]posting // name-unit key → postings, sorted
	docs    map[string]uint32    // document number (exact and OCR-folded) → the one entry holding it
	docsN   map[string][]uint32  // the few numbers several entries hold
	freq    *names.Frequencies
	strs    map[string]string  // interned strings, dropped after the build
	uids    map[unitSig]uint32 // numbers of distinct listed units, dropped after the build
	weights []float64          // rarity weight of each numbered listed unit (names.SimCache)
	common  int                // commonKeyPostings; tests lower it
	// dense holds, for the keys of a large registry that most records
	// share (محمد, HMD), the set of entries holding them as a bitmap: two
	// such keys are intersected by a word-wise AND in microseconds, where
	// merging their postings takes milliseconds.
	dense map[string][]uint64
	prior float64 // priorFor(len(entries))
}

// buildIndex reads every record and indexes it. freq, when not nil, is the
// base frequency model to which the records' names are added.
func buildIndex(ctx context.Context, records iter.Seq2[*athar.Person, error], freq *names.Frequencies) (*index, error) {
	if freq == nil {
		freq = populationFrequencies()
	}
	ix := &index{
		keys:   make(map[string][]posting),
		docs:   make(map[string]uint32),
		docsN:  make(map[string][]uint32),
		freq:   freq,
		strs:   make(map[string]string),
		uids:   make(map[unitSig]uint32),
		common: commonKeyPostings,
	}
	n := 0
	for p, err := range records {
		if err != nil {
			return nil, fmt.Errorf("read the registry: %w", err)
		}
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		if len(ix.entries) >= maxEntries {
			return nil, fmt.Errorf("the registry holds more than %d records, more than one index can hold", maxEntries)
		}
		ix.add(p)
		n++
	}
	ix.pack()
	ix.weights = make([]float64, len(ix.uids)+1)
	for i := range ix.entries {
		for j := range ix.entries[i].names {
			for k := range ix.entries[i].names[j].name.Units {
				// Units of one number are alike (unitSig), so they weigh
				// alike: each number is weighed once (MinWeight > 0 marks
				// a slot filled).
				if u := &ix.entries[i].names[j].name.Units[k]; ix.weights[u.ID] == 0 {
					ix.weights[u.ID] = freq.Weight(u)
				}
			}
		}
	}
	ix.strs, ix.uids = nil, nil
	ix.prior = priorFor(len(ix.entries))
	ix.common = max(commonKeyPostings, len(ix.entries)/200)
	// A bitmap costs a bit per record, a posting 32 bits: from 1/32 of the
	// records on, the bitmap is the smaller of the two. 76 keys, about
	// 9.5 MB, for a million synthetic Iraqi and Syrian records.
	ix.indexDense(max(ix.common, len(ix.entries)/32))
	return ix, nil
}

// indexDense keeps a bitmap of the entries of every key with at least min
// postings.
func (ix *index) indexDense(min int) {
	ix.dense = make(map[string][]uint64)
	words := (len(ix.entries) + 63) / 64
	for k, ps := range ix.keys {
		if len(ps) < min {
			continue
		}
		bm := make([]uint64, words)
		for _, p := range ps {
			e := p.entry()
			bm[e>>6] |= 1 << (e & 63)
		}
		ix.dense[k] = bm
	}
}

// pack moves the postings into one array of the exact size, and the entries
// into a slice of the exact length: appending left up to half of each
// unused, which is hundreds of megabytes for a million records. Postings of
// one key stay in entry order.
func (ix *index) pack() {
	total := 0
	for _, ps := range ix.keys {
		total += len(ps)
	}
	arena := make([]posting, 0, total)
	for k, ps := range ix.keys {
		start := len(arena)
		arena = append(arena, ps...)
		ix.keys[k] = arena[start:len(arena):len(arena)]
	}
	ix.entries = slices.Clone(ix.entries)
	for k, ps := range ix.docsN {
		ix.docsN[k] = slices.Clip(ps)
	}
}

// intern returns a shared copy of s, so that the millions of repeated unit
// spellings and keys of a large registry are stored once.
func (ix *index) intern(s string) string {
	if v, ok := ix.strs[s]; ok {
		return v
	}
	s = strings.Clone(s)
	ix.strs[s] = s
	return s
}

func (ix *index) add(p *athar.Person) {
	e := entry{
		id:      p.ID,
		kind:    p.Kind,
		display: p.PrimaryName(),
		nats:    p.Nationalities,
		gender:  p.Gender,
		owner:   ix.intern(p.Owner),
		label:   athar.TLP(ix.intern(string(p.Label))),
	}
	seen := make(map[string]bool, len(p.Names))
	for _, n := range p.Names {
		if len(e.names) == maxNamesPerEntry {
			break
		}
		an := analyzeListed(n)
		if len(an.Units) == 0 || seen[an.Normalized] {
			continue
		}
		seen[an.Normalized] = true
		e.names = append(e.names, listedName{name: an, kind: n.Kind})
	}
	e.mother = p.MotherName
	for _, b := range p.BirthDates {
		e.births = append(e.births, packBirth(b))
	}
	for _, pl := range p.BirthPlaces {
		for _, s := range []string{pl.City, pl.Region, pl.Text} {
			if s = names.Normalize(s); s != "" {
				e.places = append(e.places, ix.intern(s))
			}
		}
	}
	idx := uint32(len(ix.entries))
	for ni := range e.names {
		ln := &e.names[ni]
		ix.freq.AddName(&ln.name)
		for ui := range ln.name.Units {
			for _, k := range ln.name.Units[ui].Keys {
				if _, ok := ix.keys[k]; !ok {
					k = ix.intern(k)
				}
				ps := ix.keys[k]
				pst := posting(idx<<8 | uint32(ni))
				if len(ps) > 0 && ps[len(ps)-1] == pst {
					continue
				}
				ix.keys[k] = append(ps, pst)
			}
		}
		ix.compact(&ln.name)
	}
	for _, d := range p.Documents {
		if d.Number != "" {
			e.docs = append(e.docs, d.Number)
		}
		n := NormalizeDocument(d.Number)
		if len(n) < 4 {
			continue // too short to tell people apart
		}
		ix.addDoc(n, idx)
		if f := ocrFold(n); f != n {
			ix.addDoc(f, idx)
		}
	}
	ix.entries = append(ix.entries, e)
}

func (ix *index) addDoc(k string, idx uint32) {
	if ps, ok := ix.docsN[k]; ok {
		if ps[len(ps)-1] != idx {
			ix.docsN[k] = append(ps, idx)
		}
		return
	}
	if e, ok := ix.docs[k]; ok {
		if e != idx {
			delete(ix.docs, k)
			ix.docsN[k] = []uint32{e, idx}
		}
		return
	}
	ix.docs[k] = idx
}

// docEntries returns the entries holding a document number.
func (ix *index) docEntries(k string) []uint32 {
	if e, ok := ix.docs[k]; ok {
		return []uint32{e}
	}
	return ix.docsN[k]
}

// analyzeListed analyses a listed name, using its parts when the source gave
// them (their roles are surer than word order).
func analyzeListed(n athar.Name) names.Name {
	if n.Parts != nil && (n.Parts.Given != "" || n.Parts.Father != "") {
		an := names.AnalyzeParts(*n.Parts)
		an.Original = n.Full
		return an
	}
	return names.Analyze(n.Full)
}

// compact interns the strings of an analysed name, to keep a million
// records within memory.
func (ix *index) compact(n *names.Name) {
	n.Normalized = "" // compared and deduplicated already; only Original is shown
	n.Titles = nil
	n.Units = slices.Clip(n.Units)
	for i := range n.Units {
		u := &n.Units[i]
		u.Text = ix.intern(u.Text)
		u.Norm = ix.intern(u.Norm)
		u.Phon = ix.intern(u.Phon)
		// Only the first key (the frequency key) is read after indexing;
		// a fresh one-element slice lets the rest be freed.
		if len(u.Keys) > 0 {
			u.Keys = []string{ix.intern(u.Keys[0])}
		}
		// Equal units share a number, so that a query compares each
		// distinct unit once (names.SimCache).
		sig := unitSig{phon: u.Phon, norm: u.Norm, kind: u.Kind, script: u.Script}
		id, ok := ix.uids[sig]
		if !ok {
			id = uint32(len(ix.uids) + 1)
			ix.uids[sig] = id
		}
		u.ID = id
	}
}

// unitSig is what makes two listed units compare alike with any query unit.
type unitSig struct {
	phon, norm string
	kind       names.UnitKind
	script     names.Script
}

// keyStat is one query key with its postings.
type keyStat struct {
	unit int // the query unit it belongs to
	ps   []posting
	bits []uint64 // the entries of ps as a bitmap, for dense keys (index.dense)
}

// Candidate retrieval limits. A common key, one held by more than 0.5% of
// the records (and at least commonKeyPostings: محمد, علي or الجبوري in a
// million Iraqi records), is not walked while rarer keys of the query have
// found candidates; the full comparison still sees it. maxCandidates bounds
// the records compared in full.
const (
	commonKeyPostings = 2000 // at least; a large registry allows 0.5% of its records
	maxCandidates     = 100
	maxTiedCandidates = 300
	minCandidates     = 30
	candidateShare    = 0.15
)

// scratch is per-goroutine working memory for candidate retrieval.
type scratch struct {
	ix      *index // the index it is sized and numbered for
	slots   []slot // one per entry, together so that a credit touches one cache line
	visible int    // touched entries the caller may see
	entries []entry
	canSee  func(string, athar.TLP) bool
	touched []uint32
	keys    []keyStat
	cands   []cand
	all     []cand
	match   names.Match
	sims    *names.SimCache // unit likeness for the current query
	isect   [2][]posting    // intersections of common keys' postings
	bits    [2][]uint64     // intersections of dense keys' bitmaps
}

// slot is what retrieval keeps for one entry.
type slot struct {
	seen   uint64  // the query units (bit i) that credited the entry
	hit    uint64  // the entry's names (bit i; bit 63 for 63 and up) that keys reached
	acc    float32 // accumulated weight
	hidden bool    // the caller may not see the entry
}

type cand struct {
	entry uint32
	w     float32
	names uint64 // the entry's names worth comparing (bit 63: 63 and up)
}

func (ix *index) newScratch() *scratch {
	sims := names.NewSimCache()
	sims.SetWeights(ix.weights)
	return &scratch{
		ix:    ix,
		slots: make([]slot, len(ix.entries)),
		sims:  sims,
	}
}

// docBit marks credit from a document number.
const docBit = 63

// credit adds w to the entry once per query unit, however many of the
// unit's keys (or names of the entry) reach it.
func (s *scratch) credit(e uint32, unit int, w float32, names uint64) {
	bit := uint64(1) << min(unit, docBit)
	sl := &s.slots[e]
	m := sl.seen
	if m == 0 {
		s.touched = append(s.touched, e)
		sl.hidden = s.hides(int(e))
		if !sl.hidden {
			s.visible++
		}
	}
	sl.hit |= names
	if m&bit != 0 {
		return
	}
	sl.seen = m | bit
	sl.acc += w
}

// hides reports whether the caller may not see entry e.
func (s *scratch) hides(e int) bool {
	if s.canSee == nil {
		return false
	}
	x := &s.entries[e]
	return !s.canSee(x.owner, x.label)
}

func (s *scratch) reset() {
	for _, e := range s.touched {
		s.slots[e] = slot{}
	}
	s.touched = s.touched[:0]
	s.visible = 0
	s.keys = s.keys[:0]
	s.cands = s.cands[:0]
}

// creditCommon credits the records holding the common units of a query, by
// intersecting their postings (sorted by entry) from the least common on:
// while the intersection stays large, one more unit narrows it. A unit that
// would empty it is passed over. The records of the first unit alone are
// credited only when no two units meet.
func (ix *index) creditCommon(s *scratch, common []keyStat, qweights []float32, birthYear int) {
	// common is in ascending order of postings already (s.keys was sorted).
	used := []keyStat{common[0]}
	// The intersection so far is a bitmap while every key has one (all are
	// dense), then postings. Two buffers kept in the scratch take turns
	// holding it; the first is the index's own and is never written.
	var cur []posting
	var curBits []uint64
	n := 0 // entries in curBits
	if common[0].bits != nil {
		curBits = common[0].bits
		n = countBits(curBits)
	} else {
		cur = common[0].ps
	}
	bufs, bitBufs := &s.isect, &s.bits
	turn := 0
	for _, ks := range common[1:] {
		if (curBits != nil && n <= maxCandidates) || (curBits == nil && len(cur) <= maxCandidates) {
			break
		}
		if slices.ContainsFunc(used, func(u keyStat) bool { return samePostings(u.ps, ks.ps) }) {
			// Two units under one key (أحمد and حمد both read HMD):
			// intersecting a list with itself changes nothing.
			used = append(used, ks)
			continue
		}
		switch {
		case curBits != nil && ks.bits != nil:
			if cap(bitBufs[turn]) < len(curBits) {
				bitBufs[turn] = make([]uint64, len(curBits))
			}
			next := bitBufs[turn][:len(curBits)]
			m := andBits(next, curBits, ks.bits)
			if m == 0 {
				continue
			}
			curBits, n = next, m
		case curBits != nil:
			// Keys come in ascending order of postings, and every key from
			// the dense threshold on has a bitmap: none without one follows
			// a key with one.
			continue
		case ks.bits != nil:
			next := filterBits(bufs[turn][:0], cur, ks.bits)
			bufs[turn] = next[:0]
			if len(next) == 0 {
				continue
			}
			cur = next
		default:
			next := intersect(bufs[turn][:0], cur, ks.ps)
			bufs[turn] = next[:0]
			if len(next) == 0 {
				continue
			}
			cur = next
		}
		turn ^= 1
		used = append(used, ks)
	}
	// Records the caller may not see are dropped before any cut, so that
	// they cannot fill the places of those it may see.
	hides := s.hides
	if curBits != nil {
		// Entries as postings of name 0: the crediting below finds each
		// entry's names in the keys' own postings. Without a birth year
		// only the first maxTiedCandidates can be kept.
		limit := n
		if birthYear == 0 {
			limit = min(n, maxTiedCandidates)
		}
		cur = appendEntries(bufs[turn][:0], curBits, limit, hides)
		bufs[turn] = cur[:0]
		hides = nil // dropped already
	}
	if len(cur) > maxTiedCandidates {
		// Thousands of records hold every unit (أحمد علي in a million): the
		// name cannot rank them, and comparing them all would take
		// milliseconds. Keep those born within two years of the query's
		// birth year first, when it gives one, then the rest up to the bound.
		cur = ix.preferBirthYear(cur, birthYear, maxTiedCandidates, hides)
	}
	for _, ks := range used {
		w := qweights[ks.unit]
		// Credit through the key's own postings (for the names they name),
		// found by a galloping search (seek): the intersection is small,
		// the list long.
		j := 0
		for i := 0; i < len(cur); i++ {
			e := cur[i].entry()
			if i > 0 && cur[i-1].entry() == e {
				continue
			}
			j = seek(ks.ps, j, e)
			for ; j < len(ks.ps) && ks.ps[j].entry() == e; j++ {
				s.credit(uint32(e), min(ks.unit, docBit-1), w, 1<<min(ks.ps[j].name(), 63))
			}
		}
	}
}

// preferBirthYear returns at most n postings of ps, in entry order: first
// those whose record gives a birth year within two years of year (when year
// is known), then the others; never one of a hidden record (hidden may be
// nil: none is).
func (ix *index) preferBirthYear(ps []posting, year, n int, hidden func(int) bool) []posting {
	out := make([]posting, 0, n)
	taken := make([]bool, len(ps))
	if hidden != nil {
		for i, p := range ps {
			taken[i] = hidden(p.entry())
		}
	}
	if year != 0 {
		for i, p := range ps {
			if len(out) == n {
				break
			}
			if taken[i] {
				continue
			}
			for _, b := range ix.entries[p.entry()].births {
				lo, hi := int(b.y), int(b.y)
				if b.qual == athar.DateBetween {
					lo, hi = int(b.fy), int(b.ty)
				}
				if year >= lo-2 && year <= hi+2 {
					out, taken[i] = append(out, p), true
					break
				}
			}
		}
	}
	for i, p := range ps {
		if len(out) == n {
			break
		}
		if !taken[i] {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// intersect appends to dst the postings of a whose entries also appear in b.
// Both are sorted by entry. When a is much the shorter, it looks each entry
// up in b instead of walking b.
func intersect(dst, a, b []posting) []posting {
	if len(a)*8 < len(b) {
		j := 0
		for _, p := range a {
			j = seek(b, j, p.entry())
			if j == len(b) {
				break
			}
			if b[j].entry() == p.entry() {
				dst = append(dst, p)
			}
		}
		return dst
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ea, eb := a[i].entry(), b[j].entry()
		switch {
		case ea < eb:
			i++
		case ea > eb:
			j++
		default:
			dst = append(dst, a[i])
			i++
		}
	}
	return dst
}

// andBits sets dst to a AND b and returns how many bits are set.
func andBits(dst, a, b []uint64) int {
	n := 0
	b = b[:len(a)]
	for i := range a {
		w := a[i] & b[i]
		dst[i] = w
		n += bits.OnesCount64(w)
	}
	return n
}

func countBits(bm []uint64) int {
	n := 0
	for _, w := range bm {
		n += bits.OnesCount64(w)
	}
	return n
}

// filterBits appends to dst the postings of ps whose entry is set in bm.
func filterBits(dst, ps []posting, bm []uint64) []posting {
	for _, p := range ps {
		if e := p.entry(); bm[e>>6]&(1<<(e&63)) != 0 {
			dst = append(dst, p)
		}
	}
	return dst
}

// appendEntries appends to dst, in entry order, a posting (of name 0) for
// each of the first limit entries set in bm.
func appendEntries(dst []posting, bm []uint64, limit int, hidden func(int) bool) []posting {
	for i, w := range bm {
		for w != 0 && limit > 0 {
			e := i<<6 | bits.TrailingZeros64(w)
			w &= w - 1
			if hidden(e) {
				continue
			}
			dst = append(dst, posting(e<<8))
			limit--
		}
		if limit == 0 {
			break
		}
	}
	return dst
}

// samePostings reports whether two posting lists are the same list of the
// index.
func samePostings(a, b []posting) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// seek returns the first index at or after from whose posting's entry is
// at least e (len(ps) if none). It gallops from from, then bisects: the
// entries looked up come in order, so each search starts where the last
// ended and costs the log of the gap, not of the whole list.
func seek(ps []posting, from, e int) int {
	if from >= len(ps) || ps[from].entry() >= e {
		return from
	}
	// ps[lo] < e; find hi with ps[hi] >= e or hi = len(ps).
	lo, step := from, 1
	hi := lo + step
	for hi < len(ps) && ps[hi].entry() < e {
		lo = hi
		step *= 2
		hi = lo + step
	}
	if hi > len(ps) {
		hi = len(ps)
	}
	for lo+1 < hi {
		m := int(uint(lo+hi) >> 1)
		if ps[m].entry() < e {
			lo = m
		} else {
			hi = m
		}
	}
	return hi
}

// topCands sorts the best k candidates first, by weight then entry, and
// returns them. For a long list it selects them with a bounded heap instead
// of sorting everything.
func topCands(cs []cand, k int) []cand {
	better := func(a, b cand) bool { return a.w > b.w || (a.w == b.w && a.entry < b.entry) }
	if len(cs) > 4*k {
		// A min-heap (by "better") of the best k seen so far, in cs[:k].
		h := cs[:k]
		down := func(i int) {
			for {
				l := 2*i + 1
				if l >= k {
					return
				}
				m := l
				if r := l + 1; r < k && better(h[l], h[r]) {
					m = r
				}
				if !better(h[i], h[m]) {
					return
				}
				h[i], h[m] = h[m], h[i]
				i = m
			}
		}
		for i := k/2 - 1; i >= 0; i-- {
			down(i)
		}
		for _, c := range cs[k:] {
			if better(c, h[0]) {
				h[0] = c
				down(0)
			}
		}
		cs = h
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if c := cmp.Compare(b.w, a.w); c != 0 {
			return c
		}
		return cmp.Compare(a.entry, b.entry)
	})
	if len(cs) > k {
		cs = cs[:k]
	}
	return cs
}

// candidates returns the entries most worth comparing in full with the
// query names, best first: those sharing the rarest, heaviest units.
// Records canSee rejects are left out before the cut, so that they take no
// place among the candidates. s.sims must have been reset for this query:
// it is left holding the query units' weights.
func (ix *index) candidates(s *scratch, qnames []names.Name, docs []string, birthYear int, canSee func(string, athar.TLP) bool) []cand {
	s.reset()
	s.entries, s.canSee = ix.entries, canSee
	unit := int32(0)
	for qi := range qnames {
		us := qnames[qi].Units
		for ui := range us {
			for _, k := range us[ui].Keys {
				if ps := ix.keys[k]; len(ps) > 0 {
					ks := keyStat{unit: int(unit) + ui, ps: ps}
					if len(ps) > ix.common {
						ks.bits = ix.dense[k]
					}
					s.keys = append(s.keys, ks)
				}
			}
		}
		unit += int32(len(us))
	}
	// Rarest keys first; walk common keys only while nothing rarer found
	// candidates, so a query of common names alone still finds its people.
	slices.SortFunc(s.keys, func(a, b keyStat) int { return cmp.Compare(len(a.ps), len(b.ps)) })
	// Each query unit's rarity, once: a unit has several keys. The
	// query's SimCache keeps it for the comparisons that follow, which
	// would otherwise weigh every unit again.
	qweights := make([]float32, 0, unit)
	for qi := range qnames {
		s.sims.SetQueryName(qi)
		for ui := range qnames[qi].Units {
			qweights = append(qweights, float32(s.sims.QueryWeight(ix.freq, ui, &qnames[qi].Units[ui])))
		}
	}
	var common []keyStat // the least common key of each unit whose keys are all common
	for _, ks := range s.keys {
		if len(ks.ps) > ix.common {
			if !slices.ContainsFunc(common, func(c keyStat) bool { return c.unit == ks.unit }) {
				common = append(common, ks)
			}
			continue
		}
		w := qweights[ks.unit]
		for _, p := range ks.ps {
			s.credit(uint32(p.entry()), min(ks.unit, docBit-1), w, 1<<min(p.name(), 63))
		}
	}
	if s.visible == 0 && len(common) > 0 {
		// Every key is common (محمد علي حسين in a million Iraqi records):
		// credit the records that hold the most units, found by merging the
		// sorted postings, which reads memory in order instead of touching a
		// slot per posting.
		ix.creditCommon(s, common, qweights, birthYear)
	}
	for _, d := range docs {
		for _, k := range []string{d, ocrFold(d)} {
			for _, e := range ix.docEntries(k) {
				s.credit(e, docBit, float32(names.MaxWeight*2), ^uint64(0))
			}
		}
	}
	// Entries that share far less than the best are not worth a full
	// comparison: they could not outrank it. Filtering before sorting keeps
	// a query of common names from sorting tens of thousands of entries.
	var best float32
	for _, e := range s.touched {
		if sl := &s.slots[e]; !sl.hidden && sl.acc > best {
			best = sl.acc
		}
	}
	floor := best * candidateShare
	for _, e := range s.touched {
		if sl := &s.slots[e]; !sl.hidden && sl.acc >= floor {
			s.cands = append(s.cands, cand{entry: e, w: sl.acc, names: sl.hit})
		}
	}
	if len(s.cands) < minCandidates { // keep a few more to choose from
		s.cands = s.cands[:0]
		for _, e := range s.touched {
			if sl := &s.slots[e]; !sl.hidden {
				s.cands = append(s.cands, cand{entry: e, w: sl.acc, names: sl.hit})
			}
		}
	}
	if len(s.cands) > maxCandidates {
		// Records that tie with the last one kept stay too (up to a bound):
		// cutting a tie by record order would drop some of them at random
		// (MOHAMMAD AHMADI among a hundred Muhammad Ahmads).
		all := append(s.all[:0], s.cands...)
		kth := topCands(s.cands, maxCandidates)[maxCandidates-1].w
		s.cands = s.cands[:0]
		for _, c := range all {
			if c.w >= kth {
				s.cands = append(s.cands, c)
			}
		}
		s.all = all
	}
	s.cands = topCands(s.cands, maxTiedCandidates)
	s.canSee = nil // the pool must not keep the caller's closure
	return s.cands
}
