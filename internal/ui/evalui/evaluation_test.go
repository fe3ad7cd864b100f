package evalui

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// openEvaluation shows the Evaluation screen for year in the window at
// the office monitor size.
func openEvaluation(t *testing.T, s *testHost, year int) *EvaluationScreen {
	t.Helper()
	s.year = year
	e := NewEvaluationScreen(s)
	s.body.Objects = []fyne.CanvasObject{e.Root}
	s.body.Refresh()
	s.win.Resize(fyne.NewSize(1366, 768))
	e.Refresh()
	return e
}

// handGrade is the policy bands, written out again rather than calling
// scoring.GradeOf, so the test checks the screen against the rule.
func handGrade(score float64) string {
	switch {
	case score >= 90:
		return "优"
	case score >= 80:
		return "良"
	case score >= 60:
		return "中"
	}
	return "差"
}

// submit types text into an entry and presses Enter, as a user does.
func submit(e *evalEntry, text string) {
	e.SetText("")
	test.Type(e, text)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// fullValue is what earns an indicator all its points.
func fullValue(ind scoring.Indicator) string {
	switch ind.Rule {
	case scoring.Deduction:
		return "0"
	case scoring.LinearBand:
		return i18n.Number(ind.High)
	}
	if ind.Direction == scoring.InRange {
		return i18n.Number(ind.Low)
	}
	return i18n.Number(ind.Target)
}

func closeOverlays(s *testHost) {
	for top := s.win.Canvas().Overlays().Top(); top != nil; top = s.win.Canvas().Overlays().Top() {
		s.win.Canvas().Overlays().Remove(top)
	}
}

// The whole evaluation of one unit in the window: start the year, fill
// every indicator to target (100 points, 优), miss one indicator entirely
// (score and grade drop as computed by hand), be refused finalising until
// its reason is given, then finalise and find it locked in the store.
func TestEvaluateAndFinaliseInTheWindow(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	e := openEvaluation(t, s, 2026)
	if len(e.runs) == 0 {
		if !hasText(e.Root, "2026年尚未开展绩效评价") {
			t.Errorf("no hint that the year has not started: %q", texts(e.Root))
		}
		tapButton(t, e.Root, "开始本年度评价")
		confirmTop(t, s)
	}
	if len(e.runs) == 0 || e.run == nil {
		t.Fatalf("no evaluations after starting the year")
	}
	for _, r := range e.runs {
		if !r.Finalised {
			e.selectID(r.ID)
			break
		}
	}
	if e.run.Finalised {
		t.Fatal("every evaluation of 2026 is already finalised")
	}
	id := e.run.ID

	// Fill every indicator with its target through the form.
	var scored float64
	var big *evalRow
	var bigPoints float64
	points := map[string]float64{}
	for _, is := range e.run.Result.Indicators {
		points[is.Code] = is.Points
	}
	for _, row := range e.grid.rows {
		if row.ind.Direction != scoring.Monitor {
			scored += points[row.code]
		}
		switch {
		case row.choice != nil:
			row.choice.SetSelected("达成")
		case row.ind.Direction == scoring.Monitor:
		default:
			submit(row.actual, fullValue(row.ind))
		}
		if row.ind.Rule == scoring.Proportional && row.ind.Direction == scoring.Higher && row.ind.Target > 0 && points[row.code] > bigPoints {
			big, bigPoints = row, points[row.code]
		}
	}
	if math.Abs(e.run.Result.Total-scored) > 1e-6 {
		t.Fatalf("every indicator at target scores %.4f, want %.4f", e.run.Result.Total, scored)
	}
	if want := handGrade(scored * 100 / e.run.Scheme.Total); e.grade.Text != want {
		t.Errorf("grade %q at full marks, want %q", e.grade.Text, want)
	}
	if big == nil {
		t.Fatal("the scheme has no proportional indicator to change")
	}

	// Half the target of the largest proportional indicator: it earns half
	// its points (actual ÷ target × points), so the total drops by half.
	half := i18n.Number(big.ind.Target / 2)
	submit(big.actual, half)
	typed, _ := strconv.ParseFloat(strings.ReplaceAll(half, ",", ""), 64) // as shown, maybe rounded
	want := scored - bigPoints + bigPoints*typed/big.ind.Target
	if math.Abs(e.run.Result.Total-want) > 1e-6 {
		t.Fatalf("total %.4f after halving %s, want %.4f", e.run.Result.Total, big.code, want)
	}
	if !hasText(e.score, fmt.Sprintf("%.2f", scoring.Round2(want))) {
		t.Errorf("score shows %q, want %.2f", e.score.Text, want)
	}
	if g := handGrade(want * 100 / e.run.Scheme.Total); e.grade.Text != g {
		t.Errorf("grade %q at %.2f, want %q", e.grade.Text, want, g)
	}
	if big.frame.StrokeColor != requiredColour {
		t.Error("the short indicator's reason is not highlighted as required")
	}

	// Finalising without the reason is refused, naming the indicator.
	tapButton(t, e.Root, "定稿")
	confirmTop(t, s)
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, big.code) {
		t.Fatalf("finalising without a reason was not refused by name: %v", top)
	}
	closeOverlays(s)

	submit(big.reason, "门诊量受院区改造影响；下年度增开夜间门诊")
	tapButton(t, e.Root, "定稿")
	confirmTop(t, s)
	if !e.run.Finalised {
		t.Fatalf("not finalised; dialog: %v", s.win.Canvas().Overlays().Top())
	}
	if !strings.Contains(e.state.Text, "已定稿") || findButton(e.Root, "定稿") != nil {
		t.Errorf("finalised run not shown locked: %q", e.state.Text)
	}
	for _, row := range e.grid.rows {
		if (row.actual != nil && !row.actual.Disabled()) || (row.choice != nil && !row.choice.Disabled()) || !row.reason.Disabled() {
			t.Fatalf("%s still editable after finalising", row.code)
		}
	}
	// A finalised reason is read whole: tapped, it opens in a dialog.
	reason := "门诊量受院区改造影响；下年度增开夜间门诊"
	var shown *kit.DetailLabel
	probe.Walk(e.Root, func(o fyne.CanvasObject) bool {
		if l, ok := o.(*kit.DetailLabel); ok && l.Text == reason {
			shown = l
		}
		return true
	})
	if shown == nil {
		t.Fatal("the finalised reason is not shown as a text to open")
	}
	test.Tap(shown)
	if top := s.win.Canvas().Overlays().Top(); top == nil || !hasText(top, reason) || !hasText(top, "偏差原因分析及改进措施：") {
		t.Fatalf("tapping the reason did not open it whole: %v", top)
	}
	closeOverlays(s)
	stored, err := s.svc.Evaluation.Run(s.ctx, s.actor, id)
	// The finalised score is locked as the form prints it, to 2 decimals.
	if err != nil || !stored.Finalised || math.Abs(stored.Result.Total-scoring.Round2(want)) > 1e-6 {
		t.Fatalf("store: finalised %v total %.4f (%v)", stored.Finalised, stored.Result.Total, err)
	}
	if rows, _ := e.ranking.Length(); rows != len(e.runs) {
		t.Errorf("ranking has %d rows for %d runs", rows, len(e.runs))
	}
}

