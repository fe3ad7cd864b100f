package store

import "context"

// dbIDKey is the setting holding the database's identity (migration 0010).
const dbIDKey = "db.id"

// DatabaseID is the random identity given to the database when it was
// created (or upgraded to schema 10); its backups carry the same one, so a
// backup of another hospital's database can be told apart. "" when the
// setting was removed.
func (q Q) DatabaseID(ctx context.Context) (string, error) {
	return q.Setting(ctx, dbIDKey)
}
