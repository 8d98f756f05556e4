package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TODO(names): replaced by the real import command.
func newNamesCmd(e *env) *cobra.Command {
	return &cobra.Command{Use: "names", Short: "Analyse and compare names", RunE: func(*cobra.Command, []string) error { return errors.New("not implemented yet") }}
}
