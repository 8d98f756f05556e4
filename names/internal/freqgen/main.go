// Command freqgen writes two tables the names package ships, from the
// Wikidata person-name tokens (CC0):
//
//   - freq.tsv: each Arabic spelling, read as a name, counts under its unit
//     key as often as Wikidata has it. Keys seen once are left out to keep
//     the table small; the total still counts them.
//
//   - spellings.tsv: Latin word → Arabic form, for the pairs seen twice or
//     more whose spellings are alike (UnitSimilarity ≥ 0.75, which drops
//     misaligned pairs), taken only from the part of the file that "athar
//     eval translit" tunes on, so that its held-out figures stay held out.
//
//     go run ./internal/freqgen -o freq.tsv -spellings spellings.tsv wikidata-names-ar-80.tsv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/athar-org/athar/names"
)

func main() {
	out := flag.String("o", "freq.tsv", "frequency table to write")
	spell := flag.String("spellings", "spellings.tsv", "spelling lexicon to write")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: freqgen -o freq.tsv wikidata-names-ar-80.tsv")
	}
	if err := run(flag.Arg(0), *out, *spell); err != nil {
		log.Fatal(err)
	}
}

func run(in, out, spellOut string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	counts := map[string]uint64{}
	spellings := map[string]string{}
	var total uint64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 3 {
			continue
		}
		n, err := strconv.ParseUint(cols[2], 10, 32)
		if err != nil {
			continue
		}
		arabic := strings.ReplaceAll(cols[1], " ", "")
		name := names.Analyze(arabic)
		for i := range name.Units {
			if k := name.Units[i].Key(); k != "" {
				counts[k] += n
				total += n
			}
		}
		// The same split as "athar eval translit": hash%5 == 0 is held out.
		h := fnv.New32a()
		io.WriteString(h, arabic+"\t"+cols[0])
		if h.Sum32()%5 == 0 || n < 2 {
			continue
		}
		latin := names.Analyze(cols[0])
		if len(name.Units) != 1 || len(latin.Units) != 1 {
			continue
		}
		ua, ul := &name.Units[0], &latin.Units[0]
		if ua.Bare() == "" || ul.Bare() == "" || ul.Script != names.ScriptLatin || ua.Script != names.ScriptArabic {
			continue
		}
		if s, _ := names.UnitSimilarity(ua, ul); s >= 0.75 {
			spellings[ul.Bare()] = ua.Bare()
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	keys := make([]string, 0, len(counts))
	for k, c := range counts {
		if c >= 2 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "# Unit-key counts from Wikidata person-name tokens (CC0), written by internal/freqgen.\n# total %d\n", total)
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\t%d\n", k, counts[k])
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	latins := make([]string, 0, len(spellings))
	for l := range spellings {
		latins = append(latins, l)
	}
	sort.Strings(latins)
	b.Reset()
	fmt.Fprintf(&b, "# Latin word -> Arabic form, from Wikidata person-name tokens (CC0), written by internal/freqgen.\n")
	for _, l := range latins {
		fmt.Fprintf(&b, "%s\t%s\n", l, spellings[l])
	}
	return os.WriteFile(spellOut, []byte(b.String()), 0o644)
}
