// Package agency imports an agency's own records (a camp registry, a wanted
// list) as CSV or JSON Lines; see docs/importers.md for the columns.
package agency

import (
	"context"
	"errors"

	"github.com/athar-org/athar/sources"
)

// Importer reads agency records in one of the two formats.
type Importer struct {
	jsonl bool
}

var _ sources.Importer = (*Importer)(nil)

// NewCSVImporter returns an importer for agency CSV files.
func NewCSVImporter() *Importer { return &Importer{} }

// NewJSONLImporter returns an importer for agency JSON Lines files.
func NewJSONLImporter() *Importer { return &Importer{jsonl: true} }

// Import reads the inputs. Agency files carry no version: it returns "".
func (im *Importer) Import(ctx context.Context, in []sources.Input, sink sources.Sink) (string, error) {
	return "", errors.New("agency: importer not written yet")
}
