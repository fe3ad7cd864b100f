package payout

import (
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Reconciliation is the second allocation's check for one department: the
// people on its staff list against its headcount (编制/人数), and the sum of
// their parts against the department's amount.
type Reconciliation struct {
	Code, Name        string
	Headcount, Listed int
	Amount, Paid      money.Amount
}

// PeopleMatch says the list has as many people as the headcount.
func (r Reconciliation) PeopleMatch() bool { return r.Listed == r.Headcount }

// AmountMatch says the parts add up to the department's amount.
func (r Reconciliation) AmountMatch() bool { return r.Paid == r.Amount }

// OK says both match.
func (r Reconciliation) OK() bool { return r.PeopleMatch() && r.AmountMatch() }

// Message names the department's figures and their differences, e.g.
// "儿科：名单 23 人，编制/人数 25 人（少 2 人）；分配合计 149,382.17 元，与科室金额
// 149,382.17 元一致".
func (r Reconciliation) Message() *domain.Problem {
	key, def := "bonus.reconcile.", ""
	args := []any{"Dept", r.Name, "Listed", r.Listed, "Headcount", r.Headcount,
		"Paid", money.FormatPlain(r.Paid), "Amount", money.FormatPlain(r.Amount)}
	if r.PeopleMatch() {
		key, def = key+"people_match", "{{.Dept}}: list {{.Listed}} people, headcount {{.Headcount}} (as many); "
	} else {
		d := r.Listed - r.Headcount
		args = append(args, "PeopleDiff", signed(int64(d)))
		key, def = key+"people_differ", "{{.Dept}}: list {{.Listed}} people, headcount {{.Headcount}} ({{.PeopleDiff}} on the list); "
	}
	if r.AmountMatch() {
		key, def = key+"_amount_match", def+"paid {{.Paid}} yuan, equal to the department's amount {{.Amount}} yuan"
	} else {
		args = append(args, "AmountDiff", money.FormatPlain(r.Paid-r.Amount))
		key, def = key+"_amount_differ", def+"paid {{.Paid}} yuan against the department's amount {{.Amount}} yuan ({{.AmountDiff}} yuan apart)"
	}
	return domain.NewProblem(key, def, args...)
}

func signed(n int64) string {
	if n > 0 {
		return "+" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// StaffPart is one person's part as the reconciliation counts it.
type StaffPart struct {
	DeptCode string
	Amount   money.Amount
}

// DeptAmount is a department's headcount and amount in the allocation.
type DeptAmount struct {
	Code, Name string
	Headcount  int
	Amount     money.Amount
}

// Reconcile checks each department of the allocation (in its order)
// against the people of the staff split: a department nobody is listed
// for shows 0 people and 0 paid, so that its whole amount is named as
// undivided.
func Reconcile(depts []DeptAmount, parts []StaffPart) []Reconciliation {
	listed := map[string]int{}
	paid := map[string]money.Amount{}
	for _, p := range parts {
		listed[p.DeptCode]++
		paid[p.DeptCode] += p.Amount
	}
	out := make([]Reconciliation, len(depts))
	for i, d := range depts {
		out[i] = Reconciliation{Code: d.Code, Name: d.Name, Headcount: d.Headcount, Listed: listed[d.Code], Amount: d.Amount, Paid: paid[d.Code]}
	}
	return out
}
