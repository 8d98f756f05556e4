// Package names reads, keys and compares personal names written in Arabic
// or Latin script, for screening against lists of persons of interest. It
// does no I/O.
//
// # Analyse once, compare many times
//
// Analyze reads a name written on one line ("إبراهيم عواد إبراهيم البدري",
// "Abu Bakr al-Baghdadi", "AL-BADRI, Ibrahim Awwad") and AnalyzeParts a name
// given as separate fields (given, father, grandfather, family, kunya). The
// result, a Name, holds the normalised form and the name's units. A unit is
// one word or a compound read as one name: عبد الرحمن / Abdul Rahman /
// Abderrahmane (KindAbd), نور الدين / Nasreddine (KindDin), أبو بكر / Abu
// Bakr (KindKunya), a Latin initial (KindInitial). Titles (الشيخ, Dr.,
// Hajji) are set aside in Name.Titles; nasab markers (بن, bin, ibn, ould)
// and the article (ال, al-, el-, ad-) are read and dropped from the units.
//
// Each unit has a Role (given name, father, grandfather, ancestor, family,
// kunya) with a Confidence, a Depth in the nasab chain (0 given, 1 father,
// 2 grandfather, -1 outside the chain), a phonetic code Phon and index Keys.
//
// Compare aligns the units of two names and returns a Match: a Score in
// [0, 1], the Pairs (which unit matched which, How: exact, variant,
// cross-script, typo, initial; the Similarity of the two spellings and the
// rarity Weight), and the units left over on each side. CompareInto reuses a
// caller's Match; Score allocates nothing. Alignment is greedy, best pair
// first; within the nasab chain it prefers pairs at the same depth and counts
// a pair at different depths (a father against a grandfather) at 0.8 of its
// similarity; family, kunya and other units align in any order. Kunyas only
// align with kunyas. A unit only one name has lowers the score a little
// (missing information); units both names have but that do not match lower
// it fully (a difference).
//
// # The phonetic code and the keys
//
// Both scripts map into one phonetic code (see phon.go): emphatic letters
// fold into plain ones, doubled letters collapse, Latin digraphs (sh, kh, gh,
// th, dh, dj, ou) become one sound. UnitSimilarity compares two codes with a
// weighted edit distance whose costs follow transliteration habits: q/k/g,
// j/g, dh/z/d, th/s/t, h/kh, sh/ch/s, w/ou/o/u, y/i/ee/e cost little; an
// Arabic-unwritten short vowel costs almost nothing across scripts, while a
// missing long vowel (حسن against Hussein) costs much.
//
// Unit.Keys are for an inverted index: the first key is the coarse
// consonant skeleton (vowels, w, y and ayn left out; q/k/g/gh, s/z/th/dh/sh,
// h/kh, f/v are one class each), so محمد, Muhammad and Mohamed all give MHMD.
// Skeletons of four classes or more add one key per left-out class, so a
// spelling with one consonant wrong, missing or extra still meets a key; a
// Latin g adds the key read as j (Gamal, جمال); a final Latin h after a vowel
// adds the key with and without it (Fatimah, Salah); short skeletons add one
// that keeps w and y. Kunya keys start with @ (abu) or & (umm), initials with
// !, and units with no Latin or Arabic letter give "#" and their normal form.
// Keys[0] (Unit.Key) is the frequency key.
//
// # Frequencies
//
// Frequencies counts units under their key across scripts and spellings and
// gives Fellegi–Sunter agreement weights in bits (Weight: log2(m/u), m =
// 0.95, u the smoothed share of the key among all units, bounded by
// MinWeight and MaxWeight). DefaultFrequencies starts from a table shipped in
// freq.tsv, counted from Wikidata person-name tokens (CC0) by
// internal/freqgen; add a registry's names with AddName. A nil *Frequencies
// gives every unit DefaultWeight.
//
// # Thresholds
//
// UnitThreshold is the least unit similarity that aligns two units.
// StrongMatch is a name score from which two names read as the same name.
// "athar eval translit" measures where the similarity separates true
// transliteration pairs from false ones.
//
// A Name is read-only after analysis and safe to share between goroutines.
package names
