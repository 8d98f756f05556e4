package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TODO(foundation): replaced by the real import command.
func newImportCmd(e *env) *cobra.Command {
	return &cobra.Command{Use: "import", Short: "Import a list into the registry", RunE: func(*cobra.Command, []string) error { return errors.New("not implemented yet") }}
}
