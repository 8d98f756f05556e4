// Package synth writes a synthetic but realistic registry of Iraqi and Syrian
// persons, the way a camp registry or a border crossing records them: given
// name, father, grandfather and family or tribe, the mother's name, partial
// birth dates with their placeholders, birth places, nationalities, national
// ID and passport numbers, kunyas, and for some records a Latin spelling in
// one of several transliteration habits.
//
// The generator is deterministic: the same seed gives the same records in
// the same order, and person i does not depend on how many persons follow
// it. Nothing is random beyond one PCG stream seeded from the seed; all
// tables are slices in a fixed order.
//
// The package also makes the test material the screening evaluation needs:
// a "brother" of a person (same father, grandfather and family, another
// given name and birth year) and variants of a name (a typo, a dropped
// article, a shortened or reordered form, another Latin transliteration).
// The small romaniser in romanize.go exists only to make such variants; it
// is not a name matcher.
//
// docs/synth.md describes the distributions and the limits.
package synth
