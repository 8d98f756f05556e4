package names

// costTable holds insertion/deletion and substitution costs between
// phonetic codes, indexed by byte, in hundredths so that the dynamic
// programme runs on integers. It is a package-level read-only table.
type costTable struct {
	indel    [128]int16
	sub      [128][128]int16
	digraphs bool // a Latin digraph may stand for two Arabic letters
}

// Two tables: across scripts Arabic leaves short vowels unwritten, so a
// Latin vowel without an Arabic letter is nearly free; within one script a
// missing vowel letter is a real difference (حسن, حسان).
var (
	crossCosts  = buildCosts(true, false)
	latinCosts  = buildCosts(false, false)
	arabicCosts = buildCosts(false, true)
)

// costsFor picks the table for two units' scripts.
func costsFor(a, b Script) *costTable {
	switch {
	case a == ScriptArabic && b == ScriptArabic:
		return arabicCosts
	case a == ScriptArabic || b == ScriptArabic || a == ScriptMixed || b == ScriptMixed:
		return crossCosts
	}
	return latinCosts // Latin, and Cyrillic read through its Latin spelling
}

// buildCosts makes a cost table. Across scripts Arabic leaves short vowels
// unwritten, so a Latin vowel without an Arabic letter is nearly free.
// Within Latin script vowels vary freely (Mohamed, Muhammad). Within Arabic
// script a long vowel letter is part of the name: حسن and حسين, محمد and
// محمود, عمر and عامر are different names.
func buildCosts(cross, arabic bool) *costTable {
	t := &costTable{digraphs: !arabic}
	for i := range t.indel {
		t.indel[i] = 100
	}
	set := func(cs string, v int16) {
		for i := 0; i < len(cs); i++ {
			t.indel[cs[i]] = v
		}
	}
	if cross {
		set("aeiou", 12)
		set("A", 25)
		set("E", 20)
		set("wy", 80)
		set("UI", 40)
		set("H", 20)
		set("h", 60)
	} else if arabic {
		set("aeiou", 25)
		set("A", 100)
		set("E", 100)
		set("wy", 100)
		set("UI", 40)
		set("H", 30)
		set("h", 80)
	} else {
		set("aeiou", 25)
		set("A", 35)
		set("E", 30)
		set("wy", 60)
		set("UI", 40)
		set("H", 30)
		set("h", 65)
	}
	for a := range 128 {
		for b := range 128 {
			if a == b {
				t.sub[a][b] = 0
			} else {
				t.sub[a][b] = 100
			}
		}
	}
	pair := func(x, y string, v int16) {
		for i := 0; i < len(x); i++ {
			for j := 0; j < len(y); j++ {
				if x[i] != y[j] {
					t.sub[x[i]][y[j]] = v
					t.sub[y[j]][x[i]] = v
				}
			}
		}
	}
	pair("aeiou", "aeiou", 40)
	pair("a", "e", 10)
	pair("o", "u", 10)
	pair("i", "e", 10)
	pair("e", "o", 30)
	pair("a", "A", 5)
	pair("eiou", "A", 20)
	pair("aeiouAUI", "E", 20)
	pair("U", "w", 5)
	pair("I", "y", 5)
	pair("Uou", "Uou", 10)
	pair("Iie", "Iie", 10)
	pair("H", "h", 0)
	pair("H", "aA", 30)
	pair("u", "w", 10)
	pair("o", "w", 15)
	pair("ae", "w", 50)
	pair("i", "y", 10)
	pair("e", "y", 15)
	pair("a", "y", 85)
	pair("A", "y", 80)
	pair("ou", "y", 55)
	pair("A", "w", 55)
	pair("i", "w", 55)
	pair("w", "v", 30)
	pair("f", "v", 20)
	pair("b", "v", 50)
	pair("w", "f", 70)
	pair("E", "h", 55)
	pair("E", "G", 55)
	pair("q", "k", 25)
	pair("q", "g", 30)
	pair("k", "g", 40)
	pair("g", "j", 30)
	pair("g", "G", 25)
	pair("q", "G", 45)
	pair("k", "x", 40)
	pair("h", "x", 35)
	pair("G", "x", 45)
	pair("G", "r", 60)
	pair("C", "s", 30)
	pair("C", "t", 30)
	pair("C", "D", 30)
	pair("D", "z", 25)
	pair("D", "d", 30)
	pair("z", "s", 40)
	pair("S", "s", 40)
	pair("S", "j", 55)
	pair("j", "z", 55)
	pair("d", "t", 60)
	pair("D", "t", 60)
	pair("s", "t", 75)
	pair("C", "z", 45)
	pair("n", "m", 75)
	pair("K", "k", 10)
	pair("K", "q", 30)
	pair("K", "s", 25)
	pair("K", "S", 40)
	pair("K", "g", 45)
	// Arabic letters Latin does not tell from their plain partners.
	for _, e := range [...]struct{ emph, plain byte }{{'c', 's'}, {'p', 'd'}, {'T', 't'}, {'Z', 'z'}, {'X', 'h'}} {
		t.indel[e.emph] = t.indel[e.plain]
		for x := range 128 {
			t.sub[e.emph][x] = t.sub[e.plain][x]
			t.sub[x][e.emph] = t.sub[x][e.plain]
		}
		t.sub[e.emph][e.emph] = 0
		v := int16(0)
		if arabic {
			v = 70
		}
		t.sub[e.emph][e.plain], t.sub[e.plain][e.emph] = v, v
	}
	if cross {
		// An Arabic initial alef carries any vowel.
		pair("aeiou", "aeiou", 15)
		pair("a", "e", 10)
		pair("o", "u", 10)
		pair("i", "e", 10)
	}
	if !arabic {
		// ض is d, dh or (in Persian and Urdu) z: Fazal, فضل; ص is s.
		t.sub['p']['z'], t.sub['z']['p'] = 20, 20
		t.sub['p']['D'], t.sub['D']['p'] = 20, 20
		t.sub['K']['c'], t.sub['c']['K'] = 25, 25
		// ظ is d in the Maghreb (Hafed, حافظ); خ is German ch (Barich).
		t.sub['Z']['d'], t.sub['d']['Z'] = 30, 30
		t.sub['Z']['D'], t.sub['D']['Z'] = 20, 20
		t.sub['x']['S'], t.sub['S']['x'] = 50, 50
	}
	if arabic {
		// Within Arabic script every letter is written: two different
		// consonant letters are two different names, bar the confusions
		// of colloquial spelling (ذ/ز/د, ث/س/ت, ظ/ض, ق/ك/ج/گ).
		cons := "bfvtdszrlmnkqgjhxCDSGcpTZXE"
		for i := 0; i < len(cons); i++ {
			for j := 0; j < len(cons); j++ {
				if i != j {
					t.sub[cons[i]][cons[j]] = 100
				}
			}
		}
		pair("D", "zd", 60)
		pair("C", "st", 60)
		pair("Z", "pD", 60)
		pair("q", "kg", 70)
		pair("g", "jk", 60)
		pair("c", "s", 70)
		pair("p", "d", 70)
		pair("T", "t", 70)
		pair("X", "h", 80)
	}
	return t
}

