// Package geo is Athar's gazetteer: places with Arabic and Latin names,
// coordinates, kind and population, built from GeoNames, CLDR and iso-codes
// data (see docs/geo.md and ATTRIBUTION) plus hand-added conflict places and
// regions. The data is embedded; Default loads it once.
package geo

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Kind is what sort of place an entry is.
type Kind string

const (
	KindCountry Kind = "country"
	KindRegion  Kind = "region" // a governorate, province or named area; never a town
	KindCity    Kind = "city"
	KindVillage Kind = "village"
	KindPOI     Kind = "poi" // a camp, crossing, dam, airport or other point of interest
)

func (k Kind) valid() bool {
	switch k {
	case KindCountry, KindRegion, KindCity, KindVillage, KindPOI:
		return true
	}
	return false
}

// Place is one gazetteer entry.
type Place struct {
	ID         string   `json:"id"`                   // "gn:<geonameid>", "iso:<code>" or "athar:<slug>" for hand-added places
	Kind       Kind     `json:"kind"`                 //
	Name       string   `json:"name"`                 // English or Latin name
	Arabic     string   `json:"arabic,omitempty"`     // preferred Arabic name
	ArabicAlt  []string `json:"arabic_alt,omitempty"` // other Arabic names and spellings
	LatinAlt   []string `json:"latin_alt,omitempty"`  // other Latin names
	Country    string   `json:"country"`              // ISO 3166-1 alpha-2; "" for areas spanning countries
	Lat        float64  `json:"lat"`
	Lon        float64  `json:"lon"`
	Population int64    `json:"population,omitempty"` // 0 when unknown; for countries and regions the sum over the places the data holds
}

// Gazetteer is a read-only set of places indexed by folded name.
type Gazetteer struct {
	places  []Place
	byID    map[string]int
	byName  map[string][]int32 // Fold(name) → places, Arabic and Latin names
	maxToks int                // most words in one indexed name
	firsts  map[string]uint8   // first word of an indexed name → most words of the names it begins
	sound   soundIndex         // skeleton → towns named only in Latin letters
	variant variantIndex       // VariantKey → places, by their Arabic names
	common  map[string]bool    // folded place names that are also common Arabic words
}

//go:embed data/gazetteer.tsv.gz
var generated []byte

//go:embed data/manual.tsv
var manual []byte

//go:embed data/aliases.tsv
var aliases []byte

//go:embed data/common.txt
var common string

// Default returns the embedded gazetteer, loading it on first use.
var Default = sync.OnceValues(loadEmbedded)

// loadEmbedded loads the embedded data: the generated and manual places,
// the aliases and the common words.
func loadEmbedded() (*Gazetteer, error) {
	g, err := Load(bytes.NewReader(generated), bytes.NewReader(manual))
	if err != nil {
		return nil, err
	}
	if err := g.AddAliases(bytes.NewReader(aliases)); err != nil {
		return nil, err
	}
	g.SetCommon(strings.Split(common, "\n"))
	return g, nil
}

// SetCommon records words (lines starting with # are skipped) as common
// Arabic words that are also place names: see Common.
func (g *Gazetteer) SetCommon(words []string) {
	g.common = make(map[string]bool, len(words))
	for _, w := range words {
		if w != "" && w[0] != '#' {
			g.common[Fold(w)] = true
		}
	}
}

// Common reports whether a folded word is a common Arabic word that is also
// the one-word name of a town (الاشهر, "the months", and Alaşehir), or
// sounds like a town the data names only in Latin letters (معارك and
// Marki). A recogniser should take it for a place only in place context.
// The list is derived from the hunspell-ar dictionary by gengaz.
func (g *Gazetteer) Common(w string) bool { return g.common[w] }

