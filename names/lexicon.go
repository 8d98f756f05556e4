package names

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
)

// Word lists, in normalised form. They are read-only package tables.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titles are honorifics and ranks set aside before the name is read. They
// count as titles only before the first name unit, so that a person called
// أمير or Imam keeps the name.
var titles = set(
	"dr", "doctor", "sheikh", "shaikh", "shaykh", "sheik", "shaik", "cheikh", "chaikh", "shiekh", "sheykh",
	"hajji", "haji", "hajj", "hadji", "hadj", "alhaj", "alhajj", "elhadj", "hajja", "hajjah",
	"mullah", "mulla", "molla", "mollah", "mulah", "emir", "imam", "mr", "mrs", "ms", "miss",
	"prof", "professor", "gen", "general", "col", "colonel", "maj", "major", "capt", "captain", "lt",
	"eng", "engineer", "maulana", "mawlana", "maulvi", "mawlawi", "moulvi", "mawlavi", "maulawi", "mawlvi",
	"qari", "ustadh", "ustaz", "sir", "sheikha", "shaykha", "sayyid", "sayed", "sayyed",
	"شيخ", "الشيخ", "شيخه", "الشيخه", "دكتور", "الدكتور", "د", "الحاج", "حاج", "الحاجه", "حاجه", "حجي",
	"الملا", "ملا", "الامام", "امام", "المهندس", "مهندس", "الاستاذ", "استاذ", "العقيد", "عقيد",
	"اللواء", "لواء", "العميد", "عميد", "النقيب", "نقيب", "الرائد", "المقدم", "الامير", "امير",
	"المولوي", "مولوي", "القاري", "قاري", "السيد", "السيده", "سيد", "الفريق", "المشير", "مولانا", "الاخ",
)

// nasabMarkers introduce a father or an ancestor: Usama bin Ladin, محمد بن سلمان.
var nasabMarkers = set("bin", "ibn", "ben", "bint", "binti", "ould", "wuld", "walad", "ibnu", "bn", "binte", "bent",
	"بن", "ابن", "بنت", "ولد")

// kunyaMarkers begin a kunya: أبو بكر, Abu Bakr, Abou Moussab, أم محمد.
var kunyaMarkers = map[string]byte{
	"abu": '@', "abou": '@', "abo": '@', "aboo": '@', "abi": '@', "aba": '@', "abul": '@', "abol": '@', "aboul": '@',
	"ابو": '@', "ابي": '@', "ابا": '@',
	"umm": '&', "um": '&', "oum": '&', "om": '&', "omm": '&', "oumm": '&', "umme": '&', "ام": '&',
}

// abdWords begin an Abd compound written apart: Abd al-Rahman, Abdul Aziz.
var abdWords = set("abd", "abdul", "abdel", "abdal", "abdol", "abdil", "abdu", "abdur", "abder", "abdar",
	"abdus", "abdes", "abdas", "abduz", "abdez", "abdun", "abden", "abdoul", "abdoel", "abdool", "عبد")

// articles are the Arabic article written apart in Latin script, including
// the sun-letter forms (ar-Rahman, ash-Shami, ad-Din).
var articles = set("al", "el", "ul", "il", "ol", "ar", "er", "ur", "as", "es", "us", "ash", "esh", "ush",
	"at", "et", "ut", "ath", "eth", "ad", "ed", "ud", "adh", "edh", "az", "ez", "uz", "an", "en", "un", "ez")

// dinWords end an X al-Din compound written apart: Nur al-Din, Salah ad-Din,
// Nasr Eddine.
var dinWords = set("din", "deen", "dine", "diin", "eddine", "eddin", "uddin", "uddeen", "addin", "aldin",
	"eldin", "uddine", "ddin", "eddyn", "edine", "الدين")

// dinSuffixes end an X al-Din compound written as one word.
var dinSuffixes = []string{"eddine", "uddine", "eddin", "uddin", "uddeen", "addin", "aldin", "eldin", "uldin", "iddin", "edine", "eddeen"}

// allahForms are the spellings of Allah after Abd: Abdullah, Abdallah, Abd Allah.
var allahForms = set("lah", "llah", "la", "lla", "allah", "alla", "ullah", "ulla", "illah", "illa", "ellah",
	"ella", "ollah", "olla", "الله", "لله")

// noArticle lists Arabic words that begin with ال but carry no article.
var noArticle = set("الياس", "الهام", "الفت", "الطاف")

// laqabMarkers introduce a laqab or nickname: "known as", aka, الملقب.
var laqabMarkers = set("aka", "alias", "known", "dit", "الملقب", "الملقبه", "المعروف", "المعروفه", "ملقب", "المدعو", "المدعوه")

// abbreviations are short Latin forms of common names, read as the name:
// Md and Mohd (South Asia, Malaysia) for Muhammad.
var abbreviations = map[string]string{
	"md": "muhammad", "mohd": "muhammad", "muhd": "muhammad", "mhd": "muhammad", "mohmd": "muhammad",
	"mohamd": "muhammad", "muhmd": "muhammad",
}

