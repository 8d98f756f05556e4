package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// MaxPeople bounds one registry. Identity numbers are drawn without
// repetition from spaces of at least 10^8, so this keeps them unique with
// room to spare, and a registry of this size is already 4 GB of JSON.
const MaxPeople = 10_000_000

// ReferenceYear is the year ages are counted from. It is fixed, not read
// from the clock, so that output never depends on when it was made.
const ReferenceYear = 2025

// Record is one person in the agency record format (docs in
// /docs/synth.md; the column names are the format's). JSON field order is
// the struct's, which keeps the output byte-stable.
type Record struct {
	ID              string     `json:"id"`
	Name            string     `json:"name"`
	NameLatin       string     `json:"name_latin,omitempty"`
	GivenName       string     `json:"given_name"`
	FatherName      string     `json:"father_name"`
	GrandfatherName string     `json:"grandfather_name"`
	FamilyName      string     `json:"family_name,omitempty"`
	Kunya           string     `json:"kunya,omitempty"`
	MotherName      string     `json:"mother_name,omitempty"`
	Gender          string     `json:"gender"`
	BirthDate       string     `json:"birth_date,omitempty"`
	BirthPlace      string     `json:"birth_place,omitempty"`
	Nationality     []string   `json:"nationality"`
	Documents       []Document `json:"documents,omitempty"`

	// Habit is the transliteration habit of NameLatin; not written out.
	Habit Habit `json:"-"`
}

// Document is an identity document of a Record.
type Document struct {
	Type    string `json:"type"` // national_id or passport
	Number  string `json:"number"`
	Country string `json:"country"`
}

// BirthYear returns the year of BirthDate, or 0 when it is unknown.
func (r *Record) BirthYear() int {
	if len(r.BirthDate) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(r.BirthDate[:4])
	return y
}

// Generator makes persons one after another. It is not safe for concurrent
// use; make one per goroutine with its own seed.
type Generator struct {
	r                 *rand.Rand
	t                 *tables
	n                 uint64
	iqID, syID, psprt perm
}

// New returns a generator whose output depends on seed alone.
func New(seed uint64) *Generator {
	return &Generator{
		r:     rand.New(rand.NewPCG(seed, splitmix(seed^0x9e3779b97f4a7c15))),
		t:     loadTables(),
		iqID:  newPerm(100_000_000_000, splitmix(seed+1)),
		syID:  newPerm(100_000_000, splitmix(seed+2)),
		psprt: newPerm(26*10_000_000, splitmix(seed+3)),
	}
}

// Shares of the population. They describe a registry of the region (camps,
// crossings) rather than either country's census: mostly Iraqis and
// Syrians, a few other Arab nationals.
const (
	shareIQ     = 0.55
	shareSY     = 0.40
	shareFemale = 0.49
	shareLatin  = 0.35 // records with a Latin spelling of the name
	shareDual   = 0.01 // Iraqi and Syrian both
)

// otherWeights are the weights of otherCountries among the other nationals.
var otherWeights = []float64{25, 25, 15, 10, 8, 7, 5, 3, 2}

// scribe is how one clerk writes Arabic: hamza seats, ى and ة, and
// whether عبد joins the next word. Records differ in these, and a
// screening system must not mistake them for different names.
type scribe struct {
	noHamza, yaForMaqsura, haForMarbuta, joinAbd bool
}

func (s scribe) write(name string) string {
	if s.joinAbd && strings.HasPrefix(name, "عبد ") {
		name = "عبد" + name[len("عبد "):]
	}
	if !s.noHamza && !s.yaForMaqsura && !s.haForMarbuta {
		return name
	}
	return strings.Map(func(r rune) rune {
		switch {
		case s.noHamza && (r == 'أ' || r == 'إ' || r == 'آ'):
			return 'ا'
		case s.yaForMaqsura && r == 'ى':
			return 'ي'
		case s.haForMarbuta && r == 'ة':
			return 'ه'
		}
		return r
	}, name)
}

