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

// SetSettingOnce stores value under key unless the key has a value
// already, and returns the value the key has: two PCs creating the same
// secret at once both end up with the first one stored.
func (q Q) SetSettingOnce(ctx context.Context, key, value string) (string, error) {
	if _, err := q.db.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO NOTHING`, key, value); err != nil {
		return "", err
	}
	return q.Setting(ctx, key)
}
