package screen

import (
	"cmp"
	"context"
	"fmt"
	"iter"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/names"
)

// Options shape a screening's answer.
type Options struct {
	// Limit is the most matches returned; 0 means DefaultLimit.
	Limit int
	// Threshold is the least score reported. Use a negative value for the
	// default; 0 reports the best matches whatever their score.
	Threshold float64
	// CanSee, when not nil, says whether the one screening may see a record
	// of the given owning organisation and sharing label. Records it may not
	// see are left out before scoring, so they never show in results or
	// counts.
	CanSee func(owner string, label athar.TLP) bool
}

// boundSlack scales the rarity a candidate's keys share with the query
// into a bound on its name evidence. Units of one key weigh the same, so the
// shared rarity bounds the agreement; the slack covers units aligned through
// other spellings than the keys reached.
const boundSlack = 1.0

// maxFeatures is the most the query's other facts could add to a score.
func maxFeatures(pq *parsed) float64 {
	f := 0.0
	if !pq.birth.IsZero() {
		f += wDateSame
	}
	if len(pq.nationalities) > 0 {
		f += wNatSame
	}
	if pq.gender != "" {
		f += wGenderSame
	}
	if pq.mother != "" {
		f += wMotherSame
	}
	if pq.birthPlace != "" {
		f += wPlaceSame
	}
	if len(pq.documents) > 0 {
		f += wDocExact
	}
	return f
}

// DefaultLimit is the number of matches returned when Options.Limit is 0.
const DefaultLimit = 10

// MaxLimit bounds Options.Limit.
const MaxLimit = 1000

// Source is what the screener reads its records from: the registry store.
type Source interface {
	Persons(ctx context.Context) iter.Seq2[*athar.Person, error]
}

// Screener screens queries against an in-memory index of the registry. It is
// safe for concurrent use; Reload swaps in a new index while queries run.
type Screener struct {
	cur atomic.Pointer[published]
}

// published is an index with the pool of scratch sized for it. They are
// published together, in one pointer, so that a query never takes the
// scratch of one index to search another.
type published struct {
	ix   *index
	pool sync.Pool // of *scratch for ix
}

// scratch takes a scratch for p.ix from the pool.
func (p *published) scratch() *scratch { return p.pool.Get().(*scratch) }

// New builds a screener over every record of src.
func New(ctx context.Context, src Source) (*Screener, error) {
	s := &Screener{}
	if err := s.Reload(ctx, src); err != nil {
		return nil, err
	}
	return s, nil
}

// NewFromRecords builds a screener over the given records, for tools that do
// not go through a store (the evaluation).
func NewFromRecords(ctx context.Context, records iter.Seq2[*athar.Person, error]) (*Screener, error) {
	ix, err := buildIndex(ctx, records, nil)
	if err != nil {
		return nil, err
	}
	s := &Screener{}
	s.swap(ix)
	return s, nil
}

// Reload rebuilds the index from src, after an import. Queries under way
// finish on the old index.
func (s *Screener) Reload(ctx context.Context, src Source) error {
	ix, err := buildIndex(ctx, src.Persons(ctx), nil)
	if err != nil {
		return err
	}
	s.swap(ix)
	return nil
}

func (s *Screener) swap(ix *index) {
	p := &published{ix: ix}
	p.pool.New = func() any { return ix.newScratch() }
	s.cur.Store(p)
}

// currentIndex is the index queries use now.
func (s *Screener) currentIndex() *index { return s.cur.Load().ix }

// Len is the number of records indexed.
func (s *Screener) Len() int { return len(s.currentIndex().entries) }

