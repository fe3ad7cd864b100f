package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"sync"

	"github.com/jackc/pgx/v5/stdlib"
)

// Other PCs learn of a change on a server at once: every write
// transaction sends a notification on channel budgetperf when it commits
// (NOTIFY is transactional), signed with this process's token so that its
// own changes are not announced back to it; Listen hands the others' to
// the window, which offers to refresh.

const notifyChannel = "budgetperf"

// listening is the running Listen of a server store.
type listening struct {
	token  string
	cancel context.CancelFunc
	done   sync.WaitGroup
}

func newToken() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// announce queues the notification of tx's commit on a server.
func (s *Store) announce(ctx context.Context, tx querier) error {
	if s.engine != Postgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_notify(?, ?)`, notifyChannel, s.notify.token); err != nil {
		return fmt.Errorf("announcing the change: %w", err)
	}
	return nil
}

// Listen calls changed (from another goroutine) each time another process
// commits a change to the server database, until Close. It does nothing on
// a file, where one PC is the only writer.
func (s *Store) Listen(changed func()) error {
	if s.engine != Postgres {
		return nil
	}
	ctx, cancel := context.WithCancel(context.Background())
	conn, err := s.pool.Conn(ctx)
	if err != nil {
		cancel()
		return err
	}
	s.notify.cancel = cancel
	s.notify.done.Add(1)
	go func() {
		defer s.notify.done.Done()
		defer conn.Close()
		_ = conn.Raw(func(dc any) error {
			c := dc.(*stdlib.Conn).Conn()
			if _, err := c.Exec(ctx, "LISTEN "+notifyChannel); err != nil {
				return err
			}
			for {
				n, err := c.WaitForNotification(ctx)
				if err != nil {
					return err // cancelled by Close, or the connection is gone
				}
				if n.Payload != s.notify.token {
					changed()
				}
			}
		})
	}()
	return nil
}

// stopListening ends Listen and waits for it.
func (s *Store) stopListening() {
	if s.notify.cancel != nil {
		s.notify.cancel()
		s.notify.done.Wait()
	}
}
