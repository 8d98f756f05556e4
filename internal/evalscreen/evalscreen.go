// Package evalscreen measures the screening engine on the real UN list: it
// builds queries of several kinds from the list's own records (the other
// script, held-out aliases, other transliterations, reordered, shortened and
// misspelt names, with and without a birth year) and negatives that must not
// match (synthetic people, and "brothers" of listed people), screens them,
// and reports recall and false hits per kind.
package evalscreen

import (
	"context"
	"fmt"
	"hash/fnv"
	"iter"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/names"
	"github.com/athar-org/athar/screen"
	"github.com/athar-org/athar/synth"
)

// Split selects which listed persons queries are made from. Tuning looks at
// the dev split only; the held-out split checks the result independently.
type Split string

const (
	SplitDev     Split = "dev"
	SplitHeldOut Split = "heldout"
	SplitAll     Split = "all"
)

// Config is one evaluation run.
type Config struct {
	Split     Split
	Seed      uint64
	Synthetic int     // synthetic negative queries
	Threshold float64 // the threshold whose false-hit rate is reported
	// Population adds that many synthetic Iraqi and Syrian persons to every
	// index, as a large camp registry would: more namesakes to resist.
	Population int
}

// Kind names a kind of query.
type Kind string

// Positive kinds.
const (
	KindCrossScript  Kind = "cross_script"     // the Arabic name, against records with no Arabic script
	KindTranslit     Kind = "translit_variant" // the Arabic name romanised in another habit, against records with no Arabic script
	KindHeldOutAlias Kind = "held_out_alias"   // an alias removed from the record, sharing a name unit with the rest
	KindUnrelated    Kind = "unrelated_alias"  // an alias removed from the record that shares no name unit with the rest: no name matcher can find it; reported, not counted in all_positive
	KindReordered    Kind = "reordered"        // "FAMILY, Given ..."
	KindShortened    Kind = "shortened"        // given name and family only
	KindTypo         Kind = "typo"             // one keystroke off, Latin
	KindArabicTypo   Kind = "arabic_typo"      // one keystroke off, Arabic
	KindNoArticle    Kind = "dropped_article"  // al- left out
)

// Negative kinds.
const (
	KindSynthetic Kind = "synthetic" // an invented Iraqi or Syrian person
	KindBrother   Kind = "brother"   // a listed person's brother: same father, grandfather and family
)

// query is one evaluation query.
type query struct {
	kind   Kind
	q      screen.Query
	want   string // the record the query is of; "" for a negative
	index  string // which index it runs against
	hasDOB bool
	// fits is another record that holds every unit of the query's name:
	// the query is ambiguous, reported apart and in none of the other
	// figures (all_positive, the per-kind reports, with and without birth
	// year); positives_strict counts it.
	fits string
}

// KindReport is the figures for one kind of query.
type KindReport struct {
	Kind     Kind    `json:"kind"`
	Positive bool    `json:"positive"`
	Queries  int     `json:"queries"`
	Recall1  float64 `json:"recall_at_1,omitempty"`
	Recall10 float64 `json:"recall_at_10,omitempty"`
	// RecallAt1PctFHR is the share of positives whose record scores at or
	// above the threshold at which 1% of negatives give a hit.
	RecallAt1PctFHR float64 `json:"recall_at_1pct_fhr,omitempty"`
	// FalseHitRate is, for negatives, the share with any hit at or above
	// the reported threshold.
	FalseHitRate float64 `json:"false_hit_rate,omitempty"`
	// RecallAtThreshold is, for positives, the share whose record scores at
	// or above the reported threshold.
	RecallAtThreshold float64 `json:"recall_at_threshold,omitempty"`
}

// Report is the result of a run.
type Report struct {
	Split      Split        `json:"split"`
	Seed       uint64       `json:"seed"`
	Records    int          `json:"records"`
	Population int          `json:"population,omitempty"`
	Threshold  float64      `json:"threshold"`
	Threshold1 float64      `json:"threshold_at_1pct_fhr"`
	Kinds      []KindReport `json:"kinds"`
	// Positives, Kinds and the birth-year figures leave out ambiguous
	// queries, which Ambiguous reports; PositivesStrict counts them too.
	Positives       KindReport `json:"positives"`
	Ambiguous       KindReport `json:"ambiguous"`
	PositivesStrict KindReport `json:"positives_strict"`
	WithDOB         KindReport `json:"positives_with_birth_year"`
	WithoutDOB      KindReport `json:"positives_without_birth_year"`
	Negatives       KindReport `json:"negatives"`
	Misses          []Miss     `json:"misses,omitempty"`
}

