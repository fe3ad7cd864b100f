package budgeting

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// AdjustmentLimitKey is the setting that caps approved adjustments per
// year; 0 or absent means no cap. Hospitals set one so that the budget
// stays a commitment rather than a running estimate.
const AdjustmentLimitKey = "budget.adjustment_limit"

// maxAdjustmentLimit bounds the setting; a larger number is a typo.
const maxAdjustmentLimit = 99

// BudgetVersion is one state of a year's approved budget: version 1 is the
// committee's approval, each approved adjustment makes the next one.
type BudgetVersion struct {
	Version    int
	Adjustment int // the adjustment's number; 0 for version 1
	At         time.Time
	By         string
	// Revenue and Expenditure are the budget's totals in this version;
	// the changes are against the version before.
	Revenue, Expenditure             money.Amount
	RevenueChange, ExpenditureChange money.Amount
}

// AdjustmentSummary is an adjustment with its changes by subject kind:
// revenue and expenditure are never netted against each other.
type AdjustmentSummary struct {
	domain.Adjustment
	RevenueChange, ExpenditureChange money.Amount
}

// AdjustmentHistory is a year's adjustments (every request, in number
// order) and the versions of its budget they produced.
type AdjustmentHistory struct {
	Year        int
	Limit       int // 0: no limit
	Adjustments []AdjustmentSummary
	Versions    []BudgetVersion
}

// Pending counts the requests waiting for a decision.
func (h AdjustmentHistory) Pending() int {
	n := 0
	for _, a := range h.Adjustments {
		if a.State == domain.AdjustmentRequested {
			n++
		}
	}
	return n
}

// RequestAdjustment records a request to change year's approved budget.
// The caller gives each line's department, subject and new amount; the old
// amount is read from the budget as it stands (0 for a line it lacks).
func (s *Service) RequestAdjustment(ctx context.Context, by domain.Actor, year int, reasonCategory, reason string, lines []domain.AdjustmentLine) (domain.Adjustment, error) {
	if err := checkRequestPermission(by, lines); err != nil {
		return domain.Adjustment{}, err
	}
	var a domain.Adjustment
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		a, err = s.RequestAdjustmentIn(ctx, tx, by, year, reasonCategory, reason, lines)
		return err
	})
	return a, err
}

func checkRequestPermission(by domain.Actor, lines []domain.AdjustmentLine) error {
	depts := make([]string, 0, len(lines))
	for _, l := range lines {
		depts = append(depts, strings.TrimSpace(l.DeptCode))
	}
	return permission.CheckEach(by, permission.BudgetAdjustRequest, depts)
}

// RequestAdjustmentIn is RequestAdjustment inside a caller's transaction
// (the demo uses it).
func (s *Service) RequestAdjustmentIn(ctx context.Context, tx *store.Tx, by domain.Actor, year int, reasonCategory, reason string, lines []domain.AdjustmentLine) (domain.Adjustment, error) {
	a := domain.Adjustment{Year: year, State: domain.AdjustmentRequested, ReasonCategory: domain.ReasonCategory(reasonCategory),
		Reason: strings.TrimSpace(reason), RequestedBy: by.Login}
	if err := checkRequestPermission(by, lines); err != nil {
		return a, err
	}
	subjects, err := s.st.Subjects(ctx)
	if err != nil {
		return a, err
	}
	if err := s.checkApprovedBudget(ctx, tx.Q, by, year); err != nil {
		return a, err
	}
	if err := checkRequestLimit(ctx, tx.Q, year); err != nil {
		return a, err
	}
	ps, err := adjustmentLines(ctx, tx.Q, year, lines, subjects, &a)
	if err != nil {
		return a, err
	}
	if ps = append(ps, a.Validate()...); len(ps) > 0 {
		return a, ps
	}
	if ps, err = checkFloors(ctx, tx.Q, year, a.Lines); err != nil || len(ps) > 0 {
		return a, errOr(err, ps)
	}
	if err := checkBonusLock(ctx, tx.Q, year, a.Lines); err != nil {
		return a, err
	}
	if a.Number, err = tx.NextAdjustmentNumber(ctx, year); err != nil {
		return a, err
	}
	a.RequestedAt = tx.Now()
	if a.ID, err = tx.InsertAdjustment(ctx, by, a); err != nil {
		return a, err
	}
	c := changes{{Entity: logbook.EntityAdjustment, EntityKey: adjustmentKey(a), Field: "state", New: string(a.State),
		Reason: string(a.ReasonCategory) + ": " + a.Reason}}
	for _, l := range a.Lines {
		c.add(logbook.EntityAdjustment, adjustmentKey(a), l.DeptCode+"/"+l.SubjectCode, amountText(l.Old), amountText(l.New), "")
	}
	return a, c.record(ctx, tx, by)
}

