package execution

import (
	"context"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Execution is execution against plan at the end of month (0 = the latest
// month with actuals), with the hospital's thresholds. A month-end after
// the latest month with actuals is refused (MonthProblem): every screen,
// the command line and the reports ask here.
func (s *Service) Execution(ctx context.Context, by domain.Actor, year, month int) (pace.Execution, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return pace.Execution{}, err
	}
	if !domain.ValidYear(year) {
		return pace.Execution{}, domain.YearProblem(year)
	}
	month, err := s.closedMonth(ctx, year, month)
	if err != nil {
		return pace.Execution{}, err
	}
	t, err := s.Thresholds(ctx, by)
	if err != nil {
		return pace.Execution{}, err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return pace.Execution{}, err
	}
	subjects, err := s.st.Subjects(ctx)
	if err != nil {
		return pace.Execution{}, err
	}
	cells, err := s.cells(ctx, year)
	if err != nil {
		return pace.Execution{}, err
	}
	ex := pace.Compute(year, month, t, depts, subjects, visibleCells(by, cells))
	if by.Role == domain.RoleDeptHead {
		// The total is of the department head's own departments: the
		// hospital's would tell them the others' sum (docs: Roles).
		ex.Total.Name, ex.Total.NameEn = "本人科室合计", "Own departments total"
		ex.Scope = append([]string(nil), by.Departments...)
	}
	if month > 0 {
		projects, err := s.ProjectProgress(ctx, by, year, month)
		if err != nil {
			return ex, err
		}
		ex.Alerts = append(ex.Alerts, projectAlerts(projects)...)
		pace.SortAlerts(ex.Alerts)
	}
	return ex, nil
}

// cells joins the approved lines with their monthly plan (even where no
// split was stored) and the monthly actuals, including actuals on lines
// that have no budget.
func (s *Service) cells(ctx context.Context, year int) ([]pace.Cell, error) {
	// The two reads are independent; running them side by side halves the
	// month-end computation on a large ledger (bench/README.md).
	var actuals map[store.LineKey]domain.Months
	var actualsErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		actuals, actualsErr = s.st.MonthlyActuals(ctx, year)
	}()
	plan, err := s.st.PlanLines(ctx, year)
	<-done
	if err != nil {
		return nil, err
	}
	if actualsErr != nil {
		return nil, actualsErr
	}
	out := make([]pace.Cell, 0, len(plan)+len(actuals))
	seen := make(map[store.LineKey]bool, len(plan))
	for _, l := range plan {
		k := store.LineKey{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode}
		seen[k] = true
		c := pace.Cell{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode, Budget: l.Amount, Plan: l.Months, Actual: actuals[k]}
		if !l.HasMonths {
			c.Plan = domain.SplitEven(l.Amount)
		}
		out = append(out, c)
	}
	for k, m := range actuals {
		if !seen[k] {
			out = append(out, pace.Cell{DeptCode: k.DeptCode, SubjectCode: k.SubjectCode, Actual: m})
		}
	}
	return out, nil
}

// visibleCells keeps the cells of the departments by may see: a
// department head's execution, alerts and totals are their own only.
func visibleCells(by domain.Actor, cells []pace.Cell) []pace.Cell {
	if by.Role != domain.RoleDeptHead {
		return cells
	}
	out := make([]pace.Cell, 0, len(cells))
	for _, c := range cells {
		if permission.CanSee(by, c.DeptCode) {
			out = append(out, c)
		}
	}
	return out
}

// Settings keys of the thresholds, in basis points (1/10000).
const (
	settingGreen  = "monitor.green_within_bp"
	settingAmber  = "monitor.amber_within_bp"
	settingBehind = "monitor.behind_below_bp"
	settingAhead  = "monitor.ahead_above_bp"
)

// Thresholds reads the hospital's monitoring thresholds.
func (s *Service) Thresholds(ctx context.Context, by domain.Actor) (pace.Thresholds, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return pace.Thresholds{}, err
	}
	t := pace.DefaultThresholds
	for key, dst := range map[string]*float64{settingGreen: &t.GreenWithin, settingAmber: &t.AmberWithin, settingBehind: &t.BehindBelow, settingAhead: &t.AheadAbove} {
		v, err := s.st.Setting(ctx, key)
		if err != nil {
			return t, err
		}
		if bp, err := strconv.ParseInt(v, 10, 64); err == nil {
			*dst = float64(bp) / 10000
		}
	}
	if t.Validate() != nil {
		return pace.DefaultThresholds, nil
	}
	return t, nil
}

// SetThresholds stores the hospital's monitoring thresholds.
// The old and new value of each threshold that changed (in basis points,
// as stored) are recorded in the audit trail in the same transaction.
func (s *Service) SetThresholds(ctx context.Context, by domain.Actor, t pace.Thresholds) error {
	if err := permission.Check(by, permission.MasterdataEdit, ""); err != nil {
		return err
	}
	if err := t.Validate(); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		var trail []logbook.Entry
		for _, kv := range []struct {
			key string
			v   float64
		}{{settingGreen, t.GreenWithin}, {settingAmber, t.AmberWithin}, {settingBehind, t.BehindBelow}, {settingAhead, t.AheadAbove}} {
			old, err := tx.Setting(ctx, kv.key)
			if err != nil {
				return err
			}
			v := strconv.FormatInt(int64(kv.v*10000+0.5), 10)
			if err := tx.SetSetting(ctx, kv.key, v); err != nil {
				return err
			}
			if e, ok := logbook.Change(logbook.EntitySetting, kv.key, "value", old, v, ""); ok {
				trail = append(trail, e)
			}
		}
		return tx.AppendAudit(ctx, by.Login, trail...)
	})
}

// LedgerLimit is how many ledger lines a drill-down shows at most; the
// total count is always given.
const LedgerLimit = 5000

// Ledger returns the actual lines behind a department's subject from
// January through month, at most LedgerLimit, with their total count.
func (s *Service) Ledger(ctx context.Context, by domain.Actor, year, month int, deptCode, subject string) ([]domain.Actual, int, error) {
	if err := permission.Check(by, permission.Read, deptCode); err != nil {
		return nil, 0, err
	}
	month, err := s.resolveMonth(ctx, year, month)
	if err != nil {
		return nil, 0, err
	}
	return s.st.LedgerLines(ctx, year, month, deptCode, subject, LedgerLimit)
}
