package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// actual_months holds actuals summed per year, department, subject and
// month (migration 0004). Only the functions that write actuals change it,
// in their transaction; the month-end reads go to it instead of the lines.

// monthKey is one row of actual_months, in the order of its primary key.
type monthKey struct {
	year    int
	deptID  int64
	subject string
	month   int
}

// monthSum is what a batch adds to one row.
type monthSum struct{ fen, lines int64 }

type monthSums map[monthKey]monthSum

// add adds a line of fen to k; false when the sum would overflow.
func (m monthSums) add(k monthKey, fen int64) bool {
	s := m[k]
	sum := s.fen + fen
	if (fen > 0 && sum < s.fen) || (fen < 0 && sum > s.fen) {
		return false
	}
	s.fen = sum
	s.lines++
	m[k] = s
	return true
}

// monthColumnsSQL sums amount_fen of each month into its own column,
// January first; a month without rows is 0. FILTER is standard SQL
// (PostgreSQL has it too) and cheaper in SQLite than CASE.
var monthColumnsSQL = func() string {
	cols := make([]string, 12)
	for m := range cols {
		cols[m] = fmt.Sprintf("coalesce(sum(amount_fen) FILTER (WHERE month = %d), 0)", m+1)
	}
	return strings.Join(cols, ", ")
}()

// departmentCodes maps department row ids to codes.
func (q Q) departmentCodes(ctx context.Context) (map[int64]string, error) {
	ids, err := q.departmentIDs(ctx)
	if err != nil {
		return nil, err
	}
	codes := make(map[int64]string, len(ids))
	for code, id := range ids {
		codes[id] = code
	}
	return codes, nil
}

const (
	monthColumns    = 6
	monthsPerInsert = 200
)

// addActualMonths adds sums to actual_months: a new row per key, or the
// amounts added to the row that is there. Keys go in primary-key order so
// the upserts walk the table's B-tree forwards; the full-size statement is
// prepared once, as parsing it again for every chunk cost a fifth of the time.
func (q Q) addActualMonths(ctx context.Context, sums monthSums) error {
	keys := slices.SortedFunc(maps.Keys(sums), compareMonthKeys)
	var full *sql.Stmt
	if len(keys) >= monthsPerInsert {
		var err error
		if full, err = q.prepare(ctx, upsertActualMonthsSQL(monthsPerInsert)); err != nil {
			return err
		}
		defer full.Close()
	}
	args := make([]any, 0, monthsPerInsert*monthColumns)
	for chunk := range slices.Chunk(keys, monthsPerInsert) {
		args = args[:0]
		for _, k := range chunk {
			s := sums[k]
			args = append(args, k.year, k.month, k.deptID, k.subject, s.fen, s.lines)
		}
		var err error
		if len(chunk) == monthsPerInsert {
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = q.db.ExecContext(ctx, upsertActualMonthsSQL(len(chunk)), args...)
		}
		if err != nil {
			return fmt.Errorf("summing actuals by month: %w", err)
		}
	}
	return nil
}

func compareMonthKeys(a, b monthKey) int {
	if a.year != b.year {
		return cmp.Compare(a.year, b.year)
	}
	if a.deptID != b.deptID {
		return cmp.Compare(a.deptID, b.deptID)
	}
	if c := strings.Compare(a.subject, b.subject); c != 0 {
		return c
	}
	return cmp.Compare(a.month, b.month)
}

// upsertActualMonthsSQL adds n rows to actual_months. The existing row's
// columns are qualified with the table name: PostgreSQL, where excluded's
// columns are in scope as well, would find the bare names ambiguous.
func upsertActualMonthsSQL(n int) string {
	var b strings.Builder
	b.WriteString(`INSERT INTO actual_months (year, month, department_id, subject_code, amount_fen, lines) VALUES `)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("(?,?,?,?,?,?)")
	}
	b.WriteString(` ON CONFLICT (year, department_id, subject_code, month) DO UPDATE SET
		amount_fen = actual_months.amount_fen + excluded.amount_fen,
		lines = actual_months.lines + excluded.lines`)
	return b.String()
}
