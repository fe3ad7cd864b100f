package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store/dialect"
	"github.com/budgetperf/budgetperf/internal/store/grants"
)

// On a PostgreSQL server the store keeps SQLite's single-writer model:
// every write transaction first takes one transaction-scoped advisory lock,
// so writers queue as they do on a file and every check made inside a
// transaction (states, duplicates, control figures, the audit chain's
// head) still sees all commits before it and none during it. Readers never
// wait. A write is short (milliseconds), so an office of twenty waits
// nothing it would notice; what the lock buys is that no rule has two
// meanings.

// writerLock is the advisory lock key of the writers' queue ("BPWR").
const writerLock = 0x42505752

// openServer connects to the PostgreSQL database at target and applies the
// pending migrations of its dialect.
func openServer(ctx context.Context, target string) (*Store, error) {
	shown := RedactURL(target)
	pool, err := sql.Open("pgx", target)
	if err != nil {
		return nil, serverProblem(shown, err)
	}
	if err := pool.PingContext(ctx); err != nil {
		pool.Close()
		return nil, serverProblem(shown, err)
	}
	if err := checkCollation(ctx, pool, shown); err != nil {
		pool.Close()
		return nil, err
	}
	s := &Store{Q: Q{db: dialect.On(Postgres, pool)}, pool: pool, path: shown, engine: Postgres, server: target, notify: listening{token: newToken()}}
	from, err := s.migrate(ctx)
	if err != nil {
		pool.Close()
		return nil, err
	}
	if err := s.installGrants(ctx, from); err != nil {
		pool.Close()
		return nil, err
	}
	if err := s.openSeal(ctx, from); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// installGrants gives a server database its roles, rights and policies
// (package grants) when the owner opens it new, upgraded or without them.
func (s *Store) installGrants(ctx context.Context, from int) error {
	who, owner, err := grants.Owner(ctx, s.db)
	if err != nil || !owner {
		return err
	}
	db, err := grants.Database(ctx, s.db)
	if err != nil {
		return err
	}
	var have bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)`, grants.Group(db, domain.RoleAuditor)).Scan(&have); err != nil {
		return err
	}
	if have && from == SchemaVersion() {
		return nil
	}
	err = s.InTx(ctx, func(tx *Tx) error { return grants.Install(ctx, tx.db, Tables()) })
	if err != nil {
		return domain.NewProblem("problem.server.grants",
			"Cannot set up the rights of the server database ({{.Err}}). The database's owner {{.Owner}} needs the right to create roles: ask the server's administrator to run ALTER ROLE {{.Owner}} CREATEROLE, then open it again.",
			"Err", err.Error(), "Owner", who)
	}
	return nil
}

// checkCollation refuses a database whose text sorts by a language's
// rules: codes and names must sort byte by byte, as on SQLite, or the same
// data would list in another order on the other engine.
func checkCollation(ctx context.Context, pool *sql.DB, shown string) error {
	var coll string
	if err := pool.QueryRowContext(ctx, `SELECT datcollate FROM pg_database WHERE datname = current_database()`).Scan(&coll); err != nil {
		return serverProblem(shown, err)
	}
	if coll == "C" || coll == "POSIX" || strings.HasPrefix(coll, "C.") {
		return nil
	}
	return domain.NewProblem("problem.server.collation",
		"The server database {{.Target}} sorts text by the rules of {{.Collation}}; BudgetPerf needs byte order (C), so that lists come out the same on every PC. Create the database with: createdb -T template0 -E UTF8 -l C budgetperf",
		"Target", shown, "Collation", coll)
}

// serverProblem explains a failed connection in the office's words.
func serverProblem(shown string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return domain.NewProblem("problem.server.login", "The server {{.Target}} refused the sign-in: the user name or password is wrong, or this PC is not allowed to connect. Check them with the server's administrator.", "Target", shown)
		case "3D000":
			return domain.NewProblem("problem.server.no_database", "The server {{.Target}} has no such database. Ask the server's administrator to create it (see the README, \"Setting up the server\").", "Target", shown)
		}
	}
	return domain.NewProblem("problem.server.connect", "Cannot reach the database server {{.Target}}: {{.Err}}. Check the address, the port and that the server is running.", "Target", shown, "Err", err.Error())
}

// lockWriters queues a server transaction behind the other writers.
func lockWriters(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, writerLock); err != nil {
		return fmt.Errorf("waiting for the other writers: %w", err)
	}
	return nil
}

// pgCode is the SQLSTATE of a PostgreSQL error in err's chain, "" when none.
func pgCode(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code
	}
	return ""
}

// VerifyLogin checks login's password by signing in to the server with
// it: on a server the password is the server's (grants), never read here.
func (s *Store) VerifyLogin(ctx context.Context, login, password string) (bool, error) {
	db, err := sql.Open("pgx", dialect.WithLogin(s.server, login, password))
	if err != nil {
		return false, err
	}
	defer db.Close()
	err = db.PingContext(ctx)
	switch code := pgCode(err); {
	case err == nil:
		return true, nil
	case code == "28P01" || code == "28000":
		return false, nil
	}
	return false, serverProblem(s.path, err)
}
