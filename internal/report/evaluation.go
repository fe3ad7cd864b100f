package report

import (
	"context"
	"io"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// evaluationData is a year's scored evaluations ranked best first (what
// `evaluate --json` prints), the unscored ones (未评分: listed, never given
// a form, a grade or a rank), the result-application table and each unit's
// base for it: a department's approved expenditure budget of the year, a
// project's amount (HasBase false for a unit without one).
type evaluationData struct {
	Year     int
	Runs     []evaluation.Run
	Unscored []evaluation.Run
	Table    []scoring.Application
	Bases    map[unitKey]money.Amount
	// Subjects are those a department's base sums.
	Subjects []domain.Subject
}

type unitKey struct {
	kind scoring.SchemeKind
	code string
}

func loadEvaluation(ctx context.Context, svc *services.Services, by domain.Actor, year int) (evaluationData, error) {
	out := evaluationData{Year: year, Bases: map[unitKey]money.Amount{}}
	var err error
	// Results refuses a year with no evaluation or none scored, saying
	// what to import or enter first.
	runs, err := svc.Evaluation.Results(ctx, by, year)
	if err != nil {
		return out, err
	}
	for _, r := range runs {
		if r.Scored() {
			out.Runs = append(out.Runs, r)
		} else {
			out.Unscored = append(out.Unscored, r)
		}
	}
	if out.Table, err = svc.Evaluation.ApplicationTable(ctx, by); err != nil {
		return out, err
	}
	// The bases are the service's, the same figures as the suggestions in
	// Budget preparation: a department's budget on the subjects results
	// apply to, a project's amount.
	bases, subs, err := svc.Evaluation.ApplicationBases(ctx, by, year)
	if err != nil {
		return out, err
	}
	for _, b := range bases {
		out.Bases[unitKey{b.Kind, b.Code}] = b.Amount
	}
	out.Subjects = subs
	return out, nil
}

// unitScore is a run's score as `evaluate --json` gives it: on the
// 100-point scale, rounded to 2 decimals, so score and grade agree.
func unitScore(r evaluation.Run) float64 { return scoring.Round2(evaluation.Percent(r)) }

func writeEvaluation(ctx context.Context, meta Meta, data evaluationData, w io.Writer, progress func(done, total int)) error {
	meta.Title = i18n.T("report.eval.title", "Year", data.Year)
	meta.Period = i18n.T("report.period.year", "Year", data.Year)
	d, err := newDoc(ctx, meta, 2+len(data.Runs), progress)
	if err != nil {
		return err
	}
	d.cover(i18n.T("report.eval.subtitle"))

	// Hospital summary.
	d.h1(i18n.T("report.eval.summary"), 30)
	grades := map[scoring.Grade]int{}
	kinds := map[scoring.SchemeKind]int{}
	finalised := 0
	var sum float64
	for _, r := range data.Runs {
		grades[scoring.GradeOf(unitScore(r))]++
		sum += unitScore(r)
		if r.Finalised {
			finalised++
		}
	}
	for _, r := range append(append([]evaluation.Run(nil), data.Runs...), data.Unscored...) {
		kinds[r.Unit.Kind]++
	}
	dist := ""
	for i, g := range scoring.Grades {
		if i > 0 {
			dist += i18n.T("report.list_sep")
		}
		dist += i18n.T("report.eval.grade_count", "Grade", i18n.T("evalui.grade."+string(g)), "Count", grades[g])
	}
	d.facts([][2]string{
		{i18n.T("report.eval.units"), i18n.T("report.eval.units_n", "Depts", kinds[scoring.DepartmentScheme], "Projects", kinds[scoring.ProjectScheme])},
		{i18n.T("report.eval.finalised"), i18n.T("report.eval.finalised_n", "Done", finalised, "All", len(data.Runs)+len(data.Unscored))},
		{i18n.T("report.eval.unscored"), i18n.T("report.eval.unscored_n", "Count", len(data.Unscored))},
		{i18n.T("report.eval.average"), score(sum / float64(len(data.Runs)))},
		{i18n.T("report.eval.grades"), dist},
	})
	d.note(i18n.T("report.eval.grade_rule"))

	cols := []column{{i18n.T("col.rank"), 7, "C"}, {i18n.T("col.kind"), 13, "C"}, {i18n.T("col.code"), 8, "L"},
		{i18n.T("col.name"), 34, "L"}, {i18n.T("col.score"), 10, "R"}, {i18n.T("col.grade"), 9, "C"}, {i18n.T("col.state"), 10, "C"}}
	var rows []row
	for i, r := range data.Runs {
		rows = append(rows, row{cells: []string{itoa(i + 1), i18n.T("evaluation.kind." + string(r.Unit.Kind)), unitRef(r.Unit),
			d.pick(r.Unit.Name, r.Unit.NameEn), score(unitScore(r)), i18n.T("evalui.grade." + string(scoring.GradeOf(unitScore(r)))), stateText(r)}})
	}
	d.newTable(i18n.T("report.eval.table_rank", "Year", data.Year), cols).rows(rows)
	d.unscoredList(data.Unscored)
	if err := d.step(); err != nil {
		return err
	}

	// Each unit's self-evaluation form.
	for i, r := range data.Runs {
		d.pdf.AddPage()
		if err := d.unitForm(i+1, r, data); err != nil {
			return err
		}
		if err := d.step(); err != nil {
			return err
		}
	}

	d.h1(i18n.T("report.eval.confirm"), 60)
	d.para(i18n.T("report.eval.confirm_text", "Year", data.Year), 10)
	d.signatures([]string{i18n.T("report.sign.finance"), i18n.T("report.sign.leader"), i18n.T("report.sign.committee")})
	if err := d.step(); err != nil {
		return err
	}
	return d.write(w)
}

// unscoredList lists the units not scored yet, a line each: they have no
// score, grade, rank or form to print.
func (d *doc) unscoredList(runs []evaluation.Run) {
	if len(runs) == 0 {
		return
	}
	d.h2(i18n.T("report.eval.unscored_heading", "Count", len(runs)), 12)
	d.note(i18n.T("report.eval.unscored_note"))
	cols := []column{{i18n.T("col.kind"), 13, "C"}, {i18n.T("col.code"), 8, "L"}, {i18n.T("col.name"), 58, "L"}, {i18n.T("col.state"), 21, "C"}}
	var rows []row
	for _, r := range runs {
		rows = append(rows, row{cells: []string{i18n.T("evaluation.kind." + string(r.Unit.Kind)), unitRef(r.Unit),
			d.pick(r.Unit.Name, r.Unit.NameEn), i18n.T("evalui.grade." + string(scoring.Unscored))}})
	}
	d.newTable("", cols).rows(rows)
}

func stateText(r evaluation.Run) string {
	if r.Finalised {
		return i18n.T("evaluation.state.finalised")
	}
	return i18n.T("evaluation.state.open")
}

// unitForm is one unit's part: indicator table, total and grade, radar,
// reasons and measures, result application and the unit's signature.
func (d *doc) unitForm(rank int, r evaluation.Run, data evaluationData) error {
	name := d.pick(r.Unit.Name, r.Unit.NameEn)
	sc := unitScore(r)
	grade := scoring.GradeOf(sc)
	d.h1(i18n.T("report.eval.unit_heading", "Rank", rank, "Name", name, "Kind", i18n.T("evaluation.kind."+string(r.Unit.Kind))), 40)
	finalisedAt := "—"
	if r.Finalised && !r.FinalisedAt.IsZero() {
		finalisedAt = r.FinalisedAt.Local().Format("2006-01-02") + " " + i18n.UserName(r.FinalisedBy)
	}
	d.facts([][2]string{
		{i18n.T("report.eval.total_score"), score(sc)},
		{i18n.T("col.grade"), i18n.T("evalui.grade." + string(grade))},
		{i18n.T("report.eval.scheme"), d.pick(r.Scheme.Name, r.Scheme.NameEn)},
		{i18n.T("report.eval.finalised_at"), finalisedAt},
	})
	cols := []column{{i18n.T("report.col.indicator"), 40, "L"}, {i18n.T("report.col.target"), 15, "R"},
		{i18n.T("report.col.actual_value"), 15, "R"}, {i18n.T("report.col.points"), 9, "R"}, {i18n.T("col.score"), 9, "R"}}
	rows, names := d.indicatorRows(r)
	rows = append(rows, row{total: true, cells: []string{i18n.T("report.eval.total_row", "Grade", i18n.T("evalui.grade."+string(grade))), "", "",
		i18n.Number(r.Scheme.Total), score(sc)}})
	d.newTable(i18n.T("report.eval.table_form", "Name", name), cols).rows(rows)

	// Balanced scorecard.
	if err := d.drawChart(scorecard(d.meta, r), 62); err != nil {
		return err
	}
	d.reasonsTable(r, names)

	// The application, its amount and the unit's signature stay together.
	d.h2(i18n.T("report.eval.application"), 32)
	d.para(applicationText(d, r, grade, data), 9.5)
	d.unitSign()
	return nil
}

// indicatorRows is the indicator table: dimensions and groups as bold rows
// with their points and score, indicators under them; names maps each
// indicator code to its name in the report's language.
func (d *doc) indicatorRows(r evaluation.Run) (rows []row, names map[string]string) {
	scores := map[string]scoring.IndicatorScore{}
	for _, is := range r.Result.Indicators {
		scores[is.Code] = is
	}
	nodeScore := map[string]float64{}
	for _, n := range r.Result.Dimensions {
		nodeScore[n.Code] = n.Score
	}
	names = map[string]string{}
	var walk func(ns []scoring.Node, depth int)
	walk = func(ns []scoring.Node, depth int) {
		for _, n := range ns {
			indent := strings.Repeat("  ", depth-1)
			if n.Indicator == nil {
				rows = append(rows, row{group: true, cells: []string{indent + d.pick(n.Name, n.NameEn), "", "", i18n.Number(n.Points), score(nodeScore[n.Code])}})
				walk(n.Children, depth+1)
				continue
			}
			ind := *n.Indicator
			code := n.Code
			if code == "" {
				code = ind.Code
			}
			scoreText := score(scores[code].Score)
			if ind.Direction == scoring.Monitor {
				scoreText = "—"
			}
			nm := d.pick(nameOr(n.Name, ind.Name), nameOr(n.NameEn, ind.NameEn))
			names[code] = nm
			rows = append(rows, row{cells: []string{indent + nm, targetText(ind), actualText(r, code, ind), i18n.Number(n.Points), scoreText}})
		}
	}
	walk(r.Scheme.Roots, 1)
	return rows, names
}

// reasonsTable lists the reasons for deviation and corrective measures of
// every indicator short of target.
func (d *doc) reasonsTable(r evaluation.Run, names map[string]string) {
	d.h2(i18n.T("report.eval.reasons"), 12)
	var reasons []row
	for _, is := range r.Result.Indicators {
		if !is.Short {
			continue
		}
		if n, ok := names[is.Code]; ok {
			is.Name = n
		}
		text := r.Reasons[is.Code]
		if text == "" {
			text = i18n.T("report.eval.no_reason")
		}
		reasons = append(reasons, row{cells: []string{is.Name, score(is.Score) + " / " + i18n.Number(is.Points), text}})
	}
	if len(reasons) == 0 {
		d.para(i18n.T("report.eval.all_met"), 9.5)
		return
	}
	d.newTable("", []column{{i18n.T("report.col.indicator"), 30, "L"}, {i18n.T("report.col.score_of"), 13, "R"},
		{i18n.T("report.col.reason"), 57, "L"}}).rows(reasons)
}

// applicationText is the result application of the unit's grade, with the
// amount it suggests for next year's budget when the unit has one.
func applicationText(d *doc, r evaluation.Run, grade scoring.Grade, data evaluationData) string {
	app := scoring.Application{Grade: grade}
	for _, a := range data.Table {
		if a.Grade == grade {
			app = a
		}
	}
	note := app.Note
	if app.NoteKey != "" {
		note = i18n.T(app.NoteKey)
	}
	text := i18n.T("report.eval.apply_rule", "Grade", i18n.T("evalui.grade."+string(grade)), "Change", i18n.SignedPercent(app.ChangePct/100), "Note", note)
	if base, ok := data.Bases[unitKey{r.Unit.Kind, r.Unit.Code}]; ok {
		sugg, _ := scoring.Suggest(data.Table, grade, base)
		text += i18n.T("report.eval.apply_amount", "Base", d.amtUnit(base), "Next", d.amtUnit(sugg), "Year", data.Year+1)
		if r.Unit.Kind == scoring.DepartmentScheme && len(data.Subjects) > 0 {
			names := make([]string, 0, len(data.Subjects))
			for _, sub := range data.Subjects {
				names = append(names, sub.Code+" "+sub.DisplayName(i18n.Current()))
			}
			text += " " + i18n.T("suggest.base_of", "Subjects", strings.Join(names, i18n.T("report.list_sep")))
		}
	}
	return text
}

// unitSign is the unit head's signature line under a unit's form.
func (d *doc) unitSign() {
	p := d.pdf
	d.ensure(12)
	d.space(3)
	y := p.GetY()
	d.font(9.5, ink)
	p.SetXY(marginL, y)
	d.cell(34, 7, i18n.T("report.sign.unit_head"), "L", false, 0)
	d.line(marginL+34, y+6, marginL+90, y+6, ink, 0.3)
	p.SetXY(marginL+100, y)
	d.cell(14, 7, i18n.T("report.sign.date"), "L", false, 0)
	d.cell(contentW-114, 7, i18n.T("report.sign.date_blank"), "L", false, 1)
}

func nameOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// targetText is what earns full points (i18n.IndicatorTarget).
func targetText(ind scoring.Indicator) string { return i18n.IndicatorTarget(ind) }

// actualText is the reported value: the achievement of a qualitative
// indicator, the occurrences of a deduction, else the value as typed.
func actualText(r evaluation.Run, code string, ind scoring.Indicator) string {
	v, ok := r.Values[code]
	if !ok || !v.Has {
		return "—"
	}
	switch ind.Rule {
	case scoring.Qualitative:
		return i18n.T("evalui.ach." + string(v.Achievement))
	case scoring.Deduction:
		return i18n.T("report.eval.occurrences", "Count", v.Occurrences)
	}
	if t := r.Texts[code]; t != "" {
		return t
	}
	return i18n.Number(v.Actual) + ind.Unit
}

// unitRef is the code people know a unit by: a project's code (项目编码)
// rather than its id.
func unitRef(u evaluation.Unit) string {
	if u.Ref != "" {
		return u.Ref
	}
	return u.Code
}
