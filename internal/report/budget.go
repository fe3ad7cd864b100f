package report

import (
	"context"
	"io"
	"slices"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// budgetData is what the budget report prints: the approved (adjusted)
// budget of the year, the prior year's for comparison (HasPrior false
// when there is none) and the projects with their target tables.
type budgetData struct {
	View     budgeting.View
	Prior    budgeting.View
	HasPrior bool
	Projects []domain.Project
	Depts    map[string]domain.Department
	// Adjusted lists the approved adjustments already in View.
	Adjusted []budgeting.AdjustmentSummary
}

func loadBudget(ctx context.Context, svc *services.Services, by domain.Actor, year int) (budgetData, error) {
	var out budgetData
	var err error
	// Show is what `budget show --json` prints, so the totals agree.
	if out.View, err = svc.Budgets.Show(ctx, by, year); err != nil {
		return out, err
	}
	years, err := svc.Budgets.Years(ctx, by)
	if err != nil {
		return out, err
	}
	if slices.Contains(years, year-1) {
		if out.Prior, err = svc.Budgets.Show(ctx, by, year-1); err != nil {
			return out, err
		}
		out.HasPrior = true
	}
	if out.Projects, err = svc.Budgets.Projects(ctx, by, year, ""); err != nil {
		return out, err
	}
	hist, err := svc.Budgets.Adjustments(ctx, by, year)
	if err != nil {
		return out, err
	}
	for _, a := range hist.Adjustments {
		if a.State == domain.AdjustmentApproved {
			out.Adjusted = append(out.Adjusted, a)
		}
	}
	depts, err := svc.Master.Departments(ctx, by)
	if err != nil {
		return out, err
	}
	out.Depts = map[string]domain.Department{}
	for _, d := range depts {
		out.Depts[d.Code] = d
	}
	return out, nil
}

func writeBudget(ctx context.Context, meta Meta, data budgetData, w io.Writer, progress func(done, total int)) error {
	meta.Title = i18n.T("report.budget.title", "Year", data.View.Year)
	meta.Period = i18n.T("report.period.year", "Year", data.View.Year)
	d, err := newDoc(ctx, meta, 4+len(data.View.Departments)/8, progress)
	if err != nil {
		return err
	}
	budgetSummary(d, data)
	if err := d.step(); err != nil {
		return err
	}

	// Tables 1–3 list whatever either year budgets, so that each year's
	// column adds up to its total.
	both := bothYears(data.View.Breakdown, data.Prior.Breakdown)
	budgetDeptTable(d, data, both)
	if err := d.step(); err != nil {
		return err
	}
	budgetSubjectTable(d, data, subjectsOf(both))
	if err := d.step(); err != nil {
		return err
	}
	if err := budgetDetailTable(d, data, both); err != nil {
		return err
	}

	if err := budgetProjects(d, data); err != nil {
		return err
	}
	if err := d.step(); err != nil {
		return err
	}
	return d.write(w)
}

// budgetSummary is the cover and the summary: totals and balance (with
// the deficit warning right under it), counts, growth on the prior year
// and the approved adjustments.
func budgetSummary(d *doc, data budgetData) {
	v := data.View
	d.cover(i18n.T("report.budget.subtitle"))
	var projTotal money.Amount
	for _, p := range data.Projects {
		projTotal += p.Amount
	}
	d.facts([][2]string{
		{i18n.T("report.budget.revenue_total"), d.amtUnit(v.Revenue)},
		{i18n.T("report.budget.expenditure_total"), d.amtUnit(v.Expenditure)},
		{i18n.T("report.budget.balance"), d.amtUnit(v.Balance())},
	})
	// A deficit is what the reader must not miss: right under the
	// balance, in the page's unit.
	if w := v.DeficitWarningIn(d.meta.Unit); w != nil {
		d.callout(i18n.Message(w), 9.5)
	}
	facts := [][2]string{
		{i18n.T("report.budget.departments"), itoa(len(v.Departments))},
		{i18n.T("report.budget.projects"), i18n.T("report.budget.projects_n", "Count", len(data.Projects), "Amount", d.amtUnit(projTotal))},
	}
	if data.HasPrior {
		facts = append(facts,
			[2]string{i18n.T("report.budget.revenue_growth"), growth(v.Revenue, data.Prior.Revenue, true)},
			[2]string{i18n.T("report.budget.expenditure_growth"), growth(v.Expenditure, data.Prior.Expenditure, true)})
	} else {
		facts = append(facts, [2]string{i18n.T("report.budget.prior"), i18n.T("report.budget.no_prior", "Year", v.Year-1)})
	}
	facts = append(facts, [2]string{i18n.T("report.budget.adjustments"), itoa(len(data.Adjusted))})
	d.facts(facts)
	budgetAdjustTable(d, data.Adjusted)
}

// budgetAdjustTable lists the approved adjustments already in the
// budget, when there are any.
func budgetAdjustTable(d *doc, adjusted []budgeting.AdjustmentSummary) {
	if len(adjusted) == 0 {
		return
	}
	var ar []row
	for _, a := range adjusted {
		ar = append(ar, row{cells: []string{itoa(a.Number), a.DecidedAt.Format("2006-01-02"), i18n.T("adjust.reason." + string(a.ReasonCategory)),
			a.Reason, d.amt(a.RevenueChange), d.amt(a.ExpenditureChange)}})
	}
	d.newTable(i18n.T("report.budget.table_adjust"), []column{{i18n.T("report.col.number"), 6, "C"}, {i18n.T("col.date"), 12, "L"},
		{i18n.T("report.col.reason_category"), 14, "L"}, {i18n.T("report.col.adjust_reason"), 36, "L"},
		{i18n.T("report.col.revenue_change"), 16, "R"}, {i18n.T("report.col.expenditure_change"), 16, "R"}}).inUnit().rows(ar)
}

// budgetProjects is section 4: the projects and their performance
// targets, a project at a time (stopping when the report is cancelled).
func budgetProjects(d *doc, data budgetData) error {
	d.h1(i18n.T("report.budget.projects_title"), 40)
	if len(data.Projects) == 0 {
		d.para(i18n.T("report.budget.no_projects"), 10)
	}
	for _, p := range data.Projects {
		if err := d.ctx.Err(); err != nil {
			return err
		}
		budgetProject(d, p, data.Depts[p.DeptCode])
	}
	return nil
}

// budgetProject is one project's facts and target table.
func budgetProject(d *doc, p domain.Project, dep domain.Department) {
	// Keep a project's facts and a short target table on one page.
	d.h2(p.Name, min(24+6.5*float64(len(p.Targets)+1), 120))
	d.facts([][2]string{
		{i18n.T("col.department"), d.pick(dep.Name, dep.NameEn)},
		{i18n.T("col.type"), i18n.T("project.type." + string(p.Type))},
		{i18n.T("report.col.budget"), d.amtUnit(p.Amount)},
		{i18n.T("report.budget.project_years"), itoa(p.StartYear) + "–" + itoa(p.EndYear)},
	})
	if p.Description != "" {
		d.note(p.Description)
	}
	tcols := []column{{i18n.T("report.col.category"), 18, "L"}, {i18n.T("report.col.indicator"), 36, "L"},
		{i18n.T("report.col.target"), 16, "R"}, {i18n.T("report.col.unit"), 10, "C"}, {i18n.T("report.col.direction"), 20, "L"}}
	var trs []row
	for _, t := range p.Targets {
		trs = append(trs, row{cells: []string{i18n.T("target.category." + string(t.Category)), t.Indicator, t.Value, t.Unit,
			i18n.T("target.direction." + string(t.Direction))}})
	}
	if len(trs) == 0 {
		d.note(i18n.T("report.budget.no_targets"))
		return
	}
	d.newTable("", tcols).rows(trs)
}

// growth is the change from before to now, a dash without a year before.
func growth(now, before money.Amount, has bool) string {
	if !has {
		return "—"
	}
	if g, ok := domain.GrowthRate(now, before); ok {
		return i18n.SignedPercent(g)
	}
	return i18n.NoData
}

// budgetDeptTable is Table 1: each department's revenue and expenditure
// against the year before.
func budgetDeptTable(d *doc, data budgetData, both []yearDept) {
	v := data.View
	d.h1(i18n.T("report.budget.by_dept"), 30)
	cols := []column{
		{i18n.T("col.code"), 8, "L"}, {i18n.T("col.department"), 22, "L"},
		{i18n.T("report.col.revenue"), 17, "R"}, {i18n.T("report.col.revenue_prior"), 17, "R"},
		{i18n.T("report.col.expenditure"), 17, "R"}, {i18n.T("report.col.expenditure_prior"), 17, "R"},
		{i18n.T("report.col.growth"), 11, "R"},
	}
	var rows []row
	for _, dep := range both {
		has := dep.inPrior
		rows = append(rows, row{cells: []string{dep.code, d.pick(dep.name, dep.nameEn), d.amt(dep.rev), priorAmt(d, dep.priorRev, has),
			d.amt(dep.exp), priorAmt(d, dep.priorExp, has), growth(dep.exp, dep.priorExp, has)}})
	}
	rows = append(rows, row{total: true, cells: []string{"", i18n.T("col.total"), d.amt(v.Revenue), priorAmt(d, data.Prior.Revenue, data.HasPrior),
		d.amt(v.Expenditure), priorAmt(d, data.Prior.Expenditure, data.HasPrior), growth(v.Expenditure, data.Prior.Expenditure, data.HasPrior)}})
	d.newTable(i18n.T("report.budget.table_dept", "Year", v.Year), cols).inUnit().rows(rows)
}

// subjectCols are the columns of Tables 2 and 3.
func subjectCols() []column {
	return []column{
		{i18n.T("col.subject_code"), 12, "L"}, {i18n.T("col.subject"), 34, "L"}, {i18n.T("col.kind"), 10, "C"},
		{i18n.T("report.col.budget"), 20, "R"}, {i18n.T("report.col.prior_budget"), 20, "R"},
		{i18n.T("report.col.growth"), 12, "R"},
	}
}

// lineRow is a subject's line of Tables 2 and 3.
func lineRow(d *doc, l yearLine) row {
	return row{cells: []string{l.code, d.pick(l.name, l.nameEn), i18n.T("kind." + string(kindOf(l.kind))), d.amt(l.now),
		priorAmt(d, l.prior, l.inPrior), growth(l.now, l.prior, l.inPrior)}}
}

// kindOf is revenue or expenditure: a subject outside the catalogue
// counts as expenditure, as the breakdown counts it.
func kindOf(k domain.SubjectKind) domain.SubjectKind {
	if k == domain.Revenue {
		return k
	}
	return domain.Expenditure
}

// budgetSubjectTable is Table 2: the hospital's revenue and expenditure
// by subject, each side with its subtotal, and the balance.
func budgetSubjectTable(d *doc, data budgetData, subjects []yearLine) {
	v := data.View
	d.h1(i18n.T("report.budget.by_subject"), 30)
	var rows []row
	for _, kind := range []domain.SubjectKind{domain.Revenue, domain.Expenditure} {
		var sum, psum money.Amount
		for _, s := range subjects {
			if kindOf(s.kind) != kind {
				continue
			}
			sum += s.now
			psum += s.prior
			rows = append(rows, lineRow(d, s))
		}
		rows = append(rows, row{total: true, cells: []string{"", i18n.T("report.subtotal", "Kind", i18n.T("kind."+string(kind))), "", d.amt(sum),
			priorAmt(d, psum, data.HasPrior), growth(sum, psum, data.HasPrior)}})
	}
	rows = append(rows, balanceRow(d, v.Balance(), data.Prior.Balance(), data.HasPrior))
	d.newTable(i18n.T("report.budget.table_subject", "Year", v.Year), subjectCols()).inUnit().rows(rows)
}

// budgetDetailTable is Table 3: every department's lines.
func budgetDetailTable(d *doc, data budgetData, both []yearDept) error {
	v := data.View
	d.h1(i18n.T("report.budget.detail"), 30)
	var rows []row
	for i, dep := range both {
		// The department's header carries no sum: its revenue and
		// expenditure lines follow, and adding them would mean nothing.
		rows = append(rows, row{group: true, cells: []string{dep.code, d.pick(dep.name, dep.nameEn), "", "", "", ""}})
		for _, l := range dep.lines {
			rows = append(rows, lineRow(d, l))
		}
		if (i+1)%8 == 0 {
			if err := d.step(); err != nil {
				return err
			}
		}
	}
	rows = append(rows, balanceRow(d, v.Balance(), data.Prior.Balance(), data.HasPrior))
	d.newTable(i18n.T("report.budget.table_detail", "Year", v.Year), subjectCols()).inUnit().rows(rows)
	return nil
}

// balanceRow is the 收支差额 row that closes a table listing revenue and
// expenditure: the two sides are subtracted, never added. A growth rate of
// a balance that may change sign means nothing, so none is shown.
func balanceRow(d *doc, now, prior money.Amount, hasPrior bool) row {
	return row{total: true, cells: []string{"", i18n.T("report.budget.balance"), "", d.amt(now), priorAmt(d, prior, hasPrior), "—"}}
}

// priorAmt is a prior-year amount, or a dash when there was none.
func priorAmt(d *doc, a money.Amount, has bool) string {
	if !has {
		return "—"
	}
	return d.amt(a)
}
