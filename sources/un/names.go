package un

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/country"
	"github.com/athar-org/athar/sources"
)

// nameText is one name read out of an alias field, with whatever the list
// wrote around it that is not a name.
type nameText struct {
	Full string
	Note string
}

var (
	// enumeration markers inside one alias: "Mohammed Sabet b) M. Javad Sabet".
	enumMarker = regexp.MustCompile(`(?:^|\s)[a-h]\)\s`)
	// bornTail cuts "…, born 1 Jan. 1953 (…)" off a name.
	bornTail = regexp.MustCompile(`(?i),?\s+born\s`)
	// annotation is bracketed or trailing text that describes a name rather
	// than being one.
	annotation = regexp.MustCompile(`(?i)^(?:previously listed as|formerly listed as|birth name|combat name|original script|third|second|sub-unit name|nom de guerre|arabic|tigrinya|amharic|russian|pashto|dari|persian|farsi|urdu|chinese|korean)$`)
	subUnit    = regexp.MustCompile(`(?i)\s+-\s+sub-unit name$`)
	origPrefix = regexp.MustCompile(`(?i)^original script\s*:\s*`)
	// unRef is a UN reference number, which is no name: "(KPE.018)".
	unRef = regexp.MustCompile(`(?i)^[A-Z]{2}[ie]\.\d{3}$`)
	// inScript finds a name given in another script inside a note:
	// "In Arabic: سيف العدل", "in Arabic script: شركة الكوثر",
	// "original script: Абу Банат".
	inScript = regexp.MustCompile(`(?i)(?:in arabic(?: script)?|original script)\s*:\s*([^.;()]+)`)
)

// splitNames reads the names an alias field holds. The list puts several
// names into one field in a few ways, all handled here:
//
//	أبو بكر البغدادي الحسيني القريشي (Abu Bakr al-Baghdadi al-Husayni al-Quraishi; Abu Bakr al-Baghdadi)
//	Azim Adhajani; Azim Agha-Jani
//	Jin Tiesan (金铁三)
//	Mohammed Sabet; Mohammad Sabet b) M. Javad Kareemi Sabet
//	Agha Jan Alizai اغا جان عالیزی
//
// Bracketed remarks ("(previously listed as)", "(birth name)", long
// explanations) go to the note; a bracketed acronym of an organisation
// ("(HTS)") becomes a name of its own when org is true.
func splitNames(s string, org bool) []nameText {
	s = clean(s)
	s = strings.Trim(s, " ,;")
	if s == "" {
		return nil
	}
	var tailNote string
	if loc := bornTail.FindStringIndex(s); loc != nil && loc[0] > 0 {
		tailNote = strings.TrimSpace(strings.TrimLeft(s[loc[0]:], ", "))
		s = strings.Trim(s[:loc[0]], " ,;")
	}
	s = enumMarker.ReplaceAllString(s, "; ")
	s = subUnit.ReplaceAllString(s, "")
	if m := origPrefix.FindStringIndex(s); m != nil {
		s = s[m[1]:]
	}

	head, groups := splitBrackets(s)
	headScript := sources.DetectScript(head)
	// Han and other scripts use brackets inside names: "華信船務(香港)有限公司".
	if headScript == athar.ScriptOther && len(groups) > 0 && !hasLatinOrArabic(head) && !hasLatinOrArabic(strings.Join(groups, " ")) {
		return []nameText{{Full: s, Note: tailNote}}
	}

	var out, extra []nameText
	var notes []string
	for _, g := range groups {
		g = strings.TrimSpace(g)
		switch {
		case g == "":
		case annotation.MatchString(g):
			notes = append(notes, g)
		case origPrefix.MatchString(g):
			extra = append(extra, splitNames(origPrefix.ReplaceAllString(g, ""), org)...)
		case len(topLevelSplit(g, ';')) > 1:
			for _, part := range topLevelSplit(g, ';') {
				extra = append(extra, splitNames(part, org)...)
			}
		case differentScript(g, headScript):
			extra = append(extra, splitNames(g, org)...)
		case len(strings.Fields(g)) > 6:
			notes = append(notes, g)
		case org && isAcronym(g):
			extra = append(extra, nameText{Full: g, Note: "acronym"})
			notes = append(notes, g)
		default:
			notes = append(notes, g)
		}
	}
	note := strings.Join(append(notes, nonEmpty(tailNote)...), "; ")
	for _, part := range strings.Split(head, ";") {
		part = strings.Trim(clean(part), " ,")
		if part == "" {
			continue
		}
		for _, p := range splitScriptRuns(part) {
			out = append(out, nameText{Full: p, Note: note})
		}
	}
	if len(out) == 0 && len(extra) > 0 {
		// "(Sheikh) Musa Hilal"-style or a bracket-only field: the note
		// belongs to the first name found.
		extra[0].Note = strings.Trim(extra[0].Note+"; "+note, "; ")
	}
	return append(out, extra...)
}

