package prep

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// The fields of the bureau's forms through the editor: code assigned when
// left empty, attribute, person responsible, both overall targets and the
// funding split saved and read back; the split checked against the amount
// while typing, and the service's refusal shown at the funding fields.
func TestProjectFormFieldsThroughTheEditor(t *testing.T) {
	s, p := projectsPanelFor(t, "zh")
	test.Tap(p.add)
	e := p.editor
	if !strings.Contains(e.code.PlaceHolder, "自动编号") {
		t.Errorf("the code's placeholder %q does not say it is assigned", e.code.PlaceHolder)
	}
	test.Type(e.name, "宫颈癌筛查")
	e.typ.SetSelected("公共卫生项目")
	test.Type(e.subject, "30218")
	e.attribute.SetSelected("延续")
	test.Type(e.responsible, "张敏")
	test.Type(e.longGoal, "三年内完成辖区适龄妇女筛查全覆盖")
	test.Type(e.annualGoal, "完成筛查 20,000 人")
	test.Type(e.amount, "5万")
	test.Type(e.funding.parts[0], "30000")
	if e.funding.total.Importance != widget.DangerImportance || e.funding.total.Text != "合计 30,000.00 元 / 项目金额 50,000.00 元" {
		t.Errorf("part of the amount split: %q (importance %v), want it red", e.funding.total.Text, e.funding.total.Importance)
	}
	test.Type(e.funding.parts[1], "2万")
	if e.funding.total.Importance != widget.SuccessImportance || e.funding.total.Text != "合计 50,000.00 元 / 项目金额 50,000.00 元" {
		t.Errorf("the whole amount split: %q (importance %v)", e.funding.total.Text, e.funding.total.Importance)
	}
	test.Tap(e.save)
	if len(p.projects) != 1 {
		t.Fatalf("not saved: %q %q", e.problems.Text, e.funding.msg.Text)
	}
	if code, _ := p.cell(0, 0); code != "XM2027001" {
		t.Errorf("code column %q, want the assigned XM2027001", code)
	}
	stored, err := s.svc.Store.Projects(context.Background(), 2027, "301")
	if err != nil || len(stored) != 1 {
		t.Fatalf("stored %v, %v", stored, err)
	}
	got := stored[0]
	want := domain.Funding{Fiscal: money.FromYuan(30_000), Business: money.FromYuan(20_000)}
	if got.Funding != want || got.Attribute != domain.ProjectContinuing || got.Responsible != "张敏" ||
		got.LongTermGoal != "三年内完成辖区适龄妇女筛查全覆盖" || got.AnnualGoal != "完成筛查 20,000 人" || got.Code != "XM2027001" {
		t.Errorf("stored %+v", got)
	}

	// Read back in the editor; a changed amount makes the split disagree.
	e = openEditorFor(t, p, 0)
	if e.funding.parts[0].Text != "30,000.00" || e.funding.parts[1].Text != "20,000.00" || e.funding.parts[2].Text != "" ||
		e.attribute.Selected != "延续" || e.responsible.Text != "张敏" || e.annualGoal.Text != "完成筛查 20,000 人" || e.code.Text != "XM2027001" {
		t.Errorf("not read back: funding %q %q %q, attribute %q, responsible %q, goal %q, code %q", e.funding.parts[0].Text,
			e.funding.parts[1].Text, e.funding.parts[2].Text, e.attribute.Selected, e.responsible.Text, e.annualGoal.Text, e.code.Text)
	}
	e.amount.SetText("60000")
	if e.funding.total.Importance != widget.DangerImportance || !strings.Contains(e.funding.total.Text, "项目金额 60,000.00 元") {
		t.Errorf("changed amount: %q (importance %v), want it red", e.funding.total.Text, e.funding.total.Importance)
	}
	test.Tap(e.save)
	if !e.funding.msg.Visible() || !strings.Contains(e.funding.msg.Text, "资金来源合计 50,000.00 元，与项目金额 60,000.00 元不符") {
		t.Errorf("the refusal is not at the funding fields: %q (problems %q)", e.funding.msg.Text, e.problems.Text)
	}
	if stored, _ := s.svc.Store.Projects(context.Background(), 2027, "301"); stored[0].Amount != money.FromYuan(50_000) {
		t.Errorf("a split that does not add up was saved: %v", stored[0].Amount)
	}
	test.Tap(e.funding.allFiscal)
	if e.funding.parts[0].Text != "60,000.00" || e.funding.parts[1].Text != "" || e.funding.total.Importance != widget.SuccessImportance {
		t.Errorf("按金额填入财政拨款 gave %q %q (%q)", e.funding.parts[0].Text, e.funding.parts[1].Text, e.funding.total.Text)
	}
	test.Tap(e.save)
	if stored, _ := s.svc.Store.Projects(context.Background(), 2027, "301"); stored[0].Funding != (domain.Funding{Fiscal: money.FromYuan(60_000)}) {
		t.Errorf("after the helper: %+v; editor says %q", stored[0].Funding, e.funding.msg.Text)
	}

	// A code already taken in the year is refused at the code field.
	test.Tap(p.add)
	e = p.editor
	test.Type(e.name, "乳腺癌筛查")
	e.typ.SetSelected("公共卫生项目")
	test.Type(e.subject, "30218")
	test.Type(e.amount, "1000")
	test.Type(e.code, "XM2027001")
	test.Tap(e.save)
	if !strings.Contains(e.codeMsg.Text, "XM2027001") || len(p.projects) != 1 {
		t.Errorf("duplicate code: message %q, %d projects", e.codeMsg.Text, len(p.projects))
	}
}
