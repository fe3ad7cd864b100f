// Package transfer copies a whole BudgetPerf database from one engine to
// the other: a hospital's SQLite file into a new PostgreSQL server database
// (migrate), a server database into a .bpbak backup file, and a backup
// back into a server (restore). Both sides carry the same schema version;
// the copy is one transaction on the receiving side, and a census (rows
// and amounts per table) taken on both sides says whether it is whole.
package transfer

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/dialect"
)

// batchRows is how many rows one INSERT carries: few enough for either
// engine's limit on parameters, many enough to cross a network quickly.
const batchRows = 200

// Tally is one table's census: its rows and the sum of each amount column.
type Tally struct {
	Rows    int64
	Amounts map[string]int64 // column (…_fen) → sum
}

// Census is every table's tally.
type Census map[string]Tally

// Differences lists where two censuses disagree, in table order; none
// when the copy is whole.
func (c Census) Differences(other Census) []string {
	var out []string
	for _, t := range store.Tables() {
		a, b := c[t], other[t]
		if a.Rows != b.Rows {
			out = append(out, fmt.Sprintf("%s: %d rows / %d rows", t, a.Rows, b.Rows))
		}
		cols := make([]string, 0, len(a.Amounts))
		for col := range a.Amounts {
			cols = append(cols, col)
		}
		sort.Strings(cols)
		for _, col := range cols {
			if a.Amounts[col] != b.Amounts[col] {
				out = append(out, fmt.Sprintf("%s.%s: %d / %d", t, col, a.Amounts[col], b.Amounts[col]))
			}
		}
	}
	return out
}

// Take counts the rows and sums the amounts of every table on q, which
// speaks engine e.
func Take(ctx context.Context, e dialect.Engine, q dialect.Querier) (Census, error) {
	q = dialect.On(e, dialect.Unwrap(q))
	c := Census{}
	for _, t := range store.Tables() {
		cols, err := columns(ctx, q, t)
		if err != nil {
			return nil, err
		}
		sel := []string{"count(*)"}
		var amounts []string
		for _, col := range cols {
			if strings.HasSuffix(col, "_fen") {
				amounts = append(amounts, col)
				sel = append(sel, "coalesce(sum("+col+"), 0)")
			}
		}
		vals := make([]int64, len(sel))
		ptrs := make([]any, len(sel))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		where := ""
		if t == "settings" {
			where = ` WHERE ` + store.NotKeptKeys
		}
		if err := q.QueryRowContext(ctx, `SELECT `+strings.Join(sel, ", ")+` FROM `+t+where).Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("counting %s: %w", t, err)
		}
		tally := Tally{Rows: vals[0], Amounts: map[string]int64{}}
		for i, col := range amounts {
			tally.Amounts[col] = vals[i+1]
		}
		c[t] = tally
	}
	return c, nil
}

// columns are table's column names, in the order of its rows.
func columns(ctx context.Context, q dialect.Querier, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT * FROM `+table+` LIMIT 0`)
	if err != nil {
		return nil, fmt.Errorf("reading the columns of %s: %w", table, err)
	}
	defer rows.Close()
	return rows.Columns()
}

// Copy replaces everything in dst (a transaction of engine to, whose
// schema version equals the source's) by the rows read from src (engine
// from): every table emptied, then filled in creation order. References
// are checked when dst commits, so the order of rows within and between
// tables does not matter.
func Copy(ctx context.Context, from dialect.Engine, src dialect.Querier, to dialect.Engine, dst dialect.Querier) error {
	src = dialect.On(from, dialect.Unwrap(src))
	out := dialect.On(to, dialect.Unwrap(dst))
	if err := deferReferences(ctx, to, out); err != nil {
		return err
	}
	tables := store.Tables()
	for i := len(tables) - 1; i >= 0; i-- {
		if _, err := out.ExecContext(ctx, `DELETE FROM `+tables[i]); err != nil {
			return fmt.Errorf("emptying %s: %w", tables[i], err)
		}
	}
	for _, t := range tables {
		if err := copyTable(ctx, src, out, t); err != nil {
			return err
		}
	}
	if to == dialect.Postgres {
		return resetIdentities(ctx, out)
	}
	return nil
}

// deferReferences moves the reference checks of dst to its commit.
func deferReferences(ctx context.Context, e dialect.Engine, dst dialect.Querier) error {
	stmt := `PRAGMA defer_foreign_keys = ON`
	if e == dialect.Postgres {
		stmt = `SET CONSTRAINTS ALL DEFERRED`
	}
	if _, err := dst.ExecContext(ctx, stmt); err != nil {
		return fmt.Errorf("deferring the reference checks: %w", err)
	}
	return nil
}

// copyTable moves one table's rows, a batch per INSERT.
func copyTable(ctx context.Context, src, dst dialect.Querier, table string) error {
	rows, err := src.QueryContext(ctx, `SELECT * FROM `+table)
	if err != nil {
		return fmt.Errorf("reading %s: %w", table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	var batch []any
	n := 0
	flush := func() error {
		if n == 0 {
			return nil
		}
		err := insertBatch(ctx, dst, table, cols, n, batch)
		batch, n = batch[:0], 0
		return err
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("reading %s: %w", table, err)
		}
		batch = append(batch, vals...)
		if n++; n == batchRows {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", table, err)
	}
	return flush()
}

// insertBatch writes n rows of cols held one after another in vals.
func insertBatch(ctx context.Context, dst dialect.Querier, table string, cols []string, n int, vals []any) error {
	one := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
	q := `INSERT INTO ` + table + ` (` + strings.Join(cols, ", ") + `) VALUES ` +
		strings.TrimSuffix(strings.Repeat(one+", ", n), ", ")
	if _, err := dst.ExecContext(ctx, q, vals...); err != nil {
		return fmt.Errorf("writing %s: %w", table, err)
	}
	return nil
}

// resetIdentities moves each id sequence of a server database past the
// largest id copied in, so the next row gets a new one.
func resetIdentities(ctx context.Context, dst dialect.Querier) error {
	rows, err := dst.QueryContext(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`)
	if err != nil {
		return fmt.Errorf("listing the id sequences: %w", err)
	}
	var pairs [][2]string
	for rows.Next() {
		var t, c string
		if err := rows.Scan(&t, &c); err != nil {
			rows.Close()
			return err
		}
		pairs = append(pairs, [2]string{t, c})
	}
	rows.Close()
	for _, p := range pairs {
		q := fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', '%s'), coalesce(max(%s), 0) + 1, false) FROM %s`, p[0], p[1], p[1], p[0])
		if _, err := dst.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("moving the id sequence of %s: %w", p[0], err)
		}
	}
	return nil
}
