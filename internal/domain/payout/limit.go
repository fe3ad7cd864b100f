package payout

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Limit is the reward performance pay (奖励性绩效) still available for a
// year's pool: the approved budget of the reward-pay subjects (30107 绩效工资
// unless the hospital configures others), less what the year's actuals have
// already paid on them, less what approved allocations of the year have
// committed and the actuals do not show yet. Basic performance pay
// (基础性绩效) is outside the pool: a hospital that budgets it apart names
// only its reward-pay subjects.
type Limit struct {
	Year int
	// Approved is the approved budget of the subjects; Paid their actuals
	// from January through PaidThrough (the latest month with actuals, 0
	// when there are none); Committed what approved allocations still owe.
	Approved, Paid, Committed money.Amount
	PaidThrough               int
}

// Available is approved − paid − committed, never below 0.
func (l Limit) Available() money.Amount {
	return max(l.Approved-l.Paid-l.Committed, 0)
}

// Check refuses a pool above the available amount, giving the figures it
// comes from; nil when the pool fits.
func (l Limit) Check(pool money.Amount) *domain.Problem {
	avail := l.Available()
	if pool <= avail {
		return nil
	}
	args := []any{"Pool", money.FormatPlain(pool), "Available", money.FormatPlain(avail), "Approved", money.FormatPlain(l.Approved),
		"Paid", money.FormatPlain(l.Paid), "Month", l.PaidThrough, "Committed", money.FormatPlain(l.Committed), "Year", l.Year,
		"Excess", money.FormatPlain(pool - avail)}
	if avail == 0 {
		return domain.NewProblem("problem.bonus.cap_exhausted", "No reward performance pay is left for a {{.Year}} pool: approved {{.Approved}} yuan, already paid {{.Paid}} yuan (actuals through month {{.Month}}), committed {{.Committed}} yuan by approved allocations, so 0 yuan is available.", args...)
	}
	return domain.NewProblem("problem.bonus.pool_available", "The bonus pool of {{.Pool}} yuan is {{.Excess}} yuan above the reward performance pay still available, {{.Available}} yuan (approved {{.Approved}} yuan − already paid {{.Paid}} yuan through month {{.Month}} − committed {{.Committed}} yuan): lower the pool to {{.Available}} yuan or less.", args...)
}

// InSubjects reports whether subject code is one of subjects or lies
// under one of them (30107 covers 3010701).
func InSubjects(code string, subjects []string) bool {
	for _, s := range subjects {
		if code == s || (s != "" && strings.HasPrefix(code, s)) {
			return true
		}
	}
	return false
}

// ApprovedRun is an approved allocation of the year, for Committed: its
// pool and the month of the year it was approved in (0 when approved
// before the year began, 12 when in or after its December).
type ApprovedRun struct {
	Pool  money.Amount
	Month int
}

// Committed is what the approved runs still owe. A run counts in full
// until it shows in the actuals: what the subjects' actuals book in a
// month after the approval above their monthly average before it (the
// regular monthly performance pay) is taken as paying the run, so the
// committed amount falls by that much, never below 0. paid holds the
// subjects' actuals by month (paid[0] is January).
func Committed(runs []ApprovedRun, paid [12]money.Amount) money.Amount {
	var total money.Amount
	for _, r := range runs {
		m := min(max(r.Month, 0), 12)
		var before money.Amount
		for _, p := range paid[:m] {
			before += p
		}
		var baseline money.Amount
		if m > 0 {
			baseline = before / money.Amount(m)
		}
		var shown money.Amount
		for _, p := range paid[m:] {
			shown += max(p-baseline, 0)
		}
		total += max(r.Pool-shown, 0)
	}
	return total
}
