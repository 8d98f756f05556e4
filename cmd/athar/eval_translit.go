package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TODO(names): replaced by the real import command.
func newEvalTranslitCmd(e *env) *cobra.Command {
	return &cobra.Command{Use: "translit", Short: "Evaluate cross-script name matching", RunE: func(*cobra.Command, []string) error { return errors.New("not implemented yet") }}
}
