package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/masterdata"
)

// Settings › 预算科目 adds a hospital-specific subject under the national
// classification; a wrong code is refused with the reason below the form.
func TestSubjectCatalogueAddsAHospitalSubject(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionSettings)
	p := s.settings.subjects
	before := len(p.subjects)
	if before == 0 {
		t.Fatal("the catalogue is empty")
	}
	p.parent.SetText("30201 办公费")
	p.code.SetText("3030199")
	p.name.SetText("院内印刷费")
	test.Tap(p.add)
	if !hasText(p.msg, "30201 后接数字") || len(p.subjects) != before {
		t.Fatalf("a code outside its parent: %q", p.msg.Text)
	}
	p.code.SetText("3020199")
	test.Tap(p.add)
	if !hasText(p.msg, "已增设科目 3020199 院内印刷费") || len(p.subjects) != before+1 {
		t.Fatalf("not added: %q (%d subjects)", p.msg.Text, len(p.subjects))
	}
	found := false
	for r, sub := range p.subjects {
		if sub.Code == "3020199" {
			found = sub.Origin == masterdata.OriginCustom && sub.Parent == "30201"
			if txt, _ := p.cell(r, 3); txt != "本院增设" {
				t.Errorf("source cell %q", txt)
			}
		}
	}
	if !found {
		t.Error("3020199 is not in the catalogue under 30201 as the hospital's own")
	}
}
