package bonus

import (
	"context"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/store"
)

// trail collects the audit entries of one change, skipping fields that
// did not change; they are appended in the change's own transaction.
type trail []logbook.Entry

func (t *trail) add(entity, key, field, old, new string) {
	if e, ok := logbook.Change(entity, key, field, old, new, ""); ok {
		*t = append(*t, e)
	}
}

func (t trail) record(ctx context.Context, tx *store.Tx, by domain.Actor) error {
	return tx.AppendAudit(ctx, by.Login, t...)
}

func weightText(w float64) string { return strconv.FormatFloat(w, 'f', -1, 64) }

// runTrail records a saved draft against the draft it replaces (nil when
// none): the pool, each weight and each department's bonus.
func runTrail(prev *store.BonusRun, run store.BonusRun) trail {
	var t trail
	key := strconv.Itoa(run.Year) // one allocation a year: the year is its key
	old := func(f func(store.BonusRun) string) string {
		if prev == nil {
			return ""
		}
		return f(*prev)
	}
	t.add(logbook.EntityBonusRun, key, "pool", old(func(r store.BonusRun) string { return r.Pool.String() }), run.Pool.String())
	for _, d := range payout.Dimensions {
		t.add(logbook.EntityBonusRun, key, "weight."+string(d), old(func(r store.BonusRun) string { return weightText(r.Weights[d]) }), weightText(run.Weights[d]))
	}
	before := map[string]string{}
	if prev != nil {
		for _, d := range prev.Departments {
			before[d.Code] = d.Bonus.String()
		}
	}
	for _, d := range run.Departments {
		t.add(logbook.EntityBonusRun, key, "bonus."+d.Code, before[d.Code], d.Bonus.String())
		delete(before, d.Code)
	}
	for code, v := range before {
		t.add(logbook.EntityBonusRun, key, "bonus."+code, v, "")
	}
	return t
}
