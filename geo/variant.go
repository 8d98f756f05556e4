package geo

import (
	"slices"
	"strings"
	"sync"
)

// VariantKey reduces an Arabic place name to the letters that survive the
// ways news spell one foreign or local name differently: أغاديز and أغاديس
// (Agadez), باتومي and باطومي (Batumi), دوما and دومة share a key. On top of
// Fold: ط→ت, ث→ت, ص→س, ز→س, ظ→س, ض→د, ذ→د, ق→ك, غ→ك, hamza dropped, a
// doubled letter written once, and a final ه read as ا. The key is a
// fallback for names the gazetteer lacks in that spelling: it equates
// different words too, so callers want place context before trusting it.
func VariantKey(name string) string {
	// The hamza is dropped before Fold, which trims the spaces it may leave.
	s := Fold(strings.Map(func(r rune) rune {
		if r == 'ء' {
			return -1
		}
		return r
	}, name))
	var b strings.Builder
	b.Grow(len(s))
	var last rune
	for _, r := range s {
		switch r {
		case 'ط', 'ث':
			r = 'ت'
		case 'ص', 'ز', 'ظ':
			r = 'س'
		case 'ض', 'ذ':
			r = 'د'
		case 'ق', 'غ':
			r = 'ك'
		}
		if r == last && r != ' ' {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	out := b.String()
	if k, ok := strings.CutSuffix(out, "ه"); ok && len(k) >= 4 {
		out = k
		if !strings.HasSuffix(k, "ا") {
			out += "ا" // a doubled letter is written once
		}
	}
	return out
}

// variantIndex maps VariantKey of every Arabic name to its places; built on
// first use so that loading stays fast.
type variantIndex struct {
	once sync.Once
	m    map[string][]int32
}

// LookupVariant returns the places with an Arabic name whose VariantKey is
// that of w, excluding those Fold already equates with w (Lookup finds
// them). See VariantKey for why callers must demand place context.
func (g *Gazetteer) LookupVariant(w string) []*Place {
	g.variant.once.Do(func() {
		g.variant.m = make(map[string][]int32, len(g.byName))
		for k, idx := range g.byName {
			if k == "" || k[0] < 0x80 {
				continue // Latin names
			}
			vk := VariantKey(k)
			g.variant.m[vk] = append(g.variant.m[vk], idx...)
		}
		// In gazetteer order, each place once: the map's order is random,
		// and callers keep the first of equal candidates.
		for vk, l := range g.variant.m {
			slices.Sort(l)
			g.variant.m[vk] = slices.Compact(l)
		}
	})
	fw := Fold(w)
	named := g.byName[fw] // the places Lookup finds by fw itself
	var out []*Place
	for _, i := range g.variant.m[VariantKey(fw)] {
		if !slices.Contains(named, i) {
			out = append(out, &g.places[i])
		}
	}
	return out
}