// Load reads a gzip-compressed generated file and an uncompressed manual
// file, both in the gazetteer TSV format (see docs/geo.md). A manual entry
// with the ID of a generated one replaces it.
func Load(gen, man io.Reader) (*Gazetteer, error) {
	g := &Gazetteer{byID: make(map[string]int, 60000), byName: make(map[string][]int32, 120000), firsts: make(map[string]uint8, 80000)}
	if gen != nil {
		zr, err := gzip.NewReader(gen)
		if err != nil {
			return nil, fmt.Errorf("gazetteer data: %w", err)
		}
		if err := g.read(zr, "gazetteer.tsv.gz"); err != nil {
			return nil, err
		}
	}
	if man != nil {
		if err := g.read(man, "manual.tsv"); err != nil {
			return nil, err
		}
	}
	g.index()
	return g, nil
}

func (g *Gazetteer) read(r io.Reader, file string) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		p, err := ParseLine(s)
		if err != nil {
			return fmt.Errorf("%s line %d: %w", file, line, err)
		}
		if i, ok := g.byID[p.ID]; ok {
			g.places[i] = p
			continue
		}
		g.byID[p.ID] = len(g.places)
		g.places = append(g.places, p)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// ParseLine reads one line of the gazetteer TSV format:
// id, kind, country, lat, lon, population, Latin name, Latin alternates
// (";"-separated), Arabic names (";"-separated, preferred first).
func ParseLine(s string) (Place, error) {
	f := strings.Split(s, "\t")
	if len(f) != 9 {
		return Place{}, fmt.Errorf("want 9 tab-separated fields, got %d", len(f))
	}
	p := Place{ID: f[0], Kind: Kind(f[1]), Country: f[2], Name: f[6]}
	if p.ID == "" || p.Name == "" {
		return Place{}, fmt.Errorf("empty id or name")
	}
	if !p.Kind.valid() {
		return Place{}, fmt.Errorf("%s: unknown kind %q", p.ID, f[1])
	}
	var err error
	if p.Lat, err = strconv.ParseFloat(f[3], 64); err != nil || math.Abs(p.Lat) > 90 {
		return Place{}, fmt.Errorf("%s: bad latitude %q", p.ID, f[3])
	}
	if p.Lon, err = strconv.ParseFloat(f[4], 64); err != nil || math.Abs(p.Lon) > 180 {
		return Place{}, fmt.Errorf("%s: bad longitude %q", p.ID, f[4])
	}
	if f[5] != "" {
		if p.Population, err = strconv.ParseInt(f[5], 10, 64); err != nil || p.Population < 0 {
			return Place{}, fmt.Errorf("%s: bad population %q", p.ID, f[5])
		}
	}
	p.LatinAlt = splitList(f[7])
	ar := splitList(f[8])
	if len(ar) > 0 {
		p.Arabic, p.ArabicAlt = ar[0], ar[1:]
	}
	return p, nil
}

// FormatLine writes p in the format ParseLine reads.
func FormatLine(p Place) string {
	ar := p.ArabicAlt
	if p.Arabic != "" {
		ar = append([]string{p.Arabic}, ar...)
	}
	pop := ""
	if p.Population > 0 {
		pop = strconv.FormatInt(p.Population, 10)
	}
	return strings.Join([]string{
		p.ID, string(p.Kind), p.Country,
		strconv.FormatFloat(p.Lat, 'f', 4, 64), strconv.FormatFloat(p.Lon, 'f', 4, 64),
		pop, p.Name, strings.Join(p.LatinAlt, ";"), strings.Join(ar, ";"),
	}, "\t")
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ";")
}

func (g *Gazetteer) index() {
	add := func(name string, i int) {
		k := Fold(name)
		if k == "" {
			return
		}
		for _, j := range g.byName[k] {
			if int(j) == i {
				return
			}
		}
		g.byName[k] = append(g.byName[k], int32(i))
		g.noteWords(k)
	}
	for i := range g.places {
		p := &g.places[i]
		add(p.Name, i)
		for _, n := range p.LatinAlt {
			add(n, i)
		}
		if p.Arabic != "" {
			add(p.Arabic, i)
		}
		for _, n := range p.ArabicAlt {
			add(n, i)
		}
	}
}

