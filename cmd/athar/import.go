package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/internal/progress"
	"github.com/athar-org/athar/sources"
	"github.com/athar-org/athar/sources/agency"
	"github.com/athar-org/athar/sources/ofac"
	"github.com/athar-org/athar/sources/un"
	"github.com/athar-org/athar/store/sqlite"
)

// importFormat is one list format the import command reads.
type importFormat struct {
	importer func() sources.Importer
	dataset  func(paths []string) string // the default dataset name
	public   bool                        // a public list: CLEAR, no owner (as over the API)
}

var importFormats = map[string]importFormat{
	"un":    {func() sources.Importer { return un.NewImporter() }, fixedName("un"), true},
	"ofac":  {func() sources.Importer { return ofac.NewImporter() }, fixedName("ofac"), true},
	"csv":   {func() sources.Importer { return agency.NewCSVImporter() }, baseName, false},
	"jsonl": {func() sources.Importer { return agency.NewJSONLImporter() }, baseName, false},
}

func fixedName(name string) func([]string) string {
	return func([]string) string { return name }
}

// baseName is the first file's name without directory and extension.
func baseName(paths []string) string {
	b := filepath.Base(paths[0])
	return strings.TrimSuffix(b, filepath.Ext(b))
}

// shownWarnings is how many warnings the summary lists.
const shownWarnings = 20

type importOptions struct {
	db, format, dataset, warnings string
	owner, label                  string
	allowEmpty                    bool
	paths                         []string
}

func newImportCmd(e *env) *cobra.Command {
	var o importOptions
	c := &cobra.Command{
		Use:   "import --db FILE --format un|ofac|csv|jsonl [--dataset NAME] [--owner ORG] [--label CLEAR|GREEN|AMBER|RED] [--warnings FILE] [--allow-empty] PATH...",
		Short: "Import a list into the registry",
		Long: `Import a list into the registry, replacing the previous version of its
dataset at once: until the import is committed, every reader sees the old
version; if the input is bad, nothing is committed and the old version stays.
Other datasets and the records entered by hand are never touched.

All the paths together make one version of one dataset (for OFAC: the SDN
file and its alternate-names file). The registry file is created if it does
not exist.

Formats:
  un     UN Security Council consolidated list (XML)       dataset "un"
  ofac   OFAC SDN list: sdn.csv, then alt.csv               dataset "ofac"
  csv    an agency's records as CSV (docs/importers.md)     dataset: the file's name
  jsonl  an agency's records as JSON Lines                  dataset: the file's name

Odd but readable input (an unknown column, a date that cannot be read) gives
warnings: the summary lists the first ` + fmt.Sprint(shownWarnings) + `, and --warnings FILE writes them
all as JSON Lines.

--owner and --label set the owning organisation and the sharing label of
every record of an agency's list (csv, jsonl). The public lists (un, ofac)
are CLEAR and have no owner, as when imported over the API: --owner, or a
--label other than CLEAR, is refused for them.

Input that holds no records (an empty file, a CSV header without rows) is
an error, and the dataset keeps its previous version: an empty export
should not wipe a list. To empty a dataset on purpose (every record of a
wanted list withdrawn), import an empty file with --allow-empty.`,
		Example: `  athar import --db athar.db --format un consolidated.xml
  athar import --db athar.db --format ofac sdn.csv alt.csv
  athar import --db athar.db --format csv --dataset camp-hol camp-registry.csv
  athar import --db athar.db --format jsonl --warnings warnings.jsonl wanted.jsonl
  athar import --db athar.db --format jsonl --dataset wanted --allow-empty /dev/null`,
		Args:                  minArgs(1),
		DisableFlagsInUseLine: true,
		RunE: func(c *cobra.Command, args []string) error {
			if err := requireFlag(c, "db", o.db); err != nil {
				return err
			}
			if err := requireFlag(c, "format", o.format); err != nil {
				return err
			}
			format, ok := importFormats[o.format]
			if !ok {
				return usagef(c.CommandPath()+" --help", "unknown format %q (want un, ofac, csv or jsonl)", o.format)
			}
			o.owner = strings.TrimSpace(o.owner)
			if c.Flags().Changed("dataset") && strings.TrimSpace(o.dataset) == "" {
				return usagef(c.CommandPath()+" --help", "--dataset is empty")
			}
			if o.label != "" {
				o.label = strings.ToUpper(strings.TrimSpace(o.label))
				if !athar.TLP(o.label).Valid() {
					return usagef(c.CommandPath()+" --help", "--label %q: want CLEAR, GREEN, AMBER or RED", o.label)
				}
			}
			// A public list is everyone's, here as over the API: an owner
			// or a restricting label would hide it from the organisations
			// that must screen against it.
			if format.public {
				list := strings.ToUpper(o.format)
				if o.owner != "" {
					return usagef(c.CommandPath()+" --help", "--owner: the %s list is public; its records have no owner and every organisation sees them", list)
				}
				if o.label != "" && o.label != string(athar.TLPClear) {
					return usagef(c.CommandPath()+" --help", "--label %s: the %s list is public; its records are CLEAR", o.label, list)
				}
			}
			if o.label != "" && o.label != string(athar.TLPClear) && o.owner == "" {
				return usagef(c.CommandPath()+" --help", "--label %s needs --owner: a label other than CLEAR shares records on behalf of an organisation", o.label)
			}
			o.paths = args
			return runImport(c.Context(), e, o)
		},
	}
	f := c.Flags()
	f.StringVar(&o.db, "db", "", "registry `FILE` (SQLite); created if absent")
	f.StringVar(&o.format, "format", "", "list `FORMAT`: un, ofac, csv or jsonl")
	f.StringVar(&o.dataset, "dataset", "", "dataset `NAME` (default: un, ofac, or the first file's name for csv and jsonl)")
	f.StringVar(&o.warnings, "warnings", "", "write every warning to `FILE` as JSON Lines")
	f.StringVar(&o.owner, "owner", "", "the `ORG` that owns the records (needed with a --label other than CLEAR; csv and jsonl only)")
	f.StringVar(&o.label, "label", "", "TLP sharing `LABEL` of every record: CLEAR, GREEN, AMBER or RED (default: CLEAR; un and ofac are always CLEAR)")
	f.BoolVar(&o.allowEmpty, "allow-empty", false, "accept input that holds no records, emptying the dataset (by default that is an error)")
	return c
}

