// Package recorded reads what the data says the audit trail should have
// recorded last (each audited field's current value), for `audit verify`
// to compare with the trail: an edit made behind the program's back shows.
package recorded

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store"
)

// AuditedData reads the current value of every field the data check
// compares with the trail (see logbook.CompareData), keyed and formatted
// exactly as the services record them. One query per entity, each
// aggregated where the trail records an aggregate (a department's staff
// split), so the cost follows the number of records the trail speaks of,
// not the ledger.
func Data(ctx context.Context, q store.Querier) (logbook.Data, error) {
	d := logbook.Data{}
	for _, read := range []func(context.Context, store.Querier, logbook.Data) error{
		auditedBudget, auditedPrep, auditedUsers, auditedBonus, auditedEvaluations, auditedMasterdata, auditedActuals,
	} {
		if err := read(ctx, q, d); err != nil {
			return nil, fmt.Errorf("reading the audited data: %w", err)
		}
	}
	return d, nil
}

// eachRow runs query and calls scan for every row.
func eachRow(ctx context.Context, q store.Querier, query string, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// optFenText is a nullable amount as the trail writes it: "" for none.
func optFenText(v sql.NullInt64) string {
	if !v.Valid {
		return ""
	}
	return logbook.FenText(v.Int64)
}

// auditedBudget: each approved budget line (budgeting.budgetTrail,
// budgeting adjustments), keyed year/department/subject.
func auditedBudget(ctx context.Context, q store.Querier, d logbook.Data) error {
	return eachRow(ctx, q, `SELECT b.year, dp.code, l.subject_code, l.amount_fen FROM budget_lines l
		JOIN budgets b ON b.id = l.budget_id JOIN departments dp ON dp.id = l.department_id`, func(r *sql.Rows) error {
		var year int
		var dept, subject string
		var fen int64
		if err := r.Scan(&year, &dept, &subject, &fen); err != nil {
			return err
		}
		d.Set(logbook.EntityBudget, fmt.Sprintf("%d/%s/%s", year, dept, subject), "amount", logbook.FenText(fen))
		return nil
	})
}

// auditedPrep: the preparation's departments (state, control total) and
// lines (proposal, control, revised, note), as budgeting records them.
func auditedPrep(ctx context.Context, q store.Querier, d logbook.Data) error {
	err := eachRow(ctx, q, `SELECT p.year, dp.code, p.state, p.control_total_fen FROM prep_departments p
		JOIN departments dp ON dp.id = p.department_id`, func(r *sql.Rows) error {
		var year int
		var dept, state string
		var control sql.NullInt64
		if err := r.Scan(&year, &dept, &state, &control); err != nil {
			return err
		}
		key := fmt.Sprintf("%d/%s", year, dept)
		d.Set(logbook.EntityPrepDept, key, "state", state)
		d.Set(logbook.EntityPrepDept, key, "control_total", optFenText(control))
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, q, `SELECT p.year, dp.code, p.subject_code, p.proposal_fen, p.control_fen, p.revised_fen, p.note
		FROM prep_lines p JOIN departments dp ON dp.id = p.department_id`, func(r *sql.Rows) error {
		var year int
		var dept, subject, note string
		var proposal int64
		var control, revised sql.NullInt64
		if err := r.Scan(&year, &dept, &subject, &proposal, &control, &revised, &note); err != nil {
			return err
		}
		key := fmt.Sprintf("%d/%s/%s", year, dept, subject)
		d.Set(logbook.EntityPrepLine, key, "proposal", logbook.FenText(proposal))
		d.Set(logbook.EntityPrepLine, key, "control", optFenText(control))
		d.Set(logbook.EntityPrepLine, key, "revised", optFenText(revised))
		d.Set(logbook.EntityPrepLine, key, "note", note)
		return nil
	})
}

// auditedUsers: name, role, departments (sorted, comma-separated) and the
// lock an administrator set, as accounts records them.
func auditedUsers(ctx context.Context, q store.Querier, d logbook.Data) error {
	depts := map[string][]string{}
	err := eachRow(ctx, q, `SELECT login, department_code FROM user_departments`, func(r *sql.Rows) error {
		var login, code string
		if err := r.Scan(&login, &code); err != nil {
			return err
		}
		depts[login] = append(depts[login], code)
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, q, `SELECT login, name, role, disabled FROM users`, func(r *sql.Rows) error {
		var login, name, role string
		var disabled int
		if err := r.Scan(&login, &name, &role, &disabled); err != nil {
			return err
		}
		codes := depts[login]
		sort.Strings(codes)
		d.Set(logbook.EntityUser, login, "name", name)
		d.Set(logbook.EntityUser, login, "role", role)
		d.Set(logbook.EntityUser, login, "departments", strings.Join(codes, ","))
		d.Set(logbook.EntityUser, login, "locked", logbook.BoolText(disabled != 0))
		return nil
	})
}

// auditedEvaluations: each evaluation's state and, once it has one, its
// score with two decimals and grade, keyed by its number.
func auditedEvaluations(ctx context.Context, q store.Querier, d logbook.Data) error {
	return eachRow(ctx, q, `SELECT id, state, score, COALESCE(grade, '') FROM evaluations`, func(r *sql.Rows) error {
		var id int64
		var state, grade string
		var score sql.NullFloat64
		if err := r.Scan(&id, &state, &score, &grade); err != nil {
			return err
		}
		key := "evaluation/" + strconv.FormatInt(id, 10)
		d.Set(logbook.EntityEvaluation, key, "state", state)
		s := ""
		if score.Valid {
			s = strconv.FormatFloat(score.Float64, 'f', 2, 64) + " " + grade
		}
		d.Set(logbook.EntityEvaluation, key, "score", s)
		return nil
	})
}

// auditedMasterdata: departments (as masterdata records them) and settings.
func auditedMasterdata(ctx context.Context, q store.Querier, d logbook.Data) error {
	err := eachRow(ctx, q, `SELECT code, name, name_en, type, headcount, coefficient_milli FROM departments`, func(r *sql.Rows) error {
		var code, name, nameEn, typ string
		var headcount int
		var milli int64
		if err := r.Scan(&code, &name, &nameEn, &typ, &headcount, &milli); err != nil {
			return err
		}
		d.Set(logbook.EntityDepartment, code, "name", name)
		d.Set(logbook.EntityDepartment, code, "name_en", nameEn)
		d.Set(logbook.EntityDepartment, code, "type", typ)
		d.Set(logbook.EntityDepartment, code, "headcount", strconv.Itoa(headcount))
		d.Set(logbook.EntityDepartment, code, "coefficient", logbook.MilliText(milli))
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, q, `SELECT key, value FROM settings`, func(r *sql.Rows) error {
		var k, v string
		if err := r.Scan(&k, &v); err != nil {
			return err
		}
		d.Set(logbook.EntitySetting, k, "value", v)
		return nil
	})
}

// auditedBonus: each year's current allocation (approved, else the draft)
// with its pool, weights, status and each department's bonus; its staff
// split per department (people, amount); the scores entered by hand.
func auditedBonus(ctx context.Context, q store.Querier, d logbook.Data) error {
	current := map[int64]int{} // run → year, approved wins over a draft
	status := map[int]string{}
	err := eachRow(ctx, q, `SELECT id, year, status, pool_fen, w_workload, w_quality, w_efficiency, w_public_welfare, w_satisfaction
		FROM bonus_runs ORDER BY year, status = 'approved'`, func(r *sql.Rows) error {
		var id int64
		var year int
		var st string
		var pool int64
		w := make([]float64, len(store.BonusDimensions()))
		if err := r.Scan(&id, &year, &st, &pool, &w[0], &w[1], &w[2], &w[3], &w[4]); err != nil {
			return err
		}
		if status[year] == store.BonusApproved {
			return nil
		}
		key := strconv.Itoa(year)
		delete(d[logbook.EntityBonusRun], key) // a draft read first gives way
		for run, y := range current {
			if y == year {
				delete(current, run)
			}
		}
		current[id], status[year] = year, st
		d.Set(logbook.EntityBonusRun, key, "pool", logbook.FenText(pool))
		d.Set(logbook.EntityBonusRun, key, "status", st)
		for i, dim := range store.BonusDimensions() {
			d.Set(logbook.EntityBonusRun, key, "weight."+string(dim), logbook.FloatText(w[i]))
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := auditedBonusParts(ctx, q, d, current); err != nil {
		return err
	}
	return eachRow(ctx, q, `SELECT year, dept_code, dimension, score FROM bonus_scores`, func(r *sql.Rows) error {
		var year int
		var dept, dim string
		var score float64
		if err := r.Scan(&year, &dept, &dim, &score); err != nil {
			return err
		}
		d.Set(logbook.EntityBonusScore, fmt.Sprintf("%d/%s/%s", year, dept, dim), "score", logbook.FloatText(score))
		return nil
	})
}

// auditedBonusParts: the departments' bonuses and staff splits of the
// current runs.
func auditedBonusParts(ctx context.Context, q store.Querier, d logbook.Data, current map[int64]int) error {
	err := eachRow(ctx, q, `SELECT run_id, dept_code, bonus_fen FROM bonus_run_departments`, func(r *sql.Rows) error {
		var run, fen int64
		var dept string
		if err := r.Scan(&run, &dept, &fen); err != nil {
			return err
		}
		if year, ok := current[run]; ok {
			d.Set(logbook.EntityBonusRun, strconv.Itoa(year), "bonus."+dept, logbook.FenText(fen))
		}
		return nil
	})
	if err != nil {
		return err
	}
	return eachRow(ctx, q, `SELECT run_id, dept_code, count(*), sum(amount_fen) FROM bonus_run_staff GROUP BY run_id, dept_code`, func(r *sql.Rows) error {
		var run, people, fen int64
		var dept string
		if err := r.Scan(&run, &dept, &people, &fen); err != nil {
			return err
		}
		if year, ok := current[run]; ok {
			key := fmt.Sprintf("%d/%s", year, dept)
			d.Set(logbook.EntityBonusStaff, key, "people", strconv.FormatInt(people, 10))
			d.Set(logbook.EntityBonusStaff, key, "amount", logbook.FenText(fen))
		}
		return nil
	})
}

// auditedActuals: each year's ledger lines and total, as an import records
// them (store.ActualsInPeriod), read from the ledger itself in one pass.
// A sum past int64 fen is not compared (logbook.ActualsRead stays unset).
func auditedActuals(ctx context.Context, q store.Querier, d logbook.Data) error {
	sums := map[int][2]int64{}
	err := eachRow(ctx, q, `SELECT year, count(*), sum(amount_fen) FROM actuals GROUP BY year`, func(r *sql.Rows) error {
		var year int
		var s [2]int64
		if err := r.Scan(&year, &s[0], &s[1]); err != nil {
			return err
		}
		sums[year] = s
		return nil
	})
	if store.IsOverflow(err) {
		return nil
	}
	if err != nil {
		return err
	}
	d.Set(logbook.EntityActuals, logbook.ActualsRead, "read", "yes")
	for year, s := range sums {
		key := strconv.Itoa(year)
		d.Set(logbook.EntityActuals, key, "lines", strconv.FormatInt(s[0], 10))
		d.Set(logbook.EntityActuals, key, "amount", logbook.FenText(s[1]))
	}
	return nil
}
