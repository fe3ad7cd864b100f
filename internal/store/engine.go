package store

import (
	"database/sql"

	"github.com/budgetperf/budgetperf/internal/store/dialect"
)

// Engine is the database server behind a Store (package dialect).
type Engine = dialect.Engine

// The engines.
const (
	SQLite   = dialect.SQLite
	Postgres = dialect.Postgres
)

// IsServer reports whether target names a PostgreSQL server rather than a file.
func IsServer(target string) bool { return dialect.IsServer(target) }

// RedactURL is a server address without its password, to be shown.
func RedactURL(target string) string { return dialect.RedactURL(target) }

// WithLogin is a server address signing in as login with password.
func WithLogin(target, login, password string) string {
	return dialect.WithLogin(target, login, password)
}

// HasLogin reports whether a server address names who signs in.
func HasLogin(target string) bool { return dialect.HasLogin(target) }

// ServerAddress is the address of a server database, without a login.
func ServerAddress(host string, port int, database, sslmode string) string {
	return dialect.ServerAddress(host, port, database, sslmode)
}

// Engine says which engine the store runs on.
func (s *Store) Engine() Engine { return s.engine }

// Querier is what the entity queries run on: a pool or a transaction,
// speaking the store's engine (package dialect).
type Querier = dialect.Querier

// Conn is q's pool or transaction, for the store's own subpackages
// (transfer) that copy whole tables.
func (q Q) Conn() Querier { return q.db }

// Pool is the store's connection pool, as Conn.
func (s *Store) Pool() *sql.DB { return s.pool }

// on wraps a pool or transaction for the store's engine.
func on(e Engine, q querier) querier { return dialect.On(e, q) }

// inTx reports whether q runs inside a transaction.
func (q Q) inTx() bool {
	_, ok := dialect.Unwrap(q.db).(*sql.Tx)
	return ok
}
