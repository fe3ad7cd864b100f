package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// TargetsTab is the project half of "double monitoring" (双监控): every
// project of the year with its spending against budget and the traffic
// light of its performance targets at a month-end; the selected project's
// targets with the value expected by then, the latest actual and an entry
// for the month's report; the month's project spending; and the import of
// a workbook of target values.
type TargetsTab struct {
	shell *Shell
	root  fyne.CanvasObject

	month    int // the month-end shown; 0 = the latest month with actuals
	all      []execution.ProjectProgress
	shown    []int // indexes into all, after search and department filter
	selected int64 // project id, 0 when none
	depts    []string

	search   *widget.Entry
	dept     *widget.Select
	list     *widget.Table
	summary  *widget.Label
	title    *widget.Label
	info     *widget.Label
	hint     *widget.Label
	rowsBox  *fyne.Container
	rows     []*progressRow
	save     *widget.Button
	spend    *widget.Entry
	spendLbl *widget.Label
	saveSp   *widget.Button
	importB  *widget.Button
}

// progressRow is one target of the selected project with its entry.
type progressRow struct {
	position int
	original string // what was reported for the month itself
	note     string // its note (from an import), kept when the value changes
	entry    *widget.Entry
	badge    *levelBadge
	cells    []*kit.ElidedLabel
}

var targetListKeys = []string{"progress.col.project", "progress.col.level", "col.budget_wan", "progress.col.spent_wan", "progress.col.spending_rate", "col.department"}
var targetListWidths = []float32{300, 90, 130, 175, 100, 180}

var targetRowKeys = []string{"progress.col.indicator", "progress.col.target", "progress.col.expected", "progress.col.actual", "progress.col.completion", "progress.col.level", "progress.col.entry"}
var targetRowWidths = []float32{260, 120, 120, 150, 100, 100, 140}

// The badge columns of the project list and of the target table.
const (
	listLevelCol = 1
	rowLevelCol  = 5
)

func newTargetsTab(s *Shell) *TargetsTab {
	t := &TargetsTab{shell: s, search: widget.NewEntry(), summary: widget.NewLabel(""),
		title: widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		info:  widget.NewLabel(""), hint: widget.NewLabel(i18n.T("progress.hint")), rowsBox: container.NewVBox(),
		spend: widget.NewEntry(), spendLbl: widget.NewLabel("")}
	t.search.SetPlaceHolder(i18n.T("progress.search"))
	t.search.OnChanged = func(string) { t.apply() }
	t.dept = kit.NewSelect([]string{i18n.T("progress.all_depts")}, nil)
	t.dept.SetSelectedIndex(0)
	t.info.Wrapping, t.hint.Wrapping, t.summary.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord, fyne.TextWrapWord
	t.hint.Importance = widget.LowImportance
	t.list = t.newList()
	t.dept.OnChanged = func(string) { t.apply() }
	t.save = widget.NewButtonWithIcon(i18n.T("progress.save"), theme.DocumentSaveIcon(), t.saveValues)
	t.save.Importance = widget.HighImportance
	t.saveSp = widget.NewButton(i18n.T("progress.save_spending"), t.saveSpending)
	t.spend.SetPlaceHolder(i18n.T("progress.spend_placeholder"))
	t.importB = widget.NewButtonWithIcon(i18n.T("progress.import"), theme.DownloadIcon(), t.chooseFile)

	// The list above the detail, both full width: the target table needs
	// its seven columns side by side even at 1366×768.
	dept := container.NewGridWrap(fyne.NewSize(220, t.dept.MinSize().Height), t.dept)
	top := container.NewBorder(container.NewBorder(nil, nil, nil, container.NewHBox(dept, t.importB), t.search),
		t.summary, nil, nil, t.list)
	header := kit.NewColumns(targetRowWidths, headerLabels(targetRowKeys)...)
	spendRow := container.NewBorder(nil, nil, t.spendLbl, t.saveSp, t.spend)
	heading := container.NewBorder(nil, nil, nil, container.NewCenter(t.save), container.NewVBox(t.title, t.info))
	detail := container.NewBorder(container.NewVBox(widget.NewSeparator(), heading, header),
		container.NewVBox(t.hint, spendRow), nil, nil, container.NewVScroll(t.rowsBox))
	split := container.NewVSplit(top, detail)
	split.Offset = 0.4
	t.root = split
	t.showProject()
	return t
}

