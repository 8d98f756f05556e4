package screen

import (
	"math"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/names"
)

// Match is one list record the query may be, with its score and why.
type Match struct {
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Kind        athar.Kind  `json:"kind"`
	Score       float64     `json:"score"`
	Explanation Explanation `json:"explanation"`
}

// Explanation says how the score came about. The score is the logistic of
// Logit, and Logit is Prior plus the name evidence plus every feature's
// weight, all in natural-log odds.
type Explanation struct {
	Name     NameEvidence `json:"name"`
	Features []Feature    `json:"features"`
	Prior    float64      `json:"prior"`
	Logit    float64      `json:"logit"`
	Capped   string       `json:"capped,omitempty"`     // why the score was held down, if it was
	CapCode  string       `json:"cap_reason,omitempty"` // the same as a code: weak_alias, kunya_only, given_differs, given_misspelt, father_differs, son, father
	CapLimit float64      `json:"cap,omitempty"`        // the most the name counted for
}

// NameEvidence is the best-matching pair of names of query and record.
type NameEvidence struct {
	Query      string     `json:"query"`
	Listed     string     `json:"listed"`
	ListedKind string     `json:"listed_kind"` // primary, alias, weak_alias, original_script, former
	Similarity float64    `json:"similarity"`  // names.Compare's score, in [0, 1]
	Weight     float64    `json:"weight"`      // the evidence, in log-odds
	Units      []UnitPair `json:"units"`
	QueryLeft  []string   `json:"query_left"`  // query units with no partner
	ListedLeft []string   `json:"listed_left"` // listed units with no partner
	Notes      []string   `json:"notes,omitempty"`
}

// UnitPair is one name unit of the query matched with one of the record.
type UnitPair struct {
	Query      string  `json:"query"`
	Listed     string  `json:"listed"`
	Role       string  `json:"role"` // the query unit's role: given, father, family, kunya, ...
	How        string  `json:"how"`  // exact, variant, cross-script, typo, initial
	Similarity float64 `json:"similarity"`
	Rarity     float64 `json:"rarity"` // the unit's agreement weight in bits: high for rare names
	Shifted    bool    `json:"shifted,omitempty"`
}

// The name model. Evidence is counted in bits as the names package weighs
// units (log2 m/u), then turned into natural-log odds.
const (
	// simFloor is the unit similarity below which an aligned pair gives no
	// evidence; from there it rises linearly to full weight at 1.
	simFloor = 0.6
	// shiftedShare is what a nasab link matched at another depth keeps
	// (the query's father matching the list's grandfather): weaker evidence.
	shiftedShare = 0.5
	// conflictBits is charged for each unit both names have and that differ.
	conflictBits = 3.0
	// extraBits is charged for each unit only one name has (missing
	// information, not a difference).
	extraBits = 0.5
	// chainConflictBits is charged, beyond conflictBits, when both names
	// give a father (or a grandfather) and the two differ: the nasab is how
	// Iraqi and Syrian records tell namesakes apart.
	chainConflictBits = 1.5
	// familyConflictBits is charged, beyond conflictBits, when both names
	// give a family or tribe and none of them agree.
	familyConflictBits = 1.0
	// maxUnits bounds the units of a name looked at for positions.
	maxUnits = 16
	// attested is the count from which the frequency model takes a unit for
	// a name of its own: two such names a letter apart (مهند, محمد) are two
	// names, not a typo.
	attested = 5
	// maxWeakScore caps a match made on a weak alias (kunya, nom de guerre)
	// alone; maxKunyaScore one made on kunya units alone.
	maxWeakScore  = 0.75
	maxKunyaScore = 0.6
	// When the given names differ (or one name's given name is the other's
	// father: a son), agreement on the rest shows kinship, not identity: the
	// score is held between kinCapLow and kinCapHigh, higher the closer the
	// two given names are spelt (a typo in the given name stays visible).
	kinCapLow  = 0.1
	kinCapHigh = 0.3
	kinFloor   = names.NearFloor // the likeness of two given names from which kinCap rises
	// fatherCap holds a match whose fathers' names differ.
	fatherCap = 0.45
	// typoFloor is the likeness from which two unaligned units may be one
	// name misspelt; such a pair earns up to nearShare of its weight.
	typoFloor = 0.5
	nearShare = 0.5
	// A given name spelt close to the other (GHAZL / GHAZI) may be a
	// misspelling: held between typoCapLow and typoCapHigh, where the birth
	// date decides.
	typoCapLow  = 0.4
	typoCapHigh = 0.6
	// misspeltSim is the likeness given to two spellings a keystroke apart
	// that sound unlike (GHAZL / GHAZI, HURAD / MURAD): midway between
	// typoFloor and an aligned pair, so such a pair earns a quarter of its
	// weight and a given name so misspelt is held at the middle of the
	// typo caps.
	misspeltSim = names.UnitThreshold
)

