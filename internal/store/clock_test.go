package store

import (
	"context"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// A transaction stamps rows with the real clock unless the demo dates them
// (Tx.StampAt), and the zero time goes back to the real clock.
func TestStampAt(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	at := time.Date(2026, 10, 8, 9, 30, 0, 0, time.FixedZone("CST", 8*60*60))
	before := time.Now().Add(-time.Second)
	err := s.InTx(ctx, func(tx *Tx) error {
		if !tx.Now().After(before) {
			t.Errorf("Now %v before the real clock %v", tx.Now(), before)
		}
		tx.StampAt(at)
		if err := tx.InsertCycle(ctx, domain.LocalUser, 2027); err != nil {
			return err
		}
		if !tx.Now().Equal(at) {
			t.Errorf("Now %v, want %v", tx.Now(), at)
		}
		tx.StampAt(time.Time{})
		return tx.InsertCycle(ctx, domain.LocalUser, 2028)
	})
	if err != nil {
		t.Fatal(err)
	}
	dated, _, err := s.Cycle(ctx, 2027)
	if err != nil || !dated.OpenedAt.Equal(at) {
		t.Errorf("2027 opened %v (%v), want %v", dated.OpenedAt, err, at)
	}
	undated, _, err := s.Cycle(ctx, 2028)
	if err != nil || undated.OpenedAt.Before(before) {
		t.Errorf("2028 opened %v (%v), want the real time after %v", undated.OpenedAt, err, before)
	}
}
