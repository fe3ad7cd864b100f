package demo

import (
	"context"
	"time"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

// prepStep is how far a department has come in the next year's
// preparation, the "two ups, two downs" half done in the autumn.
type prepStep int

const (
	prepDraft     prepStep = iota // still writing its proposal
	prepSubmitted                 // first up, waiting for the budget office
	prepReturned                  // sent back with the budget office's comments
	prepControl                   // control figures issued (first down)
	prepRevised                   // revised within them (second up)
)

// nextYearPrep is one department's position in the next year's cycle.
// controlMilli is its expenditure control total as thousandths of its
// proposal; comment is what the budget office wrote when it returned the
// proposal or issued the control figures.
type nextYearPrep struct {
	dept         string
	step         prepStep
	controlMilli int64
	comment      string
}

// nextYearPreps are the departments that have moved in the next year's
// cycle; every other department is still a draft.
var nextYearPreps = []nextYearPrep{
	{"301", prepRevised, 985, "两癌筛查按省下达任务数测算，控制数含筛查耗材。"},
	{"302", prepControl, 980, "新生儿筛查试剂按集采价测算，压减1.5%。"},
	{"201", prepControl, 970, "检验试剂随集采降价，控制数较申报数压减3%。"},
	{"202", prepControl, 975, "超声设备维保费按合同价核定。"},
	{"102", prepControl, 965, "医用耗材增幅高于业务量增幅，按业务量增幅核定。"},
	{"101", prepReturned, 0, "分娩量预计继续下降，但住院收入按增长4.5%申报、医用耗材支出增长明显，缺少测算依据。请按近三年分娩量趋势重新测算收入和耗材，附分娩量预测表后再报。"},
	{"103", prepSubmitted, 0, ""},
	{"104", prepSubmitted, 0, ""},
	{"205", prepSubmitted, 0, ""},
	{"401", prepSubmitted, 0, ""},
	{"402", prepSubmitted, 0, ""},
}

// prepDay dates the cycle's steps: opened in early October of the demo
// year, the steps a day or a few apart through October and early November.
func prepDay(year, n int) time.Time {
	return time.Date(year, 10, 9, 9, 30, 0, 0, beijing).AddDate(0, 0, n)
}

// insertNextYearCycle opens year+1's preparation, fills every department's
// proposal from its current budget and takes the departments of
// nextYearPreps through the cycle's own steps (the budgeting service's
// rules and trail), dated in the autumn of year.
func insertNextYearCycle(ctx context.Context, tx *store.Tx, bs *budgeting.Service, by domain.Actor, ds Dataset) error {
	year := ds.Budgets[len(ds.Budgets)-1].Year
	next := year + 1
	defer tx.StampAt(time.Time{})
	tx.StampAt(prepDay(year, -1))
	if _, err := bs.OpenCycleIn(ctx, tx, by, next); err != nil {
		return err
	}
	proposals := nextYearProposals(ds)
	for _, d := range append([]deptSpec{hospitalWideSpec}, deptSpecs...) {
		if err := bs.SaveProposalIn(ctx, tx, by, next, d.code, proposals[d.code]); err != nil {
			return err
		}
	}
	for i, p := range nextYearPreps {
		if err := prepSteps(ctx, tx, bs, by, next, p, i); err != nil {
			return err
		}
	}
	return nil
}

// nextYearProposals is each department's first-up proposal: its current
// budget grown as its own growth says, rounded to hundreds of yuan.
func nextYearProposals(ds Dataset) map[string][]budgeting.LineEdit {
	growth := map[string]deptSpec{hospitalWideSpec.code: hospitalWideSpec}
	for _, d := range deptSpecs {
		growth[d.code] = d
	}
	out := map[string][]budgeting.LineEdit{}
	for _, l := range ds.Budgets[len(ds.Budgets)-1].Lines {
		out[l.DeptCode] = append(out[l.DeptCode], budgeting.LineEdit{SubjectCode: l.SubjectCode,
			Amount: grow(l.Amount, growth[l.DeptCode]), Note: l.Note})
	}
	return out
}

// prepSteps takes one department to its step: submit; then return with
// a comment, or issue a control total; then revise within it and submit
// again. The i-th department's steps fall on days after the i-th's before.
func prepSteps(ctx context.Context, tx *store.Tx, bs *budgeting.Service, by domain.Actor, year int, p nextYearPrep, i int) error {
	day := func(n int) { tx.StampAt(prepDay(year-1, 2*i+n)) }
	day(0)
	if err := bs.TransitionIn(ctx, tx, by, year, p.dept, domain.ActSubmit, ""); err != nil {
		return err
	}
	switch p.step {
	case prepReturned:
		day(3)
		return bs.TransitionIn(ctx, tx, by, year, p.dept, domain.ActReturn, p.comment)
	case prepControl, prepRevised:
	default:
		return nil
	}
	lines, err := tx.PrepLines(ctx, year, p.dept)
	if err != nil {
		return err
	}
	revised, control := revisedWithin(lines, p.controlMilli)
	day(5)
	if err := bs.IssueControlIn(ctx, tx, by, year, p.dept, &control, p.comment); err != nil {
		return err
	}
	if p.step != prepRevised {
		return nil
	}
	day(9)
	if err := bs.SaveProposalIn(ctx, tx, by, year, p.dept, revised); err != nil {
		return err
	}
	return bs.TransitionIn(ctx, tx, by, year, p.dept, domain.ActSubmit, "已按控制数调整，压减办公费和医用耗材。")
}

// revisedWithin scales a proposal's expenditure lines to milli thousandths
// (each rounded down to hundreds of yuan, so they stay within), keeps its
// revenue lines, and gives the control total: the scaled expenditure
// rounded up to ten thousand yuan, as control figures are issued in 万元.
func revisedWithin(lines []store.DeptPrepLine, milli int64) ([]budgeting.LineEdit, money.Amount) {
	var out []budgeting.LineEdit
	var total money.Amount
	for _, l := range lines {
		amount := l.Proposal
		if !isRevenue(l.SubjectCode) {
			amount = money.Amount(l.Proposal.Fen() * milli / 1000 / 10000 * 10000)
			total += amount
		}
		out = append(out, budgeting.LineEdit{SubjectCode: l.SubjectCode, Amount: amount, Note: l.Note})
	}
	const wan = 1000000 // 10,000 yuan in fen
	return out, money.Amount((total.Fen() + wan - 1) / wan * wan)
}