// nameEvidence turns a names.Match into log-odds evidence and an
// explanation. It also returns the cap the name comparison puts on the score
// (1 for none) and why.
//
// sims, when not nil, remembers unit likeness across the query's calls.
// need is the least evidence (natural log) that can still change the
// answer: when the aligned pairs and every leftover taken for a misspelling
// could not reach it, the rest is not worked out and that bound is
// returned, with no cap (math.Inf(-1): always work it out).
func nameEvidence(q, l *names.Name, m *names.Match, freq *names.Frequencies, sims *names.SimCache, need float64, explain bool) (float64, nameLimit, NameEvidence) {
	var ev NameEvidence
	var a alignment
	a.init(q, l, m, freq)
	a.sims = sims
	bits := a.pairBits(&ev, explain)
	if !explain && !math.IsInf(need, -1) {
		most := bits
		for i := range min(len(q.Units), maxUnits) {
			if a.pairedQ[i] < 0 {
				most += nearShare * sims.QueryWeight(freq, i, &q.Units[i])
			}
		}
		if most*math.Ln2 < need {
			return most * math.Ln2, nameLimit{Limit: 1}, ev
		}
	}
	bits += a.nearBits(&ev, explain)
	lo, hi := min(a.leftQ, a.leftL)-a.near, max(a.leftQ, a.leftL)-a.near
	bits -= conflictBits*float64(max(lo, 0)) + extraBits*float64(max(hi-lo, 0))
	bits -= a.conflictBits(&ev, explain)
	lim := a.limit(explain)
	if explain {
		for _, i := range m.LeftA {
			ev.QueryLeft = append(ev.QueryLeft, q.Units[i].Text)
		}
		for _, j := range m.LeftB {
			ev.ListedLeft = append(ev.ListedLeft, l.Units[j].Text)
		}
		if ev.Units == nil {
			ev.Units = []UnitPair{}
		}
		if lim.Why != "" {
			ev.Notes = append(ev.Notes, lim.Why)
		}
	}
	ev.Similarity = round(m.Score, 3)
	ev.Weight = round(bits*math.Ln2, 3)
	return bits * math.Ln2, lim, ev
}

// alignment is what nameEvidence works out from a names.Match: which unit of
// each name is paired with which, which leftovers look like one name
// misspelt, and what is left.
type alignment struct {
	q, l          *names.Name
	m             *names.Match
	freq          *names.Frequencies
	sims          *names.SimCache
	pairedQ       [maxUnits]int // the listed unit a query unit is aligned with, or -1
	pairedL       [maxUnits]int
	nearQ, nearL  [maxUnits]int // leftovers spelt alike, or -1
	near          int           // how many near pairs
	leftQ, leftL  int           // units with no partner, two-name pairs included
	pairs         int           // pairs that count
	onlyKunya     bool          // every counted pair is a kunya
	fatherDiffers bool          // both give a father, and they differ
}

