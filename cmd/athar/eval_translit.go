package main

import (
	"bufio"
	"context"
	"encoding/xml"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/athar-org/athar/names"
	"github.com/spf13/cobra"
)

func newEvalTranslitCmd(e *env) *cobra.Command {
	var (
		dir      string
		variants string
		unList   string
		asJSON   bool
		seed     uint64
		fpr      float64
	)
	c := &cobra.Command{
		Use:   "translit",
		Short: "Measure cross-script name matching on transliteration pairs / تقييم مطابقة الأسماء بين الكتابتين",
		Long: `Measure how well the names package tells the same name in two spellings
from two different names. For each data set it scores true pairs (the Arabic
and Latin forms of one name) and as many false pairs (an Arabic form against
the Latin form of another name of similar length, drawn with a fixed seed),
finds the threshold that lets through 1% of false pairs, and reports the share
of true pairs above it.

Data sets, read from --dir:
  wikidata-names-ar-80.tsv   Wikidata person-name tokens (Latin TAB Arabic letters TAB count),
                             split by a hash into a tuning part (80%) and a held-out part (20%)
  google-ar2en-train.txt     Arabic TAB English words (tuning)
  google-ar2en-dev.txt       the same, held out
with --un, the individuals of a UN consolidated list who have a name in
Arabic script: their Arabic name against their Latin FIRST..FOURTH_NAME (true)
and against other individuals' Latin names (false), scored as whole names;
and the project's own variant sets (--variants), real spellings of Arabic
names in both scripts: true pairs are two spellings of one name in either
script, false pairs two spellings of different names.`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			r, err := evalTranslit(c.Context(), dir, variants, unList, seed, fpr)
			if err != nil {
				return err
			}
			if asJSON {
				return writeNamesJSON(e.stdout, r)
			}
			printTranslit(e.stdout, r)
			return nil
		},
	}
	c.Flags().StringVar(&dir, "dir", "../shared/data/translit", "directory of the transliteration files")
	c.Flags().StringVar(&variants, "variants", "names/testdata/variants.txt", `the variant-set fixture (distinct.txt beside it holds look-alike names); "" to leave out`)
	c.Flags().StringVar(&unList, "un", "", "also compare the Arabic and Latin full names of the individuals in this UN consolidated list XML")
	c.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	c.Flags().Uint64Var(&seed, "seed", 1, "seed for drawing false pairs")
	c.Flags().Float64Var(&fpr, "false-rate", 0.01, "share of false pairs let through at the threshold")
	return c
}

// translitResult is the outcome on one data set.
type translitResult struct {
	Set        string  `json:"set"`
	Part       string  `json:"part"` // tune or held-out
	TruePairs  int     `json:"true_pairs"`
	FalsePairs int     `json:"false_pairs"`
	Threshold  float64 `json:"threshold"`  // score a pair must exceed
	Recall     float64 `json:"recall"`     // share of true pairs above the threshold
	FalseRate  float64 `json:"false_rate"` // share of false pairs above it
	// RecallAtStrong is the share of true pairs scoring at least names.StrongMatch.
	RecallAtStrong float64 `json:"recall_at_strong"`
	// FalseAtStrong is the share of false pairs scoring at least names.StrongMatch.
	FalseAtStrong float64 `json:"false_at_strong"`
	// KeyRecall is the share of true pairs whose names share an index key.
	KeyRecall float64 `json:"key_recall"`
	// KeysPerUnit is the mean number of index keys of a unit.
	KeysPerUnit float64 `json:"keys_per_unit"`
}

// distinctResult is the outcome on pairs of different names that look alike.
type distinctResult struct {
	Pairs int `json:"pairs"`
	// AboveUnit is the share of pairs whose similarity reaches names.UnitThreshold.
	AboveUnit float64 `json:"above_unit_threshold"`
	// AboveStrong is the share of pairs scoring at least names.StrongMatch.
	AboveStrong float64 `json:"above_strong"`
	// Taken lists the pairs at or above names.UnitThreshold.
	Taken []string `json:"taken"`
}

// translitReport is the whole evaluation.
type translitReport struct {
	Sets     []translitResult `json:"sets"`
	Distinct *distinctResult  `json:"distinct,omitempty"` // nil without the variant fixtures
}

// keyStats counts true pairs that share a key and the keys per unit.
type keyStats struct {
	shared, pairs, keys, units int
}

func (k *keyStats) add(a, b *names.Name) {
	k.pairs++
	if shareKey(a, b) {
		k.shared++
	}
	for _, n := range []*names.Name{a, b} {
		for i := range n.Units {
			k.units++
			k.keys += len(n.Units[i].Keys)
		}
	}
}

