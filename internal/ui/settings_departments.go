package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// DepartmentsPanel lists the departments with a search box and lets the
// user add one or change one through a form.
type DepartmentsPanel struct {
	shell  *Shell
	root   fyne.CanvasObject
	search *widget.Entry
	list   *widget.Table
	all    []domain.Department
	shown  []domain.Department
	add    *widget.Button
	box    *kit.MinHeightLayout // the list's height: all its rows, on a page that scrolls
	// readOnly is set for a role that may not change departments: a click opens nothing
	readOnly bool
}

var deptColKeys = []string{"col.code", "col.department", "col.name_en", "col.type", "col.headcount", "col.coefficient"}
var deptColWidths = []float32{70, 200, 380, 110, 110, 110}

func newDepartmentsPanel(s *Shell) *DepartmentsPanel {
	p := &DepartmentsPanel{shell: s}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder(i18n.T("depts.search"))
	p.search.OnChanged = func(string) { p.filter() }
	p.list = kit.NewLabelTable(deptColKeys, deptColWidths, func() int { return len(p.shown) }, p.cell)
	p.list.OnSelected = func(id widget.TableCellID) {
		p.list.UnselectAll()
		if id.Row >= 0 && id.Row < len(p.shown) && !p.shown[id.Row].BuiltIn && !p.readOnly {
			p.edit(p.shown[id.Row], false)
		}
	}
	p.add = widget.NewButtonWithIcon(i18n.T("depts.add"), theme.ContentAddIcon(), func() {
		p.edit(domain.Department{Type: domain.Clinical, CoefficientMilli: 1000}, true)
	})
	top := container.NewBorder(nil, nil, nil, p.add, p.search)
	p.box = &kit.MinHeightLayout{Height: 320}
	p.root = container.NewBorder(top, nil, nil, nil, container.New(p.box, p.list))
	return p
}

// cell is the text of department row r, column c.
func (p *DepartmentsPanel) cell(r, c int) (string, fyne.TextAlign) {
	d := p.shown[r]
	switch c {
	case 0:
		return d.Code, fyne.TextAlignLeading
	case 1:
		return d.Name, fyne.TextAlignLeading
	case 2:
		return d.NameEn, fyne.TextAlignLeading
	case 3:
		return i18n.T("dept.type." + string(d.Type)), fyne.TextAlignLeading
	case 4:
		return strconv.Itoa(d.Headcount), fyne.TextAlignTrailing
	}
	return domain.FormatCoefficient(d.CoefficientMilli), fyne.TextAlignTrailing
}

// Refresh reloads the departments from the store.
func (p *DepartmentsPanel) Refresh() {
	s := p.shell
	depts, err := s.svc.Master.Departments(s.ctx, s.actor)
	if err != nil {
		s.showError(err)
		return
	}
	p.all = depts
	p.filter()
}

func (p *DepartmentsPanel) filter() {
	q := strings.ToLower(strings.TrimSpace(p.search.Text))
	p.shown = p.shown[:0]
	for _, d := range p.all {
		if q == "" || strings.Contains(strings.ToLower(d.Code+" "+d.Name+" "+d.NameEn), q) {
			p.shown = append(p.shown, d)
		}
	}
	p.box.Height = kit.TableHeight(widget.NewLabel("0").MinSize().Height, len(p.shown))
	p.list.Refresh()
	p.root.Refresh()
}

// edit opens the form for d; isNew allows entering the code.
func (p *DepartmentsPanel) edit(d domain.Department, isNew bool) {
	s := p.shell
	code := widget.NewEntry()
	code.SetText(d.Code)
	if !isNew {
		code.Disable()
	}
	name := widget.NewEntry()
	name.SetText(d.Name)
	nameEn := widget.NewEntry()
	nameEn.SetText(d.NameEn)
	typeLabels := make([]string, len(domain.DeptTypes))
	for i, t := range domain.DeptTypes {
		typeLabels[i] = i18n.T("dept.type." + string(t))
	}
	typ := kit.NewSelect(typeLabels, nil)
	typ.SetSelected(i18n.T("dept.type." + string(d.Type)))
	headcount := widget.NewEntry()
	headcount.SetText(strconv.Itoa(d.Headcount))
	coef := widget.NewEntry()
	coef.SetText(domain.FormatCoefficient(d.CoefficientMilli))
	items := []*widget.FormItem{
		widget.NewFormItem(i18n.T("col.code"), code),
		widget.NewFormItem(i18n.T("col.department"), name),
		widget.NewFormItem(i18n.T("col.name_en"), nameEn),
		widget.NewFormItem(i18n.T("col.type"), typ),
		widget.NewFormItem(i18n.T("col.headcount"), headcount),
		widget.NewFormItem(i18n.T("col.coefficient"), coef),
	}
	title := i18n.T("depts.edit_title", "Code", d.Code)
	if isNew {
		title = i18n.T("depts.add")
	}
	var form dialog.Dialog
	form = dialog.NewForm(title, i18n.T("action.save"), i18n.T("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		nd := domain.Department{Code: code.Text, Name: name.Text, NameEn: nameEn.Text}
		for i, l := range typeLabels {
			if l == typ.Selected {
				nd.Type = domain.DeptTypes[i]
			}
		}
		var problems domain.Problems
		n, err := strconv.Atoi(strings.TrimSpace(headcount.Text))
		if err != nil {
			problems = append(problems, domain.NewProblem("problem.dept.headcount_text", "\"{{.Text}}\" is not a headcount: enter a whole number such as 25.", "Text", headcount.Text))
		}
		nd.Headcount = n
		milli, err := domain.ParseCoefficient(coef.Text)
		if err != nil {
			problems = append(problems, domain.AsProblems(err)...)
		}
		nd.CoefficientMilli = milli
		if len(problems) == 0 {
			if err := s.svc.Master.SaveDepartment(s.ctx, s.actor, nd); err != nil {
				problems = domain.AsProblems(err)
				if problems == nil {
					s.showError(err)
					return
				}
			}
		}
		if len(problems) > 0 {
			// Keep what was typed: show the problems, then the form again.
			d := dialog.NewInformation(i18n.T("depts.not_saved"), i18n.Message(problems), s.win)
			d.SetOnClosed(func() { form.Show() })
			d.Show()
			return
		}
		s.refresh()
	}, s.win)
	form.Resize(fyne.NewSize(480, 0))
	form.Show()
}
