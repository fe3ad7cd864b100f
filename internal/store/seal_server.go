package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/keyring"
)

// On a server every PC seals the audit trail with one key kept in the
// database (settings audit.key.<id>, the current one named by
// audit.server_key), so that any PC verifies the whole trail. What keeps
// the rows from being edited there is the server itself: they take
// inserts only, and only the database's owner could change one (package
// grants). Keys of the PCs whose file was moved in are kept beside it
// (ShareAuditKeys), so the moved rows verify everywhere too.

const (
	serverKeySetting = "audit.server_key"
	keySettingPrefix = "audit.key."
)

// NotKeptKeys selects the settings rows that are the hospital's data, not
// the audit keys a server keeps (what a copy compares: a server adds its
// own keys, a file drops them).
const NotKeptKeys = `key NOT LIKE 'audit.key.%' AND key <> '` + serverKeySetting + `'`

// serverSealKey is the server's sealing key, made on first use.
func (s *Store) serverSealKey(ctx context.Context) (logbook.Key, error) {
	id, err := s.Setting(ctx, serverKeySetting)
	if err != nil {
		return logbook.Key{}, err
	}
	if id == "" {
		secret := make([]byte, 32)
		if _, err := rand.Read(secret); err != nil {
			return logbook.Key{}, err
		}
		err := s.InTx(ctx, func(tx *Tx) error {
			fresh := keyring.IDOf(secret)
			if _, err := tx.SetSettingOnce(ctx, keySettingPrefix+fresh, hex.EncodeToString(secret)); err != nil {
				return err
			}
			id, err = tx.SetSettingOnce(ctx, serverKeySetting, fresh) // another PC's, if it came first
			return err
		})
		if err != nil {
			return logbook.Key{}, fmt.Errorf("making the server's audit key: %w", err)
		}
	}
	secret, ok := s.serverKey(ctx, id)
	if !ok {
		return logbook.Key{}, fmt.Errorf("the server's audit key %s is missing from the database", id)
	}
	return logbook.Key{ID: id, Secret: secret}, nil
}

// serverKey reads a key kept in the server database.
func (s *Store) serverKey(ctx context.Context, id string) ([]byte, bool) {
	v, err := s.Setting(ctx, keySettingPrefix+id)
	if err != nil || v == "" {
		return nil, false
	}
	secret, err := hex.DecodeString(strings.TrimSpace(v))
	if err != nil || keyring.IDOf(secret) != id {
		return nil, false
	}
	return secret, true
}

// AuditKeys finds the secrets that sealed rows: on a server the keys kept
// in it, then this PC's own and those imported from other PCs.
// A verification asks for a key per row: each id is looked up once.
func (s *Store) AuditKeys(ctx context.Context) logbook.Keys {
	type found struct {
		secret []byte
		ok     bool
	}
	seen := map[string]found{}
	return func(id string) ([]byte, bool) {
		if f, ok := seen[id]; ok {
			return f.secret, f.ok
		}
		var f found
		if s.engine == Postgres {
			f.secret, f.ok = s.serverKey(ctx, id)
		}
		if !f.ok {
			f.secret, f.ok = keyring.Lookup(id)
		}
		seen[id] = f
		return f.secret, f.ok
	}
}

// ShareAuditKeys keeps in a server database the keys of this PC that
// sealed rows of its trail (a file moved in), so that every PC verifies
// them; keys this PC lacks are left for `audit key import`.
func (s *Store) ShareAuditKeys(ctx context.Context) error {
	if s.engine != Postgres {
		return nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT key_id FROM audit_log WHERE key_id <> ''`)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	return s.InTx(ctx, func(tx *Tx) error {
		for _, id := range ids {
			if secret, ok := keyring.Lookup(id); ok {
				if _, err := tx.SetSettingOnce(ctx, keySettingPrefix+id, hex.EncodeToString(secret)); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

// adoptServerKeys moves the audit keys a server database kept (a server's
// backup restored into a file) into this PC's keys, and out of the file:
// a file never holds the keys that seal it, or whoever has the file could
// re-seal edited rows. Restoring is the administrator's decision to trust
// the backup, and so its keys.
func adoptServerKeys(ctx context.Context, dbPath string) {
	db, err := sql.Open("sqlite", dsn(dbPath))
	if err != nil {
		return
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT value FROM settings WHERE key LIKE 'audit.key.%'`)
	if err != nil {
		return
	}
	var texts []string
	for rows.Next() {
		var v string
		if rows.Scan(&v) == nil {
			texts = append(texts, v)
		}
	}
	rows.Close()
	for _, t := range texts {
		if _, err := keyring.Add(strings.TrimSpace(t)); err != nil {
			return // keep them in the file rather than lose them
		}
	}
	_, _ = db.ExecContext(ctx, `DELETE FROM settings WHERE key LIKE 'audit.key.%' OR key = ?`, serverKeySetting)
	_, _ = db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
}
