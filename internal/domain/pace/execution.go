package pace

import (
	"sort"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Cell is one department and subject over the year: its annual (adjusted)
// budget, the budget's monthly distribution and the monthly actuals.
type Cell struct {
	DeptCode, SubjectCode string
	Budget                money.Amount
	Plan, Actual          domain.Months
}

// Monthly is a plan and actual month by month (not cumulative).
type Monthly struct{ Plan, Actual domain.Months }

// Cumulative sums the months: index m is January through month m+1.
func (s Monthly) Cumulative() Monthly {
	var c Monthly
	var p, a money.Amount
	for m := 0; m < 12; m++ {
		p += s.Plan[m]
		a += s.Actual[m]
		c.Plan[m], c.Actual[m] = p, a
	}
	return c
}

func (s *Monthly) add(c Cell) {
	for m := 0; m < 12; m++ {
		s.Plan[m] += c.Plan[m]
		s.Actual[m] += c.Actual[m]
	}
}

// Figures is one kind (revenue or expenditure) of a unit at the month-end.
type Figures struct {
	Measure
	Status Status  // against plan to date (Judge)
	Ratio  float64 // execution rate ÷ time progress
	Pace   Pace    // against time progress (Pace)
	Months Monthly
}

// SubjectRow is a subject of a department.
type SubjectRow struct {
	Code, Name, NameEn string
	Kind               domain.SubjectKind
	Figures
}

// DeptRow is a department with its subjects.
type DeptRow struct {
	Code, Name, NameEn   string
	Type                 domain.DeptType
	Expenditure, Revenue Figures
	Subjects             []SubjectRow // expenditure first, then revenue, by code
}

// Of picks the figures of a kind.
func (d DeptRow) Of(kind domain.SubjectKind) Figures {
	if kind == domain.Revenue {
		return d.Revenue
	}
	return d.Expenditure
}

// Execution is execution against plan at the end of a month: the hospital,
// every department and every subject, revenue and expenditure.
type Execution struct {
	Year, Month  int
	TimeProgress float64
	Thresholds   Thresholds
	Total        DeptRow // the hospital; no subjects
	// Scope is the departments the figures are limited to — a department
	// head's own — and nil for the whole hospital; Total is then theirs.
	Scope       []string
	Departments []DeptRow
	Alerts      []Alert
}

// Compute builds the month-end picture from cells. Departments without any
// budget or actual in the year are left out; subjects keep catalogue order.
func Compute(year, month int, t Thresholds, depts []domain.Department, subjects []domain.Subject, cells []Cell) Execution {
	ex := Execution{Year: year, Month: month, TimeProgress: TimeProgress(month), Thresholds: t}
	subj := make(map[string]domain.Subject, len(subjects))
	for _, s := range subjects {
		subj[s.Code] = s
	}
	byDept := map[string][]Cell{}
	for _, c := range cells {
		byDept[c.DeptCode] = append(byDept[c.DeptCode], c)
	}
	ex.Total = DeptRow{Code: "", Name: "全院合计", NameEn: "Hospital total"}
	var total [2]Monthly
	var totalBudget [2]money.Amount
	for _, d := range depts {
		cs := byDept[d.Code]
		if len(cs) == 0 {
			continue
		}
		row := DeptRow{Code: d.Code, Name: d.Name, NameEn: d.NameEn, Type: d.Type}
		var months [2]Monthly
		var budget [2]money.Amount
		for _, c := range cs {
			s, ok := subj[c.SubjectCode]
			kind := s.Kind
			if !ok {
				kind = domain.Expenditure
			}
			k := kindIndex(kind)
			months[k].add(c)
			budget[k] += c.Budget
			var m Monthly
			m.add(c)
			row.Subjects = append(row.Subjects, SubjectRow{Code: c.SubjectCode, Name: s.Name, NameEn: s.NameEn, Kind: kind,
				Figures: t.figures(kind, c.Budget, m, month, ex.TimeProgress)})
		}
		sort.SliceStable(row.Subjects, func(i, j int) bool {
			a, b := row.Subjects[i], row.Subjects[j]
			if a.Kind != b.Kind {
				return a.Kind == domain.Expenditure
			}
			return a.Code < b.Code
		})
		row.Expenditure = t.figures(domain.Expenditure, budget[0], months[0], month, ex.TimeProgress)
		row.Revenue = t.figures(domain.Revenue, budget[1], months[1], month, ex.TimeProgress)
		for k := 0; k < 2; k++ {
			total[k].Plan = addMonths(total[k].Plan, months[k].Plan)
			total[k].Actual = addMonths(total[k].Actual, months[k].Actual)
			totalBudget[k] += budget[k]
		}
		ex.Departments = append(ex.Departments, row)
	}
	ex.Total.Expenditure = t.figures(domain.Expenditure, totalBudget[0], total[0], month, ex.TimeProgress)
	ex.Total.Revenue = t.figures(domain.Revenue, totalBudget[1], total[1], month, ex.TimeProgress)
	ex.Alerts = alerts(ex)
	return ex
}

// figures measures one budget of kind and its months at month-end, and
// judges it once against plan (Judge) and against time progress (Pace).
func (t Thresholds) figures(kind domain.SubjectKind, budget money.Amount, m Monthly, month int, tp float64) Figures {
	f := Figures{Months: m, Measure: Measure{Budget: budget}}
	for i := 0; i < month && i < 12; i++ {
		f.PlanToDate += m.Plan[i]
		f.Actual += m.Actual[i]
	}
	f.Status = t.Judge(kind, f.Measure)
	f.Pace = NoPlan
	if budget != 0 && tp > 0 {
		f.Ratio = f.AgainstTime(tp)
		f.Pace = t.Pace(f.Ratio)
	}
	return f
}

func kindIndex(k domain.SubjectKind) int {
	if k == domain.Revenue {
		return 1
	}
	return 0
}

func addMonths(a, b domain.Months) domain.Months {
	for i := range a {
		a[i] += b[i]
	}
	return a
}

// Department finds a department's row.
func (ex Execution) Department(code string) (DeptRow, bool) {
	for _, d := range ex.Departments {
		if d.Code == code {
			return d, true
		}
	}
	return DeptRow{}, false
}

// Deviation is a department's cumulative deviation rate at the end of
// each month through ex.Month (NaN-free: ok false where nothing was planned),
// the data of the department × month heat map.
func (d DeptRow) Deviation(kind domain.SubjectKind, through int) (rates [12]float64, ok [12]bool) {
	c := d.Of(kind).Months.Cumulative()
	for m := 0; m < through && m < 12; m++ {
		rates[m], ok[m] = Measure{PlanToDate: c.Plan[m], Actual: c.Actual[m]}.Deviation()
	}
	return rates, ok
}

// FurthestBehind returns up to n departments whose spending is behind time
// progress, the furthest behind first.
func (ex Execution) FurthestBehind(n int) []DeptRow {
	return ex.extremes(n, Behind, func(a, b DeptRow) bool { return a.Expenditure.Ratio < b.Expenditure.Ratio })
}

// FurthestAhead returns up to n departments whose spending is ahead of
// time progress, the furthest ahead first.
func (ex Execution) FurthestAhead(n int) []DeptRow {
	return ex.extremes(n, Ahead, func(a, b DeptRow) bool { return a.Expenditure.Ratio > b.Expenditure.Ratio })
}

func (ex Execution) extremes(n int, pace Pace, less func(a, b DeptRow) bool) []DeptRow {
	var out []DeptRow
	for _, d := range ex.Departments {
		if d.Expenditure.Pace == pace {
			out = append(out, d)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
