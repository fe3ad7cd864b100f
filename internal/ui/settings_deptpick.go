package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// deptPicker is the users form's departments (for department heads):
// chosen by name from the hospital's list instead of typed as codes.
type deptPicker struct {
	shell  *Shell
	codes  []string
	label  *widget.Label
	button *widget.Button
	root   fyne.CanvasObject
}

func newDeptPicker(s *Shell) *deptPicker {
	d := &deptPicker{shell: s, label: widget.NewLabel("")}
	d.label.Wrapping = fyne.TextWrapWord
	d.button = widget.NewButton(i18n.T("users.pick_departments"), d.pick)
	d.root = container.NewBorder(nil, nil, nil, d.button, d.label)
	d.set(nil)
	return d
}

// departments is the hospital's list, nil when it cannot be read.
func (d *deptPicker) departments() []domain.Department {
	s := d.shell
	ds, err := s.svc.Master.Departments(s.ctx, s.actor)
	if err != nil {
		return nil
	}
	return ds
}

func deptOption(dep domain.Department) string {
	return dep.Code + " " + kit.PickName(dep.Name, dep.NameEn)
}

// set shows codes by their names ("none" when empty).
func (d *deptPicker) set(codes []string) {
	d.codes = codes
	if len(codes) == 0 {
		d.label.SetText(i18n.T("users.no_departments"))
		return
	}
	names := map[string]string{}
	for _, dep := range d.departments() {
		names[dep.Code] = deptOption(dep)
	}
	var shown []string
	for _, c := range codes {
		if n, ok := names[c]; ok {
			shown = append(shown, n)
		} else {
			shown = append(shown, c)
		}
	}
	d.label.SetText(strings.Join(shown, "、"))
}

// pick opens the list with the current departments ticked.
func (d *deptPicker) pick() {
	deps := d.departments()
	var options, chosen []string
	code := map[string]string{}
	picked := map[string]bool{}
	for _, c := range d.codes {
		picked[c] = true
	}
	for _, dep := range deps {
		o := deptOption(dep)
		options = append(options, o)
		code[o] = dep.Code
		if picked[dep.Code] {
			chosen = append(chosen, o)
		}
	}
	group := widget.NewCheckGroup(options, nil)
	group.SetSelected(chosen)
	dlg := dialog.NewCustomConfirm(i18n.T("users.pick_departments"), i18n.T("action.ok"), i18n.T("action.cancel"),
		container.NewVScroll(group), func(ok bool) {
			if !ok {
				return
			}
			var codes []string
			for _, o := range options { // in the hospital's order
				for _, sel := range group.Selected {
					if sel == o {
						codes = append(codes, code[o])
					}
				}
			}
			d.set(codes)
		}, d.shell.win)
	dlg.Resize(fyne.NewSize(420, 520))
	dlg.Show()
}
