package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/api"
	"github.com/athar-org/athar/store/sqlite"
)

func newTokensCmd(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "tokens create|list|revoke",
		Short: "Manage API tokens",
		Long: `Manage the API tokens users sign in with. A token is shown once, when it is
created; the registry keeps only its SHA-256 hash. Tokens expire (default
after 90 days) and can be revoked by their id; a running server refuses a
revoked token within 2 seconds.`,
	}
	c.AddCommand(newTokensCreateCmd(e), newTokensListCmd(e), newTokensRevokeCmd(e))
	return c
}

func newTokensCreateCmd(e *env) *cobra.Command {
	var (
		db, name string
		expires  time.Duration
	)
	c := &cobra.Command{
		Use:     "create --db FILE [--name TEXT] [--expires 2160h] LOGIN",
		Short:   "Create a token for a user and print it once",
		Example: `  athar tokens create --db athar.db --name "crossing laptop 3" --expires 720h bilal`,
		Args:    exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if err := requireFlag(c, "db", db); err != nil {
				return err
			}
			if expires <= 0 {
				return usagef(c.CommandPath()+" --help", "--expires %v: want a positive duration such as 720h", expires)
			}
			st, err := sqlite.OpenExisting(c.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			secret, hash := api.NewToken()
			t := athar.Token{User: args[0], Name: name, ExpiresAt: time.Now().Add(expires).UTC()}
			// The store fills in the token's id, which the entry names.
			err = st.CreateTokenAudited(c.Context(), &t, hash, func(tok athar.Token) *athar.AuditEntry {
				return cliEntry("token.create", tok.ID, map[string]any{"user": tok.User, "expires_at": tok.ExpiresAt.Format(time.RFC3339)})
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "Token %s for %s, valid until %s. It is shown only this once:\n", t.ID, t.User, t.ExpiresAt.Format(time.RFC3339))
			fmt.Fprintln(e.stdout, secret)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&db, "db", "", "the registry database `FILE`")
	f.StringVar(&name, "name", "", "what the token is for")
	f.DurationVar(&expires, "expires", 90*24*time.Hour, "how long the token is valid")
	return c
}

func newTokensListCmd(e *env) *cobra.Command {
	var db string
	c := &cobra.Command{
		Use:   "list --db FILE [LOGIN]",
		Short: "List tokens (never their secrets)",
		RunE: func(c *cobra.Command, args []string) error {
			if err := requireFlag(c, "db", db); err != nil {
				return err
			}
			if len(args) > 1 {
				return usagef(c.CommandPath()+" --help", "give at most one LOGIN")
			}
			login := ""
			if len(args) == 1 {
				login = args[0]
			}
			st, err := sqlite.OpenExisting(c.Context(), db)
			if err != nil {
				return err
			}
			defer st.Close()
			ts, err := st.Tokens(c.Context(), login)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tUSER\tSTATE\tEXPIRES\tNAME")
			now := time.Now()
			for _, t := range ts {
				state := "active"
				switch {
				case !t.RevokedAt.IsZero():
					state = "revoked"
				case !now.Before(t.ExpiresAt):
					state = "expired"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.ID, t.User, state, t.ExpiresAt.Format("2006-01-02"), t.Name)
			}
			return tw.Flush()
		},
	}
	c.Flags().StringVar(&db, "db", "", "the registry database `FILE`")
	return c
}

func newTokensRevokeCmd(e *env) *cobra.Command {
	return newAccessChangeCmd(e, "revoke --db FILE TOKEN_ID",
		"Revoke a token: it stops working (within 2s on a running server)",
		"token.revoke", "Revoked token %s.\n",
		func(ctx context.Context, st *sqlite.Store, id string, audit *athar.AuditEntry) error {
			return st.RevokeTokenAudited(ctx, id, audit)
		})
}
