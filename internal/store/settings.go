package store

import (
	"context"
	"database/sql"
)

// Setting reads a database-wide setting (such as the hospital's name); a
// missing key yields "".
func (q Q) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := q.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// SetSetting stores a database-wide setting.
func (q Q) SetSetting(ctx context.Context, key, value string) error {
	_, err := q.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return err
}
