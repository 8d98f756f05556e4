package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TODO(foundation): replaced by the real import command.
func newStatsCmd(e *env) *cobra.Command {
	return &cobra.Command{Use: "stats", Short: "Show datasets and counts", RunE: func(*cobra.Command, []string) error { return errors.New("not implemented yet") }}
}
