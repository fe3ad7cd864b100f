package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// hospitalNameKey is the setting holding the hospital's (Chinese) name.
const hospitalNameKey = "hospital_name"

// DatabaseFacts is what a restore compares between the database it
// replaces and the backup: whose data it is and who may sign in.
type DatabaseFacts struct {
	ID       string        // db.id; "" in a file older than schema 10
	Hospital string        // the hospital's name; "" when none was set
	Users    []domain.User // with their password hashes; none before schema 8
}

// ReadFacts reads the identity, hospital name and accounts of the
// BudgetPerf database file at path without changing it.
func ReadFacts(ctx context.Context, path string) (DatabaseFacts, error) {
	var f DatabaseFacts
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return f, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	return readFacts(ctx, db)
}

func readFacts(ctx context.Context, db *sql.DB) (DatabaseFacts, error) {
	var f DatabaseFacts
	q := Q{db: db}
	var err error
	if f.ID, err = q.Setting(ctx, dbIDKey); err != nil {
		return f, fmt.Errorf("reading the database identity: %w", err)
	}
	if f.Hospital, err = q.Setting(ctx, hospitalNameKey); err != nil {
		return f, fmt.Errorf("reading the hospital name: %w", err)
	}
	var users int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'`).Scan(&users)
	if err != nil || users == 0 {
		return f, err
	}
	f.Users, err = q.Users(ctx)
	return f, err
}

// CurrentDatabase is the file a restore would replace.
type CurrentDatabase struct {
	Exists bool  // a non-empty file is there
	Damage error // why it cannot be read; nil when it can
	Facts  DatabaseFacts
}

// InspectCurrent reads the database at path as a restore over it needs:
// the header, the full integrity_check and its facts, all read-only. A
// file that fails any of them (a damaged header or page, not a database
// at all, no BudgetPerf settings) is Damage, which the restore answers by
// signing in against the backup's accounts instead of this file's.
func InspectCurrent(ctx context.Context, path string) CurrentDatabase {
	var c CurrentDatabase
	fi, err := os.Stat(path)
	if err != nil || fi.Size() == 0 {
		return c
	}
	c.Exists = true
	if err := checkHeader(path, fi.Size()); err != nil {
		c.Damage = err
		return c
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		c.Damage = damaged(path, err.Error())
		return c
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	if detail := integrity(ctx, db); detail != "" {
		c.Damage = damaged(path, detail)
		return c
	}
	if c.Facts, err = readFacts(ctx, db); err != nil {
		c.Damage = damaged(path, err.Error())
	}
	return c
}

// DamagedName is where a restore keeps a damaged database it replaces at t.
func DamagedName(dbPath string, t time.Time) string {
	return dbPath + ".damaged-" + t.Format("20060102-150405")
}