// init sets the alignment up for a comparison. It fills a value the caller
// holds (on its stack: nameEvidence runs for every name compared).
func (a *alignment) init(q, l *names.Name, m *names.Match, freq *names.Frequencies) {
	*a = alignment{q: q, l: l, m: m, freq: freq, leftQ: len(m.LeftA), leftL: len(m.LeftB)}
	for i := range a.pairedQ {
		a.pairedQ[i], a.pairedL[i], a.nearQ[i], a.nearL[i] = -1, -1, -1, -1
	}
	for _, p := range m.Pairs {
		if !p.JoinA && !p.JoinB && distinctNames(&q.Units[p.A], &l.Units[p.B], freq, p.How) {
			a.leftQ++
			a.leftL++
			continue
		}
		if p.A < maxUnits && p.B < maxUnits {
			a.pairedQ[p.A], a.pairedL[p.B] = p.B, p.A
			// One word matched with two (آخوند زاده / Akhundzada): the
			// second is matched too.
			if p.JoinA && p.A+1 < maxUnits {
				a.pairedQ[p.A+1] = p.B
			}
			if p.JoinB && p.B+1 < maxUnits {
				a.pairedL[p.B+1] = p.A
			}
		}
	}
}

// pairBits is the evidence of the aligned pairs: each unit's rarity, scaled
// by how alike the spellings are, and halved for a nasab link matched at
// another depth.
func (a *alignment) pairBits(ev *NameEvidence, explain bool) float64 {
	q, l := a.q, a.l
	var bits float64
	a.onlyKunya = true
	for _, p := range a.m.Pairs {
		qu, lu := &q.Units[p.A], &l.Units[p.B]
		// A word matched with two (ABDEL | RAHMAN as fields) is judged as
		// the two together, not by its first word's key.
		if !p.JoinA && !p.JoinB && distinctNames(qu, lu, a.freq, p.How) {
			if explain {
				ev.Notes = append(ev.Notes, qu.Text+" and "+lu.Text+" are two different names")
				ev.QueryLeft = append(ev.QueryLeft, qu.Text)
				ev.ListedLeft = append(ev.ListedLeft, lu.Text)
			}
			continue
		}
		a.pairs++
		share := (p.Similarity - simFloor) / (1 - simFloor)
		share = math.Max(0, math.Min(1, share))
		if p.Shifted {
			share *= shiftedShare
		}
		bits += p.Weight * share
		if qu.Kind != names.KindKunya {
			a.onlyKunya = false
		}
		if explain {
			qt, lt := qu.Text, lu.Text
			if p.JoinA && p.A+1 < len(q.Units) {
				qt += " " + q.Units[p.A+1].Text
			}
			if p.JoinB && p.B+1 < len(l.Units) {
				lt += " " + l.Units[p.B+1].Text
			}
			ev.Units = append(ev.Units, UnitPair{
				Query: qt, Listed: lt, Role: qu.Role.String(),
				How: p.How.String(), Similarity: round(p.Similarity, 3), Rarity: round(p.Weight, 2), Shifted: p.Shifted,
			})
		}
	}
	if a.pairs == 0 {
		a.onlyKunya = false
	}
	return bits
}

