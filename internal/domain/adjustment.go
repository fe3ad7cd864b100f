package domain

import (
	"slices"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// AdjustmentState is where a budget adjustment request stands.
type AdjustmentState string

const (
	AdjustmentRequested AdjustmentState = "requested"
	AdjustmentApproved  AdjustmentState = "approved"
	AdjustmentRejected  AdjustmentState = "rejected"
)

// Term is the state's name for messages.
func (s AdjustmentState) Term() Term {
	switch s {
	case AdjustmentApproved:
		return Term{Key: "adjust.state.approved", Default: "Approved"}
	case AdjustmentRejected:
		return Term{Key: "adjust.state.rejected", Default: "Rejected"}
	}
	return Term{Key: "adjust.state.requested", Default: "Requested"}
}

// ReasonCategory classifies why an approved budget is changed; hospitals
// report adjustments to the health commission by these categories.
type ReasonCategory string

const (
	ReasonPolicy        ReasonCategory = "policy"        // 政策调整
	ReasonNewTask       ReasonCategory = "new_task"      // 新增任务
	ReasonAppropriation ReasonCategory = "appropriation" // 财政拨款变化
	ReasonPrice         ReasonCategory = "price"         // 价格变动
	ReasonDeviation     ReasonCategory = "deviation"     // 执行偏差
	ReasonOther         ReasonCategory = "other"         // 其他
)

// ReasonCategories lists the categories in menu order.
var ReasonCategories = []ReasonCategory{ReasonPolicy, ReasonNewTask, ReasonAppropriation, ReasonPrice, ReasonDeviation, ReasonOther}

// Valid reports whether c is a known category.
func (c ReasonCategory) Valid() bool { return slices.Contains(ReasonCategories, c) }

// Term is the category's name for messages.
func (c ReasonCategory) Term() Term {
	switch c {
	case ReasonPolicy:
		return Term{Key: "adjust.reason.policy", Default: "Policy change"}
	case ReasonNewTask:
		return Term{Key: "adjust.reason.new_task", Default: "New task"}
	case ReasonAppropriation:
		return Term{Key: "adjust.reason.appropriation", Default: "Change in fiscal appropriation"}
	case ReasonPrice:
		return Term{Key: "adjust.reason.price", Default: "Price change"}
	case ReasonDeviation:
		return Term{Key: "adjust.reason.deviation", Default: "Execution deviation"}
	}
	return Term{Key: "adjust.reason.other", Default: "Other"}
}

// AdjustmentLine changes one department's subject from Old (the approved
// amount when the request was made; 0 for a line the budget did not have)
// to New.
type AdjustmentLine struct {
	DeptCode    string
	SubjectCode string
	Old, New    money.Amount
}

// Change is New − Old.
func (l AdjustmentLine) Change() money.Amount { return l.New - l.Old }

// Adjustment is a request to change the approved budget of a year after
// approval, with its decision. Number counts the year's requests from 1.
type Adjustment struct {
	ID              int64
	Year            int
	Number          int
	State           AdjustmentState
	ReasonCategory  ReasonCategory
	Reason          string
	RequestedAt     time.Time
	RequestedBy     string
	DecidedAt       time.Time // zero while requested
	DecidedBy       string
	DecisionComment string
	Lines           []AdjustmentLine
}

// Change is the net change of all lines (revenue and expenditure lines
// alike; callers that need them apart sum by subject kind).
func (a Adjustment) Change() money.Amount {
	var sum money.Amount
	for _, l := range a.Lines {
		sum += l.Change()
	}
	return sum
}

// Validate lists everything wrong with a request before it is saved: it
// needs a known reason category, a reason text, at least one line, and
// lines that each change something, once per department and subject.
func (a Adjustment) Validate() Problems {
	var ps Problems
	if !a.ReasonCategory.Valid() {
		ps = append(ps, NewProblem("problem.adjust.reason_category", "Choose why the budget is adjusted: policy change, new task, change in fiscal appropriation, price change, execution deviation or other."))
	}
	if strings.TrimSpace(a.Reason) == "" {
		ps = append(ps, NewProblem("problem.adjust.reason_required", "Explain the reason for the adjustment: the committee decides on it and it stays in the budget's history."))
	}
	if len(a.Lines) == 0 {
		ps = append(ps, NewProblem("problem.adjust.no_lines", "An adjustment needs at least one line: choose a department and a subject and enter the new amount."))
	}
	seen := map[[2]string]bool{}
	for _, l := range a.Lines {
		if l.DeptCode == "" || l.SubjectCode == "" {
			ps = append(ps, NewProblem("problem.adjust.line_incomplete", "Every line needs a department and a subject: complete the line or remove it."))
			continue
		}
		k := [2]string{l.DeptCode, l.SubjectCode}
		if seen[k] {
			ps = append(ps, NewProblem("problem.adjust.duplicate_line", "Department {{.Dept}}, subject {{.Subject}} appears twice: keep one line per department and subject.", "Dept", l.DeptCode, "Subject", l.SubjectCode))
			continue
		}
		seen[k] = true
		if l.New == l.Old {
			ps = append(ps, NewProblem("problem.adjust.no_change", "Department {{.Dept}}, subject {{.Subject}}: the new amount equals the current one ({{.Amount}} yuan); change it or remove the line.", "Dept", l.DeptCode, "Subject", l.SubjectCode, "Amount", money.FormatPlain(l.New)))
		}
	}
	return ps
}

// Decide moves a requested adjustment to approved or rejected. A decided
// one cannot be decided again: the budget history would no longer say
// what happened. A rejection needs a comment telling the requester why.
func (a Adjustment) Decide(approve bool, comment string) (AdjustmentState, error) {
	if a.State != AdjustmentRequested {
		return a.State, NewProblem("problem.adjust.already_decided", "Adjustment No. {{.Number}} of {{.Year}} was already decided ({{.State}} by {{.By}} on {{.Date}}); it cannot be decided again. Submit a new request to change the budget further.",
			"Number", a.Number, "Year", a.Year, "State", a.State.Term(), "By", UserTerm(a.DecidedBy), "Date", a.DecidedAt.Format("2006-01-02"))
	}
	if approve {
		return AdjustmentApproved, nil
	}
	if strings.TrimSpace(comment) == "" {
		return a.State, NewProblem("problem.adjust.reject_comment", "Say why adjustment No. {{.Number}} is rejected: the comment tells the requester what to change.", "Number", a.Number)
	}
	return AdjustmentRejected, nil
}
