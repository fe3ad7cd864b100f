package prep

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// colsLayout places objects side by side with fixed widths; the column
// with width 0 takes what is left. Header and rows share one, so the
// target table's columns line up without a widget.Table (whose cells
// cannot hold live entries comfortably).
type colsLayout struct{ widths []float32 }

const colsGap = 4

func (l colsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	fixed := float32(0)
	for _, w := range l.widths {
		fixed += w
	}
	stretch := size.Width - fixed - colsGap*float32(len(l.widths)-1)
	x := float32(0)
	for i, o := range objs {
		if i >= len(l.widths) {
			o.Hide()
			continue
		}
		w := l.widths[i]
		if w == 0 {
			w = max(stretch, 0)
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + colsGap
	}
}

func (l colsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w, h := float32(0), float32(0)
	for i, o := range objs {
		if i >= len(l.widths) {
			break
		}
		cw := l.widths[i]
		if cw == 0 {
			cw = 120
		}
		w += cw + colsGap
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

// Columns of the target table: row number, category, indicator (takes the
// rest), target value, unit, direction, delete.
var targetColWidths = []float32{28, 190, 0, 140, 90, 160, 40}

var targetColKeys = []string{"projects.target.row", "projects.target.category", "projects.target.indicator",
	"projects.target.value", "projects.target.unit", "projects.target.direction", ""}

// targetRow holds the widgets of one row of the target table.
type targetRow struct {
	number    *widget.Label
	category  *widget.Select
	indicator *widget.Entry
	value     *widget.Entry
	unit      *widget.Entry
	direction *widget.Select
	remove    *widget.Button
	box       *fyne.Container
	code      string // the indicator-library code the row came with
}

// targetTable is the editable performance target table of a project.
type targetTable struct {
	rows     []*targetRow
	box      *fyne.Container // the rows, under the header
	readOnly bool
	changed  func()
}

func newTargetTable(changed func()) *targetTable {
	return &targetTable{box: container.NewVBox(), changed: changed}
}

// header is the column titles, aligned with the rows.
func (tt *targetTable) header() fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(targetColKeys))
	for i, k := range targetColKeys {
		text := ""
		if k != "" {
			text = i18n.T(k)
		}
		objs[i] = widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return container.New(colsLayout{targetColWidths}, objs...)
}

func targetCategoryLabels() []string {
	out := make([]string, len(domain.TargetCategories))
	for i, c := range domain.TargetCategories {
		out[i] = i18n.T("target.category." + string(c))
	}
	return out
}

func targetDirectionLabels() []string {
	out := make([]string, len(domain.Directions))
	for i, d := range domain.Directions {
		out[i] = i18n.T("target.direction." + string(d))
	}
	return out
}

// add appends a row holding t and returns it.
func (tt *targetTable) add(t domain.Target) *targetRow {
	r := &targetRow{number: widget.NewLabel(""), code: t.IndicatorCode}
	r.category = kit.NewSelect(targetCategoryLabels(), nil)
	r.category.PlaceHolder = i18n.T("projects.choose")
	if i := indexOfCategory(t.Category); i >= 0 {
		r.category.SetSelectedIndex(i)
	}
	r.indicator = widget.NewEntry()
	r.indicator.SetText(t.Indicator)
	r.indicator.SetPlaceHolder(i18n.T("projects.target.indicator_hint"))
	r.value = widget.NewEntry()
	r.value.SetText(t.Value)
	r.unit = widget.NewEntry()
	r.unit.SetText(t.Unit)
	r.direction = kit.NewSelect(targetDirectionLabels(), nil)
	r.direction.PlaceHolder = i18n.T("projects.choose")
	if i := indexOfDirection(t.Direction); i >= 0 {
		r.direction.SetSelectedIndex(i)
	}
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { tt.remove(r) })
	r.remove.Importance = widget.LowImportance
	// Callbacks go on after the initial values so that filling the row
	// does not count as a change.
	onChange := func(string) { tt.changed() }
	r.category.OnChanged, r.direction.OnChanged = onChange, onChange
	r.indicator.OnChanged, r.value.OnChanged, r.unit.OnChanged = onChange, onChange, onChange
	r.box = container.New(colsLayout{targetColWidths}, r.number, r.category, r.indicator, r.value, r.unit, r.direction, r.remove)
	if tt.readOnly {
		r.disable()
	}
	tt.rows = append(tt.rows, r)
	tt.rebuild()
	return r
}

func (r *targetRow) disable() {
	r.category.Disable()
	r.indicator.Disable()
	r.value.Disable()
	r.unit.Disable()
	r.direction.Disable()
	r.remove.Hide()
}

func (tt *targetTable) remove(r *targetRow) {
	for i, x := range tt.rows {
		if x == r {
			tt.rows = append(tt.rows[:i], tt.rows[i+1:]...)
			break
		}
	}
	tt.rebuild()
	tt.changed()
}

// rebuild lays the rows out again and renumbers them, so that "row 2" in
// a problem is the row marked 2.
func (tt *targetTable) rebuild() {
	objs := make([]fyne.CanvasObject, len(tt.rows))
	for i, r := range tt.rows {
		r.number.SetText(strconv.Itoa(i + 1))
		objs[i] = r.box
	}
	tt.box.Objects = objs
	tt.box.Refresh()
}

// nextCategory suggests the category of a new row: what the rule "at
// least one output and one benefit target" still misses, else satisfaction.
func (tt *targetTable) nextCategory() domain.TargetCategory {
	var output, benefit bool
	for _, r := range tt.rows {
		i := r.category.SelectedIndex()
		if i < 0 {
			continue
		}
		switch domain.TargetCategories[i].Dimension() {
		case domain.DimOutput:
			output = true
		case domain.DimBenefit:
			benefit = true
		}
	}
	switch {
	case !output:
		return domain.TargetQuantity
	case !benefit:
		return domain.TargetSocial
	}
	return domain.TargetSatisfaction
}

// targets reads the rows. Blank rows at the end (no indicator, value or
// unit) are unused "add"s rather than targets and are left out; blank rows
// in between are kept, so that "row 2" in a problem is the row marked 2.
func (tt *targetTable) targets() []domain.Target {
	last := len(tt.rows) - 1
	for last >= 0 && tt.rows[last].blank() {
		last--
	}
	out := make([]domain.Target, 0, last+1)
	for _, r := range tt.rows[:last+1] {
		t := domain.Target{Indicator: r.indicator.Text, Value: r.value.Text, Unit: r.unit.Text, IndicatorCode: r.code}
		if i := r.category.SelectedIndex(); i >= 0 {
			t.Category = domain.TargetCategories[i]
		}
		if i := r.direction.SelectedIndex(); i >= 0 {
			t.Direction = domain.Directions[i]
		}
		out = append(out, t)
	}
	return out
}

func (r *targetRow) blank() bool {
	return strings.TrimSpace(r.indicator.Text+r.value.Text+r.unit.Text) == ""
}

// markRow flags row (counted from 1) that a problem is about.
func (tt *targetTable) markRow(row int) {
	if row >= 1 && row <= len(tt.rows) {
		r := tt.rows[row-1]
		r.number.Importance = widget.DangerImportance
		r.number.Refresh()
	}
}

// clearMarks undoes markRow before the next check.
func (tt *targetTable) clearMarks() {
	for _, r := range tt.rows {
		r.number.Importance = widget.MediumImportance
		r.number.Refresh()
	}
}

func indexOfCategory(c domain.TargetCategory) int {
	for i, k := range domain.TargetCategories {
		if k == c {
			return i
		}
	}
	return -1
}

func indexOfDirection(d domain.Direction) int {
	for i, k := range domain.Directions {
		if k == d {
			return i
		}
	}
	return -1
}