// compoundSeconds are the second halves of X al-Y compound names: in
// Arabic with the article, in Latin without it (the article is a word of
// its own there).
var compoundSeconds = set("العابدين", "الاسلام", "الهدي", "العرب", "الحق", "الرحمن", "الرحمان",
	"abidine", "abidin", "abideen", "abiddin", "islam", "huda", "hoda", "arab", "haq", "haqq", "rahman", "rehman", "rahmane")

// compoundSuffixes end an X al-Y compound written as one word: Habiburrahman,
// Ziaulhaq.
var compoundSuffixes = []struct{ glued, word string }{
	{"urrahman", "rahman"}, {"urrehman", "rehman"}, {"ulhaq", "haq"}, {"ulhaque", "haq"}, {"ulislam", "islam"},
}

// allahWords end an X Allah compound written apart: سيف الله, Saif Allah.
var allahWords = set("الله", "allah", "ullah", "ollah", "illah", "ellah")

// allahSuffixes end an X Allah compound written as one word: Hidayatullah,
// Nasrallah, Sanaulla.
var allahSuffixes = []string{"ullah", "ollah", "allah", "illah", "ellah", "ulla", "olla", "alla"}

// Word flags: which lists a word is on, found with one map lookup.
const (
	fTitle uint16 = 1 << iota
	fNasab
	fKunya
	fAbd
	fArticle
	fDin
	fAllah
	fSecond
	fLaqab
)

var wordFlags = func() map[string]uint16 {
	m := map[string]uint16{}
	for _, l := range []struct {
		words map[string]bool
		flag  uint16
	}{{titles, fTitle}, {nasabMarkers, fNasab}, {abdWords, fAbd}, {articles, fArticle}, {dinWords, fDin}, {allahWords, fAllah}, {compoundSeconds, fSecond}, {laqabMarkers, fLaqab}} {
		for w := range l.words {
			m[w] |= l.flag
		}
	}
	for w := range kunyaMarkers {
		m[w] |= fKunya
	}
	return m
}()

// spellings.tsv maps Latin spellings of name words to their Arabic form, as
// Wikidata pairs them (CC0), written by internal/freqgen from the part of
// the pairs "athar eval translit" tunes on, keeping pairs seen twice or more
// whose two spellings are alike.
//
//go:embed spellings.tsv
var spellingsTable string

// spellings is the lexicon: the Arabic forms it knows, with their
// phonetic codes, and for each Latin word the index of its Arabic form.
type spellings struct {
	forms  []string // Arabic forms
	phons  []string // their phonetic codes
	latin  map[string]int32
	arabic map[string]int32
}

var lexicon = sync.OnceValue(func() *spellings {
	sp := &spellings{latin: map[string]int32{}, arabic: map[string]int32{}}
	sc := bufio.NewScanner(strings.NewReader(spellingsTable))
	for sc.Scan() {
		la, ar, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(la, "#") {
			continue
		}
		id, ok := sp.arabic[ar]
		if !ok {
			sp.forms = append(sp.forms, ar)
			sp.phons = append(sp.phons, string(phonArabic(nil, ar)))
			id = int32(len(sp.forms))
			sp.arabic[ar] = id
		}
		sp.latin[la] = id
	}
	return sp
})

// setIdentity looks a one-word unit up in the lexicon.
func setIdentity(u *Unit) {
	if u.Kind != KindSimple || u.bare == "" {
		return
	}
	lx := lexicon()
	switch u.Script {
	case ScriptLatin:
		u.ident = lx.latin[u.bare]
	case ScriptArabic:
		u.ident = lx.arabic[u.bare]
	}
}

// distinctMargin is how much better a Latin spelling must fit its own
// Arabic form than the other name's for the two to count as different
// names: Hamid fits حميد and حامد alike and tells nothing.
const distinctMargin = 0.08

// KnownDistinct reports two units that the lexicon (Wikidata's pairs of
// Latin and Arabic spellings) knows as two different names: Hassan (حسن) and
// Hussein (حسين), Mahmoud and محمد. A Latin spelling counts only when it
// fits its own Arabic form clearly better than the other name's, so that
// ambiguous spellings (Hamid: حامد or حميد; Salim: سليم or سالم) never do.
// Two Arabic-script units that are both known and differ after
// normalisation are two names. It is false whenever a unit is unknown to the
// lexicon.
func KnownDistinct(a, b *Unit) bool {
	if a.ident == 0 || b.ident == 0 || a.ident == b.ident {
		return false
	}
	switch {
	case a.Script == ScriptArabic && b.Script == ScriptArabic:
		// Two spellings that are each a name of their own (محمد, محمود):
		// normalisation has already folded the variants of one name.
		return true
	case a.Script == ScriptLatin && b.Script == ScriptLatin:
		return clearlyOwn(a, b) && clearlyOwn(b, a)
	case a.Script == ScriptLatin:
		return clearlyOwn(a, b)
	case b.Script == ScriptLatin:
		return clearlyOwn(b, a)
	}
	return false
}

// clearlyOwn reports whether Latin unit l fits its own Arabic form better,
// by distinctMargin, than the Arabic form of o.
func clearlyOwn(l, o *Unit) bool {
	phons := lexicon().phons
	own := crossCosts.similarity(l.Phon, phons[l.ident-1])
	other := crossCosts.similarity(l.Phon, phons[o.ident-1])
	return own-other >= distinctMargin
}
