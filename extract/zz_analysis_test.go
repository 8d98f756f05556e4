package extract

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"testing"
)

func TestZZAnalysis(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	x := newTestExtractor(t)
	files, _ := fs.Glob(evalFS, "testdata/articles/*.json")
	sort.Strings(files)
	type key struct{ cat, word string }
	prev := map[string]map[string]int{"gold": {}, "nogold": {}}
	typ := map[string]int{}
	var nGold, foundClaim, placeOnly, noPlace, freeNo, freeGold int
	for _, f := range files {
		b, _ := evalFS.ReadFile(f)
		var a Annotation
		json.Unmarshal(b, &a)
		if !a.Unseen {
			continue
		}
		text, _ := evalFS.ReadFile(path.Join("testdata/written", a.File))
		ref, _ := ParseDocumentDate(a.DocumentDate)
		r, _ := x.Extract(context.Background(), string(text), ref)
		items := make([]struct{ text, context string }, len(a.Claims))
		for i, g := range a.Claims {
			items[i].text, items[i].context = g.Place, g.Context
		}
		spans, err := locateAny(string(text), items)
		if err != nil {
			t.Fatal(err)
		}
		ov := func(p Span, sp Span) bool { return p.Start < sp.End && p.End > sp.Start }
		for i, g := range a.Claims {
			nGold++
			typ[string(g.Type)]++
			hasC := false
			for _, c := range r.Claims {
				if ov(c.Place.Span, spans[i]) {
					hasC = true
				}
			}
			hasP := false
			for _, p := range r.Places {
				if ov(p.Span, spans[i]) {
					hasP = true
				}
			}
			switch {
			case hasC:
				foundClaim++
			case hasP:
				placeOnly++
			default:
				noPlace++
			}
		}
		toks := tokenize(string(text))
		for _, p := range r.Places {
			claimed := false
			for _, c := range r.Claims {
				if ov(c.Place.Span, p.Span) {
					claimed = true
				}
			}
			if claimed {
				continue
			}
			gold := false
			for _, sp := range spans {
				if ov(p.Span, sp) {
					gold = true
				}
			}
			cat := "nogold"
			if gold {
				freeGold++
				cat = "gold"
			} else {
				freeNo++
			}
			i := tokenAt(toks, p.Span.Start)
			var ws []string
			for k := i - 1; k >= 0 && k >= i-4; k-- {
				ws = append(ws, toks[k].fold)
			}
			_ = key{}
			if len(ws) > 0 {
				prev[cat][ws[0]]++
			}
			if os.Getenv("ZZV") != "" && gold {
				fmt.Printf("%s | %s | %s\n", a.File, p.Text, strings.Join(ws, " "))
			}
		}
	}
	fmt.Println("gold", nGold, "claim", foundClaim, "placeonly", placeOnly, "noplace", noPlace, "free places: gold", freeGold, "not", freeNo)
	fmt.Println(typ)
	for _, cat := range []string{"gold", "nogold"} {
		type kv struct {
			k string
			v int
		}
		var l []kv
		for k, v := range prev[cat] {
			l = append(l, kv{k, v})
		}
		sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v })
		if len(l) > 25 {
			l = l[:25]
		}
		fmt.Println(cat, l)
	}
}
