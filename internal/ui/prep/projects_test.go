package prep

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// projectsPanelFor opens the demo hospital with a 2027 cycle in which
// department 301 drafts its proposal, and shows 301's projects.
func projectsPanelFor(t *testing.T, lang string) (*testHost, *ProjectsPanel) {
	t.Helper()
	s, _ := startApp(t, demoDB(t, 2026), lang)
	ctx := context.Background()
	if err := s.svc.Store.InsertCycle(ctx, domain.LocalUser, 2027); err != nil {
		t.Fatal(err)
	}
	if err := s.svc.Store.InsertDeptPrep(ctx, domain.LocalUser, 2027, "301"); err != nil {
		t.Fatal(err)
	}
	s.year = 2027
	p := newProjectsPanel(s)
	s.win.SetContent(p.root)
	p.Show("301")
	return s, p
}

// openEditorFor selects row r and opens it in the editor.
func openEditorFor(t *testing.T, p *ProjectsPanel, r int) *projectEditor {
	t.Helper()
	p.list.Select(widget.TableCellID{Row: r, Col: 0})
	if p.edit.Disabled() {
		t.Fatal("edit is disabled with a project selected")
	}
	test.Tap(p.edit)
	return p.editor
}

func fillTarget(r *targetRow, category, indicator, value, unit, direction string) {
	r.category.SetSelected(category)
	test.Type(r.indicator, indicator)
	test.Type(r.value, value)
	test.Type(r.unit, unit)
	r.direction.SetSelected(direction)
}

func TestProjectWithTargetTableThroughTheEditor(t *testing.T) {
	s, p := projectsPanelFor(t, "zh")
	if p.add.Disabled() {
		t.Fatalf("新增项目 is disabled for a draft department: %q", p.status.Text)
	}
	test.Tap(p.add)
	e := p.editor
	test.Type(e.name, "乳腺癌筛查设备购置")
	e.typ.SetSelected("设备购置")
	test.Type(e.subject, "31003")
	if !e.subjectMsg.Visible() || e.subjectMsg.Text != "31003 专用设备购置" {
		t.Errorf("the typed code is not confirmed by name: %q", e.subjectMsg.Text)
	}
	test.Type(e.amount, "12.3万")
	if e.amountMsg.Text != "= ¥123,000.00" {
		t.Errorf("amount hint %q", e.amountMsg.Text)
	}
	test.Tap(e.save)

	if len(p.projects) != 1 {
		t.Fatalf("%d projects listed after saving, want 1; editor says %q", len(p.projects), e.problems.Text)
	}
	if got, align := p.cell(0, 4); got != "123,000.00" || align != fyne.TextAlignTrailing {
		t.Errorf("amount cell %q (align %v), want 123,000.00 right-aligned", got, align)
	}
	if got, _ := p.cell(0, 3); got != "31003 专用设备购置" {
		t.Errorf("subject cell %q", got)
	}
	if got, _ := p.cell(0, projectStatusCol); got != "缺少绩效目标" || !p.missing[0] {
		t.Errorf("status cell %q, want the missing-targets badge", got)
	}
	if !hasText(p.list, "缺少绩效目标") || !hasText(p.list, "123,000.00") {
		t.Errorf("the list does not show the project: %q", texts(p.list))
	}

	// One output and one benefit target make the table complete.
	e = openEditorFor(t, p, 0)
	test.Tap(e.addTarget)
	test.Tap(e.addTarget)
	if len(e.targets.rows) != 2 {
		t.Fatalf("%d target rows after two adds", len(e.targets.rows))
	}
	if e.targets.rows[1].category.Selected != "效益指标·社会效益" {
		t.Errorf("the second row suggests %q, want a benefit category", e.targets.rows[1].category.Selected)
	}
	fillTarget(e.targets.rows[0], "产出指标·数量指标", "设备购置数量", "2", "台", "≥（越高越好）")
	fillTarget(e.targets.rows[1], "效益指标·社会效益", "设备使用率", "85%", "%", "≥（越高越好）")
	test.Tap(e.save)
	// With its targets the project still lacks the funding split and the
	// annual target, and the badge says which comes next.
	if got, _ := p.cell(0, projectStatusCol); got != "缺少资金来源" || !p.missing[0] {
		t.Fatalf("status cell %q after adding targets, want 缺少资金来源; editor says %q", got, e.problems.Text)
	}
	e = openEditorFor(t, p, 0)
	test.Tap(e.funding.allBusiness)
	test.Type(e.annualGoal, "完成两台设备购置并投入使用")
	test.Tap(e.save)
	if p.missing[0] {
		t.Fatalf("the badge stays after the funding and annual target; editor says %q %q", e.problems.Text, e.funding.msg.Text)
	}
	if got, _ := p.cell(0, projectStatusCol); got != "已填报" {
		t.Errorf("status cell %q", got)
	}
	if hasText(p.list, "缺少绩效目标") || !hasText(p.list, "已填报") {
		t.Errorf("the badge is still shown: %q", texts(p.list))
	}

	stored, err := s.svc.Store.Projects(context.Background(), 2027, "301")
	if err != nil || len(stored) != 1 {
		t.Fatalf("stored %v, %v", stored, err)
	}
	got := stored[0]
	if got.Name != "乳腺癌筛查设备购置" || got.Type != domain.ProjectEquipment || got.SubjectCode != "31003" ||
		got.Amount != money.FromYuan(123_000) || got.StartYear != 2027 || got.EndYear != 2027 {
		t.Errorf("stored project %+v", got)
	}
	want := []domain.Target{
		{Category: domain.TargetQuantity, Indicator: "设备购置数量", Value: "2", Unit: "台", Direction: domain.DirHigher},
		{Category: domain.TargetSocial, Indicator: "设备使用率", Value: "85%", Unit: "%", Direction: domain.DirHigher},
	}
	if len(got.Targets) != 2 || got.Targets[0] != want[0] || got.Targets[1] != want[1] {
		t.Errorf("stored targets %+v, want %+v", got.Targets, want)
	}
	if len(got.ReadyToSubmit()) != 0 {
		t.Errorf("stored project not ready: %v", got.ReadyToSubmit())
	}
}