// adjustmentLines checks the requested lines against the catalogue and the
// budget and fills a.Lines with their current amounts as Old.
func adjustmentLines(ctx context.Context, q store.Q, year int, lines []domain.AdjustmentLine, subjects []domain.Subject, a *domain.Adjustment) (domain.Problems, error) {
	bySubject := map[string]domain.Subject{}
	parents := map[string]bool{}
	for _, sub := range subjects {
		bySubject[sub.Code] = sub
		parents[sub.Parent] = true
	}
	var ps domain.Problems
	for _, l := range lines {
		l.DeptCode, l.SubjectCode = strings.TrimSpace(l.DeptCode), strings.TrimSpace(l.SubjectCode)
		// Every line is kept, wrong ones too, so that Validate judges the
		// request as the user sent it; nothing is saved while ps is not empty.
		if l.DeptCode == "" || l.SubjectCode == "" {
			a.Lines = append(a.Lines, l)
			continue
		}
		if _, err := q.Department(ctx, l.DeptCode); store.IsNotFound(err) {
			ps = append(ps, domain.NewProblem("problem.adjust.unknown_dept", "There is no department with code {{.Dept}}.", "Dept", l.DeptCode))
			a.Lines = append(a.Lines, l)
			continue
		} else if err != nil {
			return nil, err
		}
		sub, ok := bySubject[l.SubjectCode]
		if !ok {
			ps = append(ps, domain.NewProblem("problem.adjust.unknown_subject", "There is no subject with code {{.Subject}} in the catalogue.", "Subject", l.SubjectCode))
			a.Lines = append(a.Lines, l)
			continue
		}
		if parents[l.SubjectCode] {
			ps = append(ps, domain.NewProblem("problem.adjust.parent_subject", "{{.Subject}} {{.Name}} is a subtotal of its sub-items: adjust the sub-items instead.", "Subject", sub.Code, "Name", sub.Name))
			a.Lines = append(a.Lines, l)
			continue
		}
		old, err := q.PlanLine(ctx, year, l.DeptCode, l.SubjectCode)
		switch {
		case store.IsNotFound(err):
			l.Old = 0
		case err != nil:
			return nil, err
		default:
			l.Old = old.Amount
		}
		a.Lines = append(a.Lines, l)
	}
	return ps, nil
}

// DecideAdjustment approves or rejects a waiting request. Approving changes
// the budget lines and re-splits their months in the same transaction; a
// rejection changes nothing but the request.
func (s *Service) DecideAdjustment(ctx context.Context, by domain.Actor, id int64, approve bool, comment string) (domain.Adjustment, error) {
	var a domain.Adjustment
	if err := permission.Check(by, permission.BudgetAdjustDecide, ""); err != nil {
		return a, err
	}
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		a, err = s.DecideAdjustmentIn(ctx, tx, by, id, approve, comment)
		return err
	})
	return a, err
}

// DecideAdjustmentIn is DecideAdjustment inside a caller's transaction
// (the demo uses it).
func (s *Service) DecideAdjustmentIn(ctx context.Context, tx *store.Tx, by domain.Actor, id int64, approve bool, comment string) (domain.Adjustment, error) {
	if err := permission.Check(by, permission.BudgetAdjustDecide, ""); err != nil {
		return domain.Adjustment{}, err
	}
	comment = strings.TrimSpace(comment)
	a, err := tx.Adjustment(ctx, id)
	if store.IsNotFound(err) {
		return a, domain.NewProblem("problem.adjust.not_found", "Adjustment request {{.ID}} does not exist; refresh the list.", "ID", id)
	}
	if err != nil {
		return a, err
	}
	state, err := a.Decide(approve, comment)
	if err != nil {
		return a, err
	}
	if approve {
		if err := s.checkApprovedBudget(ctx, tx.Q, by, a.Year); err != nil {
			return a, err
		}
		if err := checkApproveLimit(ctx, tx.Q, a.Year); err != nil {
			return a, err
		}
		if err := checkBonusLock(ctx, tx.Q, a.Year, a.Lines); err != nil {
			return a, err
		}
		if err := applyAdjustment(ctx, tx, a); err != nil {
			return a, err
		}
	}
	if err := tx.DecideAdjustment(ctx, by, id, state, comment); err != nil {
		return a, err
	}
	var c changes
	c.add(logbook.EntityAdjustment, adjustmentKey(a), "state", string(a.State), string(state), comment)
	if approve {
		for _, l := range a.Lines {
			c.add(logbook.EntityBudget, lineKey(a.Year, l.DeptCode, l.SubjectCode), "amount", amountText(l.Old), amountText(l.New),
				fmt.Sprintf("adjustment %d: %s", a.Number, a.Reason))
		}
	}
	a.State, a.DecidedBy, a.DecidedAt, a.DecisionComment = state, by.Login, tx.Now(), comment
	return a, c.record(ctx, tx, by)
}