// nearBits pairs the leftovers spelt alike (JUNIS / YUNIS): probably one
// name misspelt. They cost nothing and earn part of their weight, rising
// with the likeness, at most half a full match: ESLAKI is probably ESLAMI,
// but not surely. Two known names are never taken for a misspelling.
func (a *alignment) nearBits(ev *NameEvidence, explain bool) float64 {
	q, l := a.q, a.l
	var bits float64
	for i := range min(len(q.Units), maxUnits) {
		if a.pairedQ[i] >= 0 {
			continue
		}
		bj, best := -1, typoFloor
		for j := range min(len(l.Units), maxUnits) {
			if a.pairedL[j] >= 0 || a.nearL[j] >= 0 {
				continue
			}
			sim, typed := a.nearSim(i, j, typoFloor)
			if sim < best || names.KnownDistinct(&q.Units[i], &l.Units[j]) {
				continue
			}
			if !typed && distinctNames(&q.Units[i], &l.Units[j], a.freq, names.HowTypo) {
				continue
			}
			bj, best = j, sim
		}
		if bj < 0 {
			continue
		}
		a.nearQ[i], a.nearL[bj] = bj, i
		a.near++
		t := (best - typoFloor) / (names.UnitThreshold - typoFloor)
		w := min(a.sims.QueryWeight(a.freq, i, &q.Units[i]), a.sims.ListedWeight(a.freq, &l.Units[bj]))
		bits += nearShare * w * math.Max(0, math.Min(1, t))
		if explain {
			ev.Notes = append(ev.Notes, q.Units[i].Text+" and "+l.Units[bj].Text+" may be one name misspelt")
		}
	}
	return bits
}

// nearSim is how alike two unaligned units are, for taking them for one
// name misspelt. Spellings a keystroke apart count as misspeltSim alike
// however unlike they sound (GHAZL / GHAZI), unless the lexicon knows both
// (حامد, حماد); typed then reports that they are taken for a typing slip,
// which the callers' tests of common names must not undo.
//
// Likeness below floor reads as 0, which is cheaper to find.
func (al *alignment) nearSim(i, j int, floor float64) (sim float64, typed bool) {
	a, b := &al.q.Units[i], &al.l.Units[j]
	s, _ := al.sims.NearSimilarity(i, a, b, floor)
	if slip(a, b) {
		return max(s, misspeltSim), true
	}
	return s, false
}

// slip reports two spellings a keystroke apart that the lexicon does not
// both know: a typing slip, not two names.
func slip(a, b *names.Unit) bool {
	return names.Misspelt(a, b) && !(a.Known() && b.Known())
}

// conflictBits charges the positions both names fill and that disagree:
// the father, the grandfather, the family. Only where both analyses are sure
// of the roles; Latin names in Western order are not.
func (a *alignment) conflictBits(ev *NameEvidence, explain bool) float64 {
	q, l := a.q, a.l
	var bits float64
	for d := 1; d <= 2; d++ {
		qi, li := unitAtDepth(q, d), unitAtDepth(l, d)
		if qi < 0 || li < 0 || qi >= maxUnits || li >= maxUnits || a.pairedQ[qi] == li || a.nearQ[qi] == li {
			continue
		}
		if a.pairedQ[qi] >= 0 && a.pairedL[li] >= 0 {
			// Both matched elsewhere (a compound split over two fields
			// moves the rest of the chain down): no name is contradicted.
			continue
		}
		if q.Units[qi].Confidence < 0.7 || l.Units[li].Confidence < 0.7 {
			continue
		}
		bits += chainConflictBits
		if d == 1 && a.pairedQ[qi] < 0 && a.pairedL[li] < 0 {
			a.fatherDiffers = true
		}
		if explain {
			ev.Notes = append(ev.Notes, "the "+q.Units[qi].Role.String()+"'s names differ ("+q.Units[qi].Text+" / "+l.Units[li].Text+")")
		}
	}
	if familyConflict(q, l, a.pairedQ[:], a.pairedL[:], a.nearQ[:]) {
		bits += familyConflictBits
		if explain {
			ev.Notes = append(ev.Notes, "the family names differ")
		}
	}
	return bits
}