// Miss is a positive query whose record was not ranked first or scored
// below the threshold, or a negative that was hit: for reading, not for
// scoring.
type Miss struct {
	Kind  Kind    `json:"kind"`
	Query string  `json:"query"`
	Want  string  `json:"want,omitempty"`
	Got   string  `json:"got"`
	Score float64 `json:"score"`
}

// Run builds the queries from the list's records and screens them.
func Run(ctx context.Context, list []*athar.Person, cfg Config) (*Report, error) {
	if cfg.Split == "" {
		cfg.Split = SplitDev
	}
	r := rand.New(rand.NewPCG(cfg.Seed, cfg.Seed^0x5eed))
	indexes := map[string][]*athar.Person{"full": list}
	noArabic := make([]*athar.Person, 0, len(list))
	heldOut := make([]*athar.Person, 0, len(list))
	var qs []query
	for _, p := range list {
		noArabic = append(noArabic, withoutArabic(p))
		if p.Kind != athar.KindPerson || !inSplit(p.ID, cfg) {
			heldOut = append(heldOut, p)
			continue
		}
		qs = append(qs, positives(r, p)...)
		var held *athar.Person
		held, q, ok := holdOutAlias(r, p)
		if ok {
			qs = append(qs, q)
		}
		heldOut = append(heldOut, held)
		if b, ok := brother(r, p); ok {
			qs = append(qs, b)
		}
	}
	indexes["no_arabic"] = noArabic
	indexes["held_out"] = heldOut
	if cfg.Population > 0 {
		pop := make([]*athar.Person, 0, cfg.Population)
		pg := synth.New(cfg.Seed + 1000)
		for range cfg.Population {
			r := pg.Next()
			pop = append(pop, r.Person())
		}
		for k, recs := range indexes {
			indexes[k] = append(append([]*athar.Person(nil), recs...), pop...)
		}
	}
	gen := synth.New(cfg.Seed + 1)
	for range cfg.Synthetic {
		rec := gen.Next()
		q := screen.Query{ID: rec.ID, Name: rec.Name, BirthDate: rec.BirthDate, Gender: rec.Gender, Nationality: strings.Join(rec.Nationality, ";")}
		if rec.NameLatin != "" && r.IntN(2) == 0 {
			q.Name = rec.NameLatin
		}
		qs = append(qs, query{kind: KindSynthetic, q: q, index: "full", hasDOB: q.BirthDate != ""})
	}

	// A query that another record's name holds whole is ambiguous; a
	// record listed twice (under two regimes) is found by finding either.
	twins := findTwins(list)
	fit := map[string]*registryNames{}
	for i := range qs {
		q := &qs[i]
		if q.want == "" || q.kind == KindUnrelated {
			continue
		}
		rn := fit[q.index]
		if rn == nil {
			rn = newRegistryNames(indexes[q.index])
			fit[q.index] = rn
		}
		q.fits = rn.fitsOther(q.q.Name, q.want, twins)
	}

	screeners := map[string]*screen.Screener{}
	for name, recs := range indexes {
		s, err := screen.NewFromRecords(ctx, slicesSeq(recs))
		if err != nil {
			return nil, err
		}
		screeners[name] = s
	}

	type outcome struct {
		rank     int     // 1-based rank of the wanted record in the top 10; 0 if absent
		score    float64 // its score
		top      float64 // the best score of any record
		topID    string
		topName  string
		positive bool
	}
	res := make([]outcome, len(qs))
	for i, q := range qs {
		ms, err := screeners[q.index].Screen(ctx, q.q, screen.Options{Limit: 10, Threshold: 0})
		if err != nil {
			return nil, fmt.Errorf("query %q: %w", q.q.Name, err)
		}
		o := outcome{positive: q.want != ""}
		if len(ms) > 0 {
			o.top, o.topID, o.topName = ms[0].Score, ms[0].ID, ms[0].Name
		}
		for k, m := range ms {
			if m.ID == q.want || slices.Contains(twins[q.want], m.ID) {
				o.rank, o.score = k+1, m.Score
				break
			}
		}
		res[i] = o
	}

	// The threshold at which 1% of negatives give a hit.
	var negTop []float64
	for i, q := range qs {
		if q.want == "" {
			negTop = append(negTop, res[i].top)
		}
	}
	sort.Float64s(negTop)
	t1 := 1.0
	if len(negTop) > 0 {
		k := int(float64(len(negTop)) * 0.99)
		if k >= len(negTop) {
			k = len(negTop) - 1
		}
		t1 = negTop[k] + 1e-9
	}

	rep := &Report{Split: cfg.Split, Seed: cfg.Seed, Records: len(list), Population: cfg.Population, Threshold: cfg.Threshold, Threshold1: round(t1)}
	type acc struct {
		n, r1, r10, r1p, rt, fh int
	}
	add := func(a *acc, q query, o outcome) {
		a.n++
		if o.positive {
			if o.rank == 1 {
				a.r1++
			}
			if o.rank >= 1 {
				a.r10++
				if o.score >= t1 {
					a.r1p++
				}
				if o.score >= cfg.Threshold {
					a.rt++
				}
			}
		} else if o.top >= cfg.Threshold {
			a.fh++
		}
	}
	report := func(k Kind, positive bool, a acc) KindReport {
		kr := KindReport{Kind: k, Positive: positive, Queries: a.n}
		if a.n == 0 {
			return kr
		}
		n := float64(a.n)
		if positive {
			kr.Recall1, kr.Recall10 = round(float64(a.r1)/n), round(float64(a.r10)/n)
			kr.RecallAt1PctFHR, kr.RecallAtThreshold = round(float64(a.r1p)/n), round(float64(a.rt)/n)
		} else {
			kr.FalseHitRate = round(float64(a.fh) / n)
		}
		return kr
	}
	byKind := map[Kind]*acc{}
	var order []Kind
	var pos, neg, dob, nodob, amb, strict acc
	for i, q := range qs {
		o := res[i]
		if o.positive && q.kind != KindUnrelated {
			add(&strict, q, o)
		}
		if q.fits != "" {
			add(&amb, q, o)
			if o.rank != 1 {
				rep.Misses = append(rep.Misses, Miss{Kind: "ambiguous " + q.kind, Query: q.q.Name, Want: q.want + " (also " + q.fits + ")", Got: o.topID + " " + o.topName, Score: round(o.top)})
			}
			continue
		}
		a := byKind[q.kind]
		if a == nil {
			a = &acc{}
			byKind[q.kind] = a
			order = append(order, q.kind)
		}
		add(a, q, o)
		switch {
		case q.kind == KindUnrelated:
		case !o.positive:
			add(&neg, q, o)
		case q.hasDOB:
			add(&pos, q, o)
			add(&dob, q, o)
		default:
			add(&pos, q, o)
			add(&nodob, q, o)
		}
		switch {
		case o.positive && o.rank != 1:
			rep.Misses = append(rep.Misses, Miss{Kind: q.kind, Query: q.q.Name, Want: q.want, Got: o.topID + " " + o.topName, Score: round(o.top)})
		case o.positive && o.score < cfg.Threshold:
			rep.Misses = append(rep.Misses, Miss{Kind: q.kind, Query: q.q.Name, Want: q.want, Got: "(below the threshold) " + o.topName, Score: round(o.score)})
		case !o.positive && o.top >= cfg.Threshold:
			rep.Misses = append(rep.Misses, Miss{Kind: q.kind, Query: q.q.Name, Got: o.topID + " " + o.topName, Score: round(o.top)})
		}
	}
	slices.Sort(order)
	for _, k := range order {
		rep.Kinds = append(rep.Kinds, report(k, k != KindSynthetic && k != KindBrother, *byKind[k]))
	}
	rep.Positives = report("all_positive", true, pos)
	rep.Ambiguous = report("ambiguous", true, amb)
	rep.PositivesStrict = report("all_positive_strict", true, strict)
	rep.WithDOB = report("with_birth_year", true, dob)
	rep.WithoutDOB = report("without_birth_year", true, nodob)
	rep.Negatives = report("all_negative", false, neg)
	return rep, nil
}

