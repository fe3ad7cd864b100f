// Package dialect holds what differs between the engines the store runs
// on, SQLite and PostgreSQL, so that the queries are written once: the
// placeholders, sum(), booleans, and how a server address looks.
package dialect

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// RedactURL is target without its password, for windows, messages and logs.
func RedactURL(target string) string {
	if !IsServer(target) {
		return target // a file path has nothing to hide
	}
	u, err := url.Parse(target)
	if err != nil {
		return "postgres://…"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "xxxxx")
		}
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// WithLogin is the server address target signing in as login with
// password (none when empty: the server's other ways, ~/.pgpass).
func WithLogin(target, login, password string) string {
	u, err := url.Parse(target)
	if err != nil {
		return target
	}
	if password != "" {
		u.User = url.UserPassword(login, password)
	} else {
		u.User = url.User(login)
	}
	q := u.Query()
	q.Del("user")
	q.Del("password")
	u.RawQuery = q.Encode()
	return u.String()
}

// HasLogin reports whether a server address names who signs in.
func HasLogin(target string) bool {
	u, err := url.Parse(target)
	return err == nil && (u.User != nil && u.User.Username() != "" || u.Query().Get("user") != "")
}

// ServerAddress is the address of database on host:port with TLS mode
// sslmode (disable, require, verify-full), without a login.
func ServerAddress(host string, port int, database, sslmode string) string {
	u := url.URL{Scheme: "postgres", Host: host + ":" + strconv.Itoa(port), Path: "/" + database}
	u.RawQuery = url.Values{"sslmode": {sslmode}}.Encode()
	return u.String()
}

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

// rebound runs the queries of a pool or transaction on PostgreSQL: each ?
// placeholder becomes $1, $2, … as the server expects.
type rebound struct{ q Querier }

func (r rebound) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return r.q.ExecContext(ctx, Rebind(query), flags(args)...)
}

func (r rebound) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return r.q.QueryContext(ctx, Rebind(query), flags(args)...)
}

func (r rebound) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return r.q.QueryRowContext(ctx, Rebind(query), flags(args)...)
}

// PrepareContext prepares query, numbered, where the pool or transaction can.
func (r rebound) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	p, ok := r.q.(interface {
		PrepareContext(context.Context, string) (*sql.Stmt, error)
	})
	if !ok {
		return nil, fmt.Errorf("cannot prepare statements on %T", r.q)
	}
	return p.PrepareContext(ctx, Rebind(query))
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

// Rebind numbers the ? placeholders of query. A ? inside a quoted string,
// a quoted name or a comment is text, not a placeholder, and stays.
//
// It also makes sum() mean what it means on SQLite: the server's sum of
// integers is a numeric that never overflows and comes back as text, so
// queries use bpsum (migrations/postgres/0001), which adds bigints and
// refuses past int64 as SQLite does (Explain turns that into a problem).
func Rebind(query string) string {
	if !strings.Contains(query, "?") && !strings.Contains(query, "sum(") {
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
		case c == 's' && strings.HasPrefix(query[i:], "sum(") && (i == 0 || !isWordByte(query[i-1])):
			b.WriteString("bpsum(")
			i += len("sum(") - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Querier is what both a connection pool and a transaction offer.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// On wraps a pool or transaction for engine e.
func On(e Engine, q Querier) Querier {
	if e == Postgres {
		return rebound{q}
	}
	return q
}

// Unwrap is the pool or transaction under q.
func Unwrap(q Querier) Querier {
	if r, ok := q.(rebound); ok {
		return r.q
	}
	return q
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
