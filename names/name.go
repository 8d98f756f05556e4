package names

// Role is the part a unit plays in an Arabic name.
type Role uint8

// Roles. The nasab chain is given name, father, grandfather and further
// ancestors, in that order.
const (
	RoleUnknown     Role = iota
	RoleGiven            // ism: محمد, Ibrahim
	RoleFather           // first link of the nasab
	RoleGrandfather      // second link
	RoleAncestor         // third link and beyond
	RoleFamily           // family, tribe or nisba: البدري, al-Baghdadi, Al Saud
	RoleKunya            // أبو بكر, Umm Muhammad
	RoleLaqab            // epithet or nom de guerre, where the input says so
)

var roleNames = [...]string{"unknown", "given", "father", "grandfather", "ancestor", "family", "kunya", "laqab"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return "unknown"
}

// MarshalText makes roles read as words in JSON.
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnitKind tells how a unit was built.
type UnitKind uint8

// Unit kinds.
const (
	KindSimple   UnitKind = iota // one word
	KindAbd                      // عبد + divine name: عبد الرحمن, Abderrahmane
	KindDin                      // X + الدين: نور الدين, Nasreddine
	KindKunya                    // أبو/أم + name
	KindInitial                  // a single Latin letter: M. Yusuf
	KindAllah                    // X + الله: سيف الله, Hidayatullah, Nasrallah
	KindCompound                 // X + al-Y of a few known Y: زين العابدين, Saif al-Islam, Habib ur-Rahman
)

var kindNames = [...]string{"simple", "abd", "din", "kunya", "initial", "allah", "compound"}

func (k UnitKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "simple"
}

// MarshalText makes kinds read as words in JSON.
func (k UnitKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Unit is one name unit: a word, or a compound read as one name.
type Unit struct {
	// Fields are ordered for size: a million-record index holds millions
	// of units.
	Text       string   `json:"text"`       // as written, e.g. "Abd al-Rahman"
	Norm       string   `json:"norm"`       // normalised, e.g. "abd al rahman"
	Phon       string   `json:"phon"`       // cross-script phonetic code (article and kunya marker left out)
	Keys       []string `json:"keys"`       // index keys; Keys[0] is the frequency key
	Confidence float64  `json:"confidence"` // of Role, in [0, 1]
	Depth      int32    `json:"depth"`      // place in the nasab chain (0 given, 1 father, ...), -1 outside it
	// ID is the caller's number for the unit, for SimCache: equal units
	// (same spelling, kind and script) share one, 0 is none.
	ID      uint32   `json:"-"`
	Script  Script   `json:"script"` //
	Kind    UnitKind `json:"kind"`   //
	Role    Role     `json:"role"`   //
	Article bool     `json:"article,omitempty"`

	ident int32  // 1 + the index of its Arabic form in the lexicon, or 0
	bare  string // the normalised word without its article, for the lexicon
}

// Key is the unit's main key: the same for محمد, Muhammad and Mohamed. The
// frequency model counts units under it.
func (u *Unit) Key() string {
	if len(u.Keys) == 0 {
		return ""
	}
	return u.Keys[0]
}

// Known reports whether the lexicon of name spellings (Wikidata's pairs)
// holds the unit: a spelling people are named, not a misspelling.
func (u *Unit) Known() bool { return u.ident != 0 }

// Bare is the normalised word of a one-word unit without its article
// (البغدادي → بغدادي, al-Baghdadi → baghdadi); "" for compounds, kunyas and
// initials.
func (u *Unit) Bare() string {
	if u.Kind != KindSimple {
		return ""
	}
	return u.bare
}

// Name is an analysed name: analyse once, compare many times.
type Name struct {
	Original   string   `json:"original"`
	Normalized string   `json:"normalized"`
	Script     Script   `json:"script"`
	Units      []Unit   `json:"units"`
	Titles     []string `json:"titles,omitempty"` // honorifics set aside, normalised
}
