package prep

import (
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// ProjectsPanel lists a department's project budgets of the shell's year
// with the state of their performance target tables, and opens the
// editor. A project without an output and a benefit target carries the
// badge 缺少绩效目标: "no target, no budget".
type ProjectsPanel struct {
	shell Host
	root  fyne.CanvasObject

	dept     string
	projects []domain.Project
	missing  []bool            // the project fails ReadyToSubmit
	subjects map[string]string // code → "30201 办公费"
	selected int
	editable bool

	title, status, summary *widget.Label
	list                   *widget.Table
	add, edit, del         *widget.Button
	editor                 *projectEditor // the one last opened
}

var projectColKeys = []string{"projects.col.code", "projects.col.name", "projects.col.type", "projects.col.subject", "col.amount_yuan",
	"projects.col.years", "projects.col.targets", "projects.col.status"}
var projectColWidths = []float32{96, 180, 104, 150, 116, 92, 56, 140}

const projectStatusCol = 7

func newProjectsPanel(s Host) *ProjectsPanel {
	p := &ProjectsPanel{shell: s, selected: -1}
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.status = widget.NewLabel("")
	p.status.Importance = widget.WarningImportance
	p.status.Wrapping = fyne.TextWrapWord
	p.summary = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	p.list = p.newList()
	p.add = widget.NewButtonWithIcon(i18n.T("projects.add"), theme.ContentAddIcon(), func() {
		year := p.shell.Year()
		p.openEditor(domain.Project{Year: year, DeptCode: p.dept, StartYear: year, EndYear: year}, false)
	})
	p.edit = widget.NewButtonWithIcon(i18n.T("projects.edit"), theme.DocumentCreateIcon(), func() {
		if pr, ok := p.current(); ok {
			p.openEditor(pr, !p.editable)
		}
	})
	p.del = widget.NewButtonWithIcon(i18n.T("projects.delete"), theme.DeleteIcon(), p.confirmDelete)
	p.add.Importance = widget.HighImportance
	bar := container.NewBorder(nil, nil, p.title, container.NewHBox(p.add, p.edit, p.del))
	top := container.NewVBox(bar, p.status)
	p.root = container.NewBorder(top, p.summary, nil, nil, p.list)
	p.updateButtons()
	return p
}

// newList is the project table; the status column shows the badge.
func (p *ProjectsPanel) newList() *widget.Table {
	t := widget.NewTable(func() (int, int) { return len(p.projects), len(projectColKeys) },
		func() fyne.CanvasObject {
			icon := widget.NewIcon(theme.WarningIcon())
			return container.NewBorder(nil, nil, icon, nil, kit.NewElidedLabel(""))
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			l, icon := box.Objects[0].(*kit.ElidedLabel), box.Objects[1].(*widget.Icon)
			text, align := p.cell(id.Row, id.Col)
			badge := id.Col == projectStatusCol && id.Row < len(p.missing) && p.missing[id.Row]
			l.Alignment = align
			l.Importance = widget.MediumImportance
			l.TextStyle = fyne.TextStyle{}
			if badge {
				l.Importance, l.TextStyle.Bold = widget.WarningImportance, true
				icon.Show()
			} else {
				icon.Hide()
			}
			l.Text = text
			// Refreshing the cell lays it out again, so that a hidden icon
			// gives its room back to the text.
			box.Refresh()
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return kit.NewElidedLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*kit.ElidedLabel).SetText(i18n.T(projectColKeys[id.Col]))
	}
	for c, w := range projectColWidths {
		t.SetColumnWidth(c, w)
	}
	t.OnSelected = func(id widget.TableCellID) {
		p.selected = id.Row
		p.updateButtons()
	}
	return t
}

// cell is the text of project row r, column c.
func (p *ProjectsPanel) cell(r, c int) (string, fyne.TextAlign) {
	if r < 0 || r >= len(p.projects) {
		return "", fyne.TextAlignLeading
	}
	pr := p.projects[r]
	switch c {
	case 0:
		return pr.Code, fyne.TextAlignLeading
	case 1:
		return pr.Name, fyne.TextAlignLeading
	case 2:
		return i18n.T("project.type." + string(pr.Type)), fyne.TextAlignLeading
	case 3:
		if l, ok := p.subjects[pr.SubjectCode]; ok {
			return l, fyne.TextAlignLeading
		}
		return pr.SubjectCode, fyne.TextAlignLeading
	case 4:
		return money.FormatPlain(pr.Amount), fyne.TextAlignTrailing
	case 5:
		if pr.StartYear == pr.EndYear {
			return strconv.Itoa(pr.StartYear), fyne.TextAlignCenter
		}
		return fmt.Sprintf("%d–%d", pr.StartYear, pr.EndYear), fyne.TextAlignCenter
	case 6:
		return strconv.Itoa(len(pr.Targets)), fyne.TextAlignTrailing
	}
	if p.missing[r] {
		return i18n.T(projectGapKey(pr)), fyne.TextAlignLeading
	}
	return i18n.T("projects.targets_ok"), fyne.TextAlignLeading
}

// projectGapKey is the badge of a project that cannot be submitted yet,
// naming the first thing the rule (ReadyToSubmit) finds missing: the
// target table first ("no target, no budget"), then the funding split,
// then the annual target.
func projectGapKey(pr domain.Project) string {
	keys := map[string]bool{}
	for _, prob := range pr.ReadyToSubmit() {
		keys[prob.Key] = true
	}
	switch {
	case keys["problem.project.targets"]:
		return "projects.missing_targets"
	case keys["problem.project.funding"]:
		return "projects.missing_funding"
	case keys["problem.project.annual_goal"]:
		return "projects.missing_goal"
	}
	return "projects.incomplete"
}

// Show lists deptCode's projects of the shell's year ("" lists every
// department's, read-only).
func (p *ProjectsPanel) Show(deptCode string) {
	p.dept = deptCode
	p.Refresh()
}

// Refresh reloads the projects and whether the department may change them.
func (p *ProjectsPanel) Refresh() {
	s := p.shell
	projects, err := s.Services().Budgets.Projects(s.Ctx(), s.Actor(), s.Year(), p.dept)
	if err != nil {
		s.ShowError(err)
		return
	}
	p.projects = projects
	p.missing = make([]bool, len(projects))
	var total money.Amount
	missing := 0
	for i, pr := range projects {
		p.missing[i] = len(pr.ReadyToSubmit()) > 0
		if p.missing[i] {
			missing++
		}
		total = total.Add(pr.Amount)
	}
	p.loadSubjects()
	p.title.SetText(i18n.T("projects.title", "Dept", p.deptName(), "Year", s.Year()))
	switch {
	case len(projects) == 0:
		p.summary.SetText(i18n.T("projects.none"))
	case missing == 0:
		p.summary.SetText(i18n.T("projects.summary_complete", "Count", len(projects), "Total", money.FormatPlain(total)))
	default:
		p.summary.SetText(i18n.T("projects.summary", "Count", len(projects), "Total", money.FormatPlain(total), "Missing", missing))
	}
	p.setEditable()
	p.selected = -1
	p.list.UnselectAll()
	p.list.Refresh()
	p.updateButtons()
}

// setEditable asks the service whether the department may change its
// projects now and says why not, so a disabled button is never a riddle.
func (p *ProjectsPanel) setEditable() {
	s := p.shell
	p.editable = false
	if p.dept == "" {
		p.status.SetText(i18n.T("projects.pick_dept"))
		p.status.Show()
		return
	}
	err := s.Services().Budgets.ProjectsEditable(s.Ctx(), s.Actor(), s.Year(), p.dept)
	if err != nil && domain.AsProblems(err) == nil {
		s.ShowError(err)
	}
	p.editable = err == nil
	if p.editable {
		p.status.SetText("")
		p.status.Hide()
		return
	}
	p.status.SetText(i18n.Message(err))
	p.status.Show()
}

func (p *ProjectsPanel) loadSubjects() {
	s := p.shell
	p.subjects = map[string]string{}
	subjects, err := s.Services().Master.Subjects(s.Ctx(), s.Actor())
	if err != nil {
		return // the list falls back to bare codes
	}
	for _, sub := range subjects {
		p.subjects[sub.Code] = sub.Code + " " + sub.DisplayName(i18n.Current())
	}
}

func (p *ProjectsPanel) deptName() string {
	if p.dept == "" {
		return i18n.T("projects.all_depts")
	}
	s := p.shell
	depts, err := s.Services().Master.Departments(s.Ctx(), s.Actor())
	if err == nil {
		for _, d := range depts {
			if d.Code == p.dept {
				return d.Code + " " + d.DisplayName(i18n.Current())
			}
		}
	}
	return p.dept
}

// updateButtons enables what the department's state and the selection
// allow. Without edit rights "edit" still opens the project, read-only,
// since reviewers need to read the target tables.
func (p *ProjectsPanel) updateButtons() {
	_, selected := p.current()
	kit.EnableWhen(p.add, p.editable)
	kit.EnableWhen(p.del, p.editable && selected)
	kit.EnableWhen(p.edit, selected)
	if p.editable {
		p.edit.SetText(i18n.T("projects.edit"))
	} else {
		p.edit.SetText(i18n.T("projects.view"))
	}
}

func (p *ProjectsPanel) current() (domain.Project, bool) {
	if p.selected < 0 || p.selected >= len(p.projects) {
		return domain.Project{}, false
	}
	return p.projects[p.selected], true
}

// selectProject selects the project with id, e.g. the one just saved.
func (p *ProjectsPanel) selectProject(id int64) {
	for i, pr := range p.projects {
		if pr.ID == id {
			p.list.Select(widget.TableCellID{Row: i, Col: 0})
			return
		}
	}
}

func (p *ProjectsPanel) openEditor(pr domain.Project, readOnly bool) {
	p.editor = newProjectEditor(p, pr, readOnly)
	p.editor.dialog.Show()
}

func (p *ProjectsPanel) confirmDelete() {
	pr, ok := p.current()
	if !ok {
		return
	}
	s := p.shell
	dialog.ShowConfirm(i18n.T("projects.delete_title"), i18n.T("projects.delete_confirm", "Name", pr.Name, "Count", len(pr.Targets)), func(yes bool) {
		if !yes {
			return
		}
		if err := s.Services().Budgets.DeleteProject(s.Ctx(), s.Actor(), pr.ID); err != nil {
			s.ShowError(err)
		}
		p.Refresh()
	}, s.Window())
}