// inputFile is one input to read: its bytes are counted for the progress
// bar.
type inputFile struct {
	path string
	f    *os.File
}

func runImport(ctx context.Context, e *env, o importOptions) (err error) {
	start := time.Now()
	format := importFormats[o.format]
	dataset := o.dataset
	if dataset == "" {
		dataset = format.dataset(o.paths)
	}

	// Open every input before touching the registry: a mistyped path
	// should not leave an empty registry file behind.
	var (
		files []*inputFile
		total int64
	)
	defer func() {
		for _, in := range files {
			in.f.Close()
		}
	}()
	for _, p := range o.paths {
		f, err := os.Open(p)
		if err != nil {
			return fmt.Errorf("import: %w", err)
		}
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return fmt.Errorf("import: %w", err)
		}
		if fi.IsDir() {
			f.Close()
			return fmt.Errorf("import: %s is a directory; give the list's files", p)
		}
		total += fi.Size()
		files = append(files, &inputFile{path: p, f: f})
	}

	warns, err := newWarningLog(o.warnings)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := warns.close(); cerr != nil && err == nil {
			err = cerr
		}
	}()

	s, err := sqlite.Open(ctx, o.db)
	if err != nil {
		return err
	}
	defer s.Close()
	ownerUnknown, err := isUnknownOwner(ctx, s, o.owner)
	if err != nil {
		return err
	}

	term, width := progress.IsTerminal(e.stderr)
	bar := progress.New(e.stderr, total, progress.Options{Label: "importing " + dataset, Terminal: term, Width: width})
	defer bar.Close()

	var dg sources.Digest
	inputs := make([]sources.Input, len(files))
	for i, in := range files {
		inputs[i] = dg.Input(in.path, bar.Reader(in.f))
	}

	tx, err := s.BeginImport(ctx, dataset)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	records := 0
	put := func(ctx context.Context, p *athar.Person) error {
		records++
		if o.owner != "" || o.label != "" {
			// The list formats carry no owner or label: the flags give them.
			p.Owner, p.Label = o.owner, athar.TLP(o.label)
		}
		return tx.Put(ctx, p)
	}
	version, err := format.importer().Import(ctx, inputs, sources.Sink{Put: put, Warn: warns.add})
	if err != nil {
		return importFailed(dataset, err)
	}
	if records == 0 && !o.allowEmpty {
		// Committed, this would replace the dataset with nothing.
		return fmt.Errorf("%w; nothing was imported (dataset %q is unchanged)\nto empty the dataset on purpose, import again with --allow-empty", &sources.NoRecordsError{Files: o.paths}, dataset)
	}
	sum, err := dg.Sum()
	if err != nil {
		return importFailed(dataset, err)
	}
	if version == "" { // the input carries none: name the version by its content
		version = "sha256:" + sum[:12]
	}
	// Imports change what every screening sees: they go in the audit log
	// like the server's changes do, under the API's action and with its
	// counts as numbers, so that the dataset's versions list both. The
	// entry is committed with the new version, in one transaction.
	ds, err := tx.CommitAudited(ctx, athar.Dataset{
		Name: dataset, Format: o.format, Version: version, Files: o.paths, SHA256: sum,
	}, func(ds athar.Dataset) *athar.AuditEntry {
		detail := map[string]any{"version": ds.Version, "format": o.format, "sha256": ds.SHA256, "persons": ds.Persons, "organizations": ds.Orgs}
		if o.owner != "" {
			detail["owner"] = o.owner
		}
		if o.label != "" {
			detail["label"] = o.label
		}
		return cliEntry(athar.AuditImport, dataset, detail)
	})
	if err != nil {
		return importFailed(dataset, err)
	}
	bar.Close()
	printSummary(e.stdout, ds, warns, o.warnings, time.Since(start))
	if ownerUnknown {
		noteUnknownOwner(e.stderr, o.owner)
	}
	return nil
}