// limit is the cap the alignment puts on the name's score, and why.
//
// The reason is worded only when explaining: the words cost allocations on
// every comparison, and the code says enough to score.
func (a *alignment) limit(explain bool) nameLimit {
	q, l := a.q, a.l
	lim := nameLimit{Limit: 1}
	say := func(f func() string) string {
		if explain {
			return f()
		}
		return ""
	}
	givenQ, givenL := givenUnit(q), givenUnit(l)
	if givenQ >= 0 && givenL >= 0 && givenQ < maxUnits && givenL < maxUnits && a.pairs > 0 && a.pairedQ[givenQ] != givenL {
		sure := q.Units[givenQ].Confidence >= 0.8 && l.Units[givenL].Confidence >= 0.8
		switch mq, ml := a.pairedQ[givenQ], a.pairedL[givenL]; {
		case mq < 0 && ml < 0 && sure:
			// Both give a given name and the two differ: a relative, unless
			// one is a misspelling of the other.
			gq, gl := &q.Units[givenQ], &l.Units[givenL]
			s, _ := a.nearSim(givenQ, givenL, kinFloor)
			if s >= typoFloor && !names.KnownDistinct(gq, gl) {
				lim = nameLimit{typoCap(s), CapGivenMisspelt, say(func() string {
					return "the given names differ (" + gq.Text + " / " + gl.Text + "), perhaps by a misspelling"
				})}
			} else {
				lim = nameLimit{kinCap(s), CapGivenDiffers, say(func() string {
					return "the given names differ (" + gq.Text + " / " + gl.Text + "): the rest may be a relative's"
				})}
			}
		case mq < 0 && ml >= 0:
			lim = nameLimit{kinCapLow, CapSon, say(func() string {
				return "the listed given name is the query's " + q.Units[ml].Role.String() + ": a son or grandson?"
			})}
		case ml < 0 && mq >= 0 && sure:
			lim = nameLimit{kinCapLow, CapFather, say(func() string {
				return "the query's given name is the listed " + l.Units[mq].Role.String() + ": a father or grandfather?"
			})}
		}
	}
	if a.fatherDiffers && lim.Limit > fatherCap {
		// The same given name, grandfather and family with another father
		// is a cousin: the grandfather's name runs in Iraqi families.
		lim = nameLimit{fatherCap, CapFatherDiffers, "the fathers' names differ: a cousin or a namesake?"}
	}
	if a.onlyKunya {
		lim.Limit = math.Min(lim.Limit, maxKunyaScore)
		if lim.Code == "" {
			lim.Code, lim.Why = CapKunyaOnly, "only the kunya matched"
		}
	}
	return lim
}

// nameLimit is the cap a name comparison puts on the score: Limit (1 for
// none), a Code from the Cap constants and the reason in words.
type nameLimit struct {
	Limit float64
	Code  string
	Why   string
}

// Why a score was held down, as codes a user interface can translate.
const (
	CapWeakAlias     = "weak_alias"     // only a weak alias matched
	CapKunyaOnly     = "kunya_only"     // only the kunya matched
	CapGivenDiffers  = "given_differs"  // the given names differ: a relative?
	CapGivenMisspelt = "given_misspelt" // the given names differ, perhaps by a misspelling
	CapFatherDiffers = "father_differs" // the fathers' names differ: a cousin?
	CapSon           = "son"            // the listed given name is the query's father
	CapFather        = "father"         // the query's given name is the listed father
)

// typoCap is the cap for two names whose given names are spelt alike but
// were not aligned.
func typoCap(sim float64) float64 {
	t := (sim - typoFloor) / (names.UnitThreshold - typoFloor)
	t = math.Max(0, math.Min(1, t))
	return typoCapLow + t*(typoCapHigh-typoCapLow)
}

// kinCap is the cap for two names whose given names differ, by how alike
// the given names are spelt.
func kinCap(sim float64) float64 {
	t := (sim - kinFloor) / (names.UnitThreshold - kinFloor)
	t = math.Max(0, math.Min(1, t))
	return kinCapLow + t*(kinCapHigh-kinCapLow)
}

// unitAtDepth returns the index of the unit at a depth of the nasab chain,
// or -1.
func unitAtDepth(n *names.Name, d int) int {
	for i := range n.Units {
		if int(n.Units[i].Depth) == d {
			return i
		}
	}
	return -1
}