// applyAdjustment writes an approved adjustment's new amounts and
// re-splits the open months of each changed line by its method, so the
// monthly plan keeps adding up to the budget: even stays even, prior
// follows the prior-year pattern again, manual keeps its shape. A line is
// never taken below its actuals or the plan of its closed months, as
// they stand now, when the committee decides.
func applyAdjustment(ctx context.Context, tx *store.Tx, a domain.Adjustment) error {
	closed, err := closedMonths(ctx, tx.Q, a.Year)
	if err != nil {
		return err
	}
	for _, l := range a.Lines {
		before, err := tx.PlanLine(ctx, a.Year, l.DeptCode, l.SubjectCode)
		current := before.Amount
		if store.IsNotFound(err) {
			current = 0
		} else if err != nil {
			return err
		}
		if current != l.Old {
			// Another adjustment changed the line after this request was made.
			return domain.NewProblem("problem.adjust.stale", "Department {{.Dept}}, subject {{.Subject}} is now {{.Now}} yuan, not the {{.Old}} yuan this request was based on: another adjustment changed it. Reject this request and submit a new one from the current budget.",
				"Dept", l.DeptCode, "Subject", l.SubjectCode, "Now", money.FormatPlain(current), "Old", money.FormatPlain(l.Old))
		}
		if err := checkFloor(ctx, tx.Q, a.Year, closed, l); err != nil {
			return err
		}
		created, err := tx.SetBudgetLineAmount(ctx, a.Year, l.DeptCode, l.SubjectCode, l.New)
		if err != nil {
			return err
		}
		if created {
			if closed == 0 {
				continue // a new line has no months: it is spread evenly
			}
			before = store.PlanLine{DeptCode: l.DeptCode, SubjectCode: l.SubjectCode, Method: domain.SplitMethodEven}
		}
		if err := resplitOpen(ctx, tx, a.Year, closed, before, l.New); err != nil {
			return err
		}
	}
	return nil
}

// resplit distributes a line's new amount by the line's method.
func resplit(ctx context.Context, tx *store.Tx, year int, before store.PlanLine, amount money.Amount) error {
	switch before.Method {
	case domain.SplitMethodManual:
		months := domain.SplitLike(amount, storedMonths(before))
		return tx.SaveSplit(ctx, year, before.DeptCode, before.SubjectCode, domain.SplitMethodManual, &months)
	case domain.SplitMethodPrior:
		pattern, err := tx.MonthlyActualsOf(ctx, year-1, before.DeptCode, before.SubjectCode)
		if err != nil {
			return err
		}
		if months, ok := domain.SplitByPattern(amount, pattern); ok {
			return tx.SaveSplit(ctx, year, before.DeptCode, before.SubjectCode, domain.SplitMethodPrior, &months)
		}
	}
	return tx.SaveSplit(ctx, year, before.DeptCode, before.SubjectCode, domain.SplitMethodEven, nil)
}

// Adjustments returns year's adjustment requests and the versions of its
// budget: version 1 as approved, then one per approved adjustment. A
// department head sees the lines of their own departments only, the
// requests that have such lines, and versions totalled over their
// departments.
func (s *Service) Adjustments(ctx context.Context, by domain.Actor, year int) (AdjustmentHistory, error) {
	h := AdjustmentHistory{Year: year}
	if err := s.checkApprovedBudget(ctx, s.st.Q, by, year); err != nil {
		return h, err
	}
	var err error
	if h.Limit, err = readAdjustmentLimit(ctx, s.st.Q); err != nil {
		return h, err
	}
	adjustments, err := s.st.Adjustments(ctx, year)
	if err != nil {
		return h, err
	}
	adjustments = visibleAdjustments(by, adjustments)
	at, approvedBy, err := s.st.BudgetApproval(ctx, year)
	if err != nil {
		return h, err
	}
	kinds, err := s.subjectKinds(ctx)
	if err != nil {
		return h, err
	}
	for _, a := range adjustments {
		sum := AdjustmentSummary{Adjustment: a}
		for _, l := range a.Lines {
			if kinds[l.SubjectCode] == domain.Revenue {
				sum.RevenueChange += l.Change()
			} else {
				sum.ExpenditureChange += l.Change()
			}
		}
		h.Adjustments = append(h.Adjustments, sum)
	}
	totals, err := s.st.BudgetTotals(ctx, year)
	if err != nil {
		return h, err
	}
	var rev, exp money.Amount
	for _, t := range totals {
		if !permission.CanSee(by, t.DeptCode) {
			continue
		}
		if t.Kind == domain.Revenue {
			rev += t.Amount
		} else {
			exp += t.Amount
		}
	}
	// Walk back from the budget as it stands to the approved version, then
	// forward again, so each version's totals come from the stored lines.
	for _, a := range h.Adjustments {
		if a.State == domain.AdjustmentApproved {
			rev, exp = rev-a.RevenueChange, exp-a.ExpenditureChange
		}
	}
	h.Versions = append(h.Versions, BudgetVersion{Version: 1, At: at, By: approvedBy, Revenue: rev, Expenditure: exp})
	for _, a := range h.Adjustments {
		if a.State != domain.AdjustmentApproved {
			continue
		}
		rev, exp = rev+a.RevenueChange, exp+a.ExpenditureChange
		h.Versions = append(h.Versions, BudgetVersion{Version: len(h.Versions) + 1, Adjustment: a.Number, At: a.DecidedAt, By: a.DecidedBy,
			Revenue: rev, Expenditure: exp, RevenueChange: a.RevenueChange, ExpenditureChange: a.ExpenditureChange})
	}
	return h, nil
}

