// Package athar holds Athar's domain: persons and organisations of interest,
// their names, dates, documents and list memberships, and the errors the rest
// of the code reports. It has no dependencies beyond the standard library;
// storage, importers, screening and the interfaces live in their own packages.
package athar

import "time"

// Kind tells a person from an organisation. Both are screened the same way,
// so they share one record type.
type Kind string

const (
	KindPerson       Kind = "person"
	KindOrganization Kind = "organization"
)

// Gender as recorded by the source. Empty means unknown.
type Gender string

const (
	GenderMale   Gender = "m"
	GenderFemale Gender = "f"
)

// Status is what is known of a person's situation.
type Status string

const (
	StatusUnknown  Status = "unknown"
	StatusWanted   Status = "wanted"
	StatusDetained Status = "detained"
	StatusDeceased Status = "deceased"
)

// Person is a person or an organisation of interest: one record of one
// dataset. The JSON form is stable and documented in docs/record.md; later
// tools and the evaluation read it.
type Person struct {
	ID            string       `json:"id"`
	Kind          Kind         `json:"kind"`
	Names         []Name       `json:"names"`
	Gender        Gender       `json:"gender,omitempty"`
	BirthDates    []BirthDate  `json:"birth_dates,omitempty"`
	BirthPlaces   []Place      `json:"birth_places,omitempty"`
	Nationalities []string     `json:"nationalities,omitempty"` // ISO 3166-1 alpha-2, upper case
	MotherName    string       `json:"mother_name,omitempty"`
	Titles        []string     `json:"titles,omitempty"`
	Designations  []string     `json:"designations,omitempty"`
	Documents     []Document   `json:"documents,omitempty"`
	Addresses     []Place      `json:"addresses,omitempty"`
	Lists         []ListEntry  `json:"lists,omitempty"`
	Status        Status       `json:"status,omitempty"`
	Remarks       string       `json:"remarks,omitempty"`
	Owner         string       `json:"owner,omitempty"` // the owning organisation; "" for a public list
	Label         TLP          `json:"label,omitempty"` // who may see it; "" is CLEAR
	Provenance    Provenance   `json:"provenance"`
	Extra         []ExtraField `json:"extra,omitempty"` // source fields with no home above, kept rather than lost
}

// PrimaryName returns the first primary name, or the first name of any kind.
func (p *Person) PrimaryName() string {
	for _, n := range p.Names {
		if n.Kind == NamePrimary {
			return n.Full
		}
	}
	if len(p.Names) > 0 {
		return p.Names[0].Full
	}
	return ""
}

// TLP is a Traffic Light Protocol sharing label: who beyond the owning
// organisation may see a record or a decision.
type TLP string

const (
	TLPClear TLP = "CLEAR" // anyone
	TLPGreen TLP = "GREEN" // every organisation of the deployment
	TLPAmber TLP = "AMBER" // the owning organisation (and those it names)
	TLPRed   TLP = "RED"   // named people of the owning organisation
)

// Script is the writing system of a name, as an ISO 15924 code.
type Script string

const (
	ScriptArabic Script = "Arab"
	ScriptLatin  Script = "Latn"
	ScriptOther  Script = "Zyyy" // mixed, undetermined or another script
)

// NameKind says how much a name can be trusted to identify the person.
type NameKind string

const (
	NamePrimary  NameKind = "primary"
	NameAlias    NameKind = "alias"      // a good-quality alias (UN "Good", OFAC "aka" and "nka": now known as)
	NameWeak     NameKind = "weak_alias" // kunya, nom de guerre, UN "Low" quality, OFAC weak aka
	NameOriginal NameKind = "original_script"
	NameFormer   NameKind = "former" // OFAC "fka"
)

// Name is one name a person is known by.
type Name struct {
	Full    string     `json:"full"`
	Script  Script     `json:"script"`
	Kind    NameKind   `json:"kind"`
	Quality string     `json:"quality,omitempty"` // the source's own word for it, e.g. "Good", "Low", "aka"
	Source  string     `json:"source,omitempty"`  // where in the source record the name came from
	Parts   *NameParts `json:"parts,omitempty"`
	Note    string     `json:"note,omitempty"`
}

// NameParts are the structured parts of a name, where the source gives them.
// Iraqi and Syrian records give a person's name as given name, father,
// grandfather and family (or tribe); the mother's name sits on Person.
type NameParts struct {
	Given       string   `json:"given,omitempty"`
	Father      string   `json:"father,omitempty"`
	Grandfather string   `json:"grandfather,omitempty"`
	Family      string   `json:"family,omitempty"` // family, tribe or nisba
	Kunya       string   `json:"kunya,omitempty"`  // أبو/أم + name
	Laqab       string   `json:"laqab,omitempty"`
	Titles      []string `json:"titles,omitempty"`
}

// Document is an identity document.
type Document struct {
	Type    string `json:"type"` // passport, national_id, ... or the source's words
	Number  string `json:"number"`
	Country string `json:"country,omitempty"` // issuing country, ISO 3166-1 alpha-2 where known
	Note    string `json:"note,omitempty"`
	Forged  bool   `json:"forged,omitempty"`
}

// Place is a place of birth or an address. Country is ISO 3166-1 alpha-2 when
// it could be mapped; Text keeps the source's words.
type Place struct {
	City    string `json:"city,omitempty"`
	Region  string `json:"region,omitempty"`
	Country string `json:"country,omitempty"`
	Text    string `json:"text,omitempty"`
}

// ListEntry is a membership of a sanctions or wanted list.
type ListEntry struct {
	List      string `json:"list"`                // e.g. "UN ISIL (Da'esh) & Al-Qaida"
	Reference string `json:"reference,omitempty"` // e.g. "QDi.299"
	ListedOn  string `json:"listed_on,omitempty"` // YYYY-MM-DD as the list gives it
	Program   string `json:"program,omitempty"`   // e.g. OFAC "SDGT"
}

// Provenance says where a record came from.
type Provenance struct {
	Dataset    string    `json:"dataset"`              // the dataset name, e.g. "un"
	Version    string    `json:"version,omitempty"`    // the dataset version, e.g. the list's generation date
	SourceID   string    `json:"source_id"`            // the record's id in the source
	ImportedAt time.Time `json:"imported_at"`          // when this version was imported or the record saved
	EnteredBy  string    `json:"entered_by,omitempty"` // for records entered by hand
}

// ExtraField keeps a source field that has no home in Person.
type ExtraField struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Dataset is one imported version of a list.
type Dataset struct {
	Name       string    `json:"name"`
	Format     string    `json:"format"`
	Version    string    `json:"version"`
	Files      []string  `json:"files,omitempty"`
	SHA256     string    `json:"sha256,omitempty"` // of the input files, in order
	ImportedAt time.Time `json:"imported_at"`
	Persons    int       `json:"persons"`
	Orgs       int       `json:"organizations"`
}

// ManualDataset is the dataset of records entered by hand. Imports never
// touch it.
const ManualDataset = "manual"
