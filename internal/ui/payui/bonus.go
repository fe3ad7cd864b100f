package payui

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/chart"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// BonusScreen is the performance-bonus allocation of the shell's year:
// the pool and the weights with the public-welfare weight as a slider
// that reallocates live, the departments' table, the sensitivity chart,
// saving, approval (which locks the year), the staff split and the pay
// sheet.
type BonusScreen struct {
	host Host
	Root fyne.CanvasObject

	// inputs are read once per year and pool, so the slider needs no
	// database; nil while the year is locked or cannot be computed.
	inputs *bonus.Inputs
	res    bonus.Result
	hasRes bool
	// stored is the year's saved run (approved or draft), if any.
	stored *bonus.Result
	dirty  bool // res differs from stored

	pool       *widget.Entry
	capLabel   *widget.Label
	state      *widget.Label
	slider     *widget.Slider
	weight     *widget.Label
	others     *widget.Label
	floorLabel *widget.Label
	message    *widget.Label
	totals     *widget.Label
	// unmeasured says that some departments lack a dimension (未计量).
	unmeasured *widget.Label

	table     *widget.Table
	chart     *kit.ChartView
	chartShow *widget.Select
	staff     *bonusStaffPanel

	saveBtn, approveBtn, exportBtn *widget.Button
}

func NewScreen(s Host) *BonusScreen {
	b := &BonusScreen{host: s}
	b.pool = widget.NewEntry()
	b.pool.OnSubmitted = func(string) { b.poolChanged() }
	b.capLabel = widget.NewLabel("")
	b.state = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	b.slider = widget.NewSlider(0, 50)
	b.slider.Step = 1
	b.slider.OnChanged = func(float64) { b.reallocate() }
	b.weight = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	b.others = widget.NewLabel("")
	b.others.Wrapping = fyne.TextWrapWord
	b.floorLabel = widget.NewLabel("")
	b.message = widget.NewLabel("")
	b.message.Wrapping = fyne.TextWrapWord
	b.message.Importance = widget.DangerImportance
	b.message.Hide()
	b.totals = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})

	b.table = b.newTable()
	b.chart = kit.NewChartView()
	b.chartShow = widget.NewSelect(nil, func(string) { b.drawChart() })
	b.staff = newBonusStaffPanel(b)

	b.saveBtn = widget.NewButtonWithIcon(i18n.T("bonus.save"), theme.DocumentSaveIcon(), b.save)
	b.saveBtn.Importance = widget.HighImportance
	b.approveBtn = widget.NewButtonWithIcon(i18n.T("bonus.approve"), theme.ConfirmIcon(), b.approve)
	b.exportBtn = widget.NewButtonWithIcon(i18n.T("bonus.export"), theme.DownloadIcon(), b.export)

	poolRow := container.NewBorder(nil, nil, widget.NewLabel(i18n.T("bonus.pool")), b.capLabel, b.pool)
	sliderRow := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.AccountIcon()), b.weight), b.floorLabel, b.slider)
	scheme := widget.NewCard("", "", container.NewVBox(
		container.NewGridWithColumns(2, poolRow, container.NewHBox(b.saveBtn, b.approveBtn, b.exportBtn, b.state)),
		sliderRow, b.others, b.message))

	entered := widget.NewLabel(i18n.T("bonus.entered_hint"))
	entered.Importance = widget.LowImportance
	b.unmeasured = widget.NewLabel("")
	b.unmeasured.Wrapping = fyne.TextWrapWord
	b.unmeasured.Importance = widget.WarningImportance
	b.unmeasured.Hide()
	tableArea := container.NewBorder(nil, container.NewVBox(b.unmeasured, container.NewBorder(nil, nil, entered, nil, b.totals)), nil, nil, b.table)
	chartArea := container.NewBorder(container.NewHBox(widget.NewLabel(i18n.T("bonus.chart.show")), container.NewGridWrap(fyne.NewSize(240, b.chartShow.MinSize().Height), b.chartShow)), nil, nil, nil, b.chart)
	split := container.NewVSplit(tableArea, chartArea)
	split.Offset = 0.62
	tabs := container.NewAppTabs(
		container.NewTabItem(i18n.T("bonus.tab.departments"), split),
		container.NewTabItem(i18n.T("bonus.tab.staff"), b.staff.root),
	)
	b.Root = container.NewBorder(scheme, nil, nil, nil, tabs)
	return b
}

