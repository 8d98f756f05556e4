package sources

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"strings"
	"testing"
)

func hexSum(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// The digest covers each file whole, however little the importer read, and
// combines several files' sums one a line.
func TestDigest(t *testing.T) {
	var one Digest
	in := one.Input("a.xml", strings.NewReader("<list></list>\ntrailing"))
	buf := make([]byte, 5)
	if _, err := io.ReadFull(in.R, buf); err != nil {
		t.Fatal(err)
	}
	if got, err := one.Sum(); err != nil || got != hexSum("<list></list>\ntrailing") {
		t.Errorf("one file: %s, %v; want the file's own SHA-256", got, err)
	}

	var two Digest
	two.Input("sdn.csv", strings.NewReader("1,A"))
	two.Input("alt.csv", strings.NewReader("1,B"))
	want := hexSum(hexSum("1,A") + "\n" + hexSum("1,B") + "\n")
	if got, err := two.Sum(); err != nil || got != want {
		t.Errorf("two files: %s, %v; want %s", got, err, want)
	}
}