// headerLabels are the target table's headings, aligned like their
// columns: text leading, figures trailing.
func headerLabels(keys []string) []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(keys))
	for i, k := range keys {
		align := fyne.TextAlignTrailing
		switch {
		case i == 0 || i == len(keys)-1:
			align = fyne.TextAlignLeading
		case i == rowLevelCol:
			align = fyne.TextAlignCenter
		}
		out[i] = kit.NewElidedLabelWithStyle(i18n.T(k), align, fyne.TextStyle{Bold: true})
	}
	return out
}

// SetMonth shows the month-end m (1–12; 0 = the latest month with
// actuals), reloading when it changes.
func (t *TargetsTab) SetMonth(m int) {
	if m == t.month {
		return
	}
	t.month = m
	t.Refresh()
}

// Refresh reloads the projects of the shell's year at the month-end.
func (t *TargetsTab) Refresh() {
	s := t.shell
	if s.svc == nil {
		return
	}
	all, err := s.svc.Execution.ProjectProgress(s.ctx, s.actor, s.year, t.month)
	if err != nil {
		s.showError(err)
		return
	}
	t.all = all
	t.depts = t.depts[:0]
	opts := []string{i18n.T("progress.all_depts")}
	seen := map[string]bool{}
	lagging, amber, blue := 0, 0, 0
	for _, p := range all {
		if !seen[p.DeptCode] {
			seen[p.DeptCode] = true
			t.depts = append(t.depts, p.DeptCode)
			opts = append(opts, p.DeptCode+" "+kit.PickName(p.DeptName, p.DeptNameEn))
		}
		switch {
		case p.Lagging:
			lagging++
		case p.Level == domain.LevelAmber:
			amber++
		case p.Level == domain.LevelBlue:
			blue++
		}
	}
	chosen := t.dept.Selected
	t.dept.SetOptions(opts)
	t.dept.SetSelected(chosen)
	if t.dept.SelectedIndex() < 0 {
		t.dept.SetSelectedIndex(0)
	}
	if len(all) == 0 {
		t.summary.SetText(i18n.T("progress.none", "Year", s.year))
	} else {
		t.summary.SetText(i18n.T("progress.summary", "Count", len(all), "Lagging", lagging, "Amber", amber, "Blue", blue))
	}
	t.apply()
}

// apply filters the list by the search text and the department.
func (t *TargetsTab) apply() {
	q := strings.ToLower(strings.TrimSpace(t.search.Text))
	dept := ""
	if i := t.dept.SelectedIndex(); i > 0 && i <= len(t.depts) {
		dept = t.depts[i-1]
	}
	t.shown = t.shown[:0]
	for i, p := range t.all {
		if dept != "" && p.DeptCode != dept {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(p.Name+" "+p.DeptCode+" "+p.DeptName+" "+p.DeptNameEn), q) {
			continue
		}
		t.shown = append(t.shown, i)
	}
	t.list.UnselectAll()
	t.list.Refresh()
	for r, i := range t.shown {
		if t.all[i].ID == t.selected {
			t.list.Select(widget.TableCellID{Row: r, Col: 0})
		}
	}
	t.showProject()
}