// Refresh loads the shell's year: its saved run, else a new allocation of
// the whole approved performance pay under the default weights.
func (b *BonusScreen) Refresh() {
	s := b.host
	b.inputs, b.stored, b.hasRes, b.dirty = nil, nil, false, false
	b.say("")
	opts := make([]string, len(bonus.ChartGroups))
	for i, g := range bonus.ChartGroups {
		opts[i] = i18n.T(g.Key)
	}
	b.chartShow.SetOptions(opts)
	if b.chartShow.SelectedIndex() < 0 {
		first := 0
		if s.Actor().Role == domain.RoleDeptHead {
			// Their own departments may all be of another type than the
			// first group's: "all" shows exactly theirs, never an empty chart.
			first = len(bonus.ChartGroups) - 1
		}
		b.chartShow.SetSelectedIndex(first)
	}
	stored, ok, err := s.Services().Bonus.Current(s.Ctx(), s.Actor(), s.Year())
	if err != nil {
		b.fail(err)
		return
	}
	floor, _ := s.Services().Bonus.Floor(s.Ctx(), s.Actor())
	b.floorLabel.SetText(i18n.T("bonus.floor", "Floor", i18n.Percent(floor)))
	if ok {
		b.stored = &stored
		b.res, b.hasRes = stored, true
	}
	locked := ok && stored.Run.Approved
	if !locked {
		pool := money.Amount(0)
		if ok {
			pool = stored.Pool
		} else if cap, err := s.Services().Bonus.Cap(s.Ctx(), s.Actor(), s.Year()); err == nil {
			pool = cap
		} else {
			b.fail(err)
			return
		}
		in, err := s.Services().Bonus.Prepare(s.Ctx(), s.Actor(), s.Year(), pool)
		if err != nil {
			b.fail(err)
			return
		}
		b.inputs = in
	}
	if b.inputs != nil {
		b.capLabel.SetText(i18n.T("bonus.cap", "Cap", kit.Yuan(b.inputs.Cap())))
	} else {
		b.capLabel.SetText(i18n.T("bonus.cap", "Cap", kit.Yuan(stored.Cap)))
	}
	w := bonus.DefaultWeights[scoring.BonusPublicWelfare]
	if b.hasRes {
		w = b.res.Weights[scoring.BonusPublicWelfare]
		b.pool.SetText(kit.Yuan(b.res.Pool))
	} else {
		b.pool.SetText(kit.Yuan(b.inputs.Pool()))
	}
	b.slider.Min = 0
	b.slider.Max = 50
	b.slider.SetValue(w * 100) // calls reallocate when it moves
	if !b.hasRes && b.inputs != nil {
		b.reallocate()
	}
	b.dirty = false
	b.setEditable(!locked)
	b.show()
}

// fail shows why the year cannot be allocated and clears the figures.
func (b *BonusScreen) fail(err error) {
	b.inputs, b.hasRes = nil, false
	b.say(i18n.Message(err))
	b.capLabel.SetText("")
	b.setEditable(false)
	b.exportBtn.Disable()
	b.show()
}

