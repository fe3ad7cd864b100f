package monitor

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/money"
)

// ActualLine is the actual of one subject summed over the period.
type ActualLine struct {
	SubjectCode, SubjectName, SubjectNameEn string
	Kind                                    domain.SubjectKind
	Amount                                  money.Amount
}

// DeptActuals is one department's actuals.
type DeptActuals struct {
	Code, Name, NameEn   string
	Revenue, Expenditure money.Amount
	Lines                []ActualLine
}

// ActualsView is actual revenue and spending from January through Month.
type ActualsView struct {
	Year, Month          int
	Revenue, Expenditure money.Amount
	Departments          []DeptActuals
}

// Actuals sums actuals of year through month (0 = the whole year) per
// department and subject.
func (s *Service) Actuals(ctx context.Context, by domain.Actor, year, month int) (ActualsView, error) {
	if err := masterdata.CheckActor(by); err != nil {
		return ActualsView{}, err
	}
	if !domain.ValidYear(year) {
		return ActualsView{}, domain.YearProblem(year)
	}
	if month < 0 || month > 12 {
		return ActualsView{}, monthProblem(month)
	}
	through := month
	if through == 0 {
		through = 12
	}
	totals, err := s.st.ActualSubjectTotals(ctx, year, through)
	if err != nil {
		return ActualsView{}, err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return ActualsView{}, err
	}
	subjects, err := s.st.Subjects(ctx)
	if err != nil {
		return ActualsView{}, err
	}
	subj := map[string]domain.Subject{}
	for _, s := range subjects {
		subj[s.Code] = s
	}
	byDept := map[string]*DeptActuals{}
	v := ActualsView{Year: year, Month: month}
	for _, t := range totals {
		da := byDept[t.DeptCode]
		if da == nil {
			da = &DeptActuals{Code: t.DeptCode}
			byDept[t.DeptCode] = da
		}
		s := subj[t.SubjectCode]
		da.Lines = append(da.Lines, ActualLine{SubjectCode: t.SubjectCode, SubjectName: s.Name, SubjectNameEn: s.NameEn, Kind: s.Kind, Amount: t.Amount})
		if s.Kind == domain.Revenue {
			da.Revenue += t.Amount
			v.Revenue += t.Amount
		} else {
			da.Expenditure += t.Amount
			v.Expenditure += t.Amount
		}
	}
	for _, d := range depts {
		if da := byDept[d.Code]; da != nil {
			da.Name, da.NameEn = d.Name, d.NameEn
			v.Departments = append(v.Departments, *da)
		}
	}
	return v, nil
}