func round(x float64) float64 { return float64(int(x*10000+0.5)) / 10000 }

func slicesSeq(ps []*athar.Person) iter.Seq2[*athar.Person, error] {
	return func(yield func(*athar.Person, error) bool) {
		for _, p := range ps {
			if !yield(p, nil) {
				return
			}
		}
	}
}

// inSplit puts each record in the dev or the held-out half by a hash of its
// id, so the halves never change between runs.
func inSplit(id string, cfg Config) bool {
	if cfg.Split == SplitAll {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(id))
	dev := h.Sum32()%2 == 0
	return dev == (cfg.Split == SplitDev)
}

// withDOB gives the query the record's birth year half of the time.
func withDOB(r *rand.Rand, p *athar.Person, q *query) {
	if r.IntN(2) == 0 {
		return
	}
	for _, b := range p.BirthDates {
		if lo, _ := b.Years(); lo != 0 {
			q.q.BirthDate = fmt.Sprintf("%04d", lo)
			q.hasDOB = true
			return
		}
	}
}

func arabicName(p *athar.Person) string {
	for _, n := range p.Names {
		if n.Script == athar.ScriptArabic && n.Kind == athar.NameOriginal {
			return n.Full
		}
	}
	for _, n := range p.Names {
		if n.Script == athar.ScriptArabic && n.Kind != athar.NameWeak {
			return n.Full
		}
	}
	return ""
}

func primaryLatin(p *athar.Person) string {
	for _, n := range p.Names {
		if n.Kind == athar.NamePrimary && n.Script == athar.ScriptLatin {
			return n.Full
		}
	}
	return ""
}