// weight is the cost of deleting the whole code: the denominator of the
// similarity, so that vowels count for little and consonants for much.
func (t *costTable) weight(p string) int {
	w := 0
	for _, c := range p {
		if c < 128 {
			w += int(t.indel[c])
		} else {
			w += 100
		}
	}
	return w
}

// maxDP is the longest code the allocation-free path handles; longer codes
// (rare: 10,000-character junk) are cut, which only lowers precision on junk.
const maxDP = 32

// distance is the weighted edit distance between two phonetic codes.
func (t *costTable) distance(a, b string) int {
	return t.distanceWithin(a, b, 1<<30)
}

// distanceWithin is distance, but gives up and returns a value above limit
// as soon as every path costs more than limit: most pairs of units in two
// names are different names, and this leaves them early.
func (t *costTable) distanceWithin(a, b string, limit int) int {
	if len(a) > maxDP {
		a = a[:maxDP]
	}
	if len(b) > maxDP {
		b = b[:maxDP]
	}
	var rows [3][maxDP + 1]int32
	pp, prev, cur := &rows[0], &rows[1], &rows[2]
	// Digraph moves only matter when one side has a digraph code.
	digraphs := t.digraphs && (hasDigraph(a) || hasDigraph(b))
	prev[0] = 0
	for j := 1; j <= len(b); j++ {
		prev[j] = prev[j-1] + int32(t.indel[b[j-1]&127])
	}
	lim := int32(limit)
	lowPrev := int32(0)
	for i := 1; i <= len(a); i++ {
		ca := a[i-1] & 127
		cur[0] = prev[0] + int32(t.indel[ca])
		da := int32(t.indel[ca])
		row := &t.sub[ca]
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cb := b[j-1] & 127
			best := prev[j-1] + int32(row[cb])
			if v := prev[j] + da; v < best {
				best = v
			}
			if v := cur[j-1] + int32(t.indel[cb]); v < best {
				best = v
			}
			if digraphs {
				// One sound against two letters: Latin sh against س+ح
				// (Ishaq, إسحاق), kh against ك+ح (Lakhal, لكحل), th
				// against ت+ح (Fathi, فتحي), dh against د+ه (Adham, أدهم).
				if j >= 2 && digraphOf(ca, b[j-2]&127, cb) {
					if v := prev[j-2] + digraphCost; v < best {
						best = v
					}
				}
				if i >= 2 && digraphOf(cb, a[i-2]&127, ca) {
					if v := pp[j-1] + digraphCost; v < best {
						best = v
					}
				}
			}
			cur[j] = best
			if best < low {
				low = best
			}
		}
		// A digraph move reaches back two rows; without digraphs one row
		// past the limit is enough to stop.
		if low > lim && (lowPrev > lim || !digraphs) {
			return limit + 1
		}
		lowPrev = low
		pp, prev, cur = prev, cur, pp
	}
	return int(prev[len(b)])
}

