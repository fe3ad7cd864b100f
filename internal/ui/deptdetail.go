package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/monitor"
)

// DeptDetailDialog shows one department's budget and actual by subject.
type DeptDetailDialog struct {
	year, month int
	detail      monitor.DeptRow
	table  *widget.Table
	dialog dialog.Dialog
}

var detailColKeys = []string{"col.subject_code", "col.subject", "col.kind", "col.budget_wan", "col.actual_wan", "col.rate"}
var detailColWidths = []float32{110, 230, 70, 130, 130, 80}

// showDeptDetail opens the detail of department code for the shell's year.
func (s *Shell) showDeptDetail(code string) *DeptDetailDialog {
	ex, err := s.svc.Monitor.Execution(s.ctx, s.actor, s.year, 0)
	if err != nil {
		s.showError(err)
		return nil
	}
	det, _ := ex.Department(code)
	d := &DeptDetailDialog{detail: det, year: ex.Year, month: ex.Month}
	d.table = newLabelTable(detailColKeys, detailColWidths, func() int { return len(det.Subjects) }, d.cell)
	through := i18n.T("dash.no_actuals")
	if d.month > 0 {
		through = i18n.T("dash.through", "Month", monthName(d.month))
	}
	if det.Code == "" {
		det.Code = code
	}
	title := i18n.T("detail.title", "Code", det.Code, "Name", pickName(det.Name, det.NameEn), "Year", d.year)
	content := container.NewBorder(widget.NewLabel(through), nil, nil, nil, container.NewGridWrap(fyne.NewSize(790, 420), d.table))
	d.dialog = dialog.NewCustom(title, i18n.T("action.close"), content, s.win)
	d.dialog.Show()
	return d
}

func (d *DeptDetailDialog) cell(r, c int) (string, fyne.TextAlign) {
	sx := d.detail.Subjects[r]
	switch c {
	case 0:
		return sx.Code, fyne.TextAlignLeading
	case 1:
		return pickName(sx.Name, sx.NameEn), fyne.TextAlignLeading
	case 2:
		if sx.Kind == domain.Revenue {
			return i18n.T("kind.revenue"), fyne.TextAlignLeading
		}
		return i18n.T("kind.expenditure"), fyne.TextAlignLeading
	case 3:
		return wan(sx.Budget), fyne.TextAlignTrailing
	case 4:
		return wan(sx.Actual), fyne.TextAlignTrailing
	}
	if sx.Budget == 0 {
		return "—", fyne.TextAlignTrailing
	}
	return percent(sx.ExecutionRate()), fyne.TextAlignTrailing
}