// positives makes the query kinds that need no change to the index, and
// the cross-script ones that run against the index with no Arabic script.
func positives(r *rand.Rand, p *athar.Person) []query {
	var qs []query
	mk := func(k Kind, name, index string) {
		q := query{kind: k, q: screen.Query{ID: string(k) + ":" + p.ID, Name: name}, want: p.ID, index: index}
		withDOB(r, p, &q)
		qs = append(qs, q)
	}
	if ar := arabicName(p); ar != "" {
		mk(KindCrossScript, ar, "no_arabic")
		h := synth.Habits[r.IntN(len(synth.Habits))]
		if v, ok := synth.Transliterate(ar, h); ok {
			mk(KindTranslit, v, "no_arabic")
		}
		if v, ok := synth.Typo(r, ar); ok {
			mk(KindArabicTypo, v, "full")
		}
	}
	if lat := primaryLatin(p); lat != "" {
		if v, ok := synth.Reorder(lat); ok {
			mk(KindReordered, v, "full")
		}
		if v, ok := synth.Shorten(lat); ok {
			mk(KindShortened, v, "full")
		}
		if v, ok := synth.Typo(r, lat); ok {
			mk(KindTypo, v, "full")
		}
		if v, ok := synth.DropArticle(lat); ok {
			mk(KindNoArticle, v, "full")
		}
	}
	return qs
}

// withoutArabic returns a copy of the record with no Arabic-script name.
func withoutArabic(p *athar.Person) *athar.Person {
	c := *p
	c.Names = nil
	for _, n := range p.Names {
		if n.Script != athar.ScriptArabic {
			c.Names = append(c.Names, n)
		}
	}
	return &c
}

// holdOutAlias removes one good Latin alias of several words from the
// record and makes it the query.
func holdOutAlias(r *rand.Rand, p *athar.Person) (*athar.Person, query, bool) {
	var cands []int
	for i, n := range p.Names {
		if n.Kind == athar.NameAlias && n.Script == athar.ScriptLatin && len(strings.Fields(n.Full)) >= 2 {
			cands = append(cands, i)
		}
	}
	if len(cands) == 0 {
		return p, query{}, false
	}
	i := cands[r.IntN(len(cands))]
	c := *p
	c.Names = append(append([]athar.Name(nil), p.Names[:i]...), p.Names[i+1:]...)
	kind := KindUnrelated
	if sharesUnit(p.Names[i].Full, c.Names) {
		kind = KindHeldOutAlias
	}
	q := query{kind: kind, q: screen.Query{ID: "alias:" + p.ID, Name: p.Names[i].Full}, want: p.ID, index: "held_out"}
	withDOB(r, p, &q)
	return &c, q, true
}

// sharesUnit reports whether any name unit of s is spelt like a unit of one
// of the names.
func sharesUnit(s string, ns []athar.Name) bool {
	a := names.Analyze(s)
	for _, n := range ns {
		b := names.Analyze(n.Full)
		for i := range a.Units {
			for j := range b.Units {
				if sim, _ := names.UnitSimilarity(&a.Units[i], &b.Units[j]); sim >= names.UnitThreshold {
					return true
				}
			}
		}
	}
	return false
}

// brother makes a brother of a listed person from the roles of the
// person's Arabic (or else Latin) name: another given name, the same
// father, grandfather and family, a birth year a few years apart.
func brother(r *rand.Rand, p *athar.Person) (query, bool) {
	name := arabicName(p)
	if name == "" {
		name = primaryLatin(p)
	}
	an := names.Analyze(name)
	var parts athar.NameParts
	for _, u := range an.Units {
		switch u.Role {
		case names.RoleGiven:
			if parts.Given == "" {
				parts.Given = u.Text
			}
		case names.RoleFather:
			parts.Father = u.Text
		case names.RoleGrandfather:
			parts.Grandfather = u.Text
		case names.RoleFamily:
			if parts.Family == "" {
				parts.Family = u.Text
			} else {
				parts.Family += " " + u.Text
			}
		}
	}
	if parts.Given == "" || parts.Father == "" || (parts.Grandfather == "" && parts.Family == "") {
		return query{}, false
	}
	year := 0
	for _, b := range p.BirthDates {
		if lo, _ := b.Years(); lo != 0 {
			year = lo
			break
		}
	}
	bp, by := synth.Brother(r, parts, p.Gender, year)
	q := query{kind: KindBrother, q: screen.Query{ID: "brother:" + p.ID, Name: synth.JoinName(bp)}, index: "full"}
	if by != 0 {
		q.q.BirthDate = fmt.Sprintf("%04d", by)
		q.hasDOB = true
	}
	return q, true
}
