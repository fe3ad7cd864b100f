package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain/logbook"
)

// AppendAudit adds entries to the audit trail inside the caller's
// transaction, so a change and its record land together. The chain is
// computed from the last row read in this transaction: transactions begin
// IMMEDIATE (see dsn), so the write lock is already held and nobody can
// append in between. (A server backend would lock the table here.) At and
// Login are filled in when empty.
func (tx *Tx) AppendAudit(ctx context.Context, login string, entries ...logbook.Entry) error {
	if len(entries) == 0 {
		return nil
	}
	var lastSeq int64
	var lastHash string
	err := tx.db.QueryRowContext(ctx, `SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`).Scan(&lastSeq, &lastHash)
	if err != nil && err != sql.ErrNoRows {
		return fmt.Errorf("reading the end of the audit trail: %w", err)
	}
	at := time.Now()
	for i := range entries {
		if entries[i].At.IsZero() {
			entries[i].At = at
		}
		if entries[i].Login == "" {
			entries[i].Login = login
		}
	}
	if tx.key.ID == "" {
		return fmt.Errorf("recording the audit trail: no sealing key")
	}
	chained := logbook.Chain(lastSeq, lastHash, tx.key, entries)
	for _, e := range chained {
		_, err := tx.db.ExecContext(ctx, `INSERT INTO audit_log (seq, at, login, entity, entity_key, field, old_value, new_value, reason, prev_hash, key_id, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			e.Seq, e.At.Format(logbook.TimeFormat), e.Login, e.Entity, e.EntityKey, e.Field, e.Old, e.New, e.Reason, e.PrevHash, e.KeyID, e.Hash)
		if err != nil {
			return fmt.Errorf("recording the audit trail: %w", err)
		}
	}
	last := chained[len(chained)-1]
	tx.head = &logbook.Head{Seq: last.Seq, Hash: last.Hash}
	return tx.SetSetting(ctx, auditHeadKey, strconv.FormatInt(last.Seq, 10)+" "+last.Hash)
}

// auditHeadKey is the setting that keeps the trail's last row, so that
// deleting the newest rows is detected too.
const auditHeadKey = "audit.head"

// AuditHead reads the recorded last row of the trail; zero when none.
func (q Q) AuditHead(ctx context.Context) (logbook.Head, error) {
	v, err := q.Setting(ctx, auditHeadKey)
	if err != nil || v == "" {
		return logbook.Head{}, err
	}
	seq, hash, _ := strings.Cut(v, " ")
	n, err := strconv.ParseInt(seq, 10, 64)
	if err != nil {
		// An unreadable head was tampered with as much as a missing row.
		return logbook.Head{Seq: -1}, nil
	}
	return logbook.Head{Seq: n, Hash: hash}, nil
}

// AuditFilter narrows AuditEntries; empty fields match everything.
type AuditFilter struct {
	Entity    string
	EntityKey string // a prefix: "2026/101" matches every line of that proposal
	Login     string
	From, To  time.Time // To is exclusive
	Limit     int
}

// AuditEntries reads the trail in recording order. The time range is
// applied here rather than in SQL because stored times carry the offset
// of the PC that wrote them, so their text does not sort across zones.
func (q Q) AuditEntries(ctx context.Context, f AuditFilter) ([]logbook.Entry, error) {
	query := `SELECT seq, at, login, entity, entity_key, field, old_value, new_value, reason, prev_hash, key_id, hash FROM audit_log WHERE 1 = 1`
	var args []any
	if f.Entity != "" {
		query += ` AND entity = ?`
		args = append(args, f.Entity)
	}
	if f.EntityKey != "" {
		query += ` AND (entity_key = ? OR entity_key LIKE ?)`
		args = append(args, f.EntityKey, f.EntityKey+"/%")
	}
	if f.Login != "" {
		query += ` AND login = ?`
		args = append(args, f.Login)
	}
	rows, err := q.db.QueryContext(ctx, query+` ORDER BY seq`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading the audit trail: %w", err)
	}
	defer rows.Close()
	var out []logbook.Entry
	for rows.Next() {
		var e logbook.Entry
		var at string
		if err := rows.Scan(&e.Seq, &at, &e.Login, &e.Entity, &e.EntityKey, &e.Field, &e.Old, &e.New, &e.Reason, &e.PrevHash, &e.KeyID, &e.Hash); err != nil {
			return nil, err
		}
		// A time that no longer parses stays zero, and its hash then fails.
		e.At, _ = time.Parse(logbook.TimeFormat, at)
		if !f.From.IsZero() && e.At.Before(f.From) || !f.To.IsZero() && !e.At.Before(f.To) {
			continue
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[len(out)-f.Limit:] // the newest
	}
	return out, nil
}
