// Package ofac imports the US Treasury OFAC SDN list (sdn.csv and alt.csv).
package ofac

import (
	"context"
	"errors"

	"github.com/athar-org/athar/sources"
)

// Importer reads the OFAC SDN CSV with its alternate-names CSV.
type Importer struct{}

var _ sources.Importer = (*Importer)(nil)

// NewImporter returns an importer for the OFAC SDN CSV files.
func NewImporter() *Importer { return &Importer{} }

// Import reads the SDN file and optional alt files.
func (im *Importer) Import(ctx context.Context, in []sources.Input, sink sources.Sink) (string, error) {
	return "", errors.New("ofac: importer not written yet")
}
