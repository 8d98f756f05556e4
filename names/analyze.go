package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/athar-org/athar"
)

// token is one word of the input.
type token struct {
	src        string // the whole input the word was read from
	start, end int    // the word's bytes in src
	raw        string // as written
	norm       string // Normalize
	script     Script
	comma      bool   // a comma follows it
	flags      uint16 // the word lists it is on (fTitle, fNasab, ...)
	aside      bool   // written in brackets or quotes: a laqab or nickname
}

// isSeparator reports runes that split words.
func isSeparator(r rune) bool {
	if r < 0x80 {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '\'' || r == '`')
	}
	if isArabicLetter(r) || isLatinLetter(r) || isDropped(r) || r == utf8.RuneError {
		return false
	}
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || r == '،'
}

// tokenize splits s into words, normalising each.
func tokenize(dst []token, s string) []token {
	start := -1
	brackets, quoted := 0, false
	flush := func(end int) {
		if start < 0 {
			return
		}
		raw := s[start:end]
		rawStart := start
		start = -1
		n := Normalize(raw)
		for n != "" {
			w := n
			if i := strings.IndexByte(n, ' '); i >= 0 {
				w, n = n[:i], n[i+1:]
			} else {
				n = ""
			}
			dst = append(dst, token{src: s, start: rawStart, end: end, raw: raw, norm: w, script: DetectScript(w), flags: wordFlags[w],
				aside: brackets > 0 || quoted})
		}
	}
	for i, r := range s {
		if isSeparator(r) {
			flush(i)
			switch r {
			case ',', '،', ';', '؛':
				if len(dst) > 0 && brackets == 0 && !quoted {
					dst[len(dst)-1].comma = true
				}
			case '(', '[':
				brackets++
			case ')', ']':
				brackets = max(brackets-1, 0)
			case '"', '“', '«':
				quoted = !quoted || r != '"'
				if r == '"' && !quoted {
					break
				}
			case '”', '»':
				quoted = false
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	flush(len(s))
	return dst
}

// Analyze reads a full name written in one line, in Arabic or Latin script
// (or both), in the usual order, or as "FAMILY, Given Father".
func Analyze(s string) Name {
	var buf [12]token
	toks := tokenize(buf[:0], s)
	n := Name{Original: s, Script: tokensScript(toks), Units: make([]Unit, 0, len(toks))}
	// "FAMILY, Given ...": exactly one comma, after the first word group.
	commaAt := -1
	for i, t := range toks {
		if t.flags&fLaqab != 0 {
			break // "known as Abu Hamza, the Cleric"
		}
		if t.comma && i < len(toks)-1 {
			if commaAt >= 0 {
				commaAt = -2
				break
			}
			commaAt = i
		}
	}
	if commaAt >= 0 {
		fam := toks[:commaAt+1]
		rest := toks[commaAt+1:]
		n.Units = buildUnits(n.Units, rest, &n.Titles)
		k := len(n.Units)
		n.Units = buildUnits(n.Units, fam, &n.Titles)
		assignRoles(n.Units[:k], true)
		for i := k; i < len(n.Units); i++ {
			u := &n.Units[i]
			switch {
			case u.Kind == KindKunya:
				u.Role, u.Confidence, u.Depth = RoleKunya, 0.95, -1
			case u.Role != RoleLaqab:
				u.Role, u.Confidence, u.Depth = RoleFamily, 0.85, -1
			}
		}
	} else {
		n.Units = buildUnits(n.Units, toks, &n.Titles)
		assignRoles(n.Units, false)
	}
	setKeys(n.Units)
	for i := range n.Units {
		setIdentity(&n.Units[i])
	}
	n.Normalized = joinNorm(n.Units)
	return n
}

// tokensScript is the script of all the words together.
func tokensScript(toks []token) Script {
	var sc Script
	for _, t := range toks {
		switch {
		case t.script == ScriptUnknown || t.script == sc:
		case sc == ScriptUnknown:
			sc = t.script
		default:
			return ScriptMixed
		}
	}
	return sc
}

// AnalyzeParts reads a name given as separate fields, as Iraqi and Syrian
// records give it. Each field may hold several words; the roles come from
// the fields, not from word order.
func AnalyzeParts(p athar.NameParts) Name {
	var n Name
	var orig []string
	add := func(s string, role Role) {
		if strings.TrimSpace(s) == "" {
			return
		}
		orig = append(orig, s)
		var buf [8]token
		k := len(n.Units)
		n.Units = buildUnits(n.Units, tokenize(buf[:0], s), &n.Titles)
		for i := k; i < len(n.Units); i++ {
			u := &n.Units[i]
			if u.Kind == KindKunya {
				u.Role, u.Confidence, u.Depth = RoleKunya, 0.95, -1
				continue
			}
			u.Role, u.Confidence = role, 0.95
			switch role {
			case RoleGiven:
				u.Depth = 0
				if i > k {
					u.Confidence = 0.6 // a second given name, or a father written in the wrong field
				}
			case RoleFather:
				u.Depth = 1
			case RoleGrandfather:
				u.Depth = 2
			default:
				u.Depth = -1
			}
		}
	}
	add(p.Given, RoleGiven)
	add(p.Father, RoleFather)
	add(p.Grandfather, RoleGrandfather)
	add(p.Family, RoleFamily)
	add(p.Kunya, RoleKunya)
	add(p.Laqab, RoleLaqab)
	for _, t := range p.Titles {
		if t = Normalize(t); t != "" {
			n.Titles = append(n.Titles, t)
		}
	}
	n.Original = strings.Join(orig, " ")
	n.Script = DetectScript(n.Original)
	setKeys(n.Units)
	for i := range n.Units {
		setIdentity(&n.Units[i])
	}
	n.Normalized = joinNorm(n.Units)
	return n
}

func joinNorm(us []Unit) string {
	switch len(us) {
	case 0:
		return ""
	case 1:
		return us[0].Norm
	}
	size := len(us) - 1
	for i := range us {
		size += len(us[i].Norm)
	}
	var b strings.Builder
	b.Grow(size)
	for i := range us {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(us[i].Norm)
	}
	return b.String()
}
