package synth

import (
	"math/rand/v2"
	"sort"
)

// sampler draws an index with probability proportional to its weight.
type sampler struct {
	cum []float64 // cumulative weights, last = total
}

func newSampler(es []entry) sampler {
	ws := make([]float64, len(es))
	for i, e := range es {
		ws[i] = e.weight
	}
	return newSamplerWeights(ws)
}

func newSamplerWeights(ws []float64) sampler {
	cum := make([]float64, len(ws))
	total := 0.0
	for i, w := range ws {
		total += w
		cum[i] = total
	}
	return sampler{cum: cum}
}

// draw returns an index; binary search keeps it O(log n) for tables of a
// few hundred entries, fast enough for a million persons in seconds.
func (s sampler) draw(r *rand.Rand) int {
	x := r.Float64() * s.cum[len(s.cum)-1]
	i := sort.SearchFloat64s(s.cum, x)
	if i >= len(s.cum) {
		i = len(s.cum) - 1
	}
	return i
}

// chance reports true with probability p.
func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// pick returns one of a few weighted choices: weights need not sum to 1.
func pick(r *rand.Rand, weights ...float64) int {
	total := 0.0
	for _, w := range weights {
		total += w
	}
	x := r.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}
