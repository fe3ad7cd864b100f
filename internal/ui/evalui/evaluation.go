package evalui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// EvaluationScreen is the year's performance evaluation (绩效评价): the
// units ranked on the left, the selected unit's indicator form on the
// right, and the hospital ranking on a tab of its own.
type EvaluationScreen struct {
	shell Host
	Root  fyne.CanvasObject
	tabs  *container.AppTabs

	assessment  *assessmentPanel
	application *applicationTab
	rules       *projectRulesTab

	// left: the year's units, best first
	search *widget.Entry
	start  *widget.Button
	list   *widget.List
	runs   []evaluation.Run
	shown  []int // indices into runs that match the search
	empty  *widget.Label
	// leftTop holds the search box, and the start button while needed.
	leftTop *fyne.Container

	// right: the selected run
	run      *evaluation.Run
	title    *kit.ElidedLabel
	score    *widget.Label
	grade    *widget.Label
	state    *widget.Label
	save     *widget.Button
	finalise *widget.Button
	// finaliseWhy says why 定稿 is disabled for the signed-in role.
	finaliseWhy *widget.Label
	grid        *evalGrid
	totals      *widget.Label
	radar       *kit.ChartView
	history     *kit.ChartView
	detail      *fyne.Container // the run's page, or a note when none is selected
	page        fyne.CanvasObject
	none        *widget.Label

	ranking *widget.Table
}

// evalListWidths are the left list's columns: rank, kind, name, score,
// grade, lock. They fit a 340-unit panel, leaving the form ≈800 at 1366×768.
var evalListWidths = []float32{34, 44, 136, 56, 70, 22}

func NewEvaluationScreen(s Host) *EvaluationScreen {
	e := &EvaluationScreen{shell: s}
	e.search = widget.NewEntry()
	e.search.SetPlaceHolder(i18n.T("evalui.search"))
	e.search.OnChanged = func(string) { e.filter() }
	e.start = widget.NewButtonWithIcon(i18n.T("evalui.start"), theme.MediaPlayIcon(), e.startYear)
	e.start.Importance = widget.HighImportance
	e.empty = widget.NewLabel("")
	e.empty.Wrapping = fyne.TextWrapWord
	e.list = widget.NewList(func() int { return len(e.shown) }, e.newListItem, e.updateListItem)
	e.list.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(e.shown) {
			e.open(e.runs[e.shown[id]].ID)
		}
	}
	// The start button and its note are only in the panel while the year
	// has no evaluations; hidden widgets would still leave a gap here.
	e.leftTop = container.NewVBox(e.search)
	importValues := widget.NewButtonWithIcon(i18n.T("evalui.import_values"), theme.UploadIcon(), func() { e.shell.ChooseFile([]string{".xlsx", ".xls"}, e.importValues) })
	if !permission.Allowed(e.shell.Actor().Role, permission.EvaluationEnterValues) {
		importValues.Hide() // an auditor or the committee enters no values
	}
	left := container.NewBorder(e.leftTop, importValues, nil, nil, e.list)

	e.title = kit.NewElidedLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.score = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.grade = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	e.state = widget.NewLabel("")
	e.save = widget.NewButtonWithIcon(i18n.T("action.save"), theme.DocumentSaveIcon(), func() { e.grid.saveAll() })
	e.finalise = widget.NewButtonWithIcon(i18n.T("evalui.finalise"), theme.ConfirmIcon(), e.confirmFinalise)
	e.finalise.Importance = widget.HighImportance
	e.finaliseWhy = kit.Reason("")
	e.finaliseWhy.Hide()
	e.grid = newEvalGrid(e)
	e.totals = widget.NewLabel("")
	e.totals.Wrapping = fyne.TextWrapWord
	e.radar = kit.NewChartView()
	e.history = kit.NewChartView()
	head := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(e.save, e.finalise), e.title),
		container.NewHBox(e.score, e.grade, e.state),
		e.finaliseWhy,
		widget.NewSeparator())
	charts := container.NewGridWithColumns(2,
		container.New(&kit.MinHeightLayout{Height: 240}, e.radar),
		container.New(&kit.MinHeightLayout{Height: 240}, e.history))
	body := container.NewVScroll(container.NewVBox(e.grid.root, e.totals, charts))
	e.page = container.NewBorder(head, nil, nil, nil, body)
	e.none = widget.NewLabel("")
	e.detail = container.NewStack(e.none)

	split := container.NewHSplit(left, e.detail)
	split.Offset = 0.3
	e.assessment = newAssessmentPanel(s)
	e.assessment.onEvaluated = e.Refresh
	e.application = newApplicationTab(s)
	e.rules = newProjectRulesTab(s)
	e.ranking = kit.NewLabelTable(evalRankHeader, evalRankWidths, func() int { return len(e.runs) }, e.rankCell)
	e.ranking.OnSelected = func(id widget.TableCellID) {
		e.ranking.UnselectAll()
		if id.Row >= 0 && id.Row < len(e.runs) {
			e.tabs.SelectIndex(0)
			e.selectID(e.runs[id.Row].ID)
		}
	}
	e.tabs = container.NewAppTabs(
		container.NewTabItem(i18n.T("evalui.tab.units"), split),
		container.NewTabItem(i18n.T("evalui.tab.ranking"), e.ranking),
		container.NewTabItem(i18n.T("assess.tab"), e.assessment.root),
		container.NewTabItem(i18n.T("evalui.tab.apply"), e.application.root),
		container.NewTabItem(i18n.T("evalui.tab.project_rules"), container.NewVScroll(e.rules.root)))
	e.Root = e.tabs
	return e
}