// familyConflict reports names that both give a family, tribe or nisba with
// confidence and agree on none of them.
func familyConflict(q, l *names.Name, pairedQ, pairedL, nearQ []int) bool {
	has := func(n *names.Name, paired []int) (any, matched bool) {
		for i := range n.Units {
			u := &n.Units[i]
			if u.Role != names.RoleFamily || u.Confidence < 0.8 {
				continue
			}
			any = true
			if i < len(paired) && paired[i] >= 0 {
				matched = true
			}
			if n == q && i < len(nearQ) && nearQ[i] >= 0 {
				matched = true // misspelt, not different
			}
		}
		return any, matched
	}
	qa, qm := has(q, pairedQ)
	la, lm := has(l, pairedL)
	return qa && la && !qm && !lm
}

// givenUnit returns the index of a name's given name, or -1.
func givenUnit(n *names.Name) int {
	for i := range n.Units {
		if n.Units[i].Role == names.RoleGiven && n.Units[i].Depth == 0 {
			return i
		}
	}
	return -1
}

// distinctNames reports two units the names package aligned as spellings of
// one name that are in fact two attested names (مهند and محمد): same script,
// not the same frequency key, both common enough to be names of their own.
// The key is shared by the spellings of one name in both scripts.
func distinctNames(a, b *names.Unit, freq *names.Frequencies, how names.How) bool {
	switch how {
	case names.HowTypo, names.HowVariant, names.HowCrossScript:
	default:
		return false
	}
	if a.Key() == b.Key() || slip(a, b) {
		return false
	}
	return freq.Count(a) >= attested && freq.Count(b) >= attested
}

// basePrior is the log-odds that a query and a record are the same person
// before any evidence, for a registry of up to priorRecords records; set on
// the development split of "athar eval screen" (the UN list, about 1,000
// records) so that scores read as probabilities.
const (
	basePrior    = -9.0
	priorRecords = 1000
)

// priorFor is the prior for a registry of n records. The more records, the
// more of them a query meets by coincidence: the chance that any one record
// is the person falls as 1/n, which keeps the false hits per query level
// as the registry grows (measured: athar eval screen --population).
func priorFor(n int) float64 {
	if n <= priorRecords {
		return basePrior
	}
	return basePrior - math.Log(float64(n)/priorRecords)
}

// DefaultThreshold is the score from which a record is reported by default.
const DefaultThreshold = 0.5

func sigmoid(x float64) float64 { return 1 / (1 + math.Exp(-x)) }

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// comparePlace credits a birth place the record names too. A different
// place is no contradiction: records name towns, districts or governorates.
func comparePlace(q string, listed []string) (Feature, bool) {
	if q == "" || len(listed) == 0 {
		return Feature{}, false
	}
	nq := names.Normalize(q)
	for _, l := range listed {
		for _, w := range strings.Fields(nq) {
			if len(w) < 3 {
				continue
			}
			if strings.Contains(l, w) {
				return Feature{Feature: "birth_place", Outcome: "match", Weight: wPlaceSame, Query: q, Listed: l}, true
			}
		}
	}
	return Feature{}, false
}

// compareMother compares the mother's names.
func compareMother(q *names.Name, listedName string, freq *names.Frequencies) (Feature, bool) {
	if q == nil || len(q.Units) == 0 || listedName == "" {
		return Feature{}, false
	}
	listed := names.Analyze(listedName)
	if len(listed.Units) == 0 {
		return Feature{}, false
	}
	s := names.Score(q, &listed, freq)
	f := Feature{Feature: "mother_name", Query: q.Original, Listed: listedName}
	switch {
	case s >= names.StrongMatch:
		f.Outcome, f.Weight = "match", wMotherSame
	case s < 0.5:
		f.Outcome, f.Weight = "mismatch", wMotherDiffers
	default:
		f.Outcome, f.Weight = "partial", 0
	}
	return f, true
}
