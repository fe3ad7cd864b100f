package payui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

	pool     *widget.Entry
	capLabel *widget.Label
	// poolError says, under the pool, why the typed pool is not allocated
	// (above the cap, not an amount); poolErr is that refusal, nil when
	// the table shows the typed pool.
	poolError *widget.Label
	poolErr   error
	capDetail *widget.Label
	// schemeBox holds the pool, the slider and the messages: laid out
	// again when a message appears or goes.
	schemeBox  *fyne.Container
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

	saveBtn, approveBtn, exportBtn, settingsBtn *widget.Button
}

func NewScreen(s Host) *BonusScreen {
	b := &BonusScreen{host: s}
	b.pool = widget.NewEntry()
	b.pool.OnSubmitted = func(string) { b.poolChanged() }
	b.capLabel = widget.NewLabel("")
	b.poolError = widget.NewLabel("")
	b.poolError.Wrapping = fyne.TextWrapWord
	b.poolError.Importance = widget.DangerImportance
	b.poolError.Hide()
	b.capDetail = widget.NewLabel("")
	b.capDetail.Wrapping = fyne.TextWrapWord
	b.capDetail.Importance = widget.LowImportance
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
	b.chartShow = kit.NewSelect(nil, func(string) { b.drawChart() })
	b.staff = newBonusStaffPanel(b)

	b.saveBtn = widget.NewButtonWithIcon(i18n.T("bonus.save"), theme.DocumentSaveIcon(), b.save)
	b.saveBtn.Importance = widget.HighImportance
	b.approveBtn = widget.NewButtonWithIcon(i18n.T("bonus.approve"), theme.ConfirmIcon(), b.approve)
	b.exportBtn = widget.NewButtonWithIcon(i18n.T("bonus.export"), theme.DownloadIcon(), b.export)
	b.settingsBtn = widget.NewButtonWithIcon(i18n.T("bonus.settings"), theme.SettingsIcon(), b.EditSettings)

	poolRow := container.NewBorder(nil, nil, widget.NewLabel(i18n.T("bonus.pool")), b.capLabel, b.pool)
	sliderRow := container.NewBorder(nil, nil, container.NewHBox(widget.NewIcon(theme.AccountIcon()), b.weight), b.floorLabel, b.slider)
	b.schemeBox = container.NewVBox(
		// The pool takes the room the buttons leave: two equal columns
		// would each be as wide as the buttons and widen the window.
		container.NewBorder(nil, nil, nil, container.NewHBox(b.saveBtn, b.approveBtn, b.exportBtn, b.settingsBtn, b.state), poolRow),
		b.poolError, b.capDetail, sliderRow, b.others, b.message)
	scheme := widget.NewCard("", "", b.schemeBox)

	entered := widget.NewLabel(i18n.T("bonus.entered_hint"))
	entered.Importance = widget.LowImportance
	b.unmeasured = widget.NewLabel("")
	b.unmeasured.Wrapping = fyne.TextWrapWord
	b.unmeasured.Importance = widget.WarningImportance
	b.unmeasured.Hide()
	tableArea := container.NewBorder(nil, container.NewVBox(b.unmeasured, container.NewBorder(nil, nil, entered, nil, b.totals)), nil, nil, b.table)
	chartArea := container.NewBorder(container.NewHBox(widget.NewLabel(i18n.T("bonus.chart.show")), container.NewGridWrap(fyne.NewSize(240, b.chartShow.MinSize().Height), b.chartShow)), nil, nil, nil, b.chart)
	// The chart has a tab of its own (the weight's slider stays above the
	// tabs): sharing the departments' tab left the table five rows.
	tabs := container.NewAppTabs(
		container.NewTabItem(i18n.T("bonus.tab.departments"), tableArea),
		container.NewTabItem(i18n.T("bonus.tab.sensitivity"), chartArea),
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
	b.sayPool(nil)
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
	if !locked && !b.prepare(ok, stored) {
		return
	}
	b.showCap(stored.Limit, stored.Cap)
	w := b.res.Weights[scoring.BonusPublicWelfare]
	if b.hasRes {
		b.pool.SetText(kit.Yuan(b.res.Pool))
	} else {
		w = b.inputs.Weights()[scoring.BonusPublicWelfare]
		b.pool.SetText(kit.Yuan(b.inputs.Pool()))
	}
	// The slider cannot go below the hospital's floor (an approved run
	// shows its own weight, whatever the floor is now).
	b.slider.Min = 0
	if !locked {
		b.slider.Min = min(floor*100, 50)
	}
	b.slider.Max = 50
	b.slider.SetValue(w * 100) // calls reallocate when it moves
	if !b.hasRes && b.inputs != nil && b.poolErr == nil {
		b.reallocate()
	}
	b.dirty = false
	b.setEditable(!locked)
	b.show()
}

// prepare reads the year's inputs for the stored run's pool, else for all
// the reward performance pay available; false when the year cannot be
// allocated (said by fail). Nothing available is said under the pool.
func (b *BonusScreen) prepare(stored bool, run bonus.Result) bool {
	s := b.host
	in, err := s.Services().Bonus.Prepare(s.Ctx(), s.Actor(), s.Year(), run.Pool)
	if err != nil {
		b.fail(err)
		return false
	}
	pool := run.Pool
	if !stored {
		pool = in.Limit().Available()
		in = in.WithPool(pool)
	}
	b.inputs = in
	if err := in.CheckPool(max(pool, 1)); err != nil {
		b.sayPool(err) // the draft's pool no longer fits, or nothing is left
	}
	return true
}

// showCap shows what caps the pool: the reward performance pay available
// and the figures it comes from (l when read now, else the cap saved
// with the run).
func (b *BonusScreen) showCap(l payout.Limit, saved money.Amount) {
	if b.inputs != nil {
		l = b.inputs.Limit()
	}
	if l.Approved == 0 {
		b.capLabel.SetText(i18n.T("bonus.cap", "Cap", kit.Yuan(saved)))
		b.capDetail.SetText("")
		return
	}
	b.capLabel.SetText(i18n.T("bonus.cap", "Cap", kit.Yuan(l.Available())))
	b.capDetail.SetText(i18n.T("bonus.cap_detail", "Approved", kit.Yuan(l.Approved), "Paid", kit.Yuan(l.Paid), "Month", l.PaidThrough,
		"Committed", kit.Yuan(l.Committed), "Available", kit.Yuan(l.Available())))
}

// sayPool shows under the pool why the typed pool is not allocated; nil
// clears it.
func (b *BonusScreen) sayPool(err error) {
	b.poolErr = err
	if err == nil {
		b.poolError.SetText("")
		b.poolError.Hide()
		b.relayout()
		return
	}
	b.poolError.SetText(i18n.Message(err))
	b.poolError.Show()
	b.relayout()
}

// relayout lays the scheme out again after a message appeared or went.
func (b *BonusScreen) relayout() {
	if b.Root != nil {
		b.schemeBox.Refresh()
		b.Root.Refresh()
	}
}

// fail shows why the year cannot be allocated and clears the figures.
func (b *BonusScreen) fail(err error) {
	b.inputs, b.hasRes = nil, false
	b.say(i18n.Message(err))
	b.capLabel.SetText("")
	b.capDetail.SetText("")
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
	settings := permission.Allowed(role, permission.BonusCompute)
	for w, ok := range map[fyne.Disableable]bool{b.pool: compute, b.slider: compute, b.saveBtn: compute, b.approveBtn: approve, b.settingsBtn: settings} {
		if ok {
			w.Enable()
		} else {
			w.Disable()
		}
	}
	b.staff.setEditable(compute)
	// a button the role can never use is not shown (a department head or
	// an auditor reads the allocation; the committee approves, not computes)
	for w, ok := range map[*widget.Button]bool{b.saveBtn: settings, b.settingsBtn: settings, b.approveBtn: permission.Allowed(role, permission.BonusApprove)} {
		if ok {
			w.Show()
		} else {
			w.Hide()
		}
	}
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

// poolChanged takes the typed pool. One that is not an amount or is above
// the reward performance pay available is refused under the entry, with
// the figures; the entry keeps what was typed and the table the last
// allocation, which is not recomputed (and saving refuses, saying why).
func (b *BonusScreen) poolChanged() {
	if b.inputs == nil {
		return
	}
	p, err := money.Parse(strings.TrimSpace(b.pool.Text), money.Yuan)
	if err != nil || p.Amount <= 0 {
		b.sayPool(domain.NewProblem("bonus.pool_text", "\"{{.Text}}\" is not an amount in yuan: write it like 10000000.01 or 1000万.", "Text", b.pool.Text))
		return
	}
	if err := b.inputs.CheckPool(p.Amount); err != nil {
		b.sayPool(err)
		return
	}
	b.sayPool(nil)
	b.inputs = b.inputs.WithPool(p.Amount)
	b.reallocate()
}

// poolTaken takes a pool typed but not yet submitted; false, with the
// reason shown, when the typed pool cannot be allocated.
func (b *BonusScreen) poolTaken() bool {
	if b.inputs != nil {
		if p, err := money.Parse(strings.TrimSpace(b.pool.Text), money.Yuan); err != nil || p.Amount != b.inputs.Pool() {
			b.poolChanged()
		}
	}
	if b.poolErr != nil {
		b.host.ShowError(b.poolErr)
		return false
	}
	return true
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
		b.state.SetText(i18n.T("bonus.state.approved", "By", i18n.UserName(b.stored.Run.ApprovedBy), "At", i18n.TimeText(b.stored.Run.ApprovedAt)))
		b.state.Importance = widget.SuccessImportance
	default:
		b.state.SetText(i18n.T("bonus.state.draft", "At", i18n.TimeText(b.stored.Run.CreatedAt)))
		b.state.Importance = widget.MediumImportance
	}
	b.state.Refresh()
	b.staff.refresh()
}

func (b *BonusScreen) showWeights() {
	w := b.slider.Value / 100
	weights := bonus.DefaultWeights.WithPublicWelfare(w)
	if b.inputs != nil {
		weights = b.inputs.Weights().WithPublicWelfare(w)
	}
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

func (b *BonusScreen) say(text string) {
	b.message.SetText(text)
	if text == "" {
		b.message.Hide()
	} else {
		b.message.Show()
	}
	b.relayout()
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