// digraphCost is the cost of reading one digraph sound as two letters.
const digraphCost = 15

// digraphGroup and firstGroup pair a digraph code with the first letter of
// its two-letter reading; the second letter is an h.
var digraphGroup, firstGroup = func() (d, f [128]uint8) {
	d['S'], d['x'], d['C'], d['D'] = 1, 2, 3, 4
	f['s'], f['c'] = 1, 1
	f['k'], f['q'], f['K'] = 2, 2, 2
	f['t'], f['T'] = 3, 3
	f['d'], f['p'] = 4, 4
	return d, f
}()

func hasDigraph(s string) bool {
	for i := 0; i < len(s); i++ {
		if digraphGroup[s[i]&127] != 0 {
			return true
		}
	}
	return false
}

// digraphOf reports whether code c may stand for the letters f, s.
func digraphOf(c, f, s byte) bool {
	g := digraphGroup[c]
	return g != 0 && firstGroup[f] == g && (s == 'h' || s == 'X' || s == 'H')
}

// meanWeight is what a distance between two codes is measured against: the
// mean of their weights (of the part the distance reads), not the larger:
// a Latin spelling weighs more than the Arabic for its vowels, and a
// missing long vowel (حسن, Hussein) must count.
func (t *costTable) meanWeight(a, b string) int {
	return (t.weight(a[:min(len(a), maxDP)]) + t.weight(b[:min(len(b), maxDP)])) / 2
}

// similarity turns the distance of two codes into [0, 1].
func (t *costTable) similarity(a, b string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	w := t.meanWeight(a, b)
	d := t.distance(a, b)
	s := 1 - float64(d)/float64(w)
	if s < 0 {
		return 0
	}
	return s
}

// similarityAbove is similarity when it reaches floor, and 0 below it,
// found faster.
func (t *costTable) similarityAbove(a, b string, floor float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	w := t.meanWeight(a, b)
	limit := int((1 - floor) * float64(w))
	d := t.distanceWithin(a, b, limit)
	if d > limit {
		return 0
	}
	s := 1 - float64(d)/float64(w)
	if s < floor {
		return 0
	}
	return s
}
