package screen

import (
	"sync"

	"github.com/athar-org/athar/names"
	"github.com/athar-org/athar/synth"
)

// populationSample is how many synthetic Iraqi and Syrian persons are added
// to the frequency model.
const populationSample = 20000

// basePopulation is the frequency model every index starts from: the
// shipped Wikidata counts, which know the world's names but make محمد and
// Ahmad look rare, plus a sample of the population the screened people come
// from (the synth package's Iraqi and Syrian name tables, whose weights
// follow how common each name is there), in both scripts. Without it a
// match on "Noor Ahmad" would count as strong evidence.
var basePopulation = sync.OnceValue(func() *names.Frequencies {
	f := names.DefaultFrequencies()
	g := synth.New(1)
	for range populationSample {
		r := g.Next()
		n := names.Analyze(r.Name)
		f.AddName(&n)
		if r.NameLatin != "" {
			l := names.Analyze(r.NameLatin)
			f.AddName(&l)
		}
	}
	return f
})

// populationFrequencies returns a copy of the base model, to which an index
// adds its registry's names.
func populationFrequencies() *names.Frequencies { return basePopulation().Clone() }