func (e *EvaluationScreen) newListItem() fyne.CanvasObject {
	name := kit.NewElidedLabel("")
	grade := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	return kit.NewColumns(evalListWidths, widget.NewLabel(""), widget.NewLabel(""), name,
		widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{}), grade, widget.NewIcon(nil))
}

func (e *EvaluationScreen) updateListItem(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(e.shown) {
		return
	}
	i := e.shown[id]
	r := e.runs[i]
	cells := o.(*fyne.Container).Objects
	cells[0].(*widget.Label).SetText(rankText(r, i))
	cells[1].(*widget.Label).SetText(i18n.T("evalui.kind." + string(r.Unit.Kind)))
	cells[2].(*kit.ElidedLabel).SetText(kit.PickName(r.Unit.Name, r.Unit.NameEn))
	cells[3].(*widget.Label).SetText(runScoreText(r))
	setGradeBadge(cells[4].(*widget.Label), r.Result.Grade)
	lock := cells[5].(*widget.Icon)
	if r.Finalised {
		lock.SetResource(lockIcon)
	} else {
		lock.SetResource(nil)
	}
}

// Refresh reloads the runs of the shell's year, keeping the selection.
func (e *EvaluationScreen) Refresh() {
	s := e.shell
	e.assessment.Refresh()
	e.application.Refresh()
	e.rules.Refresh()
	runs, err := s.Services().Evaluation.Runs(s.Ctx(), s.Actor(), s.Year())
	if err != nil {
		s.ShowError(err)
		return
	}
	e.runs = runs
	e.leftTop.Objects = []fyne.CanvasObject{e.search}
	if len(runs) == 0 {
		e.empty.SetText(i18n.T("evalui.no_runs", "Year", s.Year()))
		e.leftTop.Objects = append(e.leftTop.Objects, e.empty, kit.Guarded(e.start, permission.Check(s.Actor(), permission.EvaluationEnterValues, "")))
	} else if n := evaluation.Unscored(runs); n > 0 {
		// Unscored units are listed after the ranked ones, without rank.
		e.empty.SetText(i18n.T("evalui.unscored_hint", "Count", n))
		e.leftTop.Objects = append(e.leftTop.Objects, e.empty)
	}
	e.leftTop.Refresh()
	e.none.SetText(i18n.T("evalui.pick", "Year", s.Year()))
	e.filter()
	e.ranking.Refresh()
	keep := int64(0)
	if e.run != nil && e.run.Year == s.Year() {
		keep = e.run.ID
	}
	if keep == 0 && len(runs) > 0 {
		keep = runs[0].ID
	}
	if keep == 0 {
		e.run = nil
		e.detail.Objects = []fyne.CanvasObject{e.none}
		e.detail.Refresh()
		return
	}
	e.selectID(keep)
}

