package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// Engine is the database server behind a Store: the embedded SQLite file
// (one PC) or a PostgreSQL server (a finance office sharing one database).
// The queries are written once, in the SQL both understand, with ?
// placeholders; the differences live here and in migrations/postgres.
type Engine int

const (
	SQLite Engine = iota
	Postgres
)

// IsServer reports whether target names a PostgreSQL server
// (postgres://user@host:5432/db?sslmode=…) rather than a database file.
func IsServer(target string) bool {
	t := strings.ToLower(strings.TrimSpace(target))
	return strings.HasPrefix(t, "postgres://") || strings.HasPrefix(t, "postgresql://")
}

// Engine says which engine the store runs on.
func (s *Store) Engine() Engine { return s.engine }

// rebound runs the queries of a pool or transaction on PostgreSQL: each ?
// placeholder becomes $1, $2, … as the server expects.
type rebound struct{ q querier }

func (r rebound) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.q.ExecContext(ctx, rebind(query), flags(args)...)
}

func (r rebound) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return r.q.QueryContext(ctx, rebind(query), flags(args)...)
}

func (r rebound) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return r.q.QueryRowContext(ctx, rebind(query), flags(args)...)
}

// PrepareContext prepares query, numbered, where the pool or transaction can.
func (r rebound) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	p, ok := r.q.(interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	})
	if !ok {
		return nil, fmt.Errorf("cannot prepare statements on %T", r.q)
	}
	return p.PrepareContext(ctx, rebind(query))
}

// flags passes Go booleans as the 0 and 1 the schema keeps (SQLite has no
// boolean type, so the columns are integers on both engines).
func flags(args []any) []any {
	for i, a := range args {
		if b, ok := a.(bool); ok {
			if b {
				args[i] = int64(1)
			} else {
				args[i] = int64(0)
			}
		}
	}
	return args
}

// rebind numbers the ? placeholders of query. A ? inside a quoted string,
// a quoted name or a comment is text, not a placeholder, and stays.
func rebind(query string) string {
	if !strings.Contains(query, "?") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 8)
	n := 0
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'' || c == '"':
			end := strings.IndexByte(query[i+1:], c)
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+2])
			i += end + 1
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			end := strings.IndexByte(query[i:], '\n')
			if end < 0 {
				b.WriteString(query[i:])
				return b.String()
			}
			b.WriteString(query[i : i+end+1])
			i += end
		case c == '?':
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// on wraps a pool or transaction for the store's engine.
func on(e Engine, q querier) querier {
	if e == Postgres {
		return rebound{q}
	}
	return q
}

// inTx reports whether q runs inside a transaction.
func (q Q) inTx() bool {
	db := q.db
	if r, ok := db.(rebound); ok {
		db = r.q
	}
	_, ok := db.(*sql.Tx)
	return ok
}
