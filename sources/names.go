package sources

import "strings"

// generational are the words after a comma that end a name rather than
// start its given part: "RUBEN PESTANO LAVILLA, JR", "Hilarion Santos, III".
var generational = map[string]bool{"jr": true, "jr.": true, "sr": true, "sr.": true, "ii": true, "iii": true, "iv": true}

// NaturalOrder turns a list's "Surname, Given" form into the given-first
// order people, Arabic records and the nasab (given, father, grandfather)
// use: "AL-BADRI, Ibrahim 'Awwad" → "Ibrahim 'Awwad AL-BADRI". ok is false
// for a name that is not in that form (no comma, more than one, an empty
// side, or "…, Jr").
func NaturalOrder(name string) (string, bool) {
	name = strings.TrimSpace(name)
	if strings.Count(name, ",") != 1 {
		return "", false
	}
	last, given, _ := strings.Cut(name, ",")
	last, given = strings.TrimSpace(last), strings.TrimSpace(given)
	if last == "" || given == "" || generational[strings.ToLower(given)] {
		return "", false
	}
	return given + " " + last, true
}
