package payui

import (
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// A department measured in workload alone shows 未计量 in its four other
// score cells (never 0.00), its own weights in the last column (workload
// 100%), and the screen says why under the table.
func TestUnmeasuredCellShows(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	err := s.svc.Master.SaveDepartment(s.ctx, domain.LocalUser, domain.Department{Code: "306", Name: "新设保健科", Type: domain.PublicHealth, Headcount: 5, CoefficientMilli: 1000})
	if err != nil {
		t.Fatal(err)
	}
	score := 70.0
	if err := s.svc.Bonus.SetScore(s.ctx, domain.LocalUser, 2026, "306", scoring.BonusWorkload, &score, "门急诊人次"); err != nil {
		t.Fatal(err)
	}
	s.setYear(2026)
	b := s.bonus
	last := bcScores + len(payout.Dimensions) + len(bonusTail) - 1
	found := false
	for r, d := range b.rows() {
		eff, _, _ := b.cell(r, last)
		if d.Code != "306" {
			if strings.Contains(eff, "—") {
				t.Errorf("%s: own weights %q on a fully measured department", d.Code, eff)
			}
			continue
		}
		found = true
		for i, dim := range payout.Dimensions {
			text, _, _ := b.cell(r, bcScores+i)
			want := "未计量"
			if dim == scoring.BonusWorkload {
				want = "70.00*"
			}
			if text != want {
				t.Errorf("306 %s cell %q, want %q", dim, text, want)
			}
		}
		if eff != "100/—/—/—/—" {
			t.Errorf("306 own weights %q", eff)
		}
	}
	if !found {
		t.Fatal("306 not in the table")
	}
	if !b.unmeasured.Visible() || !strings.Contains(b.unmeasured.Text, "1 个科室有未计量的维度") {
		t.Errorf("notice %q (visible %v)", b.unmeasured.Text, b.unmeasured.Visible())
	}
	if r, _, _ := b.cell(0, last); r != "30/25/20/15/10" {
		t.Errorf("own weights of a fully measured department at the default: %q", r)
	}
}
