package names_test

import (
	"fmt"

	"github.com/athar-org/athar/names"
)

func ExampleAnalyze() {
	n := names.Analyze("الشيخ إبراهيم عواد إبراهيم البدري")
	fmt.Println(n.Normalized, n.Titles)
	for _, u := range n.Units {
		fmt.Println(u.Text, u.Role, u.Depth, u.Key())
	}
	// Output:
	// ابراهيم عواد ابراهيم البدري [الشيخ]
	// إبراهيم given 0 BRHM
	// عواد father 1 D
	// إبراهيم grandfather 2 BRHM
	// البدري family -1 BDR
}

func ExampleCompare() {
	a := names.Analyze("Abu Bakr al-Baghdadi")
	b := names.Analyze("أبو بكر البغدادي")
	m := names.Compare(&a, &b, nil)
	fmt.Printf("%.2f\n", m.Score)
	for _, p := range m.Pairs {
		fmt.Printf("%s ↔ %s %s %.2f\n", a.Units[p.A].Text, b.Units[p.B].Text, p.How, p.Similarity)
	}
	// Output:
	// 0.95
	// Abu Bakr ↔ أبو بكر cross-script 0.96
	// al-Baghdadi ↔ البغدادي cross-script 0.94
}

func ExampleFrequencies() {
	f := names.NewFrequencies()
	for _, s := range []string{"محمد علي", "Mohamed Hassan", "Muhammad Zawahiri"} {
		n := names.Analyze(s)
		f.AddName(&n)
	}
	common, rare := names.Analyze("Mohammed"), names.Analyze("الظواهري")
	fmt.Printf("%.1f %.1f\n", f.Weight(&common.Units[0]), f.Weight(&rare.Units[0]))
	// Output:
	// 1.0 2.1
}
