package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// Settings shows the subjects evaluation results apply to by name and
// saves new ones; the suggestions then take that base.
func TestResultApplicationBaseInSettings(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionSettings)
	p := s.settings.applySubs
	if p.codes.Text != "302, 310, 500199, 510199" || !hasText(p.names, "302 商品和服务支出") || hasText(p.names, "工资福利") {
		t.Fatalf("default base: %q / %q", p.codes.Text, p.names.Text)
	}
	p.codes.SetText("31003")
	test.Tap(findButton(p.root, "保存"))
	if !hasText(p.names, "31003 专用设备购置") || hasText(p.names, "302 ") {
		t.Errorf("after saving 31003: %q", p.names.Text)
	}
	sugg, err := s.svc.Evaluation.Suggestions(s.ctx, s.actor, 2026)
	if err != nil || len(sugg) == 0 {
		t.Fatal(len(sugg), err)
	}
	for _, sg := range sugg {
		if sg.Unit.Kind == "department" && (len(sg.BaseSubjects) != 1 || sg.BaseSubjects[0].Code != "31003") {
			t.Errorf("%s base subjects %+v", sg.Unit.Name, sg.BaseSubjects)
		}
	}
}