// filter shows the runs whose unit matches the search box.
func (e *EvaluationScreen) filter() {
	q := strings.ToLower(strings.TrimSpace(e.search.Text))
	e.shown = e.shown[:0]
	for i, r := range e.runs {
		u := r.Unit
		if q == "" || strings.Contains(strings.ToLower(u.Code+" "+u.Name+" "+u.NameEn), q) {
			e.shown = append(e.shown, i)
		}
	}
	e.list.UnselectAll()
	e.list.Refresh()
}

// selectID selects run id in the list (opening it), or just opens it when
// the search hides it.
func (e *EvaluationScreen) selectID(id int64) {
	for row, i := range e.shown {
		if e.runs[i].ID == id {
			e.list.Select(row)
			return
		}
	}
	e.open(id)
}

// open loads run id and shows its page.
func (e *EvaluationScreen) open(id int64) {
	s := e.shell
	if e.run != nil && e.run.ID != id {
		e.grid.saveAll() // what was typed in the previous unit is kept
	}
	r, err := s.Services().Evaluation.Run(s.Ctx(), s.Actor(), id)
	if err != nil {
		s.ShowError(err)
		return
	}
	e.run = &r
	e.grid.build(r)
	e.showRun()
	e.loadHistory()
	e.detail.Objects = []fyne.CanvasObject{e.page}
	e.detail.Refresh()
}

// reload fetches the open run again after a change, updating the scores
// in place so that the entry being typed in keeps its focus.
func (e *EvaluationScreen) reload() {
	if e.run == nil {
		return
	}
	s := e.shell
	r, err := s.Services().Evaluation.Run(s.Ctx(), s.Actor(), e.run.ID)
	if err != nil {
		s.ShowError(err)
		return
	}
	locked := r.Finalised != e.run.Finalised
	e.run = &r
	for i := range e.runs {
		if e.runs[i].ID == r.ID {
			e.runs[i] = r
		}
	}
	if locked {
		e.grid.build(r)
	} else {
		e.grid.update(r)
	}
	e.showRun()
	e.loadHistory() // this year's point moves with the score
	e.list.Refresh()
	e.ranking.Refresh()
}

// showRun fills the header, the totals and the radar from e.run.
func (e *EvaluationScreen) showRun() {
	r := e.run
	e.title.SetText(i18n.T("evalui.title", "Unit", kit.PickName(r.Unit.Name, r.Unit.NameEn), "Scheme", kit.PickName(r.Scheme.Name, r.Scheme.NameEn), "Year", r.Year))
	e.score.SetText(i18n.T("evalui.score", "Score", runScoreText(*r)))
	setGradeBadge(e.grade, r.Result.Grade)
	if r.Finalised {
		e.state.SetText(i18n.T("evalui.state.finalised", "Date", r.FinalisedAt.Local().Format("2006-01-02"), "By", i18n.UserName(r.FinalisedBy)))
		e.state.Importance = widget.SuccessImportance
		e.save.Hide()
		e.finalise.Hide()
		e.finaliseWhy.Hide()
	} else {
		e.state.SetText(i18n.T("evalui.state.open", "Short", e.missingReasons()))
		e.state.Importance = widget.MediumImportance
		e.save.Show()
		e.finalise.Show()
		e.guardFinalise()
	}
	e.state.Refresh()
	var parts []string
	for _, d := range r.Result.Dimensions {
		if d.Level == 1 {
			parts = append(parts, i18n.T("evalui.dimension_total", "Name", d.Name,
				"Score", runNodeText(*r, d.Score), "Points", i18n.Number(d.Points)))
		}
	}
	e.totals.SetText(strings.Join(parts, "    "))
	e.radar.SetChart(evaluation.ScorecardChart(*r, i18n.Current(), i18n.T))
}

// missingReasons counts the short indicators still without a reason.
func (e *EvaluationScreen) missingReasons() int {
	if !e.run.Scored() {
		return 0 // nothing entered yet: no reason is asked for
	}
	n := 0
	for _, is := range e.run.Result.Indicators {
		if is.Short && strings.TrimSpace(e.run.Reasons[is.Code]) == "" {
			n++
		}
	}
	return n
}

func (e *EvaluationScreen) loadHistory() {
	s := e.shell
	r := e.run
	runs, err := s.Services().Evaluation.History(s.Ctx(), s.Actor(), r.Unit.Kind, r.Unit.Code)
	if err != nil {
		s.ShowError(err)
		return
	}
	e.history.SetChart(evaluation.HistoryChart(runs, i18n.T))
}