// isUnknownOwner reports whether the owning organisation is not in the
// registry yet. It is asked before the import, so that a failing lookup
// stops the import rather than follow a committed one.
func isUnknownOwner(ctx context.Context, s *sqlite.Store, owner string) (bool, error) {
	if owner == "" {
		return false, nil
	}
	known, err := orgKnown(ctx, s, owner)
	if err != nil {
		return false, err
	}
	return !known, nil
}

// noteUnknownOwner warns that the owner of the records just imported is not
// in the registry: no user sees them until it is added. It is printed only
// after the import succeeded: on a failure there are no such records.
func noteUnknownOwner(w io.Writer, owner string) {
	fmt.Fprintf(w, "note: no organisation %q in the registry yet: no user sees these records until one is added (athar users add --org %s)\n", owner, owner)
}

// importFailed words an import error: the cause, then what it means for the
// registry.
func importFailed(dataset string, err error) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	var pe *sources.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("%w\nnothing was imported; dataset %q keeps its previous version", err, dataset)
	}
	return fmt.Errorf("import of %s: %w\nnothing was imported; dataset %q keeps its previous version", dataset, err, dataset)
}

// warningLog counts warnings, keeps the first few for the summary and writes
// all of them to a file when asked.
type warningLog struct {
	count int
	first []sources.Warning
	f     *os.File
	w     *bufio.Writer
	enc   *json.Encoder
	err   error
}

func newWarningLog(path string) (*warningLog, error) {
	l := &warningLog{}
	if path == "" {
		return l, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("import: warnings file: %w", err)
	}
	l.f = f
	l.w = bufio.NewWriter(f)
	l.enc = json.NewEncoder(l.w)
	l.enc.SetEscapeHTML(false)
	return l, nil
}

func (l *warningLog) add(w sources.Warning) {
	l.count++
	if len(l.first) < shownWarnings {
		l.first = append(l.first, w)
	}
	if l.enc != nil && l.err == nil {
		l.err = l.enc.Encode(w)
	}
}

func (l *warningLog) close() error {
	if l.f == nil {
		return nil
	}
	err := errors.Join(l.err, l.w.Flush(), l.f.Close())
	l.f = nil
	if err != nil {
		return fmt.Errorf("import: warnings file: %w", err)
	}
	return nil
}

func printSummary(w io.Writer, ds athar.Dataset, warns *warningLog, warningsFile string, elapsed time.Duration) {
	fmt.Fprintf(w, "Imported dataset %s, version %s\n", ds.Name, ds.Version)
	fmt.Fprintf(w, "  persons        %8s\n", progress.FormatCount(int64(ds.Persons)))
	fmt.Fprintf(w, "  organisations  %8s\n", progress.FormatCount(int64(ds.Orgs)))
	fmt.Fprintf(w, "  warnings       %8s\n", progress.FormatCount(int64(warns.count)))
	fmt.Fprintf(w, "  time           %8s\n", elapsed.Round(time.Millisecond))
	if warns.count == 0 {
		return
	}
	fmt.Fprintln(w)
	switch {
	case warns.count <= len(warns.first):
		fmt.Fprintln(w, "Warnings:")
	case warningsFile != "":
		fmt.Fprintf(w, "Warnings (the first %d of %d; all of them are in %s):\n", len(warns.first), warns.count, warningsFile)
	default:
		fmt.Fprintf(w, "Warnings (the first %d of %d; --warnings FILE writes all of them):\n", len(warns.first), warns.count)
	}
	for _, wn := range warns.first {
		fmt.Fprintf(w, "  %s\n", wn)
	}
}
