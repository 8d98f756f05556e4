// Package un imports the UN Security Council Consolidated List (XML).
package un

import (
	"context"
	"errors"

	"github.com/athar-org/athar/sources"
)

// Importer reads the UN consolidated list XML.
type Importer struct{}

var _ sources.Importer = (*Importer)(nil)

// NewImporter returns an importer for the UN consolidated list XML.
func NewImporter() *Importer { return &Importer{} }

// Import reads the XML inputs and returns the list's generation date.
func (im *Importer) Import(ctx context.Context, in []sources.Input, sink sources.Sink) (string, error) {
	return "", errors.New("un: importer not written yet")
}