// newList is the project table; the last column is the level badge.
func (t *TargetsTab) newList() *widget.Table {
	tbl := widget.NewTable(func() (int, int) { return len(t.shown), len(targetListKeys) },
		func() fyne.CanvasObject {
			return container.NewStack(kit.NewElidedLabel(""), newLevelBadge().root)
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			l, badge := box.Objects[0].(*kit.ElidedLabel), box.Objects[1].(*fyne.Container)
			if id.Row >= len(t.shown) {
				return
			}
			p := t.all[t.shown[id.Row]]
			if id.Col == listLevelCol {
				l.Hide()
				badge.Show()
				text, col := projectBadge(p)
				setBadge(badge, text, col)
				return
			}
			badge.Hide()
			l.Show()
			text, align := t.cell(p, id.Col)
			l.Alignment = align
			l.SetText(text)
		})
	tbl.ShowHeaderRow = true
	tbl.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	tbl.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*widget.Label).SetText(i18n.T(targetListKeys[id.Col]))
	}
	for c, w := range targetListWidths {
		tbl.SetColumnWidth(c, w)
	}
	tbl.OnSelected = func(id widget.TableCellID) {
		if id.Row < len(t.shown) && t.all[t.shown[id.Row]].ID != t.selected {
			t.selected = t.all[t.shown[id.Row]].ID
			t.showProject()
		}
	}
	return tbl
}

func (t *TargetsTab) cell(p execution.ProjectProgress, c int) (string, fyne.TextAlign) {
	switch c {
	case 0:
		return p.Name, fyne.TextAlignLeading
	case 2:
		return kit.Wan(p.Budget), fyne.TextAlignTrailing
	case 3:
		return kit.Wan(p.Spent), fyne.TextAlignTrailing
	case 4:
		if p.Budget == 0 {
			return "—", fyne.TextAlignTrailing
		}
		return i18n.Percent(p.SpendingRate), fyne.TextAlignTrailing
	case 5:
		return kit.PickName(p.DeptName, p.DeptNameEn), fyne.TextAlignLeading
	}
	return "", fyne.TextAlignLeading
}

// current is the selected project, if it is still listed.
func (t *TargetsTab) current() (execution.ProjectProgress, bool) {
	for _, p := range t.all {
		if p.ID == t.selected {
			return p, true
		}
	}
	return execution.ProjectProgress{}, false
}

// showProject fills the right side with the selected project's targets.
func (t *TargetsTab) showProject() {
	p, ok := t.current()
	t.rows = nil
	t.rowsBox.Objects = nil
	monthOK := t.monthShown() > 0
	if !ok {
		t.title.SetText(i18n.T("progress.pick_project"))
		t.info.SetText("")
		t.spendLbl.SetText(i18n.T("progress.spending_label", "Month", monthLabel(t.monthShown())))
		t.spend.SetText("")
		t.rowsBox.Refresh()
		kit.EnableWhen(t.save, false)
		kit.EnableWhen(t.saveSp, false)
		return
	}
	t.title.SetText(p.Name)
	t.info.SetText(i18n.T("progress.info", "Dept", kit.PickName(p.DeptName, p.DeptNameEn), "Type", projectTypeName(p.Type),
		"Budget", kit.Wan(p.Budget), "Month", monthLabel(p.Month), "Spent", kit.Wan(p.Spent), "Rate", i18n.Percent(p.SpendingRate), "Time", i18n.Percent(p.TimeProgress)))
	for _, tp := range p.Targets {
		r := t.newProgressRow(tp, p.Month)
		t.rows = append(t.rows, r)
		cells := make([]fyne.CanvasObject, 0, len(targetRowKeys))
		for _, l := range r.cells {
			cells = append(cells, l)
		}
		cells = append(cells, r.badge.root, r.entry)
		t.rowsBox.Add(kit.NewColumns(targetRowWidths, cells...))
	}
	if len(p.Targets) == 0 {
		t.rowsBox.Add(widget.NewLabel(i18n.T("progress.no_targets")))
	}
	t.rowsBox.Refresh()
	t.spendLbl.SetText(i18n.T("progress.spending_label", "Month", monthLabel(p.Month)))
	t.spend.SetText("")
	if p.MonthRecorded {
		t.spend.SetText(kit.Yuan(p.MonthSpent))
	}
	kit.EnableWhen(t.save, monthOK && len(p.Targets) > 0)
	kit.EnableWhen(t.saveSp, monthOK)
}

