package report

import (
	"context"
	"io"
	"slices"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/money"
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

// priorIndex holds the prior year's amounts by department and by
// department and subject.
type priorIndex struct {
	dept    map[string]domain.DeptBreakdown
	line    map[[2]string]money.Amount
	subject map[string]money.Amount
}

func indexPrior(b domain.Breakdown) priorIndex {
	ix := priorIndex{dept: map[string]domain.DeptBreakdown{}, line: map[[2]string]money.Amount{}, subject: map[string]money.Amount{}}
	for _, d := range b.Departments {
		ix.dept[d.Code] = d
		for _, l := range d.Lines {
			ix.line[[2]string{d.Code, l.SubjectCode}] += l.Amount
			ix.subject[l.SubjectCode] += l.Amount
		}
	}
	return ix
}

func writeBudget(ctx context.Context, meta Meta, data budgetData, w io.Writer, progress func(done, total int)) error {
	meta.Title = i18n.T("report.budget.title", "Year", data.View.Year)
	meta.Period = i18n.T("report.period.year", "Year", data.View.Year)
	d, err := newDoc(ctx, meta, 4+len(data.View.Departments)/8, progress)
	if err != nil {
		return err
	}
	v := data.View
	prior := indexPrior(data.Prior.Breakdown)
	growth := func(now, before money.Amount, has bool) string {
		if !has {
			return "—"
		}
		g, ok := domain.GrowthRate(now, before)
		return signedPct(g, ok)
	}

	// Summary.
	d.cover(i18n.T("report.budget.subtitle"))
	var projTotal money.Amount
	for _, p := range data.Projects {
		projTotal += p.Amount
	}
	facts := [][2]string{
		{i18n.T("report.budget.revenue_total"), d.amtUnit(v.Revenue)},
		{i18n.T("report.budget.expenditure_total"), d.amtUnit(v.Expenditure)},
		{i18n.T("report.budget.balance"), d.amtUnit(v.Balance())},
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
	if w := v.DeficitWarning(); w != nil {
		d.note(i18n.Message(w))
	}
	if len(data.Adjusted) > 0 {
		var ar []row
		for _, a := range data.Adjusted {
			ar = append(ar, row{cells: []string{itoa(a.Number), a.DecidedAt.Format("2006-01-02"), i18n.T("adjust.reason." + string(a.ReasonCategory)),
				a.Reason, d.amt(a.RevenueChange), d.amt(a.ExpenditureChange)}})
		}
		d.newTable(i18n.T("report.budget.table_adjust"), []column{{i18n.T("report.col.number"), 6, "C"}, {i18n.T("col.date"), 12, "L"},
			{i18n.T("report.col.reason_category"), 14, "L"}, {i18n.T("report.col.adjust_reason"), 36, "L"},
			{i18n.T("report.col.revenue_change"), 16, "R"}, {i18n.T("report.col.expenditure_change"), 16, "R"}}).inUnit().rows(ar)
	}
	if err := d.step(); err != nil {
		return err
	}

	// 1. Departments: revenue and expenditure against the prior year.
	d.h1(i18n.T("report.budget.by_dept"), 30)
	cols := []column{
		{i18n.T("col.code"), 8, "L"}, {i18n.T("col.department"), 22, "L"},
		{i18n.T("report.col.revenue"), 17, "R"}, {i18n.T("report.col.revenue_prior"), 17, "R"},
		{i18n.T("report.col.expenditure"), 17, "R"}, {i18n.T("report.col.expenditure_prior"), 17, "R"},
		{i18n.T("report.col.growth"), 11, "R"},
	}
	var rows []row
	for _, dep := range v.Departments {
		p, has := prior.dept[dep.Code]
		rows = append(rows, row{cells: []string{dep.Code, d.pick(dep.Name, dep.NameEn), d.amt(dep.Revenue), priorAmt(d, p.Revenue, has),
			d.amt(dep.Expenditure), priorAmt(d, p.Expenditure, has), growth(dep.Expenditure, p.Expenditure, has)}})
	}
	rows = append(rows, row{total: true, cells: []string{"", i18n.T("col.total"), d.amt(v.Revenue), priorAmt(d, data.Prior.Revenue, data.HasPrior),
		d.amt(v.Expenditure), priorAmt(d, data.Prior.Expenditure, data.HasPrior), growth(v.Expenditure, data.Prior.Expenditure, data.HasPrior)}})
	d.newTable(i18n.T("report.budget.table_dept", "Year", v.Year), cols).inUnit().rows(rows)
	if err := d.step(); err != nil {
		return err
	}

	// 2. Subjects: the hospital's revenue and expenditure by subject.
	d.h1(i18n.T("report.budget.by_subject"), 30)
	type subj struct {
		code, name string
		kind       domain.SubjectKind
		amount     money.Amount
	}
	var subjects []subj
	at := map[string]int{}
	for _, dep := range v.Departments {
		for _, l := range dep.Lines {
			i, ok := at[l.SubjectCode]
			if !ok {
				i = len(subjects)
				at[l.SubjectCode] = i
				subjects = append(subjects, subj{code: l.SubjectCode, name: d.pick(l.SubjectName, l.SubjectNameEn), kind: l.Kind})
			}
			subjects[i].amount += l.Amount
		}
	}
	slices.SortFunc(subjects, func(a, b subj) int {
		if a.kind != b.kind {
			if a.kind == domain.Revenue {
				return -1
			}
			return 1
		}
		if a.code < b.code {
			return -1
		}
		if a.code > b.code {
			return 1
		}
		return 0
	})
	scols := []column{
		{i18n.T("col.subject_code"), 12, "L"}, {i18n.T("col.subject"), 34, "L"}, {i18n.T("col.kind"), 10, "C"},
		{i18n.T("report.col.budget"), 20, "R"}, {i18n.T("report.col.prior_budget"), 20, "R"},
		{i18n.T("report.col.growth"), 12, "R"},
	}
	rows = nil
	for _, kind := range []domain.SubjectKind{domain.Revenue, domain.Expenditure} {
		var sum, psum money.Amount
		for _, s := range subjects {
			if s.kind != kind {
				continue
			}
			p, has := prior.subject[s.code]
			sum += s.amount
			psum += p
			rows = append(rows, row{cells: []string{s.code, s.name, i18n.T("kind." + string(kind)), d.amt(s.amount), priorAmt(d, p, has), growth(s.amount, p, has)}})
		}
		rows = append(rows, row{total: true, cells: []string{"", i18n.T("report.subtotal", "Kind", i18n.T("kind."+string(kind))), "", d.amt(sum),
			priorAmt(d, psum, data.HasPrior), growth(sum, psum, data.HasPrior)}})
	}
	rows = append(rows, balanceRow(d, v.Balance(), data.Prior.Balance(), data.HasPrior))
	d.newTable(i18n.T("report.budget.table_subject", "Year", v.Year), scols).inUnit().rows(rows)
	if err := d.step(); err != nil {
		return err
	}

	// 3. Every department's lines.
	d.h1(i18n.T("report.budget.detail"), 30)
	rows = nil
	for i, dep := range v.Departments {
		// The department's header carries no sum: its revenue and
		// expenditure lines follow, and adding them would mean nothing.
		rows = append(rows, row{group: true, cells: []string{dep.Code, d.pick(dep.Name, dep.NameEn), "", "", "", ""}})
		for _, l := range dep.Lines {
			p, has := prior.line[[2]string{dep.Code, l.SubjectCode}]
			rows = append(rows, row{cells: []string{l.SubjectCode, d.pick(l.SubjectName, l.SubjectNameEn), i18n.T("kind." + string(l.Kind)),
				d.amt(l.Amount), priorAmt(d, p, has), growth(l.Amount, p, has)}})
		}
		if (i+1)%8 == 0 {
			if err := d.step(); err != nil {
				return err
			}
		}
	}
	rows = append(rows, balanceRow(d, v.Balance(), data.Prior.Balance(), data.HasPrior))
	d.newTable(i18n.T("report.budget.table_detail", "Year", v.Year), scols).inUnit().rows(rows)

	// 4. Projects and their performance targets.
	d.h1(i18n.T("report.budget.projects_title"), 40)
	if len(data.Projects) == 0 {
		d.para(i18n.T("report.budget.no_projects"), 10)
	}
	for _, p := range data.Projects {
		if err := d.ctx.Err(); err != nil {
			return err
		}
		dep := data.Depts[p.DeptCode]
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
			continue
		}
		d.newTable("", tcols).rows(trs)
	}
	if err := d.step(); err != nil {
		return err
	}
	return d.write(w)
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
