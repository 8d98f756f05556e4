package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/athar-org/athar/names"
	"github.com/spf13/cobra"
)

func newNamesCmd(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "names",
		Short: "Analyse and compare names / تحليل الأسماء ومقارنتها",
		Long: `Analyse and compare Arabic and Latin names without a registry.

  athar names analyze "أبو بكر البغدادي"
  athar names compare "Usama bin Ladin" "أسامة بن لادن"`,
	}
	c.AddCommand(newNamesAnalyzeCmd(e), newNamesCompareCmd(e))
	return c
}

func newNamesAnalyzeCmd(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "analyze NAME",
		Short: "Show a name's normalised form, units, roles and index keys / تحليل اسم",
		Long: `Show how Athar reads a name: its normalised form, its units (compounds such
as عبد الرحمن and kunyas such as أبو بكر kept together), the role of each unit
(given name, father, grandfather, family, kunya) with a confidence, the
cross-script phonetic code and the index keys. Quote the name, or pass its
words as separate arguments.`,
		Args: minArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			s := strings.Join(args, " ")
			if strings.TrimSpace(s) == "" {
				return usagef(c.CommandPath()+" --help", "the name is empty")
			}
			n := names.Analyze(s)
			if asJSON {
				return writeNamesJSON(e.stdout, n)
			}
			printAnalysis(e.stdout, &n)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	return c
}

func newNamesCompareCmd(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "compare NAME1 NAME2",
		Short: "Score two names and show which units matched / مقارنة اسمين",
		Long: `Compare two names, in either script, and show the score (0 to 1), which
unit matched which and how (exact, variant, cross-script, typo, initial), the
similarity and rarity weight of each pair, and the units left over. Rarity
weights come from the shipped frequency table (Wikidata person names).`,
		Args: exactArgs(2),
		RunE: func(c *cobra.Command, args []string) error {
			if strings.TrimSpace(args[0]) == "" || strings.TrimSpace(args[1]) == "" {
				return usagef(c.CommandPath()+" --help", "a name is empty")
			}
			a, b := names.Analyze(args[0]), names.Analyze(args[1])
			m := names.Compare(&a, &b, names.DefaultFrequencies())
			if asJSON {
				return writeNamesJSON(e.stdout, struct {
					A     names.Name  `json:"a"`
					B     names.Name  `json:"b"`
					Match names.Match `json:"match"`
				}{a, b, m})
			}
			printMatch(e.stdout, &a, &b, &m)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "write JSON")
	return c
}

func writeNamesJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

func printAnalysis(w io.Writer, n *names.Name) {
	fmt.Fprintf(w, "name:        %s\n", n.Original)
	fmt.Fprintf(w, "normalised:  %s\n", n.Normalized)
	fmt.Fprintf(w, "script:      %s\n", n.Script)
	if len(n.Titles) > 0 {
		fmt.Fprintf(w, "titles:      %s\n", strings.Join(n.Titles, ", "))
	}
	fmt.Fprintf(w, "units:\n")
	for i := range n.Units {
		u := &n.Units[i]
		fmt.Fprintf(w, "  %d. %-20s %-12s %.2f  %-8s phon=%s keys=%s\n", i+1, u.Text, u.Role, u.Confidence, u.Kind, u.Phon, strings.Join(u.Keys, ","))
	}
}

func printMatch(w io.Writer, a, b *names.Name, m *names.Match) {
	verdict := "different names"
	switch {
	case m.Score >= names.StrongMatch:
		verdict = "strong match"
	case m.Score >= 0.6:
		verdict = "partial match"
	case m.Score > 0:
		verdict = "weak match"
	}
	fmt.Fprintf(w, "score: %.3f (%s)\n", m.Score, verdict)
	for _, p := range m.Pairs {
		ua, ub := &a.Units[p.A], &b.Units[p.B]
		ta, tb := ua.Text, ub.Text
		if p.JoinA {
			ta += " + " + a.Units[p.A+1].Text
		}
		if p.JoinB {
			tb += " + " + b.Units[p.B+1].Text
		}
		shift := ""
		if p.Shifted {
			shift = fmt.Sprintf(" (%s ↔ %s)", ua.Role, ub.Role)
		}
		fmt.Fprintf(w, "  %-20s ↔ %-20s %-12s sim=%.2f weight=%.1f%s\n", ta, tb, p.How, p.Similarity, p.Weight, shift)
	}
	for _, i := range m.LeftA {
		fmt.Fprintf(w, "  left over in 1: %s (%s)\n", a.Units[i].Text, a.Units[i].Role)
	}
	for _, j := range m.LeftB {
		fmt.Fprintf(w, "  left over in 2: %s (%s)\n", b.Units[j].Text, b.Units[j].Role)
	}
}
