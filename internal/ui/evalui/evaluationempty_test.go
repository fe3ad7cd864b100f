package evalui

import (
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// topText is every text of the dialog on top, joined.
func topText(t *testing.T, s *testHost) string {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return strings.Join(texts(top), " ")
}

// 开始本年度评价 on a year without a budget is refused, saying to import
// the budget on the Import screen (not by a command), and opens nothing.
func TestStartYearWithoutBudgetInTheWindow(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	e := openEvaluation(t, s, 2020)
	tapButton(t, e.Root, "开始本年度评价")
	confirmTop(t, s)
	if msg := topText(t, s); !strings.Contains(msg, "没有已批准的预算") || !strings.Contains(msg, "“导入”界面") || strings.Contains(msg, "budgetperf") {
		t.Errorf("refusal does not say to import the budget: %q", msg)
	}
	if runs, err := s.svc.Evaluation.Runs(s.ctx, s.actor, 2020); err != nil || len(runs) != 0 || len(e.runs) != 0 {
		t.Errorf("refused, yet %d evaluations stored, %d shown (%v)", len(runs), len(e.runs), err)
	}
}

// 开始本年度评价 on the demo year opens every department 未评分: no rank, no
// score, no grade — not 0.00 差 — in the list, on the form and in the
// ranking. Projects start from what monitoring recorded of their targets
// and spending, so they are scored from the start.
func TestStartedYearIsUnscoredInTheWindow(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	e := openEvaluation(t, s, 2026)
	if len(e.runs) != 0 {
		t.Fatalf("the demo year already has %d evaluations", len(e.runs))
	}
	// It asks first, saying it cannot be undone; 取消 opens nothing.
	tapButton(t, e.Root, "开始本年度评价")
	top := s.win.Canvas().Overlays().Top()
	if msg := topText(t, s); !strings.Contains(msg, "开始后不能撤销") || findButton(top, "取消") == nil {
		t.Fatalf("开始本年度评价 does not ask with its consequence: %q", msg)
	}
	tapButton(t, top, "取消")
	if runs, _ := s.svc.Evaluation.Runs(s.ctx, s.actor, 2026); len(runs) != 0 {
		t.Fatalf("取消 started %d evaluations", len(runs))
	}
	tapButton(t, e.Root, "开始本年度评价")
	confirmTop(t, s)
	if msg := topText(t, s); !strings.Contains(msg, "未评分") {
		t.Errorf("the start does not say the units are unscored: %q", msg)
	}
	closeOverlays(s)
	if len(e.runs) < 20 || e.run == nil {
		t.Fatalf("%d evaluations after starting", len(e.runs))
	}
	deptID := int64(0)
	for row, r := range e.runs {
		if r.Unit.Kind == scoring.ProjectScheme {
			continue
		}
		if deptID == 0 {
			deptID = r.ID
		}
		if r.Scored() || r.Result.Grade != scoring.Unscored {
			t.Errorf("%s: scored %v grade %s", r.Unit.Name, r.Scored(), r.Result.Grade)
		}
		for col, want := range map[int]string{0: "—", 4: "—", 5: "未评分"} {
			if got, _ := e.rankCell(row, col); got != want {
				t.Errorf("ranking %s column %d: %q, want %q", r.Unit.Name, col, got, want)
			}
		}
	}
	if deptID == 0 {
		t.Fatal("no department evaluation was started")
	}
	e.selectID(deptID)
	if e.grade.Text != "未评分" || !strings.Contains(e.score.Text, "—") {
		t.Errorf("form shows score %q grade %q", e.score.Text, e.grade.Text)
	}
	if !hasText(e.Root, "尚未评分") {
		t.Errorf("no note that the units are unscored: %q", texts(e.Root))
	}
	for _, txt := range texts(e.page) {
		if txt == "差" || txt == "0.00" {
			t.Errorf("an unscored unit shows %q", txt)
		}
	}
}

// 生成全院评价 without imported assessment values is refused, naming the
// workbook to import, and opens no hospital evaluation.
func TestGenerateHospitalWithoutDataInTheWindow(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	e := openEvaluation(t, s, 2026)
	e.tabs.SelectIndex(2)
	tapButton(t, e.assessment.root, "生成全院评价")
	if msg := topText(t, s); !strings.Contains(msg, "尚无国家考核数值") || !strings.Contains(msg, "导入国家考核填报表") {
		t.Errorf("refusal does not say what to import: %q", msg)
	}
	if runs, err := s.svc.Evaluation.Runs(s.ctx, s.actor, 2026); err != nil || len(runs) != 0 {
		t.Errorf("refused, yet %d evaluations stored (%v)", len(runs), err)
	}
}
