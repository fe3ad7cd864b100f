package payui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// bonusStaffPanel is the second level: the saved run's department amounts
// split among staff from an imported staff list.
type bonusStaffPanel struct {
	b       *BonusScreen
	root    fyne.CanvasObject
	lines   []bonus.StaffLine
	table   *widget.Table
	info    *widget.Label
	import_ *widget.Button
}

var staffHeaderKeys = []string{"col.department", "bonus.col.staff_no", "bonus.col.name", "bonus.col.post",
	"bonus.col.post_coefficient", "bonus.col.attendance", "bonus.col.work_days", "col.bonus_yuan"}

func newBonusStaffPanel(b *BonusScreen) *bonusStaffPanel {
	p := &bonusStaffPanel{b: b}
	p.table = kit.NewLabelTable(staffHeaderKeys, []float32{170, 90, 100, 100, 150, 120, 100, 140},
		func() int { return len(p.lines) },
		func(r, c int) (string, fyne.TextAlign) {
			l := p.lines[r]
			right := fyne.TextAlignTrailing
			switch c {
			case 0:
				return l.DeptName, fyne.TextAlignLeading
			case 1:
				return l.StaffNo, fyne.TextAlignLeading
			case 2:
				return l.Name, fyne.TextAlignLeading
			case 3:
				return l.Post, fyne.TextAlignLeading
			case 4:
				return domain.FormatCoefficient(l.PostCoefficientMilli), right
			case 5:
				return strconv.Itoa(l.AttendanceDays), right
			case 6:
				return strconv.Itoa(l.WorkDays), right
			}
			return money.FormatPlain(l.Amount), right
		})
	p.info = widget.NewLabel("")
	p.info.Wrapping = fyne.TextWrapWord
	p.import_ = widget.NewButtonWithIcon(i18n.T("bonus.staff.import"), theme.UploadIcon(), p.choose)
	hint := widget.NewLabel(i18n.T("bonus.staff.hint"))
	hint.Wrapping = fyne.TextWrapWord
	p.root = container.NewBorder(container.NewVBox(container.NewHBox(p.import_), hint, p.info), nil, nil, nil, p.table)
	return p
}

func (p *bonusStaffPanel) setEditable(on bool) {
	if on {
		p.import_.Enable()
	} else {
		p.import_.Disable()
	}
}

// refresh reads the saved run's staff split.
func (p *bonusStaffPanel) refresh() {
	s := p.b.host
	p.lines = nil
	if p.b.stored != nil {
		lines, err := s.Services().Bonus.Staff(s.Ctx(), s.Actor(), s.Year())
		if err != nil {
			p.info.SetText(i18n.Message(err))
		}
		p.lines = lines
	}
	if len(p.lines) > 0 {
		var sum money.Amount
		depts := map[string]bool{}
		for _, l := range p.lines {
			sum += l.Amount
			depts[l.DeptCode] = true
		}
		text := i18n.T("bonus.staff.summary", "People", len(p.lines), "Depts", len(depts), "Sum", kit.Yuan(sum))
		// From the run and the lines already read: no second read of a
		// 50,000-person list on the UI thread.
		if rs := bonus.ReconcileStaff(*p.b.stored, p.lines); len(rs) > 0 {
			text += "\n" + strings.Join(bonus.ReconcileSummary(rs, i18n.T), "\n")
		}
		p.info.SetText(text)
	} else if p.b.stored == nil {
		p.info.SetText(i18n.T("bonus.staff.save_first"))
	} else {
		p.info.SetText(i18n.T("bonus.staff.none"))
	}
	p.table.Refresh()
}

func (p *bonusStaffPanel) choose() {
	p.b.host.ChooseFile([]string{".xlsx", ".xls"}, p.importFile)
}

// importFile splits the saved run's amounts by the staff list at path;
// unsaved changes on screen are saved first, since the split is of the
// saved amounts.
func (p *bonusStaffPanel) importFile(path string) {
	b, s := p.b, p.b.host
	if b.dirty && b.hasRes {
		if _, err := s.Services().Bonus.SaveAt(s.Ctx(), s.Actor(), b.res, "", bonus.SeenOf(b.stored)); err != nil {
			s.ShowError(err)
			return
		}
	}
	year := s.Year()
	// 50,000 people take seconds: in the background.
	kit.Run(s, kit.Job{Title: i18n.T("run.importing"), Key: "bonus.staff"}, func(ctx context.Context, _ kit.Progress) (bonus.StaffImport, error) {
		return s.Services().Bonus.ImportStaff(ctx, s.Actor(), year, path)
	}, p.imported)
}

// imported shows the split the staff import made and says what it found.
func (p *bonusStaffPanel) imported(sum bonus.StaffImport) {
	b, s := p.b, p.b.host
	b.Refresh()
	msg := i18n.T("bonus.staff.done", "People", sum.People, "Depts", sum.Departments, "Sum", kit.Yuan(sum.Total))
	if len(sum.Missing) > 0 {
		msg += "\n" + i18n.T("bonus.staff.missing", "Depts", strings.Join(sum.Missing, "、"))
	}
	if len(sum.Reconciliation) > 0 {
		msg += "\n" + strings.Join(bonus.ReconcileSummary(sum.Reconciliation, i18n.T), "\n")
	}
	dialog.ShowInformation(i18n.T("bonus.staff.import"), msg, s.Window())
}

// ImportStaff imports the staff list at path as the 导入人员名单 button does
// (for the shell's responsiveness test).
func (b *BonusScreen) ImportStaff(path string) { b.staff.importFile(path) }

// StaffShown is how many people the staff table shows.
func (b *BonusScreen) StaffShown() int { return len(b.staff.lines) }
