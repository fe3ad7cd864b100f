package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/keyring"
)

// sealState is what seals the audit trail of an open database: the
// installation's key and the database's identity, under which its head is
// anchored outside the file (package keyring).
type sealState struct {
	key  logbook.Key
	dbID string
}

// sealSchema is the schema version that introduced sealed rows.
const sealSchema = 10

// sealedFromKey is the setting holding the first sealed row: rows before it
// belong to the older, unkeyed chain (kept as it was because it was already
// broken when the database was upgraded).
const sealedFromKey = "audit.sealed_from"

// openSeal loads the key, seals the trail of a database that was just
// upgraded past sealSchema, and anchors a database this PC has not seen.
func (s *Store) openSeal(ctx context.Context, fromSchema int) error {
	if s.engine == Postgres {
		k, err := s.serverSealKey(ctx)
		if err != nil {
			return err
		}
		s.seal.key = k
		s.seal.dbID, err = s.DatabaseID(ctx)
		return err
	}
	key, err := keyring.Current()
	if err != nil {
		dir, _ := keyring.Dir()
		return domain.NewProblem("problem.audit.key", "Cannot read or create the key that seals the audit trail in {{.Dir}}: {{.Err}}. Make that folder readable and writable for your account.", "Dir", dir, "Err", err.Error())
	}
	s.seal.key = key
	if s.seal.dbID, err = s.DatabaseID(ctx); err != nil {
		return fmt.Errorf("reading the database identity: %w", err)
	}
	if fromSchema < sealSchema {
		if err := s.sealOlderTrail(ctx); err != nil {
			return err
		}
	}
	if s.seal.dbID == "" {
		return nil
	}
	if _, ok, err := keyring.ReadAnchor(s.seal.dbID, s.path); err == nil && !ok {
		head, err := s.AuditHead(ctx)
		if err != nil {
			return err
		}
		s.anchor(&head)
	}
	return nil
}

// sealOlderTrail runs once, right after the upgrade to sealSchema: an
// intact older chain is re-sealed with this installation's key from its
// first row; a broken one is left exactly as found (verify keeps naming
// the break) and sealing starts after it. Doing this only at the upgrade
// means nobody can have an edited trail re-sealed later by removing the
// setting.
func (s *Store) sealOlderTrail(ctx context.Context) error {
	return s.InTx(ctx, func(tx *Tx) error {
		rows, err := tx.AuditEntries(ctx, AuditFilter{})
		if err != nil {
			return err
		}
		head, err := tx.AuditHead(ctx)
		if err != nil {
			return err
		}
		from := int64(1)
		if r := logbook.VerifyTrail(rows, logbook.Marks{Head: head, SealedFrom: math.MaxInt64}, nil); !r.OK {
			from = rows[len(rows)-1].Seq + 1
		} else if len(rows) > 0 {
			if err := tx.resealRows(ctx, rows); err != nil {
				return err
			}
		}
		return tx.SetSetting(ctx, sealedFromKey, strconv.FormatInt(from, 10))
	})
}

// resealRows rewrites the links and hashes of an intact older chain as a
// sealed one; the recorded content of every row stays as it was.
func (tx *Tx) resealRows(ctx context.Context, rows []logbook.Entry) error {
	sealed := logbook.Chain(0, "", tx.key, rows)
	for _, e := range sealed {
		if _, err := tx.db.ExecContext(ctx, `UPDATE audit_log SET prev_hash = ?, key_id = ?, hash = ? WHERE seq = ?`,
			e.PrevHash, e.KeyID, e.Hash, e.Seq); err != nil {
			return fmt.Errorf("sealing the audit trail: %w", err)
		}
	}
	last := sealed[len(sealed)-1]
	tx.head = &logbook.Head{Seq: last.Seq, Hash: last.Hash}
	return tx.SetSetting(ctx, auditHeadKey, strconv.FormatInt(last.Seq, 10)+" "+last.Hash)
}

// anchor records head outside the database once its transaction is
// committed. A failed write only leaves the anchor behind the trail, which
// verifying tolerates (the anchored row is still there).
func (s *Store) anchor(head *logbook.Head) {
	if head == nil || s.seal.dbID == "" {
		return
	}
	_ = keyring.WriteAnchor(s.seal.dbID, s.path, *head)
}

// AuditMarks reads what holds the trail in place: the head recorded in the
// database, the first sealed row (1 when the setting is missing, so a
// removed setting makes older rows count as unsealed) and, read inside the
// caller's transaction so no commit slips in between, this PC's anchor.
func (s *Store) AuditMarks(ctx context.Context, tx *Tx) (logbook.Marks, error) {
	var m logbook.Marks
	var err error
	if m.Head, err = tx.AuditHead(ctx); err != nil {
		return m, err
	}
	m.SealedFrom = 1
	if v, err := tx.Setting(ctx, sealedFromKey); err != nil {
		return m, err
	} else if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
		m.SealedFrom = n
	}
	id, err := tx.DatabaseID(ctx)
	if err != nil || id == "" {
		return m, err
	}
	a, ok, err := keyring.ReadAnchor(id, s.path)
	if err != nil {
		return m, fmt.Errorf("reading the audit anchor: %w", err)
	}
	if ok {
		m.Anchor = &a
	}
	return m, nil
}

// resetAnchor anchors the database at dbPath at its current head: after a
// restore the trail legitimately ends where the backup's ended.
func resetAnchor(ctx context.Context, dbPath string) error {
	db, err := sql.Open("sqlite", fileURI(dbPath)+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	q := Q{db: db}
	id, err := q.DatabaseID(ctx)
	if err != nil || id == "" {
		return err // an older backup is anchored when it is upgraded on open
	}
	head, err := q.AuditHead(ctx)
	if err != nil {
		return err
	}
	return keyring.WriteAnchor(id, dbPath, head)
}
