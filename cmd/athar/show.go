package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TODO(foundation): replaced by the real import command.
func newShowCmd(e *env) *cobra.Command {
	return &cobra.Command{Use: "show", Short: "Show one record", RunE: func(*cobra.Command, []string) error { return errors.New("not implemented yet") }}
}