// startYear opens the year's evaluations for every unit with a scheme.
func (e *EvaluationScreen) startYear() {
	s := e.shell
	kit.ConfirmAction(s.Window(), i18n.T("evalui.start"), i18n.T("evalui.start_confirm", "Year", s.Year()), i18n.T("evalui.start"), e.doStartYear)
}

func (e *EvaluationScreen) doStartYear() {
	s := e.shell
	n, err := s.Services().Evaluation.StartYear(s.Ctx(), s.Actor(), s.Year())
	if err != nil {
		s.ShowError(err)
		return
	}
	e.Refresh()
	text := i18n.T("evalui.started", "Year", s.Year(), "Count", n)
	if n == 0 {
		text = i18n.T("evalui.started_none", "Year", s.Year())
	}
	dialog.ShowInformation(i18n.T("evalui.start"), text, s.Window())
}

// guardFinalise disables 定稿 for a role that may not finalise, with
// the permission's reason beside the state.
func (e *EvaluationScreen) guardFinalise() {
	err := permission.Check(e.shell.Actor(), permission.EvaluationFinalise, evaluation.UnitDept(e.run.Unit))
	if err == nil {
		e.finalise.Enable()
		e.finaliseWhy.Hide()
		return
	}
	e.finalise.Disable()
	e.finaliseWhy.SetText(i18n.Message(err))
	e.finaliseWhy.Show()
}

// confirmFinalise saves what was typed, then finalises after a
// confirmation: a finalised evaluation can no longer be changed.
func (e *EvaluationScreen) confirmFinalise() {
	if e.run == nil || !e.grid.saveAll() {
		return
	}
	s := e.shell
	id := e.run.ID
	name := kit.PickName(e.run.Unit.Name, e.run.Unit.NameEn)
	kit.ConfirmAction(s.Window(), i18n.T("evalui.finalise"), i18n.T("evalui.finalise_confirm", "Unit", name), i18n.T("evalui.finalise"), func() {
		if err := s.Services().Evaluation.Finalise(s.Ctx(), s.Actor(), id); err != nil {
			s.ShowError(err)
			return
		}
		e.reload()
	})
}

// rank header of the hospital ranking tab.
var evalRankHeader = []string{"evalui.col.rank", "evalui.col.kind", "evalui.col.unit", "evalui.col.scheme", "evalui.col.score", "evalui.col.grade", "evalui.col.state"}
var evalRankWidths = []float32{60, 70, 220, 300, 90, 60, 150}

func (e *EvaluationScreen) rankCell(row, col int) (string, fyne.TextAlign) {
	r := e.runs[row]
	switch col {
	case 0:
		return rankText(r, row), fyne.TextAlignTrailing
	case 1:
		return i18n.T("evalui.kind." + string(r.Unit.Kind)), fyne.TextAlignLeading
	case 2:
		return kit.PickName(r.Unit.Name, r.Unit.NameEn), fyne.TextAlignLeading
	case 3:
		return kit.PickName(r.Scheme.Name, r.Scheme.NameEn), fyne.TextAlignLeading
	case 4:
		return runScoreText(r), fyne.TextAlignTrailing
	case 5:
		return gradeText(r.Result.Grade), fyne.TextAlignCenter
	}
	if r.Finalised {
		return i18n.T("evalui.finalised_short"), fyne.TextAlignLeading
	}
	return i18n.T("evalui.open_short"), fyne.TextAlignLeading
}

// SaveAll saves the values typed in the grid before the screen goes.
func (e *EvaluationScreen) SaveAll() { e.grid.saveAll() }

// Scorecard is a scored unit's scorecard chart as the screen draws it.
type Scorecard struct {
	Unit  string
	Chart chart.Chart
}

// Scorecards selects each scored unit of the list in turn and gives its
// scorecard, in the list's order.
func (e *EvaluationScreen) Scorecards() []Scorecard {
	var out []Scorecard
	for _, i := range e.shown {
		r := e.runs[i]
		if !r.Scored() {
			continue
		}
		e.selectID(r.ID)
		out = append(out, Scorecard{Unit: r.Unit.Code, Chart: e.radar.Chart()})
	}
	return out
}
