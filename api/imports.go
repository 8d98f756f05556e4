package api

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
	"github.com/athar-org/athar/sources/agency"
	"github.com/athar-org/athar/sources/ofac"
	"github.com/athar-org/athar/sources/un"
)

// importFormat is a list format the API imports.
type importFormat struct {
	importer func() sources.Importer
	public   bool   // a public list: CLEAR, no owner, imported by admins only
	dataset  string // the dataset name of a public list
}

var importFormats = map[string]importFormat{
	"un":    {func() sources.Importer { return un.NewImporter() }, true, "un"},
	"ofac":  {func() sources.Importer { return ofac.NewImporter() }, true, "ofac"},
	"csv":   {func() sources.Importer { return agency.NewCSVImporter() }, false, ""},
	"jsonl": {func() sources.Importer { return agency.NewJSONLImporter() }, false, ""},
}

// ImportResult is the answer of POST /v1/imports.
type ImportResult struct {
	Dataset  athar.Dataset     `json:"dataset"`
	Warnings int               `json:"warnings"`
	First    []sources.Warning `json:"first_warnings,omitempty"`
	Seconds  float64           `json:"seconds"`
}

// handleImport imports an uploaded list, replacing its dataset's previous
// version, then rebuilds the screening index. The files come as the parts
// named "file" of a multipart/form-data body, in order (OFAC: sdn.csv,
// then alt.csv), or as the whole body.
//
// Public lists (un, ofac) are imported by admins, are CLEAR and have no
// owner; a ?label= other than CLEAR is refused (400). An agency's
// list (csv, jsonl) belongs to the importer's organisation, with the label
// of ?label= (default AMBER); a dataset of another organisation, or a
// public one, cannot be replaced this way.
//
// An upload that holds no records is refused (400), and the dataset keeps
// its previous version, unless ?allow_empty=true asks to empty it.
func (s *Server) handleImport(w http.ResponseWriter, r *http.Request, c *caller) error {
	start := time.Now()
	v := r.URL.Query()
	name := v.Get("format")
	format, ok := importFormats[name]
	if !ok {
		return athar.Errorf(athar.EINVALID, "format=%.20q: want un, ofac, csv or jsonl", name)
	}
	allowEmpty := false
	if a := v.Get("allow_empty"); a != "" {
		var err error
		if allowEmpty, err = strconv.ParseBool(a); err != nil {
			return athar.Errorf(athar.EINVALID, "allow_empty=%.20q: want true or false", a)
		}
	}
	dataset, label := format.dataset, athar.TLP(strings.ToUpper(v.Get("label")))
	if format.public {
		if c.Role != athar.RoleAdmin {
			return athar.Errorf(athar.EFORBIDDEN, "only an admin imports a public list (%s)", name)
		}
		if d := v.Get("dataset"); d != "" && d != dataset {
			return athar.Errorf(athar.EINVALID, "the %s list is imported as dataset %q", name, dataset)
		}
		// As athar import refuses --label: a label that restricts a
		// public list would hide it from those who must screen against it.
		if label != "" && label != athar.TLPClear {
			return athar.Errorf(athar.EINVALID, "label=%.20q: the %s list is public; its records are CLEAR", v.Get("label"), strings.ToUpper(name))
		}
		label = athar.TLPClear
	} else {
		dataset = strings.TrimSpace(v.Get("dataset"))
		if dataset == "" {
			return athar.Errorf(athar.EINVALID, "give ?dataset=NAME for an agency's list")
		}
		if label == "" {
			label = athar.TLPAmber
		}
		if !label.Valid() {
			return athar.Errorf(athar.EINVALID, "label=%.20q: want CLEAR, GREEN, AMBER or RED", v.Get("label"))
		}
		if err := s.checkDatasetOwner(r.Context(), c, dataset); err != nil {
			return err
		}
	}

	body := http.MaxBytesReader(w, r.Body, s.cfg.MaxUploadBytes)
	files, err := uploadedFiles(r, body)
	if err != nil {
		return err
	}
	st := s.store
	tx, err := st.BeginImport(r.Context(), dataset)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var (
		warnings int
		records  int
		first    []sources.Warning
		inputs   []sources.Input
		dg       sources.Digest
	)
	for _, f := range files {
		inputs = append(inputs, dg.Input(f.name, f.r))
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.name
	}
	owner := c.Org
	if format.public {
		owner = ""
	}
	sink := sources.Sink{
		Put: func(ctx context.Context, p *athar.Person) error {
			records++
			p.Owner, p.Label = owner, label
			return tx.Put(ctx, p)
		},
		Warn: func(wn sources.Warning) {
			warnings++
			if len(first) < 20 {
				first = append(first, wn)
			}
		},
	}
	version, err := format.importer().Import(r.Context(), inputs, sink)
	if err != nil {
		return importError(err)
	}
	if records == 0 && !allowEmpty {
		// Committed, this would replace the dataset with nothing.
		return athar.Errorf(athar.EINVALID, "%v; nothing was imported (dataset %q is unchanged); to empty the dataset on purpose, send allow_empty=true", &sources.NoRecordsError{Files: names}, dataset)
	}
	sum, err := dg.Sum()
	if err != nil {
		return importError(err)
	}
	if version == "" {
		version = "sha256:" + sum[:12]
	}
	// The audit entry is committed with the new version, in the import's
	// transaction: the import holds the only write lock, so the auditor
	// could not write it before, and after would leave a failed entry an
	// unaudited import.
	ds, err := tx.CommitAudited(r.Context(), athar.Dataset{Name: dataset, Format: name, Version: version, Files: names, SHA256: sum},
		func(ds athar.Dataset) *athar.AuditEntry {
			return entry(c, athar.AuditImport, dataset, map[string]any{
				"format": name, "version": ds.Version, "sha256": sum, "persons": ds.Persons, "organizations": ds.Orgs,
				"label": label, "warnings": warnings,
			})
		})
	if err != nil {
		return importError(err)
	}
	s.metrics.auditEntries.Add(1)
	s.reindex(r.Context(), w)
	ds.Files = nil
	return writeJSON(w, http.StatusCreated, ImportResult{Dataset: ds, Warnings: warnings, First: first, Seconds: time.Since(start).Seconds()})
}

