package evalui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// lockIcon marks finalised evaluations. Fyne's theme has no padlock, so
// this is Material Design's "lock" (Apache-2.0, the set Fyne's icons come
// from), themed so it follows light and dark mode.
var lockIcon = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M18 8h-1V6c0-2.76-2.24-5-5-5S7 3.24 7 6v2H6c-1.1 0-2 .9-2 2v10c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V10c0-1.1-.9-2-2-2zm-6 9c-1.1 0-2-.9-2-2s.9-2 2-2 2 .9 2 2-.9 2-2 2zm3.1-9H8.9V6c0-1.71 1.39-3.1 3.1-3.1 1.71 0 3.1 1.39 3.1 3.1v2z"/></svg>`)))

// gradeText is 优/良/中/差 or Excellent/Good/Fair/Poor, 未评分 for an
// unscored run.
func gradeText(g scoring.Grade) string {
	if g == "" {
		return "—"
	}
	return i18n.T("evalui.grade." + string(g))
}

// gradeImportance colours a grade: 优 green, 良 blue, 中 amber, 差 red.
func gradeImportance(g scoring.Grade) widget.Importance {
	switch g {
	case scoring.Excellent:
		return widget.SuccessImportance
	case scoring.Good:
		return widget.HighImportance
	case scoring.Fair:
		return widget.WarningImportance
	case scoring.Poor:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

func setGradeBadge(l *widget.Label, g scoring.Grade) {
	l.Importance = gradeImportance(g)
	l.SetText(gradeText(g))
}

// runScoreText is a run's score, or — for an unscored run (未评分).
func runScoreText(r evaluation.Run) string {
	if !r.Scored() {
		return "—"
	}
	return scoreText(r.Result.Total)
}

// runNodeText is a dimension's or group's score in r, — while r is
// unscored.
func runNodeText(r evaluation.Run, score float64) string {
	if !r.Scored() {
		return "—"
	}
	return scoreText(score)
}

// rankText is the rank of the run at index i of a ranked list (Rank puts
// the unscored last), — for an unscored run, which has none.
func rankText(r evaluation.Run, i int) string {
	if !r.Scored() {
		return "—"
	}
	return strconv.Itoa(i + 1)
}

// scoreText shows a score as the form does, to 2 decimals (GradeOf grades
// the same rounding).
func scoreText(x float64) string { return fmt.Sprintf("%.2f", scoring.Round2(x)) }

// indicatorTarget is what earns full points (i18n.IndicatorTarget); for
// a target of a project's own table, the value as the project declared it
// with its unit ("≥ 20000 人次", "≤ 45 元/人"), or its words when it is
// qualitative ("年底前通过"), as the self-evaluation form prints it.
func indicatorTarget(ind scoring.Indicator) string {
	declared := strings.TrimSpace(ind.TargetText)
	if declared == "" || ind.Direction == scoring.Monitor || ind.Rule == scoring.Deduction {
		return i18n.IndicatorTarget(ind)
	}
	if ind.Rule == scoring.Qualitative {
		return declared
	}
	v := i18n.WithUnit(declared, ind.Unit)
	switch ind.Direction {
	case scoring.Lower:
		return "≤ " + v
	case scoring.InRange:
		return "= " + v
	}
	return "≥ " + v
}