func TestProjectEditorShowsProblemsAtTheFields(t *testing.T) {
	s, p := projectsPanelFor(t, "zh")
	test.Tap(p.add)
	e := p.editor
	e.typ.SetSelected("公共卫生项目")
	test.Type(e.subject, "4101010101") // a revenue subject
	test.Type(e.amount, "12,3x4")
	if !strings.Contains(e.amountMsg.Text, "不是有效金额") {
		t.Errorf("the amount is not questioned while typing: %q", e.amountMsg.Text)
	}
	test.Tap(e.addTarget)
	test.Type(e.targets.rows[0].indicator, "筛查人数")
	test.Type(e.targets.rows[0].value, "很多")
	test.Tap(e.save)

	if n, _ := s.svc.Store.Projects(context.Background(), 2027, "301"); len(n) != 0 {
		t.Fatal("an invalid project was saved")
	}
	if top := s.win.Canvas().Overlays().Top(); top == nil {
		t.Fatal("the editor closed on problems")
	}
	if !strings.Contains(e.nameMsg.Text, "请填写项目名称") {
		t.Errorf("name message %q", e.nameMsg.Text)
	}
	if !strings.Contains(e.amountMsg.Text, "不是有效金额") {
		t.Errorf("amount message %q", e.amountMsg.Text)
	}
	if !strings.Contains(e.problems.Text, "第 1 行") || e.targets.rows[0].number.Importance != widget.DangerImportance {
		t.Errorf("the target row problem is not shown at row 1: %q", e.problems.Text)
	}

	// With the form's own problems fixed, the service's are shown too.
	test.Type(e.name, "两癌筛查")
	e.amount.SetText("50000")
	e.targets.rows[0].value.SetText("1200")
	test.Tap(e.save)
	if !strings.Contains(e.subjectMsg.Text, "收入科目") {
		t.Errorf("subject message %q", e.subjectMsg.Text)
	}
	e.subject.SetText("30218 专用材料费")
	test.Tap(e.save)
	if len(p.projects) != 1 || p.projects[0].SubjectCode != "30218" {
		t.Fatalf("not saved after fixing: %q", e.problems.Text)
	}
}