func (t *TargetsTab) newProgressRow(tp execution.TargetProgress, month int) *progressRow {
	a := tp.Assessment
	r := &progressRow{position: tp.Position, entry: widget.NewEntry(), badge: newLevelBadge()}
	if tp.ActualMonth == month && month > 0 {
		r.original, r.note = tp.Actual, tp.Note
	}
	r.entry.SetText(r.original)
	if r.original == "" && tp.Actual != "" {
		r.entry.SetPlaceHolder(tp.Actual) // last reported, as a reminder
	}
	if month == 0 {
		r.entry.Disable()
	}
	actual := "—"
	if tp.Actual != "" {
		actual = withUnit(tp.Actual, tp.Target.Unit) + " (" + shortMonth(tp.ActualMonth) + ")"
	}
	expected, completion := "—", "—"
	if _, ok := domain.TargetNumber(tp.Target.Value); ok && tp.Target.Direction != domain.DirQualitative {
		expected = withUnit(i18n.Decimals(a.Expected, 2), tp.Target.Unit)
	}
	if a.HasRatio {
		completion = i18n.Percent(a.Completion)
	}
	texts := []string{tp.Target.Indicator, targetText(tp.Target), expected, actual, completion}
	for i, s := range texts {
		l := kit.NewElidedLabel(s)
		if i > 0 {
			l.Alignment = fyne.TextAlignTrailing
		}
		r.cells = append(r.cells, l)
	}
	text, col := levelText(a), levelColor(a.Level)
	r.badge.set(text, col)
	return r
}

// monthShown is the month-end the figures are for (the resolved month).
func (t *TargetsTab) monthShown() int {
	if len(t.all) > 0 {
		return t.all[0].Month
	}
	return t.month
}

// saveValues records the entries changed for the month, all in one go.
func (t *TargetsTab) saveValues() {
	p, ok := t.current()
	if !ok || p.Month == 0 {
		return
	}
	var entries []execution.TargetEntry
	for _, r := range t.rows {
		if v := strings.TrimSpace(r.entry.Text); v != r.original {
			entries = append(entries, execution.TargetEntry{Position: r.position, Value: v, Note: r.note})
		}
	}
	if len(entries) == 0 {
		return
	}
	s := t.shell
	if err := s.svc.Execution.RecordTargetValues(s.ctx, s.actor, p.ID, p.Month, entries); err != nil {
		s.showError(err)
		return
	}
	t.Refresh()
}

// saveSpending records the month's project spending as typed (1,234.5 or 12.3万).
func (t *TargetsTab) saveSpending() {
	p, ok := t.current()
	if !ok || p.Month == 0 {
		return
	}
	s := t.shell
	amount, err := kit.ParseAmount(t.spend.Text)
	if err != nil {
		s.showError(err)
		return
	}
	if err := s.svc.Execution.RecordProjectSpending(s.ctx, s.actor, p.ID, p.Month, amount); err != nil {
		s.showError(err)
		return
	}
	t.Refresh()
}

func (t *TargetsTab) chooseFile() {
	t.shell.chooseFile([]string{".xlsx", ".xls"}, t.importFrom)
}

// importFrom imports the target values of the workbook at path into the
// shell's year and says how many were recorded.
func (t *TargetsTab) importFrom(path string) {
	s := t.shell
	year := s.year
	run(s, kit.Job{Title: i18n.T("run.importing"), Key: "execution.targets"}, func(ctx context.Context, _ kit.Progress) (int, error) {
		return s.svc.Execution.ImportTargetValues(ctx, s.actor, year, path)
	}, func(n int) {
		t.Refresh()
		dialog.ShowInformation(i18n.T("progress.import_title"), i18n.T("progress.imported", "Count", n, "Year", year), s.win)
	})
}
