package evalui

import (
	"errors"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// evalGrid is the self-evaluation form of one run: each dimension and
// group with its points and score, and under them the indicators with
// target, actual, points, score and the reason for a deviation. The rows
// are real widgets rather than a virtualised table because every row is
// typed in and the largest scheme has a few dozen indicators.
type evalGrid struct {
	e      *EvaluationScreen
	root   *fyne.Container
	rows   []*evalRow
	nodes  map[string]*widget.Label // score label of each dimension and group
	runID  int64
	seen   domain.Version // the evaluation's version the grid shows (SetValueAt)
	locked bool
}

// evalRow is one indicator's line and what was last saved from it, so
// that leaving an entry untouched saves nothing.
type evalRow struct {
	code   string
	ind    scoring.Indicator
	actual *evalEntry     // the value, or the occurrences of a deduction
	choice *widget.Select // qualitative indicators
	reason *evalEntry
	frame  *canvas.Rectangle // amber frame: a reason is required
	score  *widget.Label
	over   *fyne.Container // 目标值设定偏低: the result far beyond the target
	saved  [3]string       // actual, occurrences, reason
}

var evalGridHeader = []string{"evalui.col.indicator", "evalui.col.target", "evalui.col.actual", "evalui.col.points", "evalui.col.score", "evalui.col.reason"}

// evalGridWidths fit the right panel at 1366×768; the reason takes the rest.
var evalGridWidths = []float32{190, 110, 100, 44, 58, 190}

// requiredColour frames a reason that must be given before finalising.
var requiredColour = color.NRGBA{R: 0xf0, G: 0x9a, B: 0x00, A: 0xff}

// overshootColour is the badge of a target exceeded so far that it looks
// set too low (目标值设定偏低), a fault of target setting.
var overshootColour = color.NRGBA{R: 0xc6, G: 0x4b, B: 0x00, A: 0xff}

// newOvershootBadge is the 目标值设定偏低 badge under an indicator's name,
// hidden until the score says so.
func newOvershootBadge() *fyne.Container {
	bg := canvas.NewRectangle(overshootColour)
	bg.CornerRadius = 4
	text := canvas.NewText(i18n.T("evalui.overshoot"), color.White)
	text.TextSize = theme.CaptionTextSize()
	text.TextStyle.Bold = true
	badge := container.NewHBox(container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(1, 1, 6, 6), text)))
	badge.Hide()
	return badge
}

func newEvalGrid(e *EvaluationScreen) *evalGrid {
	return &evalGrid{e: e, root: container.NewVBox()}
}

