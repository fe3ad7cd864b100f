package bonus

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// ExportPaySheet writes year's stored run (approved, else the draft) as a
// pay-sheet workbook at path: departments, and staff when the split was
// imported. hospital heads the title; T translates the headers.
func (s *Service) ExportPaySheet(ctx context.Context, by domain.Actor, year int, path, hospital string, T i18n.Translate) error {
	res, ok, err := s.Current(ctx, by, year)
	if err != nil {
		return err
	}
	if !ok {
		return domain.NewProblem("problem.bonusrun.export_no_run", "There is no saved {{.Year}} allocation to export: save it (and approve it) first.", "Year", year)
	}
	staff, err := s.Staff(ctx, by, year)
	if err != nil {
		return err
	}
	head, err := s.st.AuditHead(ctx)
	if err != nil {
		return err
	}
	sheet := PaySheet(res, staff, hospital, T)
	sheet.Stamp = audit.StampText(head, T)
	return SavePaySheet(path, sheet)
}

// PaySheet lays res and its staff split out for payroll.
func PaySheet(res Result, staff []StaffLine, hospital string, T i18n.Translate) PayWorkbook {
	state := T("bonus.sheet.draft")
	if res.Run != nil && res.Run.Approved {
		state = T("bonus.sheet.approved", "By", res.Run.ApprovedBy, "At", shortTime(res.Run.ApprovedAt))
	}
	weights := ""
	for i, d := range payout.Dimensions {
		if i > 0 {
			weights += "  "
		}
		weights += T("indui.bonus."+string(d)) + " " + i18n.Percent(res.Weights[d])
	}
	p := PayWorkbook{
		Title:      T("bonus.sheet.title", "Hospital", hospital, "Year", res.Year, "State", state),
		Subtitle:   T("bonus.sheet.subtitle", "Weights", weights),
		DeptSheet:  T("bonus.sheet.depts"),
		StaffSheet: T("bonus.sheet.staff"),
		TotalLabel: T("bonus.sheet.total"),
		DeptHeader: []string{T("col.code"), T("col.department"), T("col.headcount"), T("col.coefficient")},
		StaffHeader: []string{T("col.department"), T("bonus.col.staff_no"), T("bonus.col.name"), T("bonus.col.post"),
			T("bonus.col.post_coefficient"), T("bonus.col.attendance"), T("bonus.col.work_days"), T("col.bonus_yuan")},
	}
	for _, d := range payout.Dimensions {
		p.DeptHeader = append(p.DeptHeader, T("indui.bonus."+string(d)))
	}
	p.DeptHeader = append(p.DeptHeader, T("col.composite_score"), T("col.bonus_yuan"))
	for _, d := range res.Departments {
		row := PayDept{Code: d.Code, Name: d.Name, Headcount: d.Headcount, Coefficient: domain.FormatCoefficient(d.CoefficientMilli),
			Composite: d.Composite, Bonus: d.Bonus}
		for _, dim := range payout.Dimensions {
			row.Scores = append(row.Scores, d.Scores[dim])
		}
		p.Departments = append(p.Departments, row)
	}
	p.Signers = []string{T("bonus.sheet.sign.preparer"), T("bonus.sheet.sign.dept_head"), T("bonus.sheet.sign.finance"), T("bonus.sheet.sign.leader")}
	p.SignLabel, p.DateLabel = T("bonus.sheet.sign.signature"), T("bonus.sheet.sign.date")
	p.ReconcileSheet = T("bonus.sheet.reconcile")
	p.ReconcileHeader = []string{T("col.department"), T("bonus.col.listed"), T("col.headcount"), T("bonus.col.people_diff"),
		T("bonus.col.dept_amount"), T("bonus.col.paid"), T("bonus.col.amount_diff"), T("bonus.col.finding")}
	for _, r := range ReconcileStaff(res, staff) {
		p.Reconcile = append(p.Reconcile, PayReconcile{Dept: r.Name, Listed: r.Listed, Headcount: r.Headcount, Amount: r.Amount, Paid: r.Paid, Finding: ReconcileLine(r, T)})
	}
	for _, s := range staff {
		p.Staff = append(p.Staff, PayStaff{Dept: s.DeptName, StaffNo: s.StaffNo, Name: s.Name, Post: s.Post,
			PostCoefficient: domain.FormatCoefficient(s.PostCoefficientMilli), Attendance: s.AttendanceDays, WorkDays: s.WorkDays, Amount: s.Amount})
	}
	return p
}
