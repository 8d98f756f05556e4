// Package country maps country names as sanctions lists and registries write
// them ("Syrian Arab Republic", "Iran (Islamic Republic of)", "Türkiye",
// "Afghan", "العراق", "سوريا") and ISO codes to ISO 3166-1 alpha-2 codes.
//
// The ISO table is generated from Debian's iso-codes package
// (countries_gen.go, committed); aliases.go holds the hand-written forms the
// ISO names miss: demonyms, older and colloquial names, Arabic short forms.
package country

//go:generate go run gen.go