// build makes the rows of run r.
func (g *evalGrid) build(r evaluation.Run) {
	g.rows, g.nodes, g.runID, g.locked, g.seen = nil, map[string]*widget.Label{}, r.ID, r.Finalised, r.Version
	header := make([]fyne.CanvasObject, len(evalGridHeader))
	for i, k := range evalGridHeader {
		header[i] = widget.NewLabelWithStyle(i18n.T(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	objs := []fyne.CanvasObject{kit.NewColumns(evalGridWidths, header...), widget.NewSeparator()}
	for _, dim := range r.Scheme.Roots {
		objs = append(objs, g.nodeRow(dim, 1))
		for _, grp := range dim.Children {
			objs = append(objs, g.nodeRow(grp, 2))
			for _, leaf := range grp.Children {
				if leaf.Indicator != nil {
					objs = append(objs, g.indicatorRow(r, leaf))
				}
			}
		}
	}
	g.root.Objects = objs
	g.update(r)
	g.root.Refresh()
}

// nodeRow is the line of a dimension (bold) or a group (indented).
func (g *evalGrid) nodeRow(n scoring.Node, level int) fyne.CanvasObject {
	name := kit.PickName(n.Name, n.NameEn)
	if level == 2 {
		name = "    " + name
	}
	style := fyne.TextStyle{Bold: level == 1}
	title := kit.NewElidedLabelWithStyle(name, fyne.TextAlignLeading, style)
	score := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, style)
	g.nodes[n.Code] = score
	return kit.NewColumns(evalGridWidths, title, widget.NewLabel(""), widget.NewLabel(""),
		widget.NewLabelWithStyle(i18n.Number(n.Points), fyne.TextAlignTrailing, style), score, widget.NewLabel(""))
}

func (g *evalGrid) indicatorRow(r evaluation.Run, n scoring.Node) fyne.CanvasObject {
	ind := *n.Indicator
	row := &evalRow{code: leafCodeOf(n), ind: ind}
	name := kit.NewElidedLabel(kit.PickName(nameOr(n.Name, ind.Name), nameOr(n.NameEn, ind.NameEn)))
	row.over = newOvershootBadge()
	target := kit.NewElidedLabel(indicatorTarget(ind))
	v := r.Values[row.code]
	var actual fyne.CanvasObject
	switch {
	case ind.Rule == scoring.Qualitative && ind.Direction != scoring.Monitor:
		row.choice = kit.NewSelect(achievementLabels(), func(string) { g.save(row, true) })
		row.choice.PlaceHolder = i18n.T("evalui.choose")
		if v.Has {
			row.choice.SetSelected(i18n.T("evalui.ach." + string(v.Achievement)))
		}
		row.saved[0] = achievementOf(row.choice.Selected)
		actual = row.choice
	default:
		row.actual = newEvalEntry(func() { g.save(row, true) })
		switch {
		case ind.Rule == scoring.Deduction:
			row.actual.SetPlaceHolder(i18n.T("evalui.occurrences"))
			if v.Has {
				row.actual.SetText(strconv.Itoa(v.Occurrences))
			}
			row.saved[0], row.saved[1] = row.actual.Text, row.actual.Text
		case r.Texts[row.code] != "":
			row.actual.SetText(r.Texts[row.code])
			row.saved[0] = row.actual.Text
		case v.Has:
			row.actual.SetText(i18n.Number(v.Actual))
			row.saved[0] = row.actual.Text
		}
		actual = row.actual
	}
	row.reason = newEvalEntry(func() { g.save(row, true) })
	row.reason.SetText(r.Reasons[row.code])
	row.saved[2] = row.reason.Text
	row.reason.SetPlaceHolder(i18n.T("evalui.reason_hint"))
	row.frame = canvas.NewRectangle(color.Transparent)
	row.frame.StrokeColor = requiredColour
	row.frame.StrokeWidth = 2
	row.frame.CornerRadius = 4
	var reason fyne.CanvasObject = container.NewStack(row.frame, container.New(layout.NewCustomPaddedLayout(2, 2, 2, 2), row.reason))
	if r.Finalised {
		// A finalised reason is read, not typed: whole on hover, and in a
		// dialog on a tap.
		reason = kit.NewDetailLabel(i18n.T("evalui.reason_title", "Indicator", name.Text), row.reason.Text)
	}
	row.score = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{})
	if r.Finalised {
		for _, w := range []fyne.Disableable{row.choice, row.actual, row.reason} {
			if w != nil && !isNilWidget(w) {
				w.Disable()
			}
		}
	}
	g.rows = append(g.rows, row)
	return kit.NewColumns(evalGridWidths, container.NewVBox(name, row.over), target, actual,
		widget.NewLabelWithStyle(i18n.Number(n.Points), fyne.TextAlignTrailing, fyne.TextStyle{}), row.score, reason)
}

// update shows the scores of r without rebuilding the rows, so that the
// entry being typed in keeps its focus and cursor.
func (g *evalGrid) update(r evaluation.Run) {
	scores := map[string]scoring.IndicatorScore{}
	for _, is := range r.Result.Indicators {
		scores[is.Code] = is
	}
	// An unscored run (未评分) has no scores yet: dashes, not 0.00, and
	// no reason asked for until something is entered.
	scored := r.Scored()
	relayout := false
	for _, row := range g.rows {
		is := scores[row.code]
		is.Short = is.Short && scored
		if over := is.Overshoot && scored; over != row.over.Visible() {
			row.over.Hidden = !over
			relayout = true
			// The reason asked for is then why the target was set so low.
			hint := "evalui.reason_hint"
			if over {
				hint = "evalui.reason_overshoot_hint"
			}
			row.reason.SetPlaceHolder(i18n.T(hint))
		}
		row.score.Importance = widget.MediumImportance
		switch {
		case row.ind.Direction == scoring.Monitor || !scored:
			row.score.SetText("—") // observed, not scored; or nothing scored yet
		default:
			if is.Short {
				row.score.Importance = widget.DangerImportance
			}
			row.score.SetText(scoreText(is.Score))
		}
		// The frame asks for a reason while one is needed and missing.
		if is.Short && strings.TrimSpace(row.reason.Text) == "" && !r.Finalised {
			row.frame.StrokeColor = requiredColour
		} else {
			row.frame.StrokeColor = color.Transparent
		}
		row.frame.Refresh()
	}
	for _, d := range r.Result.Dimensions {
		if l := g.nodes[d.Code]; l != nil {
			l.SetText(runNodeText(r, d.Score))
		}
	}
	if relayout {
		g.root.Refresh() // a badge came or went: the rows' heights change
	}
}

// save stores row when it changed since it was last saved; reload updates
// the scores afterwards. It reports false when the value was refused.
func (g *evalGrid) save(row *evalRow, reload bool) bool {
	if g.locked {
		return true
	}
	now, err := row.current()
	if err != nil {
		g.e.shell.ShowError(err)
		return false
	}
	if now == row.saved {
		return true
	}
	s := g.e.shell
	occ, _ := strconv.Atoi(now[1])
	v, err := s.Services().Evaluation.SetValueAt(s.Ctx(), s.Actor(), g.runID, g.seen, row.code, now[0], occ, now[2])
	if err != nil {
		kit.OfferReload(s.Window(), s.ShowError, err, g.e.reload)
		return false
	}
	row.saved, g.seen = now, v
	if reload {
		g.e.reload()
	}
	return true
}

// saveAll stores every changed row and updates the scores once.
func (g *evalGrid) saveAll() bool {
	changed := false
	for _, row := range g.rows {
		before := row.saved
		if !g.save(row, false) {
			return false
		}
		changed = changed || before != row.saved
	}
	if changed {
		g.e.reload()
	}
	return true
}

// current is what the row holds now: actual, occurrences, reason.
func (row *evalRow) current() ([3]string, error) {
	var out [3]string
	out[2] = strings.TrimSpace(row.reason.Text)
	switch {
	case row.choice != nil:
		out[0] = achievementOf(row.choice.Selected)
	case row.ind.Rule == scoring.Deduction:
		t := strings.TrimSpace(row.actual.Text)
		if t != "" {
			if n, err := strconv.Atoi(t); err != nil || n < 0 {
				return out, errors.New(i18n.T("evalui.bad_occurrences", "Text", t))
			}
		}
		// The count goes in as the actual too, so that 0 occurrences —
		// the best result — is a value entered, not an empty cell.
		out[0], out[1] = t, t
	default:
		out[0] = strings.TrimSpace(row.actual.Text)
	}
	return out, nil
}

// evalEntry is an entry that saves when it loses focus as well as on
// Enter: accountants tab through a form and expect nothing to be lost.
type evalEntry struct {
	widget.Entry
	onLeave func()
}

func newEvalEntry(onLeave func()) *evalEntry {
	e := &evalEntry{onLeave: onLeave}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = func(string) { onLeave() }
	return e
}

// MouseIn shows a reason longer than the entry whole.
func (e *evalEntry) MouseIn(*desktop.MouseEvent) { e.tip() }

// MouseMoved keeps the tip of what has been typed since.
func (e *evalEntry) MouseMoved(*desktop.MouseEvent) { e.tip() }

// MouseOut hides the tip.
func (e *evalEntry) MouseOut() { kit.HideTip(e) }

func (e *evalEntry) tip() {
	kit.ShowTip(e, e.Text, kit.TextCut(e.Text, e.TextStyle, "", e.Size().Width, e.Theme()))
}

func (e *evalEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeave != nil && !e.Disabled() {
		e.onLeave()
	}
}

// achievementLabels are the choices of a qualitative indicator.
func achievementLabels() []string {
	return []string{i18n.T("evalui.ach.achieved"), i18n.T("evalui.ach.partly"), i18n.T("evalui.ach.not")}
}

// achievementOf turns a choice back into the value the service stores.
func achievementOf(label string) string {
	for _, a := range []scoring.Achievement{scoring.Achieved, scoring.Partly, scoring.NotAchieved} {
		if label != "" && label == i18n.T("evalui.ach."+string(a)) {
			return string(a)
		}
	}
	return ""
}

func leafCodeOf(n scoring.Node) string {
	if n.Code == "" && n.Indicator != nil {
		return n.Indicator.Code
	}
	return n.Code
}

func nameOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// isNilWidget tells a typed nil inside the interface (a row has either an
// entry or a select) from a real widget.
func isNilWidget(w fyne.Disableable) bool {
	switch x := w.(type) {
	case *widget.Select:
		return x == nil
	case *evalEntry:
		return x == nil
	}
	return false
}