// Next returns the next person.
func (g *Generator) Next() Record {
	r, t := g.r, g.t
	i := g.n
	g.n++

	var rec Record
	rec.ID = "SYN-" + pad(i+1, 8)

	var country string
	switch pick(r, shareIQ, shareSY, 1-shareIQ-shareSY) {
	case 0:
		country = "IQ"
	case 1:
		country = "SY"
	default:
		country = otherCountries[pick(r, otherWeights...)]
	}
	rec.Nationality = []string{country}
	if (country == "IQ" || country == "SY") && chance(r, shareDual) {
		rec.Nationality = []string{"IQ", "SY"}
	}

	female := chance(r, shareFemale)
	var given entry
	if female {
		rec.Gender = "f"
		given = t.female[t.femaleS.draw(r)]
	} else {
		rec.Gender = "m"
		given = g.drawMale(country, "")
	}
	father := g.drawMale(country, given.ar)
	var grand entry
	if !female && chance(r, 0.06) {
		// A boy named after his grandfather, a common custom.
		grand = given
	} else {
		grand = g.drawMale(country, father.ar)
	}
	family := g.drawFamily(country)
	hasFamily := chance(r, 0.96)

	sc := scribe{
		noHamza:      chance(r, 0.3),
		yaForMaqsura: chance(r, 0.1),
		haForMarbuta: chance(r, 0.05),
		joinAbd:      chance(r, 0.25),
	}
	rec.GivenName = sc.write(given.ar)
	rec.FatherName = sc.write(father.ar)
	rec.GrandfatherName = sc.write(grand.ar)
	parts := []string{rec.GivenName, rec.FatherName, rec.GrandfatherName}
	pivots := []string{given.pivot, father.pivot, grand.pivot}
	if hasFamily {
		rec.FamilyName = sc.write(family.ar)
		parts = append(parts, rec.FamilyName)
		pivots = append(pivots, family.pivot)
	}
	rec.Name = strings.Join(parts, " ")

	// The mother: her given name and her father's name or her family, as
	// Iraqi and Syrian records write it. Cousin marriage keeps many mothers
	// in the father's tribe.
	mother := t.female[t.femaleS.draw(r)].ar
	motherFamily := family
	if !chance(r, 0.4) {
		motherFamily = g.drawFamily(country)
	}
	switch pick(r, 0.6, 0.2, 0.1, 0.1) {
	case 0:
		mother += " " + t.male[t.maleS.draw(r)].ar
	case 1:
		mother += " " + motherFamily.ar
	case 2:
	default:
		mother += " " + t.male[t.maleS.draw(r)].ar + " " + motherFamily.ar
	}
	if chance(r, 0.97) {
		rec.MotherName = sc.write(mother)
	}

	age := g.drawAge()
	rec.BirthDate = g.drawDate(ReferenceYear-age, country)
	gov := 0
	rec.BirthPlace, gov = g.drawPlace(country)

	kunyaShare := 0.12
	if female {
		kunyaShare = 0.04
	}
	if age >= 18 && chance(r, kunyaShare) {
		k := "أبو "
		if female {
			k = "أم "
		}
		k += t.male[t.maleS.draw(r)].ar
		if !female && chance(r, 0.15) {
			k += " " + kunyaNisba(country, r)
		}
		rec.Kunya = sc.write(k)
	}

	rec.Documents = g.drawDocuments(i, country, gov, age)

	if chance(r, shareLatin) {
		rec.Habit = g.drawHabit(country)
		rec.NameLatin = renderPivot(strings.Fields(strings.Join(pivots, " ")), rec.Habit)
	}
	return rec
}

// drawMale draws a man's name other than not (a father is rarely named
// as his son, a grandfather rarely as his son). Outside Iraq it avoids the
// names that are almost only Iraqi.
func (g *Generator) drawMale(country, not string) entry {
	var e entry
	for range 8 {
		e = g.t.male[g.t.maleS.draw(g.r)]
		if e.ar != not && (country == "IQ" || !iraqiOnly[e.ar]) {
			break
		}
	}
	return e
}

// iraqiOnly are men's names given almost only in Iraq, mostly among Shia
// families (عبد الزهرة, كرار); a Syrian or Tunisian with one would look odd.
var iraqiOnly = map[string]bool{
	"عبد الزهرة": true, "عبد الحسين": true, "عبد الأمير": true, "عبد علي": true, "كرار": true,
	"سجاد": true, "مرتضى": true, "مجتبى": true, "منتظر": true, "عيدان": true, "عليوي": true,
	"صبار": true, "شلال": true, "مشتاق": true, "حمادي": true,
}

func (g *Generator) drawFamily(country string) entry {
	switch country {
	case "IQ":
		return g.t.famIQ[g.t.famIQS.draw(g.r)]
	case "SY":
		return g.t.famSY[g.t.famSYS.draw(g.r)]
	}
	return g.t.famOther[country][g.t.famOtherS[country].draw(g.r)]
}

// Age bands of a young population, as in Iraq and Syria: a third children.
var (
	ageBands   = [][2]int{{0, 14}, {15, 24}, {25, 34}, {35, 44}, {45, 54}, {55, 64}, {65, 84}}
	ageWeights = []float64{30, 20, 17, 13, 9, 6, 5}
)

func (g *Generator) drawAge() int {
	b := ageBands[pick(g.r, ageWeights...)]
	return b[0] + g.r.IntN(b[1]-b[0]+1)
}

