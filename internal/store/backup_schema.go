package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// maxSchemaProblems is how many differing objects a refusal names; the
// rest are counted.
const maxSchemaProblems = 5

// checkSchema refuses a backup whose sqlite_master is not exactly the one
// BudgetPerf writes at the backup's schema version: a trigger, view, index
// or column added, removed or altered by hand could change what the
// program does with the data once restored, so each is named.
func checkSchema(ctx context.Context, db *sql.DB, path string, version int) error {
	want, err := ExpectedSchema(ctx, version)
	if err != nil {
		return fmt.Errorf("checking the backup %s: %w", path, err)
	}
	got, err := readSchema(ctx, db)
	if err != nil {
		return damagedBackup(path, err.Error())
	}
	diffs := CompareSchema(got, want)
	if len(diffs) == 0 {
		return nil
	}
	ps := domain.Problems{domain.NewProblem("problem.restore.schema",
		"{{.Path}} was not written by BudgetPerf: its tables, indexes, triggers and views are not those of schema {{.Schema}}. The backup is refused; nothing has been changed.",
		"Path", path, "Schema", version)}
	for i, d := range diffs {
		if i == maxSchemaProblems {
			ps = append(ps, domain.NewProblem("problem.restore.schema_more", "{{.N}} more objects differ as well.", "N", len(diffs)-i))
			break
		}
		ps = append(ps, schemaProblem(d))
	}
	return ps
}

// schemaProblem names one differing object.
func schemaProblem(d SchemaDifference) *domain.Problem {
	kv := []any{"Type", objectTerm(d.Object.Type), "Name", d.Object.Name}
	switch d.Kind {
	case "extra":
		return domain.NewProblem("problem.restore.schema_extra", "It holds the {{.Type}} {{.Name}}, which BudgetPerf does not write.", kv...)
	case "missing":
		return domain.NewProblem("problem.restore.schema_missing", "The {{.Type}} {{.Name}} is missing.", kv...)
	}
	return domain.NewProblem("problem.restore.schema_changed", "The {{.Type}} {{.Name}} differs from the one BudgetPerf writes.", kv...)
}

// objectTerm is the sqlite_master type as a word of the user's language.
func objectTerm(typ string) domain.Term {
	switch typ {
	case "table", "index", "trigger", "view":
		return domain.Term{Key: "restore.object." + typ, Default: typ}
	}
	return domain.Term{Key: "restore.object.other", Default: "object"}
}
