package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TODO(synth): replaced by the real import command.
func newSynthCmd(e *env) *cobra.Command {
	return &cobra.Command{Use: "synth", Short: "Write a synthetic registry of Iraqi and Syrian persons", RunE: func(*cobra.Command, []string) error { return errors.New("not implemented yet") }}
}