// Screen returns the records the query may be, best first. Its errors are
// *athar.Error with code EINVALID for a query that cannot be screened.
func (s *Screener) Screen(ctx context.Context, q Query, opts Options) ([]Match, error) {
	pq, err := q.parse()
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	limit := opts.Limit
	switch {
	case limit == 0:
		limit = DefaultLimit
	case limit < 0 || limit > MaxLimit:
		return nil, athar.Errorf(athar.EINVALID, "limit %d: want 1 to %d", limit, MaxLimit)
	}
	threshold := opts.Threshold
	if threshold < 0 {
		threshold = DefaultThreshold
	}
	if threshold > 1 || math.IsNaN(threshold) {
		return nil, athar.Errorf(athar.EINVALID, "threshold %v: want a score from 0 to 1", threshold)
	}

	// The index and its scratch come from one publication: a reload
	// under way swaps both for the next query, never one of them.
	cur := s.cur.Load()
	ix := cur.ix
	sc := cur.scratch()
	defer cur.pool.Put(sc)
	sc.sims.Reset()

	qn := make([]names.Name, 0, len(pq.names))
	for _, n := range pq.names {
		if a := names.Analyze(n); len(a.Units) > 0 {
			qn = append(qn, a)
		}
	}
	if len(qn) == 0 {
		return nil, athar.Errorf(athar.EINVALID, "the name has no letters to screen")
	}
	var mother *names.Name
	if pq.mother != "" {
		m := names.Analyze(pq.mother)
		mother = &m
	}

	type scored struct {
		entry uint32
		logit float64 // the name's evidence held at its cap, plus the features
		raw   float64 // the name's evidence uncapped: ranks ties at a cap
		score float64
		best  [2]int // query name, listed name
		// kin is the cap of a name that reads as a relative's (another
		// given name, a son, a father): other facts may lower it but
		// never lift it over the cap. 0 for none.
		kin float64
	}
	prior := ix.prior
	var found []scored
	// Candidates come best first by the rarity their keys share with the
	// query. Once a candidate's bound cannot reach the threshold, or the
	// score of the limit-th best match so far, neither can any after it.
	floor := math.Inf(-1)
	if threshold > 0 {
		floor = logit(threshold)
	}
	maxFeat := maxFeatures(pq)
	var top []float64 // the best logits so far, at most limit, descending
	for _, c := range ix.candidates(sc, qn, pq.documents, pq.birth.Year, opts.CanSee) {
		bound := prior + boundSlack*math.Ln2*float64(c.w) + maxFeat
		if bound < floor || (len(top) == limit && bound < top[limit-1]) {
			break
		}
		// The least name evidence that could still put this record in
		// the answer, for nameEvidence to stop early below it.
		need := floor
		if len(top) == limit {
			need = max(need, top[limit-1])
		}
		need -= prior + maxFeat
		e := &ix.entries[c.entry]
		best := scored{entry: c.entry, logit: prior, raw: prior}
		if len(e.names) > 0 {
			best.logit, best.raw = math.Inf(-1), math.Inf(-1)
		}
		for qi := range qn {
			for li := range e.names {
				if c.names&(1<<min(li, 63)) == 0 {
					continue // no key of the query reached this name
				}
				sc.sims.SetQueryName(qi)
				names.CompareIntoCached(&sc.match, &qn[qi], &e.names[li].name, ix.freq, sc.sims)
				w, lim, _ := nameEvidence(&qn[qi], &e.names[li].name, &sc.match, ix.freq, sc.sims, need, false)
				raw := prior + w
				lg := math.Min(raw, logit(nameCap(e.names[li].kind, lim.Limit)))
				if lg > best.logit || (lg == best.logit && raw > best.raw) {
					best.logit, best.raw, best.best = lg, raw, [2]int{qi, li}
					best.kin = 0
					if kinship(lim.Code) {
						best.kin = logit(lim.Limit)
					}
				}
			}
		}
		// Features are the same whichever names matched; add them once.
		for _, f := range features(pq, mother, e, ix.freq) {
			best.logit += f.Weight
		}
		if best.kin != 0 && best.logit > best.kin {
			best.logit = best.kin
		}
		best.score = sigmoid(best.logit)
		found = append(found, best)
		i, _ := slices.BinarySearchFunc(top, best.logit, func(a, b float64) int { return cmp.Compare(b, a) })
		if i < limit {
			top = slices.Insert(top, i, best.logit)
			if len(top) > limit {
				top = top[:limit]
			}
		}
	}
	slices.SortFunc(found, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.raw, a.raw); c != 0 {
			return c
		}
		return cmp.Compare(ix.entries[a.entry].id, ix.entries[b.entry].id)
	})
	out := make([]Match, 0, min(limit, len(found)))
	for _, f := range found {
		if len(out) == limit || f.score < threshold {
			break
		}
		out = append(out, s.explain(ix, qn, pq, mother, f.entry, f.best, f.score, f.logit, f.raw))
	}
	return out, nil
}

