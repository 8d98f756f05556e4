package sources

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
)

// Digest hashes the files of one import as the importer reads them, so
// that a dataset's SHA-256 covers its files whole even when an importer
// stops early (an XML decoder at the closing tag).
type Digest struct {
	files []digestFile
}

type digestFile struct {
	name string
	r    io.Reader // the file, through the hash
	h    hash.Hash
}

// Input returns an Input that reads r through the digest.
func (d *Digest) Input(name string, r io.Reader) Input {
	h := sha256.New()
	t := io.TeeReader(r, h)
	d.files = append(d.files, digestFile{name: name, r: t, h: h})
	return Input{Name: name, R: bufio.NewReaderSize(t, 64<<10)}
}

// Sum reads what the importer left of each file and returns, in hex, the
// SHA-256 of the one file, or of the files' SHA-256 sums, one a line, in
// order.
func (d *Digest) Sum() (string, error) {
	sums := make([]string, len(d.files))
	for i, f := range d.files {
		if _, err := io.Copy(io.Discard, f.r); err != nil {
			return "", fmt.Errorf("read %s: %w", f.name, err)
		}
		sums[i] = hex.EncodeToString(f.h.Sum(nil))
	}
	if len(sums) == 1 {
		return sums[0], nil
	}
	h := sha256.New()
	for _, s := range sums {
		io.WriteString(h, s+"\n")
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
