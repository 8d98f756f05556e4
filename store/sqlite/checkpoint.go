package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"
)

// StartCheckpoints moves the write-ahead log into the database file in the
// background, from a connection of its own, instead of letting the writer do
// it when it commits. A server whose every request commits an audit entry
// otherwise stalls all of them, now and then, for the checkpoint (measured:
// 10 to 100 ms).
//
// Every interval it copies what it can without waiting for anyone
// (PASSIVE). That alone never lets the log start again from the beginning
// while writes keep coming, so every tenth time it also asks for a RESTART,
// which holds new writes only while it copies the little the passive ones
// left and waits at most a few milliseconds for readers: if a long reader
// (an index rebuild) is in the way, it gives up and tries later. The
// returned stop function ends the checkpoints, truncates the log when it
// can, and gives the writer back its automatic ones.
func (s *Store) StartCheckpoints(ctx context.Context, interval time.Duration) (stop func() error, err error) {
	cp, err := sql.Open("sqlite3", fileURI(s.path)+"?mode=rw&_busy_timeout=5")
	if err != nil {
		return nil, fmt.Errorf("checkpoints: %w", err)
	}
	cp.SetMaxOpenConns(1)
	if _, err := s.w.ExecContext(ctx, `PRAGMA wal_autocheckpoint = 0`); err != nil {
		cp.Close()
		return nil, fmt.Errorf("checkpoints: %w", describe(err))
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(interval)
		defer t.Stop()
		for n := 1; ; n++ {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			mode := "PASSIVE"
			if n%10 == 0 {
				mode = "RESTART"
			}
			// A busy error only means "later": the next tick tries again.
			cp.ExecContext(ctx, `PRAGMA wal_checkpoint(`+mode+`)`)
		}
	})
	var once sync.Once
	return func() error {
		var err error
		once.Do(func() {
			cancel()
			wg.Wait()
			cp.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`) // best effort
			_, e1 := s.w.Exec(`PRAGMA wal_autocheckpoint = 1000`)
			err = errors.Join(e1, cp.Close())
		})
		return err
	}, nil
}
