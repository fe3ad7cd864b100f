package store

import (
	"errors"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// The database's own words (SQLITE_BUSY, "UNIQUE constraint failed") mean
// nothing to a finance office; the conditions a user can meet are turned
// into problems that say what happened and what to do.

// sqliteCode is the primary result code of an SQLite error in err's
// chain, 0 when there is none.
func sqliteCode(err error) int {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return 0
	}
	return se.Code() & 0xff
}

func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE || pgCode(err) == "23505"
}

// IsBusy reports whether err means another connection held the database
// longer than the busy timeout.
func IsBusy(err error) bool {
	if p := domain.AsProblems(err); len(p) == 1 {
		return p[0].Key == busyKey
	}
	c := sqliteCode(err)
	// On a server: a lock not granted, a deadlock broken, a statement timeout.
	switch pgCode(err) {
	case "55P03", "40P01", "57014":
		return true
	}
	return c == sqlite3.SQLITE_BUSY || c == sqlite3.SQLITE_LOCKED
}

const busyKey = "problem.db.busy"

// busyProblem is the refusal when the write lock did not come within the
// busy timeout.
func busyProblem() error {
	return domain.NewProblem("problem.db.busy",
		"The database is busy: another import or change is being saved to it, or another program holds it. Nothing was changed; try again when it finishes.")
}

// Explain turns the database errors a user can meet into problems:
// a database held by another writer past the busy timeout, a conflicting
// write that another user saved first, and an integer overflow in a sum.
// Problems and every other error are returned as they are.
func Explain(err error) error {
	if err == nil || domain.AsProblems(err) != nil {
		return err
	}
	switch {
	case IsBusy(err):
		return busyProblem()
	case isUnique(err):
		return domain.NewProblem("problem.db.conflict",
			"The same record was saved by another import or user a moment before; nothing of this change was saved. Look at the data as it is now and try again if it is still needed.")
	case isOverflow(err):
		return domain.NewProblem("problem.db.overflow",
			"Amounts add up to more than BudgetPerf can hold (about 92 trillion yuan): an amount or its unit (yuan or 10,000 yuan) is wrong somewhere. Nothing was changed; correct the amount and try again.")
	}
	return err
}

// isOverflow reports SQLite's refusal of an integer sum() past int64.
func isOverflow(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && strings.Contains(se.Error(), "integer overflow") || pgCode(err) == "22003"
}

// actualsOverflow refuses actuals whose year would add up past int64 fen.
func actualsOverflow(year int) error {
	return domain.NewProblem("import.actuals_overflow",
		"The actuals of {{.Year}} would add up to more than BudgetPerf can hold (about 92 trillion yuan): an amount or its unit (yuan or 10,000 yuan) is wrong. Check the amounts of the file; nothing was imported.",
		"Year", year)
}

// IsOverflow reports a sum the engine refused past int64 (the store's
// subpackages read sums too).
func IsOverflow(err error) bool { return isOverflow(err) }
