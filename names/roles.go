package names

import (
	"strings"
	"unicode/utf8"
)

// slavicRoles reads Russian-style names (Umarov Doku Khamatovich, Doku
// Khamatovich Umarov): a patronymic in -ovich/-evna is the father, a name in
// -ov/-ev/-ova the family, whatever the order. It reports whether it did.
func slavicRoles(us []Unit) bool {
	if len(us) < 2 || len(us) > 4 {
		return false
	}
	pat := -1
	for i := range us {
		if us[i].Script == ScriptArabic || us[i].Role == RoleLaqab {
			return false
		}
		p := us[i].Phon
		if strings.HasSuffix(p, "viS") || strings.HasSuffix(p, "vna") || strings.HasSuffix(p, "viC") {
			pat = i
		}
	}
	if pat < 0 {
		return false
	}
	given := false
	for i := range us {
		u := &us[i]
		p := u.Phon
		switch {
		case i == pat:
			u.Role, u.Confidence, u.Depth = RoleFather, 0.9, 1
		case len(p) >= 5 && (strings.HasSuffix(p, "ov") || strings.HasSuffix(p, "ev") || strings.HasSuffix(p, "Iv") ||
			strings.HasSuffix(p, "ova") || strings.HasSuffix(p, "eva") || strings.HasSuffix(p, "in") || strings.HasSuffix(p, "ina")):
			u.Role, u.Confidence, u.Depth = RoleFamily, 0.8, -1
		case !given:
			u.Role, u.Confidence, u.Depth = RoleGiven, 0.9, 0
			given = true
		default:
			u.Role, u.Confidence, u.Depth = RoleFamily, 0.5, -1
		}
	}
	return true
}

// isNisba reports a word shaped like a nisba or family name: البغدادي,
// al-Jubouri, Zarqawi.
func isNisba(u *Unit) bool {
	n := u.Norm
	if u.Script == ScriptArabic {
		return strings.HasSuffix(n, "ي") && utf8.RuneCountInString(n) >= 5
	}
	return len(n) >= 6 && (strings.HasSuffix(n, "i") || strings.HasSuffix(n, "y")) &&
		!strings.HasSuffix(n, "ali") && !strings.HasSuffix(n, "ly")
}

// assignRoles reads the nasab chain and the family from word order and the
// markers seen while building units.
//
// familyApart says the family was given apart ("FAMILY, Given Father"), so
// the last word here is no surname.
func assignRoles(us []Unit, familyApart bool) {
	if slavicRoles(us) {
		return
	}
	// The family: units after آل, units with an article after the chain
	// began, and a last unit shaped like a nisba.
	chain := 0
	for i := range us {
		u := &us[i]
		if u.Kind == KindKunya {
			u.Role, u.Confidence, u.Depth = RoleKunya, 0.95, -1
			continue
		}
		if u.Role == RoleLaqab {
			u.Depth = -1
			continue
		}
		if u.Role == RoleFamily {
			u.Depth = -1
			continue
		}
		lastUnit := i == len(us)-1
		if (chain > 0 || i > 0) && u.Article && u.Confidence >= 0 {
			u.Role, u.Depth = RoleFamily, -1
			u.Confidence = 0.7
			if isNisba(u) {
				u.Confidence = 0.9
			}
			continue
		}
		if chain >= 2 && lastUnit && isNisba(u) && u.Confidence >= 0 {
			u.Role, u.Confidence, u.Depth = RoleFamily, 0.5, -1
			continue
		}
		if u.Confidence < 0 && lastUnit && chain == 1 {
			// Usama bin Ladin: the father, or the family name bin Ladin.
			u.Role, u.Confidence, u.Depth = RoleFather, 0.5, 1
			chain++
			continue
		}
		switch chain {
		case 0:
			u.Role, u.Confidence = RoleGiven, 0.9
		case 1:
			u.Role, u.Confidence = RoleFather, 0.7
			if lastUnit && !familyApart {
				u.Confidence = 0.5 // Western order: the surname
			}
		case 2:
			u.Role, u.Confidence = RoleGrandfather, 0.6
		default:
			u.Role, u.Confidence = RoleAncestor, 0.5
		}
		if u.Kind == KindInitial {
			u.Confidence *= 0.8
		}
		u.Depth = int32(chain)
		chain++
	}
}
