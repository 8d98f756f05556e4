// Package progress draws a progress bar for a long task on stderr: what is
// done out of the total, the rate and the time left. On a terminal the bar is
// redrawn in place; elsewhere (a log, a pipe, a test) it stays quiet, or
// prints a plain line now and then when the task is long.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Unit is what the bar counts.
type Unit int

const (
	Bytes Unit = iota
	Items
)

// Options configure a Bar. The zero value counts bytes, quietly.
type Options struct {
	Label    string           // e.g. "importing"
	Unit     Unit             // Bytes or Items
	ItemName string           // for Items, e.g. "records"
	Terminal bool             // redraw in place; set it from IsTerminal
	Width    int              // of the terminal; 80 when 0
	Now      func() time.Time // time.Now when nil; tests replace it
}

const (
	redrawEvery = 100 * time.Millisecond // on a terminal
	plainEvery  = 10 * time.Second       // elsewhere
)

// Bar is a progress bar. Its methods are safe for concurrent use.
type Bar struct {
	opt   Options
	w     io.Writer
	total int64
	start time.Time

	mu     sync.Mutex
	done   int64     // guarded by mu
	last   time.Time // of the last line drawn; guarded by mu
	drawn  bool      // a line was drawn; guarded by mu
	closed bool      // guarded by mu
}

// New returns a bar that writes to w. total is the amount of work, or 0 when
// unknown.
func New(w io.Writer, total int64, opt Options) *Bar {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Width <= 0 {
		opt.Width = 80
	}
	b := &Bar{opt: opt, w: w, total: total, start: opt.Now()}
	b.last = b.start
	return b
}

// IsTerminal reports whether w is a terminal, and its width (0 when unknown).
func IsTerminal(w io.Writer) (bool, int) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return false, 0
	}
	width, _, err := term.GetSize(int(f.Fd()))
	if err != nil {
		return true, 0
	}
	return true, width
}

// Add counts n more units done.
func (b *Bar) Add(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return
	}
	b.done += n
	now := b.opt.Now()
	every := plainEvery
	if b.opt.Terminal {
		every = redrawEvery
	}
	if now.Sub(b.last) >= every {
		b.drawLocked(now)
	}
}

// Reader returns a reader that counts the bytes read from r.
func (b *Bar) Reader(r io.Reader) io.Reader { return &reader{r: r, b: b} }

type reader struct {
	r io.Reader
	b *Bar
}

func (r *reader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	if n > 0 {
		r.b.Add(int64(n))
	}
	return n, err
}

// Close ends the bar: on a terminal it draws the last state and ends the
// line; elsewhere it prints a last plain line only if it printed any before.
// Closing twice does nothing.
func (b *Bar) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil
	}
	b.closed = true
	if !b.drawn {
		return nil
	}
	b.drawLocked(b.opt.Now())
	if b.opt.Terminal {
		_, err := io.WriteString(b.w, "\n")
		return err
	}
	return nil
}

func (b *Bar) drawLocked(now time.Time) {
	b.last = now
	b.drawn = true
	line := b.line(now)
	if b.opt.Terminal {
		// \r returns to the start of the line, \x1b[K clears what is left of
		// a longer line before.
		fmt.Fprintf(b.w, "\r%s\x1b[K", line)
		return
	}
	fmt.Fprintln(b.w, line)
}

// line formats the state: label, bar and percentage when the total is known,
// amount, rate, time left.
func (b *Bar) line(now time.Time) string {
	elapsed := now.Sub(b.start)
	done := b.done
	var rate float64
	if elapsed > 0 {
		rate = float64(done) / elapsed.Seconds()
	}
	var parts []string
	if b.opt.Label != "" {
		parts = append(parts, b.opt.Label)
	}
	amount := b.amount(done)
	if b.total > 0 {
		frac := min(1, float64(done)/float64(b.total))
		amount += " / " + b.amount(b.total)
		parts = append(parts, fmt.Sprintf("%3.0f%%", 100*frac))
	}
	if b.opt.Unit == Items && b.opt.ItemName != "" {
		amount += " " + b.opt.ItemName
	}
	parts = append(parts, amount)
	if elapsed >= time.Second || b.closed {
		parts = append(parts, b.amount(int64(rate))+"/s")
	}
	switch {
	case b.closed:
		parts = append(parts, "in "+duration(elapsed))
	case b.total > 0 && rate > 0 && elapsed >= time.Second:
		left := time.Duration(float64(max(0, b.total-done)) / rate * float64(time.Second))
		parts = append(parts, "ETA "+duration(left))
	}
	text := strings.Join(parts, "  ")
	if !b.opt.Terminal || b.total <= 0 {
		return text
	}
	// The bar takes what the terminal line has left beside the longest
	// text (so that its width does not change as the numbers grow), within
	// reason.
	width := min(30, b.opt.Width-1-len([]rune(b.opt.Label))-len("  [] 100%  1023.9 MiB / 1023.9 MiB  1023.9 MiB/s  ETA 59m59s"))
	if width < 5 {
		return text
	}
	fill := int(float64(width) * min(1, float64(done)/float64(b.total)))
	bar := "[" + strings.Repeat("=", fill) + strings.Repeat(" ", width-fill) + "]"
	if b.opt.Label != "" {
		return parts[0] + " " + bar + "  " + strings.Join(parts[1:], "  ")
	}
	return bar + "  " + text
}

func (b *Bar) amount(n int64) string {
	if b.opt.Unit == Bytes {
		return FormatBytes(n)
	}
	return FormatCount(n)
}

// FormatBytes formats n bytes with a binary unit: 512 B, 1.5 KiB, 12.3 MiB.
func FormatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	f := float64(n) / unit
	for _, u := range []string{"KiB", "MiB", "GiB", "TiB"} {
		if f < unit {
			return fmt.Sprintf("%.1f %s", f, u)
		}
		f /= unit
	}
	return fmt.Sprintf("%.1f PiB", f)
}

// FormatCount formats a count with thousands separators: 1,234,567.
func FormatCount(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// duration formats d to the second: 45s, 3m07s, 1h02m.
func duration(d time.Duration) string {
	d = d.Round(time.Second)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	}
	return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
}