func (k *keyStats) set(r *translitResult) {
	if k.pairs > 0 {
		r.KeyRecall = float64(k.shared) / float64(k.pairs)
	}
	if k.units > 0 {
		r.KeysPerUnit = float64(k.keys) / float64(k.units)
	}
}

func shareKey(a, b *names.Name) bool {
	for i := range a.Units {
		for j := range b.Units {
			for _, x := range a.Units[i].Keys {
				for _, y := range b.Units[j].Keys {
					if x == y {
						return true
					}
				}
			}
		}
	}
	return false
}

type namePair struct{ a, b string }

// pairScore is names.Score, except that two one-unit names are scored by
// their unit similarity, which is not cut at names.UnitThreshold: the
// evaluation looks for the threshold itself.
func pairScore(a, b *names.Name) float64 {
	if len(a.Units) == 1 && len(b.Units) == 1 {
		s, _ := names.UnitSimilarity(&a.Units[0], &b.Units[0])
		return s
	}
	return names.Score(a, b, nil)
}

func evalTranslit(ctx context.Context, dir, variants, unList string, seed uint64, fpr float64) (*translitReport, error) {
	if fpr <= 0 || fpr >= 1 {
		return nil, usagef("athar eval translit --help", "--false-rate must be between 0 and 1, got %v", fpr)
	}
	var out []translitResult
	wd, err := readWikidata(filepath.Join(dir, "wikidata-names-ar-80.tsv"))
	if err != nil {
		return nil, err
	}
	var tune, held []namePair
	for _, p := range wd {
		h := fnv.New32a()
		io.WriteString(h, p.a+"\t"+p.b)
		if h.Sum32()%5 == 0 {
			held = append(held, p)
		} else {
			tune = append(tune, p)
		}
	}
	out = append(out, scorePairs(ctx, "wikidata", "tune", tune, seed, fpr), scorePairs(ctx, "wikidata", "held-out", held, seed, fpr))
	for _, part := range []struct{ file, name string }{{"google-ar2en-train.txt", "tune"}, {"google-ar2en-dev.txt", "held-out"}} {
		g, err := readGoogle(filepath.Join(dir, part.file))
		if err != nil {
			return nil, err
		}
		out = append(out, scorePairs(ctx, "google-ar2en", part.name, g, seed, fpr))
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if unList != "" {
		ps, err := readUNNames(unList)
		if err != nil {
			return nil, err
		}
		out = append(out, scoreFullNames("un-list full names", ps, seed, fpr))
	}
	rep := &translitReport{Sets: out}
	if variants == "" {
		return rep, nil
	}
	sets, err := readVariants(variants)
	if err != nil {
		return nil, err
	}
	rep.Sets = append(rep.Sets, scoreVariants("variants", sets, seed, fpr, false), scoreVariants("variants cross-script", sets, seed, fpr, true))
	distinct, err := readVariants(filepath.Join(filepath.Dir(variants), "distinct.txt"))
	if err != nil {
		return nil, err
	}
	d := scoreDistinct(distinct)
	rep.Distinct = &d
	return rep, nil
}

// readWikidata reads Latin TAB space-separated Arabic letters TAB count.
func readWikidata(path string) ([]namePair, error) {
	var ps []namePair
	err := readLines(path, func(n int, line string) error {
		cols := strings.Split(line, "\t")
		if len(cols) != 3 {
			return fmt.Errorf("%s:%d: want 3 tab-separated columns, got %d", path, n, len(cols))
		}
		ps = append(ps, namePair{a: strings.ReplaceAll(cols[1], " ", ""), b: cols[0]})
		return nil
	})
	return ps, err
}

// readGoogle reads Arabic TAB English.
func readGoogle(path string) ([]namePair, error) {
	var ps []namePair
	err := readLines(path, func(n int, line string) error {
		a, b, ok := strings.Cut(line, "\t")
		if !ok {
			return fmt.Errorf("%s:%d: want Arabic TAB English", path, n)
		}
		ps = append(ps, namePair{a: a, b: b})
		return nil
	})
	return ps, err
}

// readVariants reads one name a line, spellings separated by " | ".
func readVariants(path string) ([][]string, error) {
	var sets [][]string
	err := readLines(path, func(n int, line string) error {
		if strings.HasPrefix(line, "#") {
			return nil
		}
		var set []string
		for _, s := range strings.Split(line, "|") {
			if s = strings.TrimSpace(s); s != "" {
				set = append(set, s)
			}
		}
		if len(set) < 2 {
			return fmt.Errorf("%s:%d: a variant set needs two spellings or more", path, n)
		}
		sets = append(sets, set)
		return nil
	})
	return sets, err
}

func readLines(path string, fn func(n int, line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval translit: %w (set --dir to the translit data directory)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(n, line); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// scorePairs scores the true pairs and one false pair for each: the
// Arabic form against the Latin form of another pair whose Arabic form has
// the same number of letters.
func scorePairs(ctx context.Context, set, part string, ps []namePair, seed uint64, fpr float64) translitResult {
	rng := rand.New(rand.NewPCG(seed, 0x61746861))
	byLen := map[int][]int{}
	ar := make([]names.Name, len(ps))
	la := make([]names.Name, len(ps))
	for i, p := range ps {
		ar[i], la[i] = names.Analyze(p.a), names.Analyze(p.b)
		n := utf8.RuneCountInString(p.a)
		byLen[n] = append(byLen[n], i)
	}
	var trues, falses []float64
	var ks keyStats
	for i, p := range ps {
		if i%4096 == 0 && ctx.Err() != nil {
			break
		}
		trues = append(trues, pairScore(&ar[i], &la[i]))
		ks.add(&ar[i], &la[i])
		cands := byLen[utf8.RuneCountInString(p.a)]
		for try := 0; try < 8 && len(cands) > 1; try++ {
			j := cands[rng.IntN(len(cands))]
			if ps[j].a == p.a || ps[j].b == p.b {
				continue
			}
			falses = append(falses, pairScore(&ar[i], &la[j]))
			break
		}
	}
	r := summarise(set, part, trues, falses, fpr)
	ks.set(&r)
	return r
}

// scoreVariants scores every pair of spellings within a set as true and,
// for each, a spelling of another set of similar length as false. With
// crossOnly, only Arabic–Latin pairs count.
func scoreVariants(set string, sets [][]string, seed uint64, fpr float64, crossOnly bool) translitResult {
	rng := rand.New(rand.NewPCG(seed, 0x76617269))
	an := make([][]names.Name, len(sets))
	type ref struct{ set, i int }
	var all []ref
	for s, vs := range sets {
		for i, v := range vs {
			an[s] = append(an[s], names.Analyze(v))
			all = append(all, ref{s, i})
		}
	}
	cross := func(a, b *names.Name) bool { return a.Script != b.Script }
	var trues, falses []float64
	var ks keyStats
	for s := range sets {
		for i := range an[s] {
			for j := i + 1; j < len(an[s]); j++ {
				a, b := &an[s][i], &an[s][j]
				if crossOnly && !cross(a, b) {
					continue
				}
				trues = append(trues, pairScore(a, b))
				ks.add(a, b)
				// Several false pairs for each true one, so that 1% of them
				// is more than a handful.
				for k := 0; k < 6; k++ {
					r := all[rng.IntN(len(all))]
					o := &an[r.set][r.i]
					la, lo := utf8.RuneCountInString(b.Original), utf8.RuneCountInString(o.Original)
					if r.set == s || la-lo > 2 || lo-la > 2 || (crossOnly && !cross(a, o)) {
						k-- // draw again; the sets are many and varied, so this ends
						continue
					}
					falses = append(falses, pairScore(a, o))
				}
			}
		}
	}
	r := summarise(set, "all", trues, falses, fpr)
	ks.set(&r)
	return r
}

// scoreDistinct scores pairs of different names that look alike.
func scoreDistinct(pairs [][]string) distinctResult {
	var r distinctResult
	unit, strong := 0, 0
	for _, p := range pairs {
		a, b := names.Analyze(p[0]), names.Analyze(p[1])
		s := pairScore(&a, &b)
		r.Pairs++
		if s >= names.UnitThreshold {
			unit++
			r.Taken = append(r.Taken, fmt.Sprintf("%s | %s (%.2f)", p[0], p[1], s))
		}
		if names.Score(&a, &b, nil) >= names.StrongMatch {
			strong++
		}
	}
	if r.Pairs > 0 {
		r.AboveUnit = float64(unit) / float64(r.Pairs)
		r.AboveStrong = float64(strong) / float64(r.Pairs)
	}
	return r
}

func summarise(set, part string, trues, falses []float64, fpr float64) translitResult {
	r := translitResult{Set: set, Part: part, TruePairs: len(trues), FalsePairs: len(falses)}
	if len(trues) == 0 || len(falses) == 0 {
		return r
	}
	sorted := slices.Clone(falses)
	slices.SortFunc(sorted, func(a, b float64) int { return -cmpFloat(a, b) })
	k := int(fpr * float64(len(sorted)))
	r.Threshold = sorted[min(k, len(sorted)-1)]
	above := func(xs []float64, t float64, strict bool) float64 {
		n := 0
		for _, x := range xs {
			if x > t || (!strict && x >= t) {
				n++
			}
		}
		return float64(n) / float64(len(xs))
	}
	r.Recall = above(trues, r.Threshold, true)
	r.FalseRate = above(falses, r.Threshold, true)
	r.RecallAtStrong = above(trues, names.StrongMatch, false)
	r.FalseAtStrong = above(falses, names.StrongMatch, false)
	return r
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func printTranslit(w io.Writer, rep *translitReport) {
	fmt.Fprintf(w, "%-22s %-9s %6s %6s %9s %7s %6s  %-17s %8s %5s\n", "set", "part", "true", "false", "threshold", "recall", "false",
		"at "+strconv.FormatFloat(names.StrongMatch, 'f', 2, 64)+": rec/false", "key-rec", "keys")
	for _, r := range rep.Sets {
		fmt.Fprintf(w, "%-22s %-9s %6d %6d %9.3f %6.1f%% %5.2f%%  %5.1f%% / %5.2f%%  %7.1f%% %5.1f\n", r.Set, r.Part, r.TruePairs, r.FalsePairs,
			r.Threshold, 100*r.Recall, 100*r.FalseRate, 100*r.RecallAtStrong, 100*r.FalseAtStrong, 100*r.KeyRecall, r.KeysPerUnit)
	}
	fmt.Fprintln(w, "recall: share of true pairs scoring above the threshold that lets through at most the given share of false pairs;")
	fmt.Fprintln(w, "key-rec: share of true pairs that share an index key; keys: mean index keys per unit.")
	d := rep.Distinct
	if d == nil {
		return
	}
	fmt.Fprintf(w, "\ndifferent names that look alike: %d pairs, %.1f%% at or above the unit threshold %.2f, %.1f%% strong matches\n",
		d.Pairs, 100*d.AboveUnit, names.UnitThreshold, 100*d.AboveStrong)
	for _, t := range d.Taken {
		fmt.Fprintf(w, "  taken: %s\n", t)
	}
}

// readUNNames reads the individuals of a UN consolidated list XML who have
// an Arabic-script name: that name and the Latin name from the name fields.
func readUNNames(path string) ([]namePair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval translit: %w", err)
	}
	defer f.Close()
	type individual struct {
		First    string `xml:"FIRST_NAME"`
		Second   string `xml:"SECOND_NAME"`
		Third    string `xml:"THIRD_NAME"`
		Fourth   string `xml:"FOURTH_NAME"`
		Original string `xml:"NAME_ORIGINAL_SCRIPT"`
	}
	dec := xml.NewDecoder(f)
	var ps []namePair
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "INDIVIDUAL" {
			continue
		}
		var ind individual
		if err := dec.DecodeElement(&ind, &se); err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		ar := strings.TrimSpace(ind.Original)
		la := strings.Join(strings.Fields(strings.Join([]string{ind.First, ind.Second, ind.Third, ind.Fourth}, " ")), " ")
		if ar == "" || la == "" || names.DetectScript(ar) != names.ScriptArabic {
			continue
		}
		ps = append(ps, namePair{a: ar, b: la})
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("%s: no individual with an Arabic-script name", path)
	}
	return ps, nil
}

// scoreFullNames scores whole names: each Arabic name against its own Latin
// name and against 20 others drawn with the seed.
func scoreFullNames(set string, ps []namePair, seed uint64, fpr float64) translitResult {
	rng := rand.New(rand.NewPCG(seed, 0x756e6c69))
	ar := make([]names.Name, len(ps))
	la := make([]names.Name, len(ps))
	freq := names.DefaultFrequencies()
	for i, p := range ps {
		ar[i], la[i] = names.Analyze(p.a), names.Analyze(p.b)
		freq.AddName(&ar[i])
		freq.AddName(&la[i])
	}
	var trues, falses []float64
	var ks keyStats
	for i := range ps {
		trues = append(trues, names.Score(&ar[i], &la[i], freq))
		ks.add(&ar[i], &la[i])
		for k := 0; k < 20 && len(ps) > 1; k++ {
			j := rng.IntN(len(ps))
			if j == i {
				continue
			}
			falses = append(falses, names.Score(&ar[i], &la[j], freq))
		}
	}
	r := summarise(set, "all", trues, falses, fpr)
	ks.set(&r)
	return r
}
