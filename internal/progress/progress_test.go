package progress

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"
)

// clock is a fake time source that tests move by hand.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

func newClock() *clock { return &clock{t: time.Date(2026, 2, 27, 10, 0, 0, 0, time.UTC)} }

func TestBar_Terminal(t *testing.T) {
	var out bytes.Buffer
	c := newClock()
	b := New(&out, 100<<20, Options{Label: "importing", Terminal: true, Width: 100, Now: c.now})

	b.Add(1 << 20)
	if out.Len() != 0 {
		t.Errorf("drew %q before the first redraw interval", out.String())
	}
	c.advance(2 * time.Second)
	b.Add(9 << 20) // 10 MiB in 2 s
	got := out.String()
	for _, want := range []string{"\r", "importing [", " 10%", "10.0 MiB / 100.0 MiB", "5.0 MiB/s", "ETA 18s", "\x1b[K"} {
		if !strings.Contains(got, want) {
			t.Errorf("terminal line %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "\n") {
		t.Errorf("terminal line %q ends the line while running", got)
	}
	if n := len([]rune(strings.TrimSuffix(strings.TrimPrefix(got, "\r"), "\x1b[K"))); n >= 100 {
		t.Errorf("line of %d characters does not fit a terminal of 100", n)
	}

	out.Reset()
	c.advance(50 * time.Millisecond)
	b.Add(1)
	if out.Len() != 0 {
		t.Errorf("redrew %q within %v of the last draw", out.String(), redrawEvery)
	}

	c.advance(time.Second)
	b.Add(90<<20 - 1)
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	got = out.String()
	if !strings.HasSuffix(got, "\n") || !strings.Contains(got, "100%") || !strings.Contains(got, "in 3s") {
		t.Errorf("final terminal output %q: want 100%%, the time taken and a newline", got)
	}
	out.Reset()
	if err := b.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	b.Add(5)
	if out.Len() != 0 {
		t.Errorf("wrote %q after Close", out.String())
	}
}

func TestBar_NotTerminal(t *testing.T) {
	t.Run("short task prints nothing", func(t *testing.T) {
		var out bytes.Buffer
		c := newClock()
		b := New(&out, 1000, Options{Label: "importing", Now: c.now})
		for range 10 {
			c.advance(500 * time.Millisecond)
			b.Add(100)
		}
		b.Close()
		b.Close()
		if out.Len() != 0 {
			t.Errorf("printed %q for a 5 s task off a terminal; want nothing", out.String())
		}
	})
	t.Run("long task prints plain lines", func(t *testing.T) {
		var out bytes.Buffer
		c := newClock()
		b := New(&out, 0, Options{Label: "reading", Unit: Items, ItemName: "records", Now: c.now})
		for range 25 {
			c.advance(time.Second)
			b.Add(2000)
		}
		b.Close()
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != 3 { // at 10 s, 20 s, and the end
			t.Fatalf("got %d lines %q, want 3", len(lines), lines)
		}
		if strings.ContainsAny(out.String(), "\r\x1b") {
			t.Errorf("plain output %q holds terminal controls", out.String())
		}
		if want := "reading  20,000 records  2,000/s"; lines[0] != want {
			t.Errorf("first line %q, want %q", lines[0], want)
		}
		if want := "reading  50,000 records  2,000/s  in 25s"; lines[2] != want {
			t.Errorf("last line %q, want %q", lines[2], want)
		}
	})
}

func TestBar_Reader(t *testing.T) {
	var out bytes.Buffer
	c := newClock()
	b := New(&out, 0, Options{Now: c.now})
	n, err := io.Copy(io.Discard, b.Reader(strings.NewReader(strings.Repeat("أثر", 1000))))
	if err != nil {
		t.Fatal(err)
	}
	b.mu.Lock()
	done := b.done
	b.mu.Unlock()
	if done != n || n != 6000 {
		t.Errorf("counted %d bytes, read %d, want 6000", done, n)
	}
}

func TestFormatBytes(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 B"},
		{1023, "1023 B"},
		{1024, "1.0 KiB"},
		{1536, "1.5 KiB"},
		{2 << 20, "2.0 MiB"},
		{5<<30 + 512<<20, "5.5 GiB"},
	}
	for _, tt := range tests {
		if got := FormatBytes(tt.n); got != tt.want {
			t.Errorf("FormatBytes(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestFormatCount(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0"},
		{999, "999"},
		{1000, "1,000"},
		{730, "730"},
		{1234567, "1,234,567"},
		{-1234, "-1,234"},
	}
	for _, tt := range tests {
		if got := FormatCount(tt.n); got != tt.want {
			t.Errorf("FormatCount(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{400 * time.Millisecond, "0s"},
		{45 * time.Second, "45s"},
		{3*time.Minute + 7*time.Second, "3m07s"},
		{62 * time.Minute, "1h02m"},
	}
	for _, tt := range tests {
		if got := duration(tt.d); got != tt.want {
			t.Errorf("duration(%v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestIsTerminal(t *testing.T) {
	if ok, _ := IsTerminal(&bytes.Buffer{}); ok {
		t.Error("a buffer is not a terminal")
	}
}
