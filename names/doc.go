// Package names reads, keys and compares personal names written in Arabic
// or Latin script (and Cyrillic, read through a Latin transliteration), for
// screening against lists of persons of interest. It does no I/O.
//
// # Analyse once, compare many times
//
// Analyze reads a name written on one line ("إبراهيم عواد إبراهيم البدري",
// "Abu Bakr al-Baghdadi", "AL-BADRI, Ibrahim Awwad") and AnalyzeParts a name
// given as separate fields (athar.NameParts: given, father, grandfather,
// family, kunya, laqab). The result, a Name, holds the normalised form and
// the name's units. A unit is one word or a compound read as one name:
//
//	KindAbd      عبد الرحمن, Abd al-Rahman, Abdul Rahman, Abderrahmane, عبدالله, Abdallah
//	KindDin      نور الدين, Nur al-Din, Nureddin, Salah ad-Din, Nasreddine
//	KindAllah    سيف الله, Saif Allah, Hidayatullah, Nasrallah
//	KindCompound X + al-Y for a few Y: زين العابدين, Saif al-Islam, Zia ul-Haq, Habiburrahman
//	KindKunya    أبو بكر, Abu Bakr, Abou Moussab, Abubakar, أم محمد, أبو عبد الله, Abu Abdullah
//	KindInitial  a single Latin letter: the M of "M. Yusuf"
//	KindSimple   every other word
//
// Titles (الشيخ, الدكتور, الحاج, Dr., Sheikh, Hajji, Mullah) before the
// name are set aside in Name.Titles. Nasab markers (بن, ابن, بنت, bin, ibn,
// ben, bint, ould) and the family word آل are read and dropped; the article
// (ال, al-, el-, ad-, ash-, written apart, hyphenated or glued) is dropped
// from the phonetic code and recorded in Unit.Article.
//
// Each unit has a Role (given name, father, grandfather, ancestor, family,
// kunya, laqab) with a Confidence in [0, 1], a Depth in the nasab chain (0
// given, 1 father, 2 grandfather, -1 outside the chain), a phonetic code Phon
// and index Keys. Roles come from word order and markers: the first unit is
// the given name, the next ones the father and grandfather; a unit after
// آل, with an article after the first unit, or a last unit shaped like a
// nisba is the family; the last word of a Latin two-word name and the word
// after bin at the end of a name (bin Ladin) are a father or a family name
// with confidence 0.5. Words in brackets or quotes, or after "known as",
// aka or الملقب, are a laqab. Russian-style names (Umarov Doku Khamatovich)
// are read by their patronymic and family endings.
//
// Compare aligns the units of two names and returns a Match: a Score in
// [0, 1], the Pairs (which unit matched which; How: exact, variant,
// cross-script, typo, initial; the Similarity of the two spellings and the
// rarity Weight in bits), and the units left over on each side. CompareInto
// reuses a caller's Match and Score allocates nothing. Alignment is greedy,
// best pair first; within the nasab chain it prefers pairs at the same depth
// and counts a pair at different depths (a father against a grandfather) at
// 0.8 of its similarity; family, kunya and other units align in any order.
// Kunyas only align with kunyas of the same marker. A unit left over on one
// side may then align with two adjacent units of the other read as one word
// (آخوند زاده against Akhundzada; Pair.JoinA, Pair.JoinB).
//
// The score is a weighted mean of the aligned similarities, the weights
// being the units' rarity. Units only one name has lower it a little
// (missing information, a quarter of their weight); units both names have
// but that do not match lower it fully (a difference). A family unit left
// over counts half (a person may carry several nisbas), a kunya or laqab a
// quarter.
//
// # The phonetic code
//
// Both scripts map into one phonetic code (see phon.go): one byte a sound,
// Latin digraphs (sh, kh, gh, th, dh, dj, ou) as one sound, doubled letters
// collapsed, Arabic ة and ى as a final vowel. UnitSimilarity compares two
// codes with a weighted edit distance, one cost table for each kind of pair:
//
//   - Across scripts an Arabic short vowel is unwritten, so a Latin vowel
//     without an Arabic letter costs almost nothing, while a missing long
//     vowel (حسن against Hussein) costs much. Transliteration confusions are
//     cheap: q/k/g, j/g, dh/z/d, th/s/t, h/kh, sh/ch/s, w/ou/o/u, y/i/ee/e,
//     ayn and hamza dropped, ص ض ط ظ ح against s d t z h, ض as z (Fazal). A
//     Latin digraph may stand for two Arabic letters (sh against س+ح in Ishaq,
//     kh against ك+ح, th against ت+ح in Fathi, dh against د+ه in Adham).
//   - Within Latin script vowels vary freely (Mohamed, Muhammad) but a
//     vowel against another vowel costs more than across scripts.
//   - Within Arabic script every letter is written: a long vowel letter or
//     another consonant is a different name (حسن and حسين, عمر and عامر),
//     bar the confusions of colloquial spelling (ذ/ز/د, ث/س/ت, ق/ك/ج).
//
// Compounds are compared on their distinctive part (عبد الرحمن against عبد
// الرحيم compares الرحمن with الرحيم).
//
// # Index keys
//
// Unit.Keys are for an inverted index. The first key is the coarse
// consonant skeleton (vowels, w, y and ayn left out; q/k/g/gh, s/z/th/dh/sh,
// h/kh, f/v and b/p are one class each), so محمد, Muhammad and Mohamed all
// give MHMD. Skeletons of four classes or more add one key per left-out
// class, so a spelling with one consonant wrong, missing or extra still
// meets a key. Letters that stand for more than one sound add one key each
// (a Latin g read as j, dh read as ض, th as ت+ح or ت, c as s, j as y, sh as
// س+ح, Persian v and z, a final h kept, a glued al- taken off; Arabic ث read
// as t and ذ as d); short skeletons add one that keeps w and y. Kunya keys
// start with @ (abu) or & (umm), initials with !, and units with no Latin,
// Arabic or Cyrillic letter give "#" and their normal form. A unit has 3.4
// keys on average. Keys[0] (Unit.Key) is the frequency key.
//
// # Spelling lexicon
//
// spellings.tsv maps Latin words to the Arabic form Wikidata pairs them
// with (written by internal/freqgen from the tuning part of the pairs only).
// KnownDistinct uses it to tell look-alike different names apart (Hassan
// حسن and Hussein حسين, Mahmoud and محمد) when a Latin spelling fits its own
// Arabic form clearly better than the other name's; Compare multiplies the
// similarity of such pairs by 0.85.
//
// # Frequencies
//
// Frequencies counts units under their key, across scripts and spellings,
// and gives Fellegi–Sunter agreement weights in bits (Weight: log2(m/u),
// m = 0.95, u the smoothed share of the key among all units, bounded by
// MinWeight and MaxWeight). DefaultFrequencies starts from the table in
// freq.tsv, counted from Wikidata person-name tokens (CC0) by
// internal/freqgen ("go generate"); add a registry's names with AddName. A
// nil *Frequencies gives every unit DefaultWeight.
//
// # Thresholds
//
// UnitThreshold (0.72) is the least unit similarity that aligns two units.
// StrongMatch (0.85) is a name score from which two names read as the same
// name. "athar eval translit" measures how the similarity separates true
// transliteration pairs from false ones, and how many look-alike different
// names (محمد and محمود) still reach UnitThreshold; see docs/names.md.
//
// A Name is read-only after analysis and safe to share between goroutines.
package names