// nameCap is the most a name match may say on its own: the comparison's
// limit, and less for a weak alias. The other evidence (birth date,
// documents) still moves the score from there.
func nameCap(kind athar.NameKind, limit float64) float64 {
	if kind == athar.NameWeak {
		return math.Min(limit, maxWeakScore)
	}
	return limit
}

// logit is the inverse of sigmoid.
func logit(p float64) float64 {
	if p >= 1 {
		return math.Inf(1)
	}
	return math.Log(p / (1 - p))
}

// features compares everything beside the name.
func features(pq *parsed, mother *names.Name, e *entry, freq *names.Frequencies) []Feature {
	var fs []Feature
	if f, ok := compareBirth(pq.birth, e.births); ok {
		fs = append(fs, f)
	}
	if f, ok := compareNationality(pq.nationalities, e.nats); ok {
		fs = append(fs, f)
	}
	if f, ok := compareGender(pq.gender, e.gender); ok {
		fs = append(fs, f)
	}
	if f, ok := compareMother(mother, e.mother, freq); ok {
		fs = append(fs, f)
	}
	if f, ok := comparePlace(pq.birthPlace, e.places); ok {
		fs = append(fs, f)
	}
	if f, ok := compareDocuments(pq.documents, e.docs); ok {
		fs = append(fs, f)
	}
	return fs
}

// kinship reports the caps of a name that reads as a relative's, which a
// birth date or a nationality in common does not lift: brothers share both.
func kinship(code string) bool {
	return code == CapGivenDiffers || code == CapSon || code == CapFather
}

// explain builds the full Match for a record chosen for the answer.
func (s *Screener) explain(ix *index, qn []names.Name, pq *parsed, mother *names.Name, ei uint32, best [2]int, score, lg, raw float64) Match {
	e := &ix.entries[ei]
	m := Match{ID: e.id, Name: e.display, Kind: e.kind, Score: round(score, 4)}
	m.Explanation.Prior = round(ix.prior, 3)
	m.Explanation.Logit = round(lg, 3)
	if len(e.names) > 0 {
		q := &qn[best[0]]
		ln := &e.names[best[1]]
		nm := names.Compare(q, &ln.name, ix.freq)
		_, lim, ev := nameEvidence(q, &ln.name, &nm, ix.freq, nil, math.Inf(-1), true)
		ev.Query = q.Original
		ev.Listed = ln.name.Original
		ev.ListedKind = string(ln.kind)
		m.Explanation.Name = ev
		if c := nameCap(ln.kind, lim.Limit); raw > logit(c) {
			why, code := lim.Why, lim.Code
			if why == "" || (ln.kind == athar.NameWeak && c == maxWeakScore) {
				why, code = "only a weak alias matched", CapWeakAlias
			}
			m.Explanation.Capped = fmt.Sprintf("the name alone counts at most %.2f: %s", c, why)
			m.Explanation.CapCode, m.Explanation.CapLimit = code, round(c, 3)
		}
	}
	m.Explanation.Features = features(pq, mother, e, ix.freq)
	if m.Explanation.Features == nil {
		m.Explanation.Features = []Feature{}
	}
	return m
}
