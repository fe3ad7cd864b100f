package evalui

import (
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
)

// A project is judged against its own target table in the window: the
// scheme is named after the project, each row shows the target as the
// project declared it, a result beyond 1.5 × its target (set through the
// service) carries the 目标值设定偏低 badge, and a short row still asks for
// its 偏差原因分析及改进措施.
func TestProjectRunShowsDeclaredTargetsAndOvershoot(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	if _, err := s.svc.Evaluation.StartYear(s.ctx, s.actor, 2026); err != nil {
		t.Fatal(err)
	}
	runs, err := s.svc.Evaluation.Runs(s.ctx, s.actor, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var run evaluation.Run
	for _, r := range runs {
		if r.Unit.Kind == scoring.ProjectScheme && r.Unit.Name == "孕产妇健康教育项目" {
			run = r
		}
	}
	if run.ID == 0 {
		t.Fatal("the demo has no evaluation of 孕产妇健康教育项目")
	}
	// 孕妇学校授课场次: 120 sessions declared, 200 held (> 1.5 × 120).
	const code = "1.1.1"
	if err := s.svc.Evaluation.SetValue(s.ctx, s.actor, run.ID, code, "200", 0, ""); err != nil {
		t.Fatal(err)
	}
	e := openEvaluation(t, s, 2026)
	e.selectID(run.ID)
	if !strings.Contains(e.title.Text, "孕产妇健康教育项目 绩效目标") || strings.Contains(e.title.Text, "project-") {
		t.Errorf("title %q, want the project's own scheme name", e.title.Text)
	}
	scores := map[string]scoring.IndicatorScore{}
	for _, is := range e.run.Result.Indicators {
		scores[is.Code] = is
	}
	if !scores[code].Overshoot {
		t.Fatalf("the service does not flag %s: %+v", code, scores[code])
	}
	found := false
	for _, row := range e.grid.rows {
		is := scores[row.code]
		if row.over.Visible() != is.Overshoot {
			t.Errorf("%s (%s): badge shown %v, overshoot %v", row.code, row.ind.Name, row.over.Visible(), is.Overshoot)
		}
		if row.code == code {
			found = true
			if row.reason.PlaceHolder != "说明目标值设定偏低的原因" {
				t.Errorf("the overshot row asks %q", row.reason.PlaceHolder)
			}
			if got := row.score.Text; got != scoreText(is.Score) || is.Score >= is.Points {
				t.Errorf("overshot row scores %q (service %v of %v points), want less than full", got, is.Score, is.Points)
			}
		}
		if is.Short && strings.TrimSpace(row.reason.Text) == "" && row.frame.StrokeColor != requiredColour {
			t.Errorf("%s is short without a reason but not marked", row.ind.Name)
		}
	}
	if !found || !hasText(e.grid.root, "目标值设定偏低") {
		t.Errorf("no 目标值设定偏低 badge in the grid: %q", texts(e.grid.root))
	}
	for _, want := range []string{"≥ 120 场", "≥ 20000 人次", "≥ 85%", "偏差原因分析及改进措施"} {
		if !hasText(e.grid.root, want) {
			t.Errorf("the grid does not show %q: %q", want, texts(e.grid.root))
		}
	}
}

func TestDeclaredTargetText(t *testing.T) {
	cases := []struct {
		ind  scoring.Indicator
		want string
	}{
		{scoring.Indicator{Rule: scoring.Proportional, Direction: scoring.Higher, Target: 20000, TargetText: "20,000", Unit: "人次"}, "≥ 20,000 人次"},
		{scoring.Indicator{Rule: scoring.Inverse, Direction: scoring.Lower, Target: 45, TargetText: "45", Unit: "元/人"}, "≤ 45 元/人"},
		{scoring.Indicator{Rule: scoring.Inverse, Direction: scoring.Lower, Target: 12, TargetText: "12", Unit: "1/10万"}, "≤ 12（1/10万）"},
		{scoring.Indicator{Rule: scoring.Threshold, Direction: scoring.InRange, Low: 100, High: 100, TargetText: "100", Unit: "%"}, "= 100%"},
		{scoring.Indicator{Rule: scoring.Qualitative, Direction: scoring.Higher, TargetText: "年底前通过"}, "年底前通过"},
	}
	startApp(t, demoDB(t, 2026), "zh")
	for _, c := range cases {
		if got := indicatorTarget(c.ind); got != c.want {
			t.Errorf("%+v: %q, want %q", c.ind, got, c.want)
		}
	}
}
