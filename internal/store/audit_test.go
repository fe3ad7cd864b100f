package store

import (
	"context"
	"errors"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/logbook"
)

func appendN(t *testing.T, s *Store, n int) {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < n; i++ {
		err := s.InTx(ctx, func(tx *Tx) error {
			return tx.AppendAudit(ctx, "li", logbook.Entry{Entity: logbook.EntityPrepLine, EntityKey: "2026/101/30201", Field: "proposal_fen", Old: "100", New: "200"})
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestAuditChainAcrossTransactions(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	appendN(t, s, 3)
	// A rolled-back change leaves no record either.
	_ = s.InTx(ctx, func(tx *Tx) error {
		_ = tx.AppendAudit(ctx, "li", logbook.Entry{Entity: logbook.EntityPrepLine, EntityKey: "x", Field: "f", New: "1"})
		return errors.New("fails")
	})
	appendN(t, s, 1)
	rows, err := s.AuditEntries(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[3].Seq != 4 || rows[0].Login != "li" || rows[0].At.IsZero() {
		t.Fatalf("rows: %+v", rows)
	}
	if r := logbook.Verify(rows, 1, s.AuditKeys(ctx)); !r.OK || rows[0].KeyID != s.seal.key.ID {
		t.Fatalf("verify: %+v", r)
	}
	if got, _ := s.AuditEntries(ctx, AuditFilter{EntityKey: "2026/101", Login: "li", Limit: 2}); len(got) != 2 || got[1].Seq != 4 {
		t.Errorf("filtered: %+v", got)
	}
}

// Tampering with the file outside the application is detected.
func TestAuditTamperingInTheFile(t *testing.T) {
	tests := []struct {
		name   string
		sql    string
		seq    int64
		breach logbook.Breach
	}{
		{"edited value", `UPDATE audit_log SET new_value = '999' WHERE seq = 3`, 3, logbook.Edited},
		{"edited user", `UPDATE audit_log SET login = 'wang' WHERE seq = 2`, 2, logbook.Edited},
		{"deleted", `DELETE FROM audit_log WHERE seq = 2`, 3, logbook.Missing},
		{"last deleted", `DELETE FROM audit_log WHERE seq = 5`, 5, logbook.Truncated},
		{"reordered", `UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END WHERE seq IN (2, 3)`, 2, logbook.Edited},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := openTemp(t)
			appendN(t, s, 5)
			// Swapping two primary keys in one statement needs a free number first.
			if tt.name == "reordered" {
				exec(t, s, `UPDATE audit_log SET seq = 100 WHERE seq = 2`)
				exec(t, s, `UPDATE audit_log SET seq = 2 WHERE seq = 3`)
				exec(t, s, `UPDATE audit_log SET seq = 3 WHERE seq = 100`)
			} else {
				exec(t, s, tt.sql)
			}
			rows, err := s.AuditEntries(context.Background(), AuditFilter{})
			if err != nil {
				t.Fatal(err)
			}
			head, err := s.AuditHead(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if r := logbook.VerifyTrail(rows, logbook.Marks{Head: head, SealedFrom: 1}, s.AuditKeys(context.Background())); r.OK || r.BadSeq != tt.seq || r.Breach != tt.breach {
				t.Errorf("got %+v, want row %d %s", r, tt.seq, tt.breach)
			}
		})
	}
}

func exec(t *testing.T, s *Store, query string) {
	t.Helper()
	if _, err := s.pool.ExecContext(context.Background(), query); err != nil {
		t.Fatal(err)
	}
}
