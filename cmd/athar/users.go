package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/user"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/store/sqlite"
)

func newUsersCmd(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "users add|list|disable",
		Short: "Manage the API's users",
		Long: `Manage the users of the API. A user belongs to one organisation and has one
role:

  screener  screens people, submits batches, records decisions, reads records
  analyst   also enters and edits records and imports agencies' lists
  admin     also imports the public lists (UN, OFAC)
  auditor   reads the audit log, records and decisions; does not screen

Users are never deleted, only disabled, so that the audit log keeps naming
them. There is no password: a user signs in with a token (athar tokens create).`,
	}
	c.AddCommand(newUsersAddCmd(e), newUsersListCmd(e), newUsersDisableCmd(e))
	return c
}

// cliActor names the person at the command line in the audit log.
func cliActor() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return "cli:" + u.Username
	}
	return "cli"
}

// cliEntry makes an audit entry for a change made from the command line.
// detail holds strings and numbers, which always marshal.
func cliEntry(action, target string, detail map[string]any) *athar.AuditEntry {
	e := &athar.AuditEntry{Actor: cliActor(), Action: action, Target: target}
	if detail != nil {
		e.Detail, _ = json.Marshal(detail)
	}
	return e
}

// orgKnown reports whether the registry has the organisation id.
func orgKnown(ctx context.Context, st *sqlite.Store, id string) (bool, error) {
	orgs, err := st.Organizations(ctx)
	if err != nil {
		return false, err
	}
	return slices.ContainsFunc(orgs, func(o athar.Organization) bool { return o.ID == id }), nil
}

func newUsersAddCmd(e *env) *cobra.Command {
	var db, org, orgName, role, name string
	c := &cobra.Command{
		Use:   "add --db FILE --org ORG --role ROLE [--name \"FULL NAME\"] LOGIN",
		Short: "Add a user (and their organisation, if new)",
		Example: `  athar users add --db athar.db --org hol --org-name "مخيم الهول / Al-Hol camp" --role admin --name "Amal Hassan" amal
  athar users add --db athar.db --org hol --role screener --name "Bilal Omar" bilal`,
		Args: exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			for _, f := range []struct{ n, v string }{{"db", db}, {"org", org}, {"role", role}} {
				if err := requireFlag(c, f.n, f.v); err != nil {
					return err
				}
			}
			if !athar.Role(role).Valid() {
				return usagef(c.CommandPath()+" --help", "--role %q: want screener, analyst, admin or auditor", role)
			}
			ctx := c.Context()
			st, err := sqlite.Open(ctx, db)
			if err != nil {
				return err
			}
			defer st.Close()
			known, err := orgKnown(ctx, st, org)
			if err != nil {
				return err
			}
			if !known {
				if err := st.CreateOrganizationAudited(ctx, athar.Organization{ID: org, Name: orgName}, cliEntry("org.create", org, nil)); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "Added organisation %s.\n", org)
			}
			login := args[0]
			u := athar.User{Login: login, Name: name, Org: org, Role: athar.Role(role)}
			if err := st.CreateUserAudited(ctx, u, cliEntry("user.create", login, map[string]any{"org": org, "role": role})); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "Added user %s (%s of %s).\nGive them a token: athar tokens create --db %s %s\n", login, role, org, db, login)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&db, "db", "", "the registry database `FILE`")
	f.StringVar(&org, "org", "", "the user's organisation `ID` (created if new)")
	f.StringVar(&orgName, "org-name", "", "the organisation's full name, when it is new")
	f.StringVar(&role, "role", "", "screener, analyst, admin or auditor")
	f.StringVar(&name, "name", "", "the user's full name")
	return c
}

func newUsersListCmd(e *env) *cobra.Command {
	var db string
	c := &cobra.Command{
		Use:   "list --db FILE",
		Short: "List the users",
		Args:  exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			st, err := openRegistryFlag(c, db)
			if err != nil {
				return err
			}
			defer st.Close()
			us, err := st.Users(c.Context())
			if err != nil {
				return err
			}
			if len(us) == 0 {
				fmt.Fprintln(e.stdout, "No users yet: athar users add --help")
				return nil
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "LOGIN\tORG\tROLE\tSTATE\tNAME")
			for _, u := range us {
				state := "active"
				if u.Disabled {
					state = "disabled"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", u.Login, u.Org, u.Role, state, isolate(strings.TrimSpace(u.Name)))
			}
			return tw.Flush()
		},
	}
	c.Flags().StringVar(&db, "db", "", "the registry database `FILE`")
	return c
}

func newUsersDisableCmd(e *env) *cobra.Command {
	return newAccessChangeCmd(e, "disable --db FILE LOGIN",
		"Disable a user: their tokens stop working (within 2s on a running server)",
		"user.disable", "Disabled user %s.\n",
		func(ctx context.Context, st *sqlite.Store, login string, audit *athar.AuditEntry) error {
			return st.DisableUserAudited(ctx, login, audit)
		})
}

// newAccessChangeCmd is a command that makes one change to users or tokens,
// named by its one argument, with its audit entry in the same transaction.
func newAccessChangeCmd(e *env, use, short, action, done string, change func(context.Context, *sqlite.Store, string, *athar.AuditEntry) error) *cobra.Command {
	var db string
	c := &cobra.Command{
		Use:   use,
		Short: short,
		Args:  exactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			st, err := openRegistryFlag(c, db)
			if err != nil {
				return err
			}
			defer st.Close()
			if err := change(c.Context(), st, args[0], cliEntry(action, args[0], nil)); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, done, args[0])
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "the registry database `FILE`")
	return c
}
