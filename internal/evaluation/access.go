package evaluation

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// UnitDept is the department a unit belongs to: a department is its own,
// a project its department's. A department head may see and enter only
// their own departments' evaluations.
func UnitDept(u Unit) string {
	if u.Kind == scoring.DepartmentScheme {
		return u.Code
	}
	return u.DeptCode
}

// visibleRuns keeps the runs by may see.
func visibleRuns(by domain.Actor, runs []Run) []Run {
	if by.Role != domain.RoleDeptHead {
		return runs
	}
	var out []Run
	for _, r := range runs {
		if permission.CanSee(by, UnitDept(r.Unit)) {
			out = append(out, r)
		}
	}
	return out
}

// runKey is the audit key of an evaluation: year/department/evaluation id.
func runKey(r Run) string { return fmt.Sprintf("%d/%s/evaluation/%d", r.Year, UnitDept(r.Unit), r.ID) }

// setValueAudited is SetValueIn for a signed-in user: their department is
// checked and the old and new value recorded, in the caller's transaction.
func setValueAudited(ctx context.Context, tx *store.Tx, by domain.Actor, id int64, indicatorCode, actual string, occurrences int, reason string) error {
	r, err := loadRun(ctx, tx.Q, id)
	if err != nil {
		return err
	}
	if err := permission.Check(by, permission.EvaluationEnterValues, UnitDept(r.Unit)); err != nil {
		return err
	}
	old := map[string]store.EvaluationValue{}
	vals, err := tx.EvaluationValues(ctx, id)
	if err != nil {
		return err
	}
	for _, v := range vals {
		old[v.IndicatorCode] = v
	}
	if err := SetValueIn(ctx, tx.Q, by, id, indicatorCode, actual, occurrences, reason); err != nil {
		return err
	}
	after, err := tx.EvaluationValues(ctx, id)
	if err != nil {
		return err
	}
	var now store.EvaluationValue
	for _, v := range after {
		if v.IndicatorCode == indicatorCode {
			now = v
		}
	}
	was := old[indicatorCode]
	key := runKey(r) + "/" + indicatorCode
	var es []logbook.Entry
	for _, c := range [][3]string{
		{"actual", was.Actual, now.Actual},
		{"occurrences", strconv.Itoa(was.Occurrences), strconv.Itoa(now.Occurrences)},
		{"reason", was.Reason, now.Reason},
	} {
		if e, ok := logbook.Change(logbook.EntityIndicatorVal, key, c[0], c[1], c[2], ""); ok {
			es = append(es, e)
		}
	}
	return tx.AppendAudit(ctx, by.Login, es...)
}

// valueChanges are the audit entries of setting indicator code of r (as
// it was loaded, before the change) to actual and reason.
func valueChanges(r Run, code, actual, reason, why string) []logbook.Entry {
	key := runKey(r) + "/" + code
	var es []logbook.Entry
	if e, ok := logbook.Change(logbook.EntityIndicatorVal, key, "actual", r.Texts[code], strings.TrimSpace(actual), why); ok {
		es = append(es, e)
	}
	if e, ok := logbook.Change(logbook.EntityIndicatorVal, key, "reason", r.Reasons[code], strings.TrimSpace(reason), why); ok {
		es = append(es, e)
	}
	return es
}

// finaliseAudited is FinaliseIn with the role check and the record of the
// score and grade that were locked.
func finaliseAudited(ctx context.Context, tx *store.Tx, by domain.Actor, id int64) error {
	r, err := loadRun(ctx, tx.Q, id)
	if err != nil {
		return err
	}
	if err := permission.Check(by, permission.EvaluationFinalise, UnitDept(r.Unit)); err != nil {
		return err
	}
	if err := FinaliseIn(ctx, tx.Q, by, id); err != nil {
		return err
	}
	e, err := tx.Evaluation(ctx, id)
	if err != nil {
		return err
	}
	return tx.AppendAudit(ctx, by.Login,
		logbook.Entry{Entity: logbook.EntityEvaluation, EntityKey: runKey(r), Field: "state", Old: "open", New: "finalised"},
		logbook.Entry{Entity: logbook.EntityEvaluation, EntityKey: runKey(r), Field: "score", New: strconv.FormatFloat(e.Score, 'f', 2, 64) + " " + e.Grade})
}