// AddAliases reads lines of an ID, further Arabic names (";"-separated)
// and optionally an English name, tab-separated, and adds the names to those
// places: spellings the sources lack (حفرالباطن written as one word) and the
// English names news use (Raqqa rather than Ar Raqqah; the GeoNames name is
// kept as a Latin alternate).
func (g *Gazetteer) AddAliases(r io.Reader) error {
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || s[0] == '#' {
			continue
		}
		f := strings.Split(s, "\t")
		i, found := g.byID[f[0]]
		if len(f) < 2 || len(f) > 3 || !found {
			return fmt.Errorf("aliases.tsv line %d: want a known place ID, a tab, names and optionally a tab and an English name", line)
		}
		p := &g.places[i]
		names := f[1]
		if len(f) == 3 && f[2] != "" && f[2] != p.Name {
			p.LatinAlt = append(p.LatinAlt, p.Name)
			p.Name = f[2]
			k := Fold(f[2])
			g.byName[k] = append(g.byName[k], int32(i))
			g.noteWords(k)
		}
		for _, n := range splitList(names) {
			p.ArabicAlt = append(p.ArabicAlt, n)
			k := Fold(n)
			if !slices.Contains(g.byName[k], int32(i)) {
				g.byName[k] = append(g.byName[k], int32(i))
			}
			g.noteWords(k)
		}
	}
	return sc.Err()
}

// noteWords records the length in words of a folded name under its first
// word.
func (g *Gazetteer) noteWords(k string) {
	n := strings.Count(k, " ") + 1
	if n > g.maxToks {
		g.maxToks = n
	}
	first, _, _ := strings.Cut(k, " ")
	if n > int(g.firsts[first]) && n < 256 {
		g.firsts[first] = uint8(n)
	}
}

// WordsFrom returns the most words of an indexed name beginning with the
// folded word w, or 0 when none does: a recogniser need not try longer keys.
func (g *Gazetteer) WordsFrom(w string) int { return int(g.firsts[w]) }

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// Place returns the i-th place (0 ≤ i < Len).
func (g *Gazetteer) Place(i int) *Place { return &g.places[i] }

// ByID returns the place with the given ID, or nil.
func (g *Gazetteer) ByID(id string) *Place {
	if i, ok := g.byID[id]; ok {
		return &g.places[i]
	}
	return nil
}

// Country returns the country entry for an ISO 3166-1 alpha-2 code, or nil.
func (g *Gazetteer) Country(code string) *Place { return g.ByID("iso:" + strings.ToUpper(code)) }

// Lookup returns the places with the given name (any spelling Fold
// equates), in the gazetteer's order (countries, regions, then towns). The
// places are shared: callers must not modify them.
func (g *Gazetteer) Lookup(name string) []*Place {
	return g.LookupFolded(Fold(name))
}

// LookupFolded is Lookup for a name already folded with Fold.
func (g *Gazetteer) LookupFolded(key string) []*Place {
	idx := g.byName[key]
	if len(idx) == 0 {
		return nil
	}
	out := make([]*Place, len(idx))
	for i, j := range idx {
		out[i] = &g.places[j]
	}
	return out
}

// Has reports whether a folded name is indexed.
func (g *Gazetteer) Has(key string) bool { _, ok := g.byName[key]; return ok }

// HasBytes is Has for a key in a byte slice, without allocating.
func (g *Gazetteer) HasBytes(key []byte) bool { _, ok := g.byName[string(key)]; return ok }

// MaxWords returns the largest number of words in one indexed name.
func (g *Gazetteer) MaxWords() int { return g.maxToks }

// DistanceKm returns the great-circle distance between two points.
func DistanceKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0088
	p1, p2 := lat1*math.Pi/180, lat2*math.Pi/180
	dp, dl := p2-p1, (lon2-lon1)*math.Pi/180
	a := math.Sin(dp/2)*math.Sin(dp/2) + math.Cos(p1)*math.Cos(p2)*math.Sin(dl/2)*math.Sin(dl/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}
