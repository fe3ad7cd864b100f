package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

var subjectColKeys = []string{"col.code", "col.name", "col.kind", "subjects.col.origin"}
var subjectColWidths = []float32{130, 300, 80, 160}

// subjectsPanel is the subject catalogue: the national classification and
// accounts as installed, and the hospital's own subjects added under them.
type subjectsPanel struct {
	shell    *Shell
	root     fyne.CanvasObject
	subjects []domain.Subject
	table    *widget.Table
	parent   *widget.SelectEntry
	code     *widget.Entry
	name     *widget.Entry
	nameEn   *widget.Entry
	add      *widget.Button
	msg      *widget.Label
}

func newSubjectsPanel(s *Shell) *subjectsPanel {
	p := &subjectsPanel{shell: s, parent: widget.NewSelectEntry(nil), code: widget.NewEntry(), name: widget.NewEntry(), nameEn: widget.NewEntry(), msg: widget.NewLabel("")}
	p.msg.Wrapping = fyne.TextWrapWord
	p.parent.SetPlaceHolder(i18n.T("subjects.parent_hint"))
	p.parent.OnChanged = func(string) {
		if c := p.parentCode(); c != "" && p.code.Text == "" {
			p.code.SetPlaceHolder(c + "99")
		}
	}
	p.table = kit.NewLabelTable(subjectColKeys, subjectColWidths, func() int { return len(p.subjects) }, p.cell)
	p.add = widget.NewButtonWithIcon(i18n.T("subjects.add"), theme.ContentAddIcon(), p.addSubject)
	p.add.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("subjects.parent"), p.parent),
		widget.NewFormItem(i18n.T("col.code"), p.code),
		widget.NewFormItem(i18n.T("col.name"), p.name),
		widget.NewFormItem(i18n.T("col.name_en"), p.nameEn))
	top := widget.NewCard(i18n.T("subjects.add_title"), i18n.T("subjects.hint"), container.NewVBox(form, container.NewHBox(p.add), p.msg))
	p.root = container.NewBorder(top, nil, nil, nil, p.table)
	return p
}

func (p *subjectsPanel) cell(r, c int) (string, fyne.TextAlign) {
	sub := p.subjects[r]
	switch c {
	case 0:
		return sub.Code, fyne.TextAlignLeading
	case 1:
		return kit.PickName(sub.Name, sub.NameEn), fyne.TextAlignLeading
	case 2:
		return i18n.T("kind." + string(sub.Kind)), fyne.TextAlignLeading
	}
	if sub.Origin == masterdata.OriginCustom {
		return i18n.T("subjects.origin.custom"), fyne.TextAlignLeading
	}
	return i18n.T("subjects.origin.catalogue"), fyne.TextAlignLeading
}

// Refresh reloads the catalogue and the parents offered.
func (p *subjectsPanel) Refresh() {
	s := p.shell
	subs, err := s.svc.Master.Subjects(s.ctx, s.actor)
	if err != nil {
		p.msg.SetText(i18n.Message(err))
		return
	}
	p.subjects = subs
	var options []string
	for _, sub := range subs {
		options = append(options, sub.Code+" "+kit.PickName(sub.Name, sub.NameEn))
	}
	p.parent.SetOptions(options)
	p.table.Refresh()
}

// parentCode is the code at the start of the parent typed or chosen.
func (p *subjectsPanel) parentCode() string {
	f := strings.Fields(p.parent.Text)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func (p *subjectsPanel) addSubject() {
	s := p.shell
	sub := domain.Subject{Parent: p.parentCode(), Code: p.code.Text, Name: p.name.Text, NameEn: p.nameEn.Text}
	if err := s.svc.Master.AddSubject(s.ctx, s.actor, sub); err != nil {
		p.msg.Importance = widget.DangerImportance
		p.msg.SetText(i18n.Message(err))
		return
	}
	p.msg.Importance = widget.SuccessImportance
	p.msg.SetText(i18n.T("subjects.added", "Code", strings.TrimSpace(sub.Code), "Name", strings.TrimSpace(sub.Name)))
	p.code.SetText("")
	p.name.SetText("")
	p.nameEn.SetText("")
	p.Refresh()
}
