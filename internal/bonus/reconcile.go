package bonus

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// Reconciliation checks year's staff split (of the approved run, else the
// draft) department by department: the people listed against the
// department's headcount and their parts against its amount, the
// differences named (payout.Reconciliation.Message). nil when no staff
// list was imported. A department head sees their own departments.
func (s *Service) Reconciliation(ctx context.Context, by domain.Actor, year int) ([]payout.Reconciliation, error) {
	res, ok, err := s.Current(ctx, by, year)
	if err != nil || !ok {
		return nil, err
	}
	staff, err := s.Staff(ctx, by, year)
	if err != nil {
		return nil, err
	}
	return ReconcileStaff(res, staff), nil
}

// ReconcileStaff reconciles the staff lines with the allocation res.
func ReconcileStaff(res Result, staff []StaffLine) []payout.Reconciliation {
	if len(staff) == 0 {
		return nil
	}
	depts := make([]payout.DeptAmount, len(res.Departments))
	for i, d := range res.Departments {
		depts[i] = payout.DeptAmount{Code: d.Code, Name: d.Name, Headcount: d.Headcount, Amount: d.Bonus}
	}
	parts := make([]payout.StaffPart, len(staff))
	for i, l := range staff {
		parts[i] = payout.StaffPart{DeptCode: l.DeptCode, Amount: l.Amount}
	}
	return payout.Reconcile(depts, parts)
}

// ReconcileLine is one department's reconciliation in T's language.
func ReconcileLine(r payout.Reconciliation, T i18n.Translate) string {
	p := r.Message()
	kv := make([]any, 0, 2*len(p.Args))
	for k, v := range p.Args {
		kv = append(kv, k, v)
	}
	return T(p.Key, kv...)
}

// ReconcileSummary says the reconciliation in a few lines: that every
// department agrees, or how many differ and, one line each, how.
func ReconcileSummary(rs []payout.Reconciliation, T i18n.Translate) []string {
	var differ []string
	for _, r := range rs {
		if !r.OK() {
			differ = append(differ, ReconcileLine(r, T))
		}
	}
	if len(differ) == 0 {
		return []string{T("bonus.reconcile.all_match", "Count", len(rs))}
	}
	return append([]string{T("bonus.reconcile.differ_count", "Count", len(differ), "Total", len(rs))}, differ...)
}
