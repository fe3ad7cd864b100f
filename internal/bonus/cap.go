package bonus

import (
	"context"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// settingRewardSubjects lists the subjects of reward performance pay
// (奖励性绩效), comma-separated; each covers the subjects under it.
const settingRewardSubjects = "bonus.reward_subjects"

// DefaultRewardSubjects is 30107 绩效工资 alone: the published economic
// classification has no subject for reward pay apart from basic pay, so
// until the hospital names its own (say a custom 3010702 奖励性绩效 under
// 30107), the whole of 30107 is taken as reward pay.
var DefaultRewardSubjects = []string{PerformancePaySubject}

// Limit is what caps year's pool now (payout.Limit): the approved budget
// of the reward-pay subjects, what the year's actuals have paid on them
// through the latest month with actuals, and what approved allocations of
// the year still owe (payout.Committed).
func (s *Service) Limit(ctx context.Context, by domain.Actor, year int) (payout.Limit, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return payout.Limit{}, err
	}
	return limitOf(ctx, s.st.Q, year)
}

// limitOf reads year's limit through q (the pool, or a transaction).
func limitOf(ctx context.Context, q store.Q, year int) (payout.Limit, error) {
	subjects, err := rewardSubjects(ctx, q)
	if err != nil {
		return payout.Limit{}, err
	}
	approved, err := approvedPay(ctx, q, year, subjects)
	if err != nil {
		return payout.Limit{}, err
	}
	l := payout.Limit{Year: year, Approved: approved}
	months, err := q.ActualSubjectMonths(ctx, year)
	if err != nil {
		return payout.Limit{}, err
	}
	var byMonth [12]money.Amount
	for _, m := range months {
		if m.Month >= 1 && m.Month <= 12 && payout.InSubjects(m.SubjectCode, subjects) {
			byMonth[m.Month-1] += m.Amount
			l.Paid += m.Amount
		}
		if m.Month > l.PaidThrough {
			l.PaidThrough = m.Month // the latest month with any actuals
		}
	}
	runs, err := q.BonusRuns(ctx, year)
	if err != nil {
		return payout.Limit{}, err
	}
	var approvedRuns []payout.ApprovedRun
	for _, r := range runs {
		if r.Status == store.BonusApproved {
			approvedRuns = append(approvedRuns, payout.ApprovedRun{Pool: r.Pool, Month: monthIn(r.ApprovedAt, year)})
		}
	}
	l.Committed = payout.Committed(approvedRuns, byMonth)
	return l, nil
}

// monthIn is the month of year a stored RFC 3339 time falls in: 0 before
// the year, 12 after it (and for a time that cannot be read, so that the
// run counts in full).
func monthIn(stamp string, year int) int {
	t, err := time.Parse(time.RFC3339, stamp)
	switch {
	case err != nil || t.Year() > year:
		return 12
	case t.Year() < year:
		return 0
	}
	return int(t.Month())
}

// approvedPay is the approved budget of year on subjects, refused when
// there is no budget or nothing on them.
func approvedPay(ctx context.Context, q store.Q, year int, subjects []string) (money.Amount, error) {
	if !domain.ValidYear(year) {
		return 0, domain.YearProblem(year)
	}
	lines, err := q.BudgetLines(ctx, year)
	if err != nil {
		return 0, err
	}
	if len(lines) == 0 {
		// No budget at all: say that, not that 30107 is missing from it.
		return 0, domain.NewProblem("problem.budget.none", "There is no approved budget for {{.Year}}. Import one (budgetperf import budget --year {{.Year}} FILE) or load the demo hospital.", "Year", year)
	}
	var sum money.Amount
	for _, l := range lines {
		if payout.InSubjects(l.SubjectCode, subjects) {
			sum += l.Amount
		}
	}
	if sum <= 0 {
		return 0, domain.NewProblem("problem.bonus.no_reward_pay", "The {{.Year}} approved budget has no reward performance pay (subjects {{.Subjects}}): the bonus pool is capped by it, so import or approve it first, or name the subjects in the bonus settings.", "Year", year, "Subjects", strings.Join(subjects, ", "))
	}
	return sum, nil
}

// rewardSubjects are the configured reward-pay subjects, else the default.
func rewardSubjects(ctx context.Context, q store.Q) ([]string, error) {
	v, err := q.Setting(ctx, settingRewardSubjects)
	if err != nil {
		return nil, err
	}
	if list := splitCodes(v); len(list) > 0 {
		return list, nil
	}
	return DefaultRewardSubjects, nil
}

// splitCodes reads a comma-separated list of subject codes.
func splitCodes(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == ' ' || r == ';' })
}

// checkPool refuses a pool above what is available now, read through q.
func checkPool(ctx context.Context, q store.Q, year int, pool money.Amount) error {
	l, err := limitOf(ctx, q, year)
	if err != nil {
		return err
	}
	if p := l.Check(pool); p != nil {
		return p
	}
	return nil
}
