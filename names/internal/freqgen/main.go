// Command freqgen writes the names package's shipped frequency table from
// the Wikidata person-name tokens (CC0): each Arabic spelling, read as a
// name, counts under its unit keys as often as Wikidata has it. Keys seen
// once are left out to keep the table small; the total still counts them.
//
//	go run ./internal/freqgen -o freq.tsv wikidata-names-ar-80.tsv
package main

import (
	"bufio"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/athar-org/athar/names"
)

func main() {
	out := flag.String("o", "freq.tsv", "output file")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: freqgen -o freq.tsv wikidata-names-ar-80.tsv")
	}
	if err := run(flag.Arg(0), *out); err != nil {
		log.Fatal(err)
	}
}

func run(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	counts := map[string]uint64{}
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
		name := names.Analyze(strings.ReplaceAll(cols[1], " ", ""))
		for i := range name.Units {
			if k := name.Units[i].Key(); k != "" {
				counts[k] += n
				total += n
			}
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
	return os.WriteFile(out, []byte(b.String()), 0o644)
}