// namesInNote reads the names an alias NOTE holds:
//
//	born in 1971 in Samarra, Iraq (Ibrahim ‘Awad Ibrahim al-Badri al-Samarrai; …)
//	(Abu Du’a; Abu Duaa’) prominently known by this nom de guerre
//	DOB: 11 Apr. 1963. … In Arabic: سيف العدل
//	Yunis al-Mauritani; Younis al-Mauritani; Sheikh Yunis al-Mauritani
//
// It is cautious: a bracket counts only when it holds a ';'-separated list,
// and a bare list only when every item looks like a name (short, no digits,
// no colon), because notes also hold "(Iraq)" and "(DPOB - 1977)".
func namesInNote(note string) []string {
	note = clean(note)
	var out []string
	for _, m := range inScript.FindAllStringSubmatch(note, -1) {
		if n := strings.Trim(m[1], " ,"); n != "" && sources.DetectScript(n) != athar.ScriptLatin {
			out = append(out, n)
		}
	}
	_, groups := splitBrackets(note)
	for _, g := range groups {
		items := topLevelSplit(g, ';')
		if len(items) < 2 || !allNameLike(items) {
			continue
		}
		out = append(out, items...)
	}
	if !strings.ContainsAny(note, "()") {
		if items := topLevelSplit(note, ';'); len(items) > 1 && allNameLike(items) {
			out = append(out, items...)
		}
	}
	for i := range out {
		out[i] = strings.Trim(clean(out[i]), " ,.")
	}
	return out
}

func allNameLike(items []string) bool {
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" || len(strings.Fields(it)) > 6 || strings.ContainsAny(it, "0123456789:") {
			return false
		}
	}
	return true
}

// splitBrackets returns the text outside top-level round brackets and the
// contents of each top-level bracket (nested brackets kept inside).
// An unmatched ")" is dropped; an unclosed "(" runs to the end.
func splitBrackets(s string) (head string, groups []string) {
	var h, g strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '(':
			if depth > 0 {
				g.WriteRune(r)
			}
			depth++
		case r == ')':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 {
				groups = append(groups, g.String())
				g.Reset()
				h.WriteByte(' ')
			} else {
				g.WriteRune(r)
			}
		case depth > 0:
			g.WriteRune(r)
		default:
			h.WriteRune(r)
		}
	}
	if g.Len() > 0 {
		groups = append(groups, g.String())
	}
	return clean(h.String()), groups
}

// topLevelSplit splits s on sep outside brackets, dropping empty parts.
func topLevelSplit(s string, sep rune) []string {
	var parts []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				parts = appendNonEmpty(parts, s[start:i])
				start = i + len(string(sep))
			}
		}
	}
	return appendNonEmpty(parts, s[start:])
}

func appendNonEmpty(parts []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		parts = append(parts, s)
	}
	return parts
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// differentScript reports whether g is written in a letter script other than
// head's: the bracket then holds the same name in another script.
func differentScript(g string, head athar.Script) bool {
	gs := sources.DetectScript(g)
	if gs == head {
		return false
	}
	if gs == athar.ScriptOther {
		// Cyrillic or Han in brackets after a Latin name, but not a bare
		// number or a mix.
		return hasLetters(g) && !hasLatinOrArabic(g)
	}
	return true
}

// splitScriptRuns splits "Agha Jan Alizai اغا جان عالیزی" into its Latin and
// Arabic halves; other names come back whole.
func splitScriptRuns(s string) []string {
	words := strings.Fields(s)
	if len(words) < 2 {
		return []string{s}
	}
	var runs []string
	var cur []string
	var curScript athar.Script
	for _, w := range words {
		ws := sources.DetectScript(w)
		if ws == athar.ScriptOther { // digits, punctuation: stay with the run
			ws = curScript
		}
		if len(cur) > 0 && ws != curScript {
			runs = append(runs, strings.Join(cur, " "))
			cur = nil
		}
		cur = append(cur, w)
		curScript = ws
	}
	runs = append(runs, strings.Join(cur, " "))
	if len(runs) != 2 {
		return []string{s}
	}
	return runs
}

// notAcronyms are short upper-case words in brackets that name no
// organisation.
var notAcronyms = map[string]bool{"NGO": true, "LTD": true, "CO": true, "INC": true, "LLC": true}

func isAcronym(s string) bool {
	if unRef.MatchString(s) || len(s) < 2 || len(s) > 12 || strings.ContainsRune(s, ' ') || notAcronyms[s] {
		return false
	}
	if _, ok := country.Lookup(s); ok { // "AL-HARAMAIN FOUNDATION (KENYA)"
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '-' || r == '/' || r == '.' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters >= 2
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasLatinOrArabic(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && (unicode.Is(unicode.Latin, r) || unicode.Is(unicode.Arabic, r)) {
			return true
		}
	}
	return false
}

// clean collapses runs of white space (the XML wraps long values over
// indented lines) and trims.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
