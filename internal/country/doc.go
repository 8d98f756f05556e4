// Package country maps country names as sanctions lists and registries write
// them ("Syrian Arab Republic", "Iran (Islamic Republic of)", "Türkiye",
// "Afghan", "العراق", "سوريا") and ISO codes to ISO 3166-1 alpha-2 codes.
//
// The ISO table is generated from Debian's iso-codes package, with the
// Arabic names of Unicode CLDR added (countries_gen.go, committed); gen.go
// leaves out the iso-codes translations that name another country (Moldova
// as المالديف). aliases.go holds the hand-written forms the ISO names miss:
// demonyms, older and colloquial names, Arabic short forms.
package country

//go:generate go run gen.go