// setEditable enables what the year's state and the user's role allow:
// the budget office computes and saves, the committee approves a saved draft.
func (b *BonusScreen) setEditable(on bool) {
	role := b.host.Actor().Role
	compute := on && permission.Allowed(role, permission.BonusCompute)
	approve := on && permission.Allowed(role, permission.BonusApprove) && (compute || b.stored != nil)
	for w, ok := range map[fyne.Disableable]bool{b.pool: compute, b.slider: compute, b.saveBtn: compute, b.approveBtn: approve} {
		if ok {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	b.staff.setEditable(compute)
	if b.stored != nil {
		b.exportBtn.Enable()
	} else {
		b.exportBtn.Disable()
	}
}

// reallocate allocates the pool with the slider's weight, without reading.
func (b *BonusScreen) reallocate() {
	if b.inputs == nil {
		b.showWeights()
		return
	}
	res, err := b.inputs.Allocate(b.slider.Value / 100)
	if err != nil {
		b.say(i18n.Message(err))
		b.showWeights()
		return
	}
	b.say("")
	b.res, b.hasRes, b.dirty = res, true, true
	b.show()
}

// poolChanged takes the typed pool; an amount over the cap is explained.
func (b *BonusScreen) poolChanged() {
	if b.inputs == nil {
		return
	}
	p, err := money.Parse(strings.TrimSpace(b.pool.Text), money.Yuan)
	if err != nil || p.Amount <= 0 {
		b.say(i18n.T("bonus.pool_text", "Text", b.pool.Text))
		return
	}
	b.inputs = b.inputs.WithPool(p.Amount)
	b.reallocate()
}

// show puts the result on screen.
func (b *BonusScreen) show() {
	b.showWeights()
	b.table.Refresh()
	b.drawChart()
	var heads int
	var sum money.Amount
	if b.hasRes {
		for _, d := range b.res.Departments {
			heads += d.Headcount
			sum += d.Bonus
		}
	}
	b.totals.SetText(i18n.T("bonus.totals", "Count", len(b.res.Departments), "Heads", heads, "Sum", kit.Yuan(sum)))
	b.showUnmeasured()
	switch {
	case b.stored == nil || b.dirty:
		b.state.SetText(i18n.T("bonus.state.unsaved"))
		b.state.Importance = widget.WarningImportance
	case b.stored.Run.Approved:
		b.state.SetText(i18n.T("bonus.state.approved", "By", b.stored.Run.ApprovedBy, "At", shortStamp(b.stored.Run.ApprovedAt)))
		b.state.Importance = widget.SuccessImportance
	default:
		b.state.SetText(i18n.T("bonus.state.draft", "At", shortStamp(b.stored.Run.CreatedAt)))
		b.state.Importance = widget.MediumImportance
	}
	b.state.Refresh()
	b.staff.refresh()
}

func (b *BonusScreen) showWeights() {
	w := b.slider.Value / 100
	weights := bonus.DefaultWeights.WithPublicWelfare(w)
	if b.hasRes {
		weights = b.res.Weights
		w = weights[scoring.BonusPublicWelfare]
	}
	b.weight.SetText(i18n.T("bonus.welfare_weight", "Weight", i18n.Percent(w)))
	var parts []string
	for _, d := range payout.Dimensions {
		if d != scoring.BonusPublicWelfare {
			parts = append(parts, i18n.T("indui.bonus."+string(d))+" "+i18n.Percent(weights[d]))
		}
	}
	b.others.SetText(i18n.T("bonus.other_weights", "Weights", strings.Join(parts, " · ")))
}

func (b *BonusScreen) drawChart() {
	if b.chart == nil || b.chartShow == nil {
		return
	}
	i := max(b.chartShow.SelectedIndex(), 0)
	if !b.hasRes {
		b.chart.SetChart(bonus.SensitivityChart(bonus.Result{}, bonus.ChartGroup{}, i18n.Current(), i18n.T))
		return
	}
	b.chart.SetChart(bonus.SensitivityChart(b.res, bonus.ChartGroups[i], i18n.Current(), i18n.T))
}

// save stores the allocation on screen as the year's draft.
func (b *BonusScreen) save() {
	s := b.host
	if !b.hasRes {
		return
	}
	if _, err := s.Services().Bonus.Save(s.Ctx(), s.Actor(), b.res, ""); err != nil {
		s.ShowError(err)
		return
	}
	b.Refresh()
}

// approve saves what is on screen if needed and approves it, after the
// user confirmed that the year is then locked.
func (b *BonusScreen) approve() {
	s := b.host
	if !b.hasRes {
		return
	}
	var sum money.Amount
	for _, d := range b.res.Departments {
		sum += d.Bonus
	}
	msg := i18n.T("bonus.approve.confirm", "Year", s.Year(), "Pool", kit.Yuan(sum), "Weight", i18n.Percent(b.res.Weights[scoring.BonusPublicWelfare]))
	dialog.ShowConfirm(i18n.T("bonus.approve"), msg, func(ok bool) {
		if !ok {
			return
		}
		if b.dirty || b.stored == nil {
			if _, err := s.Services().Bonus.Save(s.Ctx(), s.Actor(), b.res, ""); err != nil {
				s.ShowError(err)
				return
			}
		}
		if _, err := s.Services().Bonus.Approve(s.Ctx(), s.Actor(), s.Year()); err != nil {
			s.ShowError(err)
		}
		b.Refresh()
	}, s.Window())
}

// export writes the saved run's pay sheet.
func (b *BonusScreen) export() {
	s := b.host
	if b.dirty {
		dialog.ShowInformation(i18n.T("bonus.export"), i18n.T("bonus.export.unsaved"), s.Window())
		return
	}
	s.SaveFile(i18n.T("bonus.export.filename", "Year", s.Year()), ".xlsx", func(path string) {
		year := s.Year()
		kit.Run(s, kit.Job{Title: i18n.T("run.exporting"), Key: "export"}, func(ctx context.Context, _ kit.Progress) (string, error) {
			return path, b.exportTo(ctx, year, path)
		}, func(path string) {
			dialog.ShowInformation(i18n.T("bonus.export"), i18n.T("bonus.export.done", "Path", path), s.Window())
		})
	})
}

// exportTo writes year's pay sheet to path.
func (b *BonusScreen) exportTo(ctx context.Context, year int, path string) error {
	s := b.host
	name, _ := s.Services().Master.HospitalDisplayName(ctx, s.Actor(), i18n.Current())
	return s.Services().Bonus.ExportPaySheet(ctx, s.Actor(), year, path, name, i18n.T)
}

// shortStamp shows a stored RFC 3339 time as 2026-01-15 09:30.
func shortStamp(t string) string {
	if len(t) >= 16 {
		return fmt.Sprintf("%s %s", t[:10], t[11:16])
	}
	return t
}

// say shows why the figures could not be computed; "" hides the line.
func (b *BonusScreen) say(text string) {
	b.message.SetText(text)
	if text == "" {
		b.message.Hide()
	} else {
		b.message.Show()
	}
}

// ChartOf shows the sensitivity chart of group i (of bonus.ChartGroups) and
// returns what it draws, for the test that compares it with the report.
func (b *BonusScreen) ChartOf(i int) chart.Chart {
	b.chartShow.SetSelectedIndex(i)
	return b.chart.Chart()
}

// showUnmeasured shows the notice of departments with a dimension not
// measured, or hides it.
func (b *BonusScreen) showUnmeasured() {
	note := ""
	if b.hasRes {
		note = unmeasuredNote(b.res)
	}
	b.unmeasured.SetText(note)
	if note == "" {
		b.unmeasured.Hide()
	} else {
		b.unmeasured.Show()
	}
}
