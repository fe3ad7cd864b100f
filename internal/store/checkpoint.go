package store

import (
	"context"
	"sync"
	"time"
)

// Checkpointing keeps budgetperf.db whole on its own. In WAL mode a commit
// lands in budgetperf.db-wal first and reaches the main file only at a
// checkpoint; an office that copies the .db file alone (Explorer, a USB
// stick) would get an old or empty hospital. So every commit through InTx
// is followed by a PASSIVE checkpoint (it never waits for readers nor
// blocks writers); while the database is open an idle checkpoint every few
// seconds catches what a reader held back and the few writes made outside
// InTx (settings); Close ends with a TRUNCATE checkpoint that empties the
// -wal file.

// idleEvery is how often the idle checkpoint runs.
const idleEvery = 3 * time.Second

// checkpointer runs the idle checkpoints until Close.
type checkpointer struct {
	once sync.Once
	stop chan struct{}
	done chan struct{}
}

// checkpoint copies committed WAL frames into the main file without
// waiting; it reports whether every frame got there.
func (s *Store) checkpoint(ctx context.Context) bool {
	var busy, logFrames, done int
	err := s.pool.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logFrames, &done)
	return err == nil && busy == 0 && done >= logFrames
}

// afterCommit checkpoints after a commit; a cancelled context still gets
// its checkpoint, the data is committed either way.
func (s *Store) afterCommit(ctx context.Context) {
	if s.engine == Postgres {
		return // the server keeps its own log
	}
	if ctx.Err() != nil {
		ctx = context.Background()
	}
	s.checkpoint(ctx)
}

// startCheckpoints starts the idle checkpoints.
func (s *Store) startCheckpoints() {
	s.ckpt.stop = make(chan struct{})
	s.ckpt.done = make(chan struct{})
	go func() {
		defer close(s.ckpt.done)
		t := time.NewTicker(idleEvery)
		defer t.Stop()
		for {
			select {
			case <-s.ckpt.stop:
				return
			case <-t.C:
				s.checkpoint(context.Background())
			}
		}
	}()
}

// stopCheckpoints ends the idle checkpoints and folds the whole WAL into
// the file, leaving an empty -wal, before the pool closes.
func (s *Store) stopCheckpoints() {
	s.ckpt.once.Do(func() {
		if s.ckpt.stop != nil {
			close(s.ckpt.stop)
			<-s.ckpt.done
		}
		// TRUNCATE waits for other connections through the busy handler;
		// another program writing must not hold up closing for the whole
		// busy timeout, so this connection waits briefly and else leaves
		// the rest to the next checkpoint.
		ctx := context.Background()
		conn, err := s.pool.Conn(ctx)
		if err != nil {
			return
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, `PRAGMA busy_timeout = 250`); err == nil {
			_, _ = conn.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
		}
	})
}
