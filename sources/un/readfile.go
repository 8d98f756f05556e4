package un

import (
	"context"
	"os"

	"github.com/athar-org/athar"
	"github.com/athar-org/athar/sources"
)

// ReadFile reads a whole list file into memory, for tools and tests that
// want the records themselves rather than a registry (the evaluation).
func ReadFile(ctx context.Context, path string) ([]*athar.Person, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*athar.Person
	_, err = NewImporter().Import(ctx, []sources.Input{{Name: path, R: f}}, sources.Sink{
		Put: func(_ context.Context, p *athar.Person) error { out = append(out, p); return nil },
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