func (s *Service) subjectKinds(ctx context.Context) (map[string]domain.SubjectKind, error) {
	subjects, err := s.st.Subjects(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]domain.SubjectKind, len(subjects))
	for _, sub := range subjects {
		out[sub.Code] = sub.Kind
	}
	return out, nil
}

// AdjustmentLimit is the most approved adjustments a year may have; 0 means no limit.
func (s *Service) AdjustmentLimit(ctx context.Context, by domain.Actor) (int, error) {
	if err := permission.SignedIn(by); err != nil {
		return 0, err
	}
	return readAdjustmentLimit(ctx, s.st.Q)
}

// SetAdjustmentLimit sets the most approved adjustments a year may have;
// 0 removes the limit. Adjustments already approved stay.
func (s *Service) SetAdjustmentLimit(ctx context.Context, by domain.Actor, limit int) error {
	if err := permission.Check(by, permission.MasterdataEdit, ""); err != nil {
		return err
	}
	if limit < 0 || limit > maxAdjustmentLimit {
		return domain.NewProblem("problem.adjust.limit_range", "The limit of adjustments a year is a whole number from 0 (no limit) to {{.Max}}; {{.Limit}} is not.", "Max", maxAdjustmentLimit, "Limit", limit)
	}
	return setSettingAudited(ctx, s.st, by, AdjustmentLimitKey, strconv.Itoa(limit))
}

// readAdjustmentLimit reads the setting; an unreadable value counts as no
// limit rather than blocking every request.
func readAdjustmentLimit(ctx context.Context, q store.Q) (int, error) {
	v, err := q.Setting(ctx, AdjustmentLimitKey)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || n < 0 {
		return 0, nil
	}
	return n, nil
}

// checkRequestLimit refuses a request that could not be approved within
// the limit: approved and waiting requests each take a place.
func checkRequestLimit(ctx context.Context, q store.Q, year int) error {
	limit, err := readAdjustmentLimit(ctx, q)
	if err != nil || limit == 0 {
		return err
	}
	approved, err := q.CountAdjustments(ctx, year, domain.AdjustmentApproved)
	if err != nil {
		return err
	}
	pending, err := q.CountAdjustments(ctx, year, domain.AdjustmentRequested)
	if err != nil {
		return err
	}
	if approved+pending >= limit {
		return domain.NewProblem("problem.adjust.limit_reached", "The hospital allows at most {{.Limit}} approved budget adjustments a year; {{.Year}} already has {{.Approved}} approved and {{.Pending}} waiting for a decision, so no new request can be made. Reject a waiting request and submit one that combines the changes, or raise the limit.",
			"Limit", limit, "Year", year, "Approved", approved, "Pending", pending)
	}
	return nil
}

// checkApproveLimit refuses an approval beyond the limit, which may have
// been lowered after the request was made.
func checkApproveLimit(ctx context.Context, q store.Q, year int) error {
	limit, err := readAdjustmentLimit(ctx, q)
	if err != nil || limit == 0 {
		return err
	}
	approved, err := q.CountAdjustments(ctx, year, domain.AdjustmentApproved)
	if err != nil {
		return err
	}
	if approved >= limit {
		return domain.NewProblem("problem.adjust.limit_approve", "{{.Year}} already has {{.Approved}} approved budget adjustments, the most the hospital allows ({{.Limit}}): this request cannot be approved. Reject it, or raise the limit.",
			"Year", year, "Approved", approved, "Limit", limit)
	}
	return nil
}

// visibleAdjustments keeps, for a department head, the lines of their own
// departments and the adjustments left with any.
func visibleAdjustments(by domain.Actor, as []domain.Adjustment) []domain.Adjustment {
	if by.Role != domain.RoleDeptHead {
		return as
	}
	var out []domain.Adjustment
	for _, a := range as {
		var lines []domain.AdjustmentLine
		for _, l := range a.Lines {
			if permission.CanSee(by, l.DeptCode) {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			a.Lines = lines
			out = append(out, a)
		}
	}
	return out
}