// drawDate writes a birth date as registries hold it: often the full date,
// often only the year, and many placeholders for an unknown day: 1 January,
// and in Iraq also 1 July.
func (g *Generator) drawDate(year int, country string) string {
	y := pad(uint64(year), 4)
	switch pick(g.r, 0.52, 0.2, 0.05, 0.15, 0.06, 0.02) {
	case 0:
		m := 1 + g.r.IntN(12)
		d := 1 + g.r.IntN(daysIn(year, m))
		return y + "-" + pad(uint64(m), 2) + "-" + pad(uint64(d), 2)
	case 1:
		return y
	case 2:
		return y + "-" + pad(uint64(1+g.r.IntN(12)), 2)
	case 3:
		return y + "-01-01"
	case 4:
		if country == "IQ" {
			return y + "-07-01"
		}
		return y + "-01-01"
	}
	return ""
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// drawPlace returns the birth place and, for Syria, the governorate's
// number (1-based) that the national number begins with.
func (g *Generator) drawPlace(country string) (string, int) {
	var ps []place
	var s sampler
	switch country {
	case "IQ":
		ps, s = g.t.plIQ, g.t.plIQS
	case "SY":
		ps, s = g.t.plSY, g.t.plSYS
	default:
		cs := placesOther[country]
		return cs[g.r.IntN(len(cs))], 0
	}
	p := ps[s.draw(g.r)]
	gov := 1 + indexGov(g.t.govsSY, p.governorate)
	switch pick(g.r, 0.5, 0.3, 0.2) {
	case 0:
		if p.seat && p.town == p.governorate {
			return p.town, gov
		}
		return p.town + "، " + p.governorate, gov
	case 1:
		return p.town, gov
	}
	return p.governorate, gov
}

func indexGov(govs []string, g string) int {
	for i, x := range govs {
		if x == g {
			return i
		}
	}
	return -1
}

func kunyaNisba(country string, r *rand.Rand) string {
	switch country {
	case "IQ":
		return []string{"العراقي", "الموصلي", "البغدادي", "الأنصاري"}[r.IntN(4)]
	case "SY":
		return []string{"الشامي", "السوري", "الديري", "الأنصاري"}[r.IntN(4)]
	case "TN":
		return "التونسي"
	case "JO":
		return "الأردني"
	case "LY":
		return "الليبي"
	case "MA":
		return "المغربي"
	case "YE":
		return "اليمني"
	case "KW":
		return "الكويتي"
	case "EG":
		return "المصري"
	}
	return "المهاجر"
}

// drawDocuments gives national IDs to most Iraqis and Syrians and passports
// to some; other nationals mostly carry a passport. Numbers come from
// permutations of the person's index, so they never repeat.
func (g *Generator) drawDocuments(i uint64, country string, gov, age int) []Document {
	var ds []Document
	switch country {
	case "IQ":
		if chance(g.r, 0.9) {
			// The unified national card: 12 digits.
			ds = append(ds, Document{"national_id", string(rune('1'+g.r.IntN(2))) + pad(g.iqID.at(i), 11), "IQ"})
		}
	case "SY":
		if chance(g.r, 0.9) {
			// The national number: 11 digits, led here by the governorate.
			ds = append(ds, Document{"national_id", pad(uint64(gov), 3) + pad(g.syID.at(i), 8), "SY"})
		}
	}
	p := 0.18
	if country != "IQ" && country != "SY" {
		p = 0.85
	}
	if age >= 16 && chance(g.r, p) || len(ds) == 0 && chance(g.r, 0.5) {
		x := g.psprt.at(i)
		ds = append(ds, Document{"passport", string(rune('A'+x/10_000_000)) + pad(x%10_000_000, 7), country})
	}
	return ds
}

func (g *Generator) drawHabit(country string) Habit {
	// Weights in Habits order: english, popular, french, iraqi, levantine, academic.
	var w []float64
	switch country {
	case "IQ":
		w = []float64{20, 35, 5, 25, 10, 5}
	case "SY", "JO", "LB":
		w = []float64{20, 30, 10, 5, 30, 5}
	case "TN", "MA", "LY":
		w = []float64{10, 20, 60, 0, 5, 5}
	default:
		w = []float64{25, 50, 5, 5, 10, 5}
	}
	return Habits[pick(g.r, w...)]
}

// pad writes n in decimal with leading zeros to width digits.
func pad(n uint64, width int) string {
	var buf [20]byte
	b := strconv.AppendUint(buf[:0], n, 10)
	if len(b) >= width {
		return string(b)
	}
	return strings.Repeat("0", width-len(b)) + string(b)
}
