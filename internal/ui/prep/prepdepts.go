package prep

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// prepDeptList is the left column of Budget preparation: every department
// with its cycle state as a coloured badge, a state filter and a search box.
type prepDeptList struct {
	root     fyne.CanvasObject
	list     *widget.List
	search   *widget.Entry
	filter   *widget.Select
	all      []domain.DeptPrep
	shown    []domain.DeptPrep
	selected string
	onSelect func(code string)
}

func newPrepDeptList() *prepDeptList {
	d := &prepDeptList{search: widget.NewEntry()}
	d.search.SetPlaceHolder(i18n.T("prep.search"))
	d.search.OnChanged = func(string) { d.apply() }
	opts := []string{i18n.T("prep.filter.all")}
	for _, s := range domain.PrepStates {
		opts = append(opts, i18n.T("prep.state."+string(s)))
	}
	d.filter = kit.NewSelect(opts, nil)
	d.filter.SetSelectedIndex(0)
	d.list = widget.NewList(func() int { return len(d.shown) },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			bg.CornerRadius = 4
			badge := canvas.NewText("", color.White)
			badge.TextSize = 11
			return container.NewBorder(nil, nil, nil, container.NewStack(bg, container.NewPadded(badge)), widget.NewLabel(""))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			dp := d.shown[id]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(dp.DeptCode + " " + kit.PickName(dp.DeptName, dp.DeptNameEn))
			stack := box.Objects[1].(*fyne.Container)
			stack.Objects[0].(*canvas.Rectangle).FillColor = stateColor(dp.State)
			badge := stack.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text)
			badge.Text = shortState(dp.State)
			stack.Refresh()
		})
	d.list.OnSelected = func(id widget.ListItemID) {
		code := d.shown[id].DeptCode
		if code == d.selected {
			return
		}
		d.selected = code
		if d.onSelect != nil {
			d.onSelect(code)
		}
	}
	d.filter.OnChanged = func(string) { d.apply() }
	d.root = container.NewBorder(container.NewVBox(d.search, d.filter), nil, nil, nil, d.list)
	return d
}

// set shows depts and keeps the selection when it is still there.
func (d *prepDeptList) set(depts []domain.DeptPrep) {
	d.all = depts
	d.apply()
}

func (d *prepDeptList) apply() {
	q := strings.TrimSpace(d.search.Text)
	state := ""
	if i := d.filter.SelectedIndex(); i > 0 {
		state = string(domain.PrepStates[i-1])
	}
	d.shown = d.shown[:0]
	for _, dp := range d.all {
		if state != "" && string(dp.State) != state {
			continue
		}
		if q != "" && !strings.Contains(dp.DeptCode+dp.DeptName+strings.ToLower(dp.DeptNameEn), strings.ToLower(q)) {
			continue
		}
		d.shown = append(d.shown, dp)
	}
	d.list.UnselectAll()
	d.list.Refresh()
	for i, dp := range d.shown {
		if dp.DeptCode == d.selected {
			d.list.Select(i)
		}
	}
}

// selectCode selects a department by code, clearing filters that hide it.
func (d *prepDeptList) selectCode(code string) {
	for i, dp := range d.shown {
		if dp.DeptCode == code {
			d.list.Select(i)
			return
		}
	}
	d.search.SetText("")
	d.filter.SetSelectedIndex(0)
	for i, dp := range d.shown {
		if dp.DeptCode == code {
			d.list.Select(i)
		}
	}
}

// shortState is the badge text: the state without its explanation.
func shortState(s domain.PrepState) string { return i18n.T("prep.badge." + string(s)) }

// stateColor gives each state a colour that still differs in greyscale.
func stateColor(s domain.PrepState) color.Color {
	switch s {
	case domain.StateSubmitted:
		return color.NRGBA{R: 0x1e, G: 0x6f, B: 0xd9, A: 0xff}
	case domain.StateReturned:
		return kit.ColorBehind
	case domain.StateControlIssued:
		return color.NRGBA{R: 0xb2, G: 0x6a, B: 0x00, A: 0xff}
	case domain.StateRevised:
		return color.NRGBA{R: 0x6a, G: 0x3d, B: 0x9a, A: 0xff}
	case domain.StateApproved:
		return kit.ColorOnPace
	}
	return color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
}
