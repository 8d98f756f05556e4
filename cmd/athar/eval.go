package main

import "github.com/spf13/cobra"

func newEvalCmd(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "Measure accuracy on real data",
	}
	c.AddCommand(newEvalTranslitCmd(e), newEvalGeoCmd(e), newEvalScreenCmd(e),
		newEvalExtractCmd(e))
	return c
}
