package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// TODO(geo): replaced by the real import command.
func newEvalGeoCmd(e *env) *cobra.Command {
	return &cobra.Command{Use: "geo", Short: "Evaluate place recognition on the IDRISI tweets", RunE: func(*cobra.Command, []string) error { return errors.New("not implemented yet") }}
}
