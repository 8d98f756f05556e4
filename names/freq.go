package names

import (
	"bufio"
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
)

// Frequencies counts how often name units occur, under the unit's main key
// (Unit.Key), so that محمد, Muhammad and Mohamed share one count. It turns
// counts into Fellegi–Sunter agreement weights: agreeing on a rare unit is
// strong evidence, agreeing on محمد weak.
//
// Add and AddName are not safe to call concurrently with anything else; a
// Frequencies that is only read is safe for concurrent use.
type Frequencies struct {
	counts map[string]uint32
	total  uint64
}

// NewFrequencies returns an empty model.
func NewFrequencies() *Frequencies {
	return &Frequencies{counts: make(map[string]uint32)}
}

// AddKey adds n occurrences of a unit key.
func (f *Frequencies) AddKey(key string, n uint32) {
	if key == "" || n == 0 {
		return
	}
	c := f.counts[key]
	if c+n < c {
		c = math.MaxUint32 - n
	}
	f.counts[key] = c + n
	f.total += uint64(n)
}

// AddName counts every unit of an analysed name once.
func (f *Frequencies) AddName(n *Name) {
	for i := range n.Units {
		f.AddKey(n.Units[i].Key(), 1)
	}
}

// Count returns how often the unit's key was added.
func (f *Frequencies) Count(u *Unit) uint32 {
	if f == nil {
		return 0
	}
	return f.counts[u.Key()]
}

// Total is the number of unit occurrences added.
func (f *Frequencies) Total() uint64 {
	if f == nil {
		return 0
	}
	return f.total
}

// Len is the number of distinct keys.
func (f *Frequencies) Len() int {
	if f == nil {
		return 0
	}
	return len(f.counts)
}

// Weight bounds.
const (
	// DefaultWeight is the weight of every unit when no model is given.
	DefaultWeight = 8.0
	// MinWeight and MaxWeight bound Weight.
	MinWeight = 1.0
	MaxWeight = 16.0
)

// m is the chance that two records of one person agree on a unit.
const agreeM = 0.95

// Weight is the Fellegi–Sunter agreement weight of the unit, in bits:
// log2(m/u), with u the chance that two unrelated names share the unit,
// estimated from its smoothed relative frequency. It lies between MinWeight
// and MaxWeight; a nil model gives DefaultWeight. Initials weigh MinWeight.
func (f *Frequencies) Weight(u *Unit) float64 {
	if u.Kind == KindInitial {
		return MinWeight
	}
	if f == nil || f.total == 0 {
		return DefaultWeight
	}
	w := f.weightKey(u.Key())
	if u.Script == ScriptLatin && u.Kind == KindSimple {
		// A Somali spelling (Maxamed, Cismaan, Cabdullaahi) is rare as
		// written and common as read: weigh it as the name it reads as,
		// or it would count as strong evidence. Only words with the marks
		// of that spelling are read so (not Cusman, nor Cabdullahi).
		if r, ok := somaliReading(u.Norm); ok {
			if a := Analyze(r); len(a.Units) == 1 {
				w = math.Min(w, f.weightKey(a.Units[0].Key()))
			}
		}
	}
	return w
}

func (f *Frequencies) weightKey(key string) float64 {
	c := float64(f.counts[key])
	p := (c + 0.5) / (float64(f.total) + 1)
	w := math.Log2(agreeM / p)
	return math.Max(MinWeight, math.Min(MaxWeight, w))
}

// somaliReading reads a Latin word in Somali orthography, where c writes
// ع and x writes ح, and long vowels are doubled: Maxamed is Mahamed,
// Cabdullaahi Abdullahi, Xasan Hasan. It reports false for a word without
// the marks of that orthography.
func somaliReading(w string) (string, bool) {
	vowel := func(i int) bool { return i >= 0 && i < len(w) && isVowelByte(w[i]) }
	// An x before a vowel (Maxamed, Xasan) marks the orthography; a first
	// c before a vowel does only with a doubled vowel somewhere in the word
	// (Cismaan, Ciise, Cabdullaahi), as Camara and Carlos begin so too.
	x, long := false, false
	for i := range len(w) {
		x = x || w[i] == 'x' && vowel(i+1) && (i == 0 || vowel(i-1))
		long = long || vowel(i) && i > 0 && w[i-1] == w[i]
	}
	if !x && !(long && len(w) > 2 && w[0] == 'c' && vowel(1)) {
		return "", false
	}
	b := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == 'c' && i == 0 && vowel(1):
			continue // ع
		case c == 'x':
			c = 'h'
		case isVowelByte(c) && len(b) > 0 && b[len(b)-1] == c:
			continue // a long vowel
		}
		b = append(b, c)
	}
	return string(b), true
}

// Clone returns an independent copy, to which a registry's names can be
// added without touching the original.
func (f *Frequencies) Clone() *Frequencies {
	if f == nil {
		return NewFrequencies()
	}
	g := &Frequencies{counts: make(map[string]uint32, len(f.counts)), total: f.total}
	for k, v := range f.counts {
		g.counts[k] = v
	}
	return g
}

//go:generate go run ./internal/freqgen -o freq.tsv -spellings spellings.tsv ../../shared/data/translit/wikidata-names-ar-80.tsv

// freqTable is the shipped table: unit keys and counts derived from the
// Wikidata person-name tokens (CC0), see internal/freqgen.
//
//go:embed freq.tsv
var freqTable string

var builtin = sync.OnceValue(func() *Frequencies {
	f := NewFrequencies()
	sc := bufio.NewScanner(strings.NewReader(freqTable))
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			if rest, ok := strings.CutPrefix(line, "# total "); ok {
				if n, err := strconv.ParseUint(rest, 10, 64); err == nil {
					f.total = n
				}
			}
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			continue
		}
		f.counts[k] = uint32(n)
	}
	return f
})

// DefaultFrequencies returns a new model holding the shipped counts (from
// Wikidata's person names, CC0). Add the registry's names to it with
// AddName; each call returns an independent copy.
func DefaultFrequencies() *Frequencies {
	return builtin().Clone()
}
