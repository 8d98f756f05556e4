package extract

import (
	"hash/fnv"
	"strings"

	"github.com/athar-org/athar/geo"
)

// Shingles returns the set of hashed three-word shingles of text after
// folding (geo.Fold) and dropping punctuation and clitic و: two copies of a
// report that differ in spelling of hamza, punctuation or a few words
// share most of them.
func Shingles(text string) map[uint64]bool {
	words := strings.Fields(geo.Fold(text))
	for i, w := range words {
		words[i] = stripConj(w)
	}
	out := make(map[uint64]bool, len(words))
	if len(words) < 3 {
		if len(words) > 0 {
			out[hashWords(words)] = true
		}
		return out
	}
	for i := 0; i+3 <= len(words); i++ {
		out[hashWords(words[i:i+3])] = true
	}
	return out
}

func hashWords(ws []string) uint64 {
	h := fnv.New64a()
	for _, w := range ws {
		h.Write([]byte(w))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

// Similarity is the Jaccard similarity of two shingle sets, in [0, 1].
func Similarity(a, b map[uint64]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for k := range a {
		if b[k] {
			n++
		}
	}
	return float64(n) / float64(len(a)+len(b)-n)
}

// CopyThreshold is the shingle similarity from which two evidence sentences
// or two documents are taken for copies of one report.
const CopyThreshold = 0.5
