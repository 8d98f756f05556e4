package synth

import "github.com/athar-org/athar"

// Person returns the record as a registry record, as the agency importer
// would read it, for tools that skip the file (benchmarks, the evaluation).
func (r *Record) Person() *athar.Person {
	p := &athar.Person{ID: r.ID, Kind: athar.KindPerson, Gender: athar.Gender(r.Gender), Nationalities: r.Nationality, MotherName: r.MotherName}
	parts := &athar.NameParts{Given: r.GivenName, Father: r.FatherName, Grandfather: r.GrandfatherName, Family: r.FamilyName}
	p.Names = append(p.Names, athar.Name{Full: r.Name, Script: athar.ScriptArabic, Kind: athar.NamePrimary, Parts: parts})
	if r.NameLatin != "" {
		p.Names = append(p.Names, athar.Name{Full: r.NameLatin, Script: athar.ScriptLatin, Kind: athar.NameAlias})
	}
	if r.Kunya != "" {
		p.Names = append(p.Names, athar.Name{Full: r.Kunya, Script: athar.ScriptArabic, Kind: athar.NameWeak})
	}
	if d, err := athar.ParsePartialDate(r.BirthDate); err == nil {
		p.BirthDates = []athar.BirthDate{{Qualifier: athar.DateExact, Date: d}}
	}
	if r.BirthPlace != "" {
		p.BirthPlaces = []athar.Place{{Text: r.BirthPlace}}
	}
	for _, d := range r.Documents {
		p.Documents = append(p.Documents, athar.Document{Type: d.Type, Number: d.Number, Country: d.Country})
	}
	return p
}
