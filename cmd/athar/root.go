package main

import (
	"github.com/spf13/cobra"
)

func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "athar",
		Short: "Screen Arabic and Latin names against lists of persons of interest",
		Long: `Athar (أثر, "trace") keeps a registry of persons of interest imported from
sanctions and wanted lists, and screens Arabic and Latin names against it.

Start with:
  athar import --db athar.db --format un consolidated.xml
  athar show --db athar.db QDi.299`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{err: err, hint: c.CommandPath() + " --help"}
	})
	root.AddCommand(
		newImportCmd(e),
		newShowCmd(e),
		newStatsCmd(e),
		newNamesCmd(e),
		newEvalCmd(e),
		newSynthCmd(e),
		newScreenCmd(e),
		newServeCmd(e), newUsersCmd(e), newTokensCmd(e), newAuditCmd(e),
		newExtractCmd(e), newIngestCmd(e), newTrailCmd(e), newDestinationsCmd(e), newGradeCmd(e),
	)
	return root
}

// exactArgs is cobra.ExactArgs that returns a usage error.
func exactArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef(c.CommandPath()+" --help", "%s takes %d argument(s), got %d", c.CommandPath(), n, len(args))
		}
		return nil
	}
}

// minArgs is cobra.MinimumNArgs that returns a usage error.
func minArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) < n {
			return usagef(c.CommandPath()+" --help", "%s needs at least %d argument(s)", c.CommandPath(), n)
		}
		return nil
	}
}

// requireFlag returns a usage error when a required string flag is empty.
func requireFlag(c *cobra.Command, name, value string) error {
	if value == "" {
		return usagef(c.CommandPath()+" --help", "%s needs --%s", c.CommandPath(), name)
	}
	return nil
}