// importError makes a bad list a 400; the registry keeps the old version.
func importError(err error) error {
	var pe *sources.ParseError
	if errors.As(err, &pe) {
		return athar.Errorf(athar.EINVALID, "%v; nothing was imported", pe)
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return err
	}
	if athar.ErrorCode(err) != athar.EINTERNAL {
		return err
	}
	return fmt.Errorf("import: %w", err)
}

// checkDatasetOwner refuses to replace a dataset of another organisation,
// or a public list, with an agency's upload.
func (s *Server) checkDatasetOwner(ctx context.Context, c *caller, dataset string) error {
	if dataset == athar.ManualDataset {
		return athar.Errorf(athar.EINVALID, "dataset %q holds records entered by hand; it cannot be imported", dataset)
	}
	sets, err := s.store.Datasets(ctx)
	if err != nil {
		return err
	}
	for _, ds := range sets {
		if ds.Name == dataset && importFormats[ds.Format].public {
			return athar.Errorf(athar.ECONFLICT, "dataset %q is a public list; choose another name", dataset)
		}
	}
	if _, foreign := s.counts.Load().visible(&c.User); foreign[dataset] {
		return athar.Errorf(athar.ECONFLICT, "dataset name %q is taken; choose another", dataset)
	}
	return nil
}

type uploaded struct {
	name string
	r    io.Reader
}

// uploadedFiles returns the files of an upload: the "file" parts of a
// multipart body, or the body itself.
func uploadedFiles(r *http.Request, body io.Reader) ([]*uploaded, error) {
	// Every file is read whole, within the upload limit, before the import
	// begins: an import holds SQLite's only write lock, and a slow upload
	// must not hold it (every request waits for the lock to write its
	// audit entry). OFAC's importer also reads its two files at once.
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		b, err := io.ReadAll(body)
		if err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				return nil, err
			}
			return nil, athar.Errorf(athar.EINVALID, "cannot read the upload: %v", err)
		}
		return []*uploaded{{name: "upload", r: bytes.NewReader(b)}}, nil
	}
	mr := multipart.NewReader(body, params["boundary"])
	var files []*uploaded
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, athar.Errorf(athar.EINVALID, "cannot read the multipart body: %v", err)
		}
		if p.FormName() != "file" {
			return nil, athar.Errorf(athar.EINVALID, "unknown form field %q: send the list as parts named \"file\"", p.FormName())
		}
		b, err := io.ReadAll(p)
		if err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				return nil, err
			}
			return nil, athar.Errorf(athar.EINVALID, "cannot read the upload: %v", err)
		}
		name := p.FileName()
		if name == "" {
			name = fmt.Sprintf("file %d", len(files)+1)
		}
		files = append(files, &uploaded{name: name, r: bytes.NewReader(b)})
	}
	if len(files) == 0 {
		return nil, athar.Errorf(athar.EINVALID, "the upload holds no part named \"file\"")
	}
	return files, nil
}
