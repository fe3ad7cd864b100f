package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// targetsTabFor opens the 2026 demo hospital's targets tab at September.
func targetsTabFor(t *testing.T, lang string) (*Shell, *TargetsTab) {
	t.Helper()
	s, _ := startApp(t, demoDB(t, 2026), lang)
	s.year = 2026
	tab := newTargetsTab(s)
	s.win.SetContent(tab.root)
	tab.SetMonth(9)
	return s, tab
}

// selectProject selects the listed project called name.
func selectProject(t *testing.T, tab *TargetsTab, name string) {
	t.Helper()
	for r, i := range tab.shown {
		if tab.all[i].Name == name {
			tab.list.Select(widget.TableCellID{Row: r, Col: 0})
			return
		}
	}
	t.Fatalf("project %q is not listed", name)
}

func TestTargetsTabEntersValuesAndSpending(t *testing.T) {
	s, tab := targetsTabFor(t, "zh")
	if len(tab.shown) != 7 {
		t.Fatalf("%d projects listed, want the demo's 7", len(tab.shown))
	}
	if got := tab.summary.Text; got != "共 7 个项目：滞后 1 个，关注 2 个，超前 1 个" {
		t.Errorf("summary %q", got)
	}
	selectProject(t, tab, "医疗设备更新项目")
	if p, _ := tab.current(); p.Level != domain.LevelRed {
		t.Errorf("equipment level %s", p.Level)
	} else if text, _ := projectBadge(p); text != "滞后" {
		t.Errorf("badge %q", text)
	}
	if len(tab.rows) != 5 || tab.title.Text != "医疗设备更新项目" {
		t.Fatalf("%d target rows for %q", len(tab.rows), tab.title.Text)
	}
	first := tab.rows[0]
	if got := first.badge.text(); got != "滞后" {
		t.Errorf("设备购置数量 badge %q, want 滞后 (4 of 9 expected)", got)
	}
	if first.cells[1].Text != "≥ 12 台" || first.cells[2].Text != "9 台" || first.cells[3].Text != "4 台 (9月)" || first.cells[4].Text != "44.4%" {
		t.Errorf("row cells: %q %q %q %q", first.cells[1].Text, first.cells[2].Text, first.cells[3].Text, first.cells[4].Text)
	}
	if first.entry.Text != "4" {
		t.Errorf("the month's own report is not in the entry: %q", first.entry.Text)
	}

	// Deliveries caught up: 12 devices against 9 expected is far ahead.
	first.entry.SetText("")
	test.Type(first.entry, "12")
	test.Tap(tab.save)
	if got := tab.rows[0].badge.text(); got != "超前" {
		t.Errorf("after saving 12: badge %q, want 超前", got)
	}
	if p, _ := tab.current(); p.Level != domain.LevelRed || !p.Lagging {
		t.Errorf("project still lags on on-time delivery: level %s lagging %v", p.Level, p.Lagging)
	}
	ctx := context.Background()
	values, err := s.svc.Store.TargetValues(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := tab.current()
	found := false
	for _, v := range values {
		if v.ProjectID == p.ID && v.Position == 1 && v.Month == 9 {
			found = v.Value == "12" && v.RecordedBy == domain.LocalUser.Login
		}
	}
	if !found {
		t.Error("the value 12 for September is not in the store")
	}

	// A word where a number belongs is refused and nothing is written.
	tab.rows[1].entry.SetText("很快")
	test.Tap(tab.save)
	if p, _ := tab.current(); p.Targets[1].Actual != "58" {
		t.Errorf("a refused value was written: %q", p.Targets[1].Actual)
	}

	// The month's spending, typed as accountants do.
	tab.spend.SetText("12.3万")
	test.Tap(tab.saveSp)
	sp, err := s.svc.Store.ProjectSpending(ctx, 2026)
	if err != nil {
		t.Fatal(err)
	}
	ok := false
	for _, x := range sp {
		if x.ProjectID == p.ID && x.Month == 9 {
			ok = x.Amount == money.FromYuan(123000)
		}
	}
	if !ok || tab.spend.Text != "123,000.00" {
		t.Errorf("September spending not stored as 123,000.00 (entry %q)", tab.spend.Text)
	}
}

func TestTargetsTabFiltersAndImports(t *testing.T) {
	_, tab := targetsTabFor(t, "en")
	test.Type(tab.search, "screening") // the English name of department 305
	if len(tab.shown) != 1 || tab.all[tab.shown[0]].DeptCode != "305" {
		t.Errorf("search screening lists %d projects, want 305's", len(tab.shown))
	}
	tab.search.SetText("筛查")
	if len(tab.shown) != 3 {
		t.Errorf("search 筛查 lists %d projects, want 3", len(tab.shown))
	}
	tab.search.SetText("")
	tab.dept.SetSelected("502 Medical Equipment")
	if len(tab.shown) != 1 || tab.all[tab.shown[0]].DeptCode != "502" {
		t.Fatalf("department filter lists %d projects", len(tab.shown))
	}
	if text, _ := projectBadge(tab.all[tab.shown[0]]); text != "Behind" {
		t.Errorf("badge %q, want Behind", text)
	}

	path := filepath.Join(t.TempDir(), "values.xlsx")
	f := excelize.NewFile()
	rows := [][]any{{"项目名称", "指标名称", "月份", "实际值"}, {"医疗设备更新项目", "设备按期到货率", 9, "96%"}}
	for r, row := range rows {
		for c, v := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			_ = f.SetCellValue("Sheet1", cell, v)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	selectProject(t, tab, "医疗设备更新项目")
	tab.importFrom(path)
	if got := tab.rows[1].badge.text(); got != "On track" {
		t.Errorf("after the import the on-time rate shows %q", got)
	}
	if findButton(tab.root, "Import target values…") == nil {
		t.Error("no import button")
	}
}
