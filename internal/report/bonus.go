package report

import (
	"context"
	"io"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// bonusData is the allocation the bonus report prints (bonus.ForReport:
// the approved run, else the latest saved one, else the full pool under
// the default weights).
type bonusData struct {
	Res bonus.Result
}

func loadBonus(ctx context.Context, svc *services.Services, by domain.Actor, year int) (bonusData, error) {
	res, err := svc.Bonus.ForReport(ctx, by, year)
	return bonusData{Res: res}, err
}

func dimName(dim payout.Dimension) string { return i18n.T("indui.bonus." + string(dim)) }

func writeBonus(ctx context.Context, meta Meta, data bonusData, w io.Writer, progress func(done, total int)) error {
	res := data.Res
	meta.Title = i18n.T("report.bonus.title", "Year", res.Year)
	meta.Period = i18n.T("report.period.year", "Year", res.Year)
	d, err := newDoc(ctx, meta, 5, progress)
	if err != nil {
		return err
	}
	d.cover(i18n.T("report.bonus.subtitle"))
	// The sections in order, each followed by a progress step.
	sections := []func() error{
		func() error { bonusScheme(d, res); return nil },
		func() error { bonusAllocation(d, res); return nil },
		func() error { return bonusSensitivity(d, res) },
		func() error { bonusCompliance(d, res); return nil },
		func() error {
			d.signatures([]string{i18n.T("report.sign.finance"), i18n.T("report.sign.hr"), i18n.T("report.sign.leader"), i18n.T("report.sign.committee")})
			return nil
		},
	}
	for _, section := range sections {
		if err := section(); err != nil {
			return err
		}
		if err := d.step(); err != nil {
			return err
		}
	}
	return d.write(w)
}

// bonusHeads is the headcount of the departments the pool is split among.
func bonusHeads(res bonus.Result) int {
	var heads int
	for _, dep := range res.Departments {
		heads += dep.Headcount
	}
	return heads
}

// bonusScheme is section 1, the scheme: the public-welfare weight first,
// the pool and the run, then the weights and the indicators that drive
// each dimension.
func bonusScheme(d *doc, res bonus.Result) {
	d.h1(i18n.T("report.bonus.scheme"), 40)
	welfare := res.Weights[scoring.BonusPublicWelfare]
	d.callout(i18n.T("report.bonus.welfare", "Weight", i18n.WeightPercent(welfare), "Floor", i18n.WeightPercent(res.Floor)), 11)
	status := i18n.T("report.bonus.run_computed")
	if r := res.Run; r != nil {
		status = i18n.T("report.bonus.run_saved", "ID", r.ID, "By", i18n.UserName(r.CreatedBy), "At", i18n.TimeText(r.CreatedAt))
		if r.Approved {
			status = i18n.T("report.bonus.run_approved", "ID", r.ID, "By", i18n.UserName(r.ApprovedBy), "At", i18n.TimeText(r.ApprovedAt))
		}
	}
	facts := [][2]string{
		{i18n.T("report.bonus.pool"), d.amtUnit(res.Pool)},
		{i18n.T("report.bonus.cap"), d.amtUnit(res.Cap)},
	}
	if l := res.Limit; l.Approved > 0 {
		facts = append(facts, [2]string{i18n.T("report.bonus.cap_now"), i18n.T("report.bonus.cap_figures", "Approved", d.amtUnit(l.Approved),
			"Paid", d.amtUnit(l.Paid), "Month", l.PaidThrough, "Committed", d.amtUnit(l.Committed), "Available", d.amtUnit(l.Available()))})
	}
	facts = append(facts,
		[2]string{i18n.T("report.bonus.departments"), i18n.T("report.bonus.departments_n", "Count", len(res.Departments), "Heads", bonusHeads(res))},
		[2]string{i18n.T("report.bonus.run"), status})
	d.facts(facts)
	bonusWeightTable(d, res)
	d.note(i18n.T("report.bonus.method"))
	bonusDriverTable(d, res)
}

// bonusWeightTable is the weight of each dimension and how many
// indicators drive it.
func bonusWeightTable(d *doc, res bonus.Result) {
	drivers := map[payout.Dimension]int{}
	for _, dr := range res.Drivers {
		drivers[dr.Dimension]++
	}
	var rows []row
	var sum float64
	for _, dim := range payout.Dimensions {
		name := dimName(dim)
		if dim == scoring.BonusPublicWelfare {
			name = i18n.T("report.bonus.welfare_mark", "Name", name)
		}
		sum += res.Weights[dim]
		rows = append(rows, row{group: dim == scoring.BonusPublicWelfare, cells: []string{name, i18n.WeightPercent(res.Weights[dim]), itoa(drivers[dim])}})
	}
	rows = append(rows, row{total: true, cells: []string{i18n.T("col.total"), i18n.WeightPercent(sum), itoa(len(res.Drivers))}})
	d.newTable(i18n.T("report.bonus.table_weights"), []column{{i18n.T("report.col.dimension"), 50, "L"},
		{i18n.T("report.col.weight"), 25, "R"}, {i18n.T("report.col.drivers"), 25, "R"}}).rows(rows)
}

// bonusDriverTable lists the indicators that drive the dimensions, when
// there are any.
func bonusDriverTable(d *doc, res bonus.Result) {
	if len(res.Drivers) == 0 {
		return
	}
	var rows []row
	for _, dr := range res.Drivers {
		pw := ""
		if dr.Indicator.PublicWelfare {
			pw = "✓"
		}
		rows = append(rows, row{cells: []string{dimName(dr.Dimension), dr.Indicator.Code,
			d.pick(dr.Indicator.Name, dr.Indicator.NameEn), pw}})
	}
	d.newTable(i18n.T("report.bonus.table_drivers"), []column{{i18n.T("report.col.dimension"), 22, "L"},
		{i18n.T("col.code"), 14, "L"}, {i18n.T("report.col.indicator"), 50, "L"}, {i18n.T("report.col.public_welfare"), 14, "C"}}).rows(rows)
}

// bonusAllocation is section 2: each department's scores by dimension,
// composite and bonus (* marks a score entered by hand).
func bonusAllocation(d *doc, res bonus.Result) {
	d.h1(i18n.T("report.bonus.allocation"), 40)
	cols := []column{{i18n.T("col.code"), 6, "L"}, {i18n.T("col.department"), 15, "L"}, {i18n.T("report.col.heads"), 6, "R"},
		{i18n.T("col.coefficient"), 7, "R"}}
	for _, dim := range payout.Dimensions {
		cols = append(cols, column{dimName(dim), 7.5, "R"})
	}
	cols = append(cols, column{i18n.T("col.composite_score"), 8, "R"}, column{i18n.T("report.col.bonus"), 14, "R"})
	var rows []row
	var total money.Amount
	for _, dep := range res.Departments {
		cells := []string{dep.Code, d.pick(dep.Name, dep.NameEn), itoa(dep.Headcount), strconv.FormatFloat(dep.Coefficient, 'f', 3, 64)}
		for _, dim := range payout.Dimensions {
			if dep.Unmeasured[dim] {
				cells = append(cells, i18n.T("bonus.unmeasured"))
				continue
			}
			text := score(scoring.Round2(dep.Scores[dim]))
			if dep.Entered[dim] {
				text += "*"
			}
			cells = append(cells, text)
		}
		cells = append(cells, score(dep.Composite), d.amt(dep.Bonus))
		rows = append(rows, row{cells: cells})
		total += dep.Bonus
	}
	totalCells := []string{"", i18n.T("col.total"), itoa(bonusHeads(res)), "", "", "", "", "", "", "", d.amt(total)}
	rows = append(rows, row{total: true, cells: totalCells})
	d.newTable(i18n.T("report.bonus.table_allocation", "Year", res.Year), cols).inUnit().rows(rows)
	d.note(i18n.T("report.bonus.exact", "Pool", d.amtUnit(res.Pool)))
	bonusEffective(d, res)
}

// bonusEffective explains each department's amount by dimension: its
// score and own weight in each (未计量 where it has no measurement, the
// other weights rescaled), its composite and its amount per head.
func bonusEffective(d *doc, res bonus.Result) {
	cols := []column{{i18n.T("col.code"), 6, "L"}, {i18n.T("col.department"), 15, "L"}}
	for _, dim := range payout.Dimensions {
		cols = append(cols, column{dimName(dim), 12, "R"})
	}
	cols = append(cols, column{i18n.T("col.composite_score"), 9, "R"}, column{i18n.T("report.col.per_head"), 10, "R"})
	var rows []row
	for _, dep := range res.Departments {
		cells := []string{dep.Code, d.pick(dep.Name, dep.NameEn)}
		for _, dim := range payout.Dimensions {
			if dep.Unmeasured[dim] {
				cells = append(cells, i18n.T("bonus.unmeasured"))
				continue
			}
			cells = append(cells, score(scoring.Round2(dep.Scores[dim]))+" ×"+i18n.WeightPercent(dep.Effective[dim]))
		}
		rows = append(rows, row{cells: append(cells, score(dep.Composite), d.amt(dep.PerHead()))})
	}
	d.newTable(i18n.T("report.bonus.table_effective"), cols).inUnit().rows(rows)
	d.note(i18n.T("report.bonus.effective_note"))
}

// bonusSensitivity is section 3: how each department's bonus moves with
// the public-welfare weight, as charts and a table of every other step
// (and the weight in use).
func bonusSensitivity(d *doc, res bonus.Result) error {
	welfare := res.Weights[scoring.BonusPublicWelfare]
	d.h1(i18n.T("report.bonus.sensitivity"), 90)
	d.para(i18n.T("report.bonus.sens_text", "Weight", i18n.WeightPercent(welfare)), 9.5)
	if err := bonusShift(d, res); err != nil {
		return err
	}
	for _, c := range sensitivityCharts(d.meta, res) {
		if err := d.drawChart(c, 82); err != nil {
			return err
		}
	}
	var shown []int
	for i, s := range res.Steps {
		if i%2 == 0 || s == welfare {
			shown = append(shown, i)
		}
	}
	scols := []column{{i18n.T("col.department"), 22, "L"}}
	for _, i := range shown {
		scols = append(scols, column{i18n.T("report.bonus.at_weight", "Weight", i18n.WeightPercent(res.Steps[i])), 78 / float64(len(shown)), "R"})
	}
	var rows []row
	for _, dep := range res.Departments {
		v := res.Sensitivity[dep.Code]
		cells := []string{d.pick(dep.Name, dep.NameEn)}
		for _, i := range shown {
			if i < len(v) {
				cells = append(cells, d.amt(v[i]))
			} else {
				cells = append(cells, "—")
			}
		}
		rows = append(rows, row{cells: cells})
	}
	d.newTable(i18n.T("report.bonus.table_sens"), scols).inUnit().rows(rows)
	return nil
}

// bonusShift states the floor, the weight used and what a 5-point move
// of the weight either way would move between departments.
func bonusShift(d *doc, res bonus.Result) error {
	sh, err := bonus.WelfareShift(res)
	if err != nil || len(res.Departments) == 0 {
		return err
	}
	text := i18n.T("report.bonus.shift", "Weight", i18n.WeightPercent(sh.Weight), "Floor", i18n.WeightPercent(res.Floor),
		"Down", i18n.WeightPercent(sh.Down), "Up", i18n.WeightPercent(sh.Up), "MovedDown", d.amtUnit(sh.MovedDown), "MovedUp", d.amtUnit(sh.MovedUp))
	if sh.BelowFloor {
		text += " " + i18n.T("report.bonus.shift_floor", "Down", i18n.WeightPercent(sh.Down), "Floor", i18n.WeightPercent(res.Floor))
	}
	if sh.Gain > 0 && sh.Loss < 0 {
		text += " " + i18n.T("report.bonus.shift_most", "Up", i18n.WeightPercent(sh.Up), "Gainer", d.pick(sh.Gainer.Name, sh.Gainer.NameEn),
			"Gain", d.amtUnit(sh.Gain), "Loser", d.pick(sh.Loser.Name, sh.Loser.NameEn), "Loss", d.amtUnit(-sh.Loss))
	}
	d.para(text, 9.5)
	return nil
}

// bonusCompliance is section 4, the compliance statement.
func bonusCompliance(d *doc, res bonus.Result) {
	d.h1(i18n.T("report.bonus.compliance"), 40)
	d.callout(i18n.T("report.bonus.compliance_text", "Drivers", len(res.Drivers), "Cap", d.amtUnit(res.Cap),
		"Pool", d.amtUnit(res.Pool)), 10)
}