// The demo's prior year is finalised: its runs are read-only and ranked.
func TestPriorYearEvaluationIsLocked(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	e := openEvaluation(t, s, 2025)
	if len(e.runs) == 0 {
		t.Skip("the demo has no 2025 evaluation yet")
	}
	for k := 1; k < len(e.runs); k++ {
		if e.runs[k].Result.Total > e.runs[k-1].Result.Total+1e-9 {
			t.Errorf("ranking not best first at %d", k)
		}
	}
	if !e.run.Finalised {
		t.Skip("the demo's 2025 evaluation is not finalised")
	}
	if !hasText(e.Root, "已定稿") || findButton(e.Root, "定稿") != nil {
		t.Errorf("a finalised run is not read-only: %q", texts(e.Root))
	}
	for _, row := range e.grid.rows {
		if (row.actual != nil && !row.actual.Disabled()) || !row.reason.Disabled() {
			t.Fatalf("%s editable in a finalised run", row.code)
		}
	}
}

func TestIndicatorTargetText(t *testing.T) {
	cases := []struct {
		ind  scoring.Indicator
		want string
	}{
		{scoring.Indicator{Rule: scoring.Proportional, Direction: scoring.Higher, Target: 95, Unit: "%"}, "≥ 95%"},
		{scoring.Indicator{Rule: scoring.Inverse, Direction: scoring.Lower, Target: 8.5, Unit: "天"}, "≤ 8.5天"},
		{scoring.Indicator{Rule: scoring.Threshold, Direction: scoring.InRange, Low: 30, High: 35, Unit: "%"}, "30–35%"},
		{scoring.Indicator{Rule: scoring.Deduction, Direction: scoring.Lower, DeductPer: 2}, "每次扣2分"},
		{scoring.Indicator{Rule: scoring.Qualitative, Direction: scoring.Higher}, "达成"},
	}
	startApp(t, demoDB(t, 2026), "zh") // the Chinese texts
	for _, c := range cases {
		if got := indicatorTarget(c.ind); got != c.want {
			t.Errorf("%+v: %q, want %q", c.ind, got, c.want)
		}
	}
}
