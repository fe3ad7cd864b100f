package prep

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
)

// Two PCs on one proposal: the window's save from the version it showed
// is refused once another PC saved, the dialog says who and offers 重新载入,
// and reloading shows the other PC's figure.
func TestSaveAfterAnotherPCSavedOffersReload(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.setYear(2027)
	s.Show(SectionBudget)
	b := s.prep
	tapButton(t, b.Root, "启动2027年预算编制")
	confirmTop(t, s)
	b.depts.selectCode("103")
	v := b.proposal
	first := v.grid.lines[0]
	code := first.line.SubjectCode

	// The other PC saves 103's proposal first.
	must(t, s.svc.Budgets.SaveProposal(s.ctx, domain.LocalUser, 2027, "103", []budgeting.LineEdit{{SubjectCode: code, Amount: 777_00}}))

	test.Type(first.entry, "12345")
	if v.save(true) {
		t.Fatal("the save from the old version went through")
	}
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "重新载入") || !hasText(top, "系统管理员") {
		t.Fatalf("no reload offered naming who saved: %q", texts(top))
	}
	tapButton(t, top, "重新载入")
	if got := v.grid.lines[0].entry.Text; got != "777.00" {
		t.Errorf("after reloading the line shows %q, want the other PC's 777.00", got)
	}
}
