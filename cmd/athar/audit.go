package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar/store/sqlite"
)

func newAuditCmd(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "audit verify|export",
		Short: "Check and export the tamper-evident audit log",
		Long: `The audit log records every screening (who, when, the query, the result ids),
every read of a record, every edit and decision, and every change of users and
tokens. Each entry's hash covers the previous entry's hash and its own
content, so a changed, removed or reordered entry breaks the chain.`,
	}
	c.AddCommand(newAuditVerifyCmd(e), newAuditExportCmd(e))
	return c
}

func newAuditVerifyCmd(e *env) *cobra.Command {
	var db, head string
	c := &cobra.Command{
		Use:   "verify --db FILE [--head HASH]",
		Short: "Check the audit chain; name the first broken entry (exit 1)",
		Long: `Verify recomputes every entry's hash from the first. On success it prints the
number of entries and the last hash: keep that hash elsewhere and pass it as
--head next time, to detect that entries were cut off the end too.`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			st, err := openRegistryFlag(c, db)
			if err != nil {
				return err
			}
			defer st.Close()
			n, last, err := st.VerifyAudit(c.Context())
			var ab *sqlite.AuditBreak
			if errors.As(err, &ab) {
				return fmt.Errorf("the audit log is broken at entry %d: %s (%d entries before it are intact)", ab.Seq, ab.Reason, n)
			}
			if err != nil {
				return err
			}
			if head != "" && !containsHash(c, st, head) {
				return fmt.Errorf("the audit log holds no entry with hash %s: entries after it were removed, or the hash is from another registry", head)
			}
			word := "entries"
			if n == 1 {
				word = "entry"
			}
			fmt.Fprintf(e.stdout, "The audit log is intact: %d %s; last hash %s\n", n, word, last)
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "the registry database `FILE`")
	c.Flags().StringVar(&head, "head", "", "a hash the log must still hold (from an earlier verify or export)")
	return c
}

func containsHash(c *cobra.Command, st *sqlite.Store, hash string) bool {
	for e, err := range st.AuditLog(c.Context()) {
		if err != nil {
			return false
		}
		if e.Hash == hash {
			return true
		}
	}
	return false
}

func newAuditExportCmd(e *env) *cobra.Command {
	var db, out string
	c := &cobra.Command{
		Use:   "export --db FILE [--out FILE]",
		Short: "Write the audit log as JSON Lines, for an auditor",
		Long: `Export writes every entry, oldest first, one JSON object a line with its seq,
time, actor, organisation, action, target, detail and both hashes, so that the
chain can be checked again outside Athar. The log holds personal data (the
names screened): keep the export as carefully as the registry.`,
		Args: exactArgs(0),
		RunE: func(c *cobra.Command, args []string) error {
			st, err := openRegistryFlag(c, db)
			if err != nil {
				return err
			}
			defer st.Close()
			var w io.Writer = e.stdout
			var f *os.File
			if out != "" {
				if f, err = os.Create(out); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriter(w)
			enc := json.NewEncoder(bw)
			enc.SetEscapeHTML(false)
			n := 0
			for entry, err := range st.AuditLog(c.Context()) {
				if err != nil {
					return err
				}
				if err := enc.Encode(entry); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				n++
			}
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("export: %w", err)
			}
			if f != nil {
				if err := f.Close(); err != nil {
					return fmt.Errorf("export: %w", err)
				}
				fmt.Fprintf(e.stderr, "Exported %d audit entries to %s.\n", n, out)
			}
			return nil
		},
	}
	c.Flags().StringVar(&db, "db", "", "the registry database `FILE`")
	c.Flags().StringVar(&out, "out", "", "write to `FILE` instead of standard output")
	return c
}
