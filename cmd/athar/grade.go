package main

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/store/sqlite"
)

func newGradeCmd(e *env) *cobra.Command {
	var db, source, reliability, claim string
	var credibility int
	c := &cobra.Command{
		Use:   "grade --db FILE (--source NAME --reliability A-F | --claim ID --credibility 1-6)",
		Short: "Grade a source or a claim with the Admiralty code / تقييم المصادر والادعاءات",
		Long: `Grades with the Admiralty (NATO) code:

  source reliability   A completely reliable, B usually reliable, C fairly
                       reliable, D not usually reliable, E unreliable,
                       F reliability cannot be judged
  claim credibility    1 confirmed by other sources, 2 probably true,
                       3 possibly true, 4 doubtful, 5 improbable,
                       6 truth cannot be judged

Claim IDs are shown by athar trail and athar destinations --json.`,
		Example: `  athar grade --db athar.db --source Diyaruna --reliability B
  athar grade --db athar.db --claim 17 --credibility 2`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, _ []string) error {
			if err := requireFlag(c, "db", db); err != nil {
				return err
			}
			bySource := source != "" || reliability != ""
			byClaim := claim != "" || c.Flags().Changed("credibility")
			if bySource == byClaim {
				return usagef(c.CommandPath()+" --help", "give either --source NAME --reliability A-F or --claim ID --credibility 1-6")
			}
			st, err := sqlite.OpenExisting(c.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			if bySource {
				if source == "" || !sqlite.ValidReliability(reliability) {
					return usagef(c.CommandPath()+" --help", "--source needs --reliability, a letter A to F")
				}
				if err := st.GradeSource(c.Context(), source, reliability); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "source %s: reliability %s\n", source, reliability)
				return nil
			}
			id, err := strconv.ParseInt(claim, 10, 64)
			if err != nil || id < 1 {
				return usagef(c.CommandPath()+" --help", "--claim %q: want a claim number", claim)
			}
			if credibility < 1 || credibility > 6 {
				return usagef(c.CommandPath()+" --help", "--credibility %d: want 1 to 6", credibility)
			}
			if err := st.GradeClaim(c.Context(), id, credibility); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "claim %d: credibility %d\n", id, credibility)
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "registry file")
	c.Flags().StringVar(&source, "source", "", "source name")
	c.Flags().StringVar(&reliability, "reliability", "", "source reliability, A to F")
	c.Flags().StringVar(&claim, "claim", "", "claim ID")
	c.Flags().IntVar(&credibility, "credibility", 0, "claim credibility, 1 to 6")
	return c
}