func TestProjectsReadOnlyAfterSubmission(t *testing.T) {
	s, p := projectsPanelFor(t, "en")
	ctx := context.Background()
	_, err := s.svc.Budgets.SaveProject(ctx, s.actor, domain.Project{Year: 2027, DeptCode: "301", Name: "HPV screening",
		Type: domain.ProjectPublicHealth, SubjectCode: "30218", Amount: money.FromYuan(80_000)})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.svc.Store.SetDeptPosition(ctx, domain.LocalUser, 2027, "301", domain.PrepPosition{State: domain.StateSubmitted, Round: 1}); err != nil {
		t.Fatal(err)
	}
	p.Show("301")
	p.list.Select(widget.TableCellID{Row: 0, Col: 0})
	if !p.add.Disabled() || !p.del.Disabled() {
		t.Error("add or delete is enabled after submission")
	}
	if p.edit.Text != "View" || p.edit.Disabled() {
		t.Errorf("edit button %q disabled=%v, want an enabled View", p.edit.Text, p.edit.Disabled())
	}
	if !strings.Contains(p.status.Text, "cannot be changed now") {
		t.Errorf("the reason is not shown: %q", p.status.Text)
	}
	if got, _ := p.cell(0, projectStatusCol); got != "Targets missing" {
		t.Errorf("status %q", got)
	}
	test.Tap(p.edit)
	if e := p.editor; !e.readOnly || !e.name.Disabled() || e.save.Visible() {
		t.Error("the editor lets a submitted project change")
	}
}

func TestTargetTemplatesAreValid(t *testing.T) {
	for _, typ := range domain.ProjectTypes {
		l := templatesFor(typ)
		if len(l) == 0 {
			t.Errorf("%s has no typical indicators", typ)
		}
		p := domain.Project{Targets: nil}
		for _, tpl := range l {
			tg := tpl.target()
			if tg.Value == "" {
				tg.Value = "1" // left for the user to fill in
			}
			p.Targets = append(p.Targets, tg)
			if tpl.IndicatorEn == "" || !tpl.Category.Valid() || !tpl.Direction.Valid() {
				t.Errorf("%s: incomplete template %+v", typ, tpl)
			}
		}
		p.Name, p.Type, p.DeptCode, p.SubjectCode, p.Year, p.StartYear, p.EndYear = "x", typ, "301", "30218", 2027, 2027, 2027
		p.Amount, p.Funding.Fiscal, p.AnnualGoal = 100, 100, "x" // what a project needs besides its targets
		if ps := p.ReadyToSubmit(); len(ps) > 0 {
			t.Errorf("%s: the typical indicators do not make a valid table: %v", typ, ps)
		}
	}
}

func TestPickingATypicalIndicator(t *testing.T) {
	_, p := projectsPanelFor(t, "zh")
	test.Tap(p.add)
	e := p.editor
	e.typ.SetSelected("公共卫生项目")
	test.Tap(e.addTarget) // a blank row is replaced by the picked indicator
	e.addTemplate(templatesFor(domain.ProjectPublicHealth)[0])
	if len(e.targets.rows) != 1 || e.targets.rows[0].indicator.Text != "筛查人数" || e.targets.rows[0].unit.Text != "人次" {
		t.Errorf("rows after picking: %d, first %q", len(e.targets.rows), e.targets.rows[0].indicator.Text)
	}
	test.Tap(e.templates)
	menu := p.shell.Window().Canvas().Overlays().Top()
	if menu == nil || !hasText(menu, "阳性病例随访率") {
		t.Fatal("the typical indicators of public-health programmes are not offered")
	}
	p.shell.Window().Canvas().Overlays().Remove(menu)

	// Closing with changes asks first and keeps the editor open.
	test.Tap(e.cancel)
	top := p.shell.Window().Canvas().Overlays().Top()
	if top == nil || !hasText(top, "放弃修改") {
		t.Fatal("closing an edited project does not ask")
	}
	test.Tap(findButton(top, "继续编辑"))
	if top := p.shell.Window().Canvas().Overlays().Top(); top == nil || !hasText(top, "绩效目标表") {
		t.Error("keep editing closed the editor")
	}
}
