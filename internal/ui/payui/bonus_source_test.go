package payui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// The entered-score dialog asks for the source: a revenue source is refused
// citing the rule and nothing is stored; a workload measure is taken.
// Then the staff tab reconciles the imported list with the headcount.
func TestScoreDialogSourceAndStaffReconciliation(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2026)
	b := s.bonus
	var d = b.rows()[0]
	enter := func(score, source string) {
		b.enterScore(d, scoring.BonusWorkload)
		top := s.win.Canvas().Overlays().Top()
		var entry *widget.Entry
		var src *widget.SelectEntry
		for _, f := range probe.FindForms(top) {
			for _, it := range f.Items {
				switch w := it.Widget.(type) {
				case *widget.SelectEntry:
					src = w
				case *widget.Entry:
					entry = w
				}
			}
		}
		if entry == nil || src == nil {
			t.Fatalf("score dialog without score and source fields")
		}
		entry.SetText(score)
		src.SetText(source)
		confirmTop(t, s)
	}
	enter("77", "科室医疗收入完成率")
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !probe.HasText(top, "国办发〔2019〕4号") {
		t.Fatalf("revenue source not refused with the rule")
	}
	s.win.Canvas().Overlays().Remove(top)
	if src, _ := s.svc.Bonus.ScoreSource(s.ctx, s.actor, 2026, d.Code, scoring.BonusWorkload); src == "科室医疗收入完成率" {
		t.Fatal("a refused source was stored")
	}
	enter("77", "出院人次")
	if src, _ := s.svc.Bonus.ScoreSource(s.ctx, s.actor, 2026, d.Code, scoring.BonusWorkload); src != "出院人次" {
		t.Fatalf("source stored %q", src)
	}

	// Staff tab: save, import a list of 2 for 妇女保健科, read the check.
	b.pool.SetText("10000000.01")
	b.pool.OnSubmitted(b.pool.Text)
	test.Tap(b.saveBtn)
	path := filepath.Join(t.TempDir(), "staff.xlsx")
	f := excelize.NewFile()
	for i, r := range [][]any{{"科室", "姓名", "岗位系数", "管理岗位", "出勤天数"}, {"妇女保健科", "张敏", 1.5, "科主任", 22}, {"妇女保健科", "李娜", 1.2, "", 22}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		_ = f.SetSheetRow("Sheet1", cell, &r)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	b.ImportStaff(path)
	var women money.Amount
	for _, r := range b.rows() {
		if r.Code == "301" {
			women = r.Bonus
		}
	}
	want := "妇女保健科：名单 2 人"
	if !strings.Contains(b.staff.info.Text, want) || !strings.Contains(b.staff.info.Text, "与科室金额 "+money.FormatPlain(women)+" 元一致") {
		t.Errorf("staff tab reconciliation: %q", b.staff.info.Text)
	}
}
