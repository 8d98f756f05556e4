package country

import (
	"strings"
	"sync"
	"unicode"
)

// entry is one ISO 3166-1 country with the names it is written as.
type entry struct {
	alpha2, alpha3 string
	english        []string
	arabic         []string
}

// index maps normalised names and codes to alpha-2 codes; built once, read
// only afterwards.
var index = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, len(generated)*6+len(aliases))
	for _, e := range generated {
		for _, n := range e.english {
			m[normalize(n)] = e.alpha2
		}
		for _, n := range e.arabic {
			m[normalize(n)] = e.alpha2
		}
	}
	// Hand-written aliases win over generated names: they fix the few
	// places where ISO's short form is not what the lists mean.
	for name, code := range aliases {
		m[normalize(name)] = code
	}
	return m
})

// codes maps alpha-2 and alpha-3 codes to alpha-2.
var codes = sync.OnceValue(func() map[string]string {
	m := make(map[string]string, 2*len(generated))
	for _, e := range generated {
		m[e.alpha2] = e.alpha2
		m[e.alpha3] = e.alpha2
	}
	return m
})

// userAssigned are codes outside ISO 3166-1 that lists use all the same.
var userAssigned = map[string]string{"XK": "Kosovo"}

// Name returns the English short name of an alpha-2 code, or "" when the
// code is unknown.
func Name(alpha2 string) string {
	alpha2 = strings.ToUpper(alpha2)
	if n, ok := userAssigned[alpha2]; ok {
		return n
	}
	for _, e := range generated {
		if e.alpha2 == alpha2 {
			return e.english[0]
		}
	}
	return ""
}

// Lookup returns the ISO 3166-1 alpha-2 code for a country name, demonym or
// ISO code (alpha-2 or alpha-3, in upper case) as lists write it, in English or Arabic.
// It ignores case, accents, Arabic diacritics and punctuation. When the whole
// text is not a known name it retries without bracketed remarks and common
// qualifiers ("Bahrain (citizenship revoked in Jan. 2015)", "Tunisian
// passport"). ok is false when no country is recognised: callers keep the
// text and warn rather than guess.
func Lookup(s string) (code string, ok bool) {
	// Codes count only in upper case: lists write "na" for "not
	// available", not for Namibia.
	if t := strings.TrimSpace(s); len(t) <= 3 {
		if c, ok := codes()[t]; ok {
			return c, true
		}
	}
	idx := index()
	n := normalize(s)
	if n == "" {
		return "", false
	}
	if c, ok := idx[n]; ok {
		return c, true
	}
	if t := stripBrackets(s); t != s {
		if c, ok := idx[normalize(t)]; ok {
			return c, true
		}
		n = normalize(t)
	}
	// Drop qualifiers one word at a time from either end.
	words := strings.Fields(n)
	for len(words) > 1 {
		switch {
		case noise[words[0]]:
			words = words[1:]
		case noise[words[len(words)-1]]:
			words = words[:len(words)-1]
		default:
			return "", false
		}
		if c, ok := idx[strings.Join(words, " ")]; ok {
			return c, true
		}
	}
	return "", false
}

// LookupAll reads text that may name several countries ("Sudan/South
// Sudan", "Iraq; Syria", "IQ,SY") and returns the codes found, in order,
// without repeats, and the parts it could not map.
func LookupAll(s string) (codes []string, unknown []string) {
	if c, ok := Lookup(s); ok {
		return []string{c}, nil
	}
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return r == '/' || r == ';' || r == ',' || r == '،' || r == '؛'
	})
	for _, p := range parts {
		p = strings.TrimSpace(p)
		p = strings.TrimPrefix(p, "or ")
		if p == "" {
			continue
		}
		c, ok := Lookup(p)
		if !ok {
			unknown = append(unknown, p)
			continue
		}
		dup := false
		for _, x := range codes {
			dup = dup || x == c
		}
		if !dup {
			codes = append(codes, c)
		}
	}
	return codes, unknown
}

// noise are words around a country name that do not change the country.
var noise = map[string]bool{
	"possibly": true, "passport": true, "national": true, "citizen": true,
	"by": true, "birth": true, "the": true, "of": false, "probably": true,
	"reportedly": true, "nationality": true, "citizenship": true, "region": true,
}

// stripBrackets removes bracketed remarks: "Libya (in custody)" → "Libya".
func stripBrackets(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// normalize folds a name to its lookup key: lower case, Latin accents and
// Arabic diacritics removed, Arabic letter variants unified, punctuation to
// spaces, a leading "the" or Arabic "al-" article dropped.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := latinFold[r]; ok {
			r = f
		}
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ة':
			r = 'ه'
		case 'ى':
			r = 'ي'
		case 'ـ': // tatweel
			continue
		case '’', '‘', '`', '\'':
			continue // "People’s" = "People's" = "Peoples"
		}
		if unicode.Is(unicode.Mn, r) { // Arabic harakat, shadda
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	out := strings.TrimSpace(b.String())
	out = strings.TrimPrefix(out, "the ")
	// "و" written apart ("البوسنة و الهرسك") or joined: unify on apart.
	out = strings.ReplaceAll(out, " و ", " و")
	fields := strings.Fields(out)
	for i, f := range fields {
		// Drop the Arabic article so "العراق" = "عراق" and
		// "الجمهورية العربية السورية" = "جمهورية عربية سورية".
		if strings.HasPrefix(f, "ال") && len([]rune(f)) > 3 {
			fields[i] = strings.TrimPrefix(f, "ال")
		}
	}
	return strings.Join(fields, " ")
}

var latinFold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a',
	'ç': 'c', 'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ñ': 'n',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ø': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ý': 'y', 'ÿ': 'y',
}
