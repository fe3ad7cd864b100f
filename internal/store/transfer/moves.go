package transfer

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/dialect"
)

// Report says what a move carried.
type Report struct {
	Tables int
	Rows   int64
	Census Census // of the receiving side, equal to the source's
}

func reportOf(c Census) Report {
	r := Report{Tables: len(c), Census: c}
	for _, t := range c {
		r.Rows += t.Rows
	}
	return r
}

// openFile opens a database or backup file for reading only, after the
// same checks a restore makes (a healthy BudgetPerf file of this schema).
func openFile(ctx context.Context, path string) (*sql.DB, error) {
	info, err := store.CheckBackup(ctx, path)
	if err != nil {
		return nil, err
	}
	if info.Schema != store.SchemaVersion() {
		return nil, domain.NewProblem("problem.transfer.old_schema",
			"{{.Path}} was written by an older version of BudgetPerf (schema {{.Found}}, this version writes {{.Known}}). Open it once in this version (which upgrades it after a backup), then move it; nothing has been changed.",
			"Path", path, "Found", info.Schema, "Known", store.SchemaVersion())
	}
	db, err := sql.Open("sqlite", store.ReadOnlyDSN(path))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, nil
}

// fill copies src (engine from) into dst in one transaction, and keeps it
// only when dst's census inside that transaction equals want.
func fill(ctx context.Context, from dialect.Engine, src dialect.Querier, want Census, dst *store.Store) (Report, error) {
	var got Census
	err := dst.InTx(ctx, func(tx *store.Tx) error {
		if err := Copy(ctx, from, src, dst.Engine(), tx.Conn()); err != nil {
			return err
		}
		var err error
		if got, err = Take(ctx, dst.Engine(), tx.Conn()); err != nil {
			return err
		}
		if diff := want.Differences(got); len(diff) > 0 {
			return domain.NewProblem("problem.transfer.mismatch",
				"The copy did not come out equal to the original ({{.Diff}}); nothing was kept. Report this to the developers with the file.",
				"Diff", strings.Join(diff, "; "))
		}
		return nil
	})
	return reportOf(got), err
}

// MigrateFile copies the hospital in the SQLite file path into the empty
// server database at target, in one transaction, and checks that every
// table has the same rows and amounts on both sides. The file is only
// read. The audit trail moves row for row, seals included (the caller
// verifies it on the server).
func MigrateFile(ctx context.Context, path, target string) (Report, error) {
	src, err := openFile(ctx, path)
	if err != nil {
		return Report{}, err
	}
	defer src.Close()
	read, err := src.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Report{}, fmt.Errorf("reading %s: %w", path, err)
	}
	defer read.Rollback()
	want, err := Take(ctx, dialect.SQLite, read)
	if err != nil {
		return Report{}, err
	}
	dst, err := store.Open(ctx, target)
	if err != nil {
		return Report{}, err
	}
	defer dst.Close()
	if err := mustBeEmpty(ctx, dst, target); err != nil {
		return Report{}, err
	}
	rep, err := fill(ctx, dialect.SQLite, read, want, dst)
	if err != nil {
		return rep, err
	}
	return rep, dst.ShareAuditKeys(ctx)
}

// mustBeEmpty refuses a server database that already holds a hospital:
// moving in never overwrites one.
func mustBeEmpty(ctx context.Context, s *store.Store, target string) error {
	c, err := Take(ctx, s.Engine(), s.Conn())
	if err != nil {
		return err
	}
	for _, t := range []string{"audit_log", "budgets", "prep_cycles", "actuals", "users"} {
		if c[t].Rows > 0 {
			return domain.NewProblem("problem.transfer.not_empty",
				"The server database {{.Target}} already holds a hospital ({{.Table}} has {{.Rows}} rows). Move into a new, empty database; nothing has been changed.",
				"Target", dialect.RedactURL(target), "Table", t, "Rows", c[t].Rows)
		}
	}
	return nil
}

// BackupServer writes the server database s to dest as a .bpbak file (an
// SQLite database, as every backup), read from one REPEATABLE READ
// snapshot so that it is consistent while others keep writing.
func BackupServer(ctx context.Context, s *store.Store, dest string) (Report, error) {
	read, err := s.Pool().BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return Report{}, fmt.Errorf("reading the server database: %w", err)
	}
	defer read.Rollback()
	want, err := Take(ctx, dialect.Postgres, read)
	if err != nil {
		return Report{}, err
	}
	dir, err := os.MkdirTemp(filepath.Dir(dest), ".bpbak-")
	if err != nil {
		dir, err = os.MkdirTemp("", "bpbak-")
		if err != nil {
			return Report{}, err
		}
	}
	defer os.RemoveAll(dir)
	tmp, err := store.Open(ctx, filepath.Join(dir, "server.db"))
	if err != nil {
		return Report{}, err
	}
	defer tmp.Close()
	rep, err := fill(ctx, dialect.Postgres, read, want, tmp)
	if err != nil {
		return rep, err
	}
	return rep, tmp.BackupTo(ctx, dest)
}

// RestoreIntoServer replaces everything in the server database s by the
// backup file path, in one transaction, checked by census as MigrateFile.
func RestoreIntoServer(ctx context.Context, path string, s *store.Store) (Report, error) {
	src, err := openFile(ctx, path)
	if err != nil {
		return Report{}, err
	}
	defer src.Close()
	read, err := src.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return Report{}, fmt.Errorf("reading %s: %w", path, err)
	}
	defer read.Rollback()
	want, err := Take(ctx, dialect.SQLite, read)
	if err != nil {
		return Report{}, err
	}
	rep, err := fill(ctx, dialect.SQLite, read, want, s)
	if err != nil {
		return rep, err
	}
	return rep, s.ShareAuditKeys(ctx)
}
