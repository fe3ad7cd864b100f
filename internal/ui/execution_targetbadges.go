package ui

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// Badges and texts of target levels, shared by the project list and the
// target table of the Targets tab.

// levelBadge is a coloured badge with the level's word.
type levelBadge struct {
	root *fyne.Container
}

func newLevelBadge() *levelBadge {
	bg := canvas.NewRectangle(color.Transparent)
	bg.CornerRadius = 4
	text := canvas.NewText("", color.White)
	text.TextSize = 12
	text.TextStyle.Bold = true
	return &levelBadge{root: container.NewStack(bg, container.NewCenter(text))}
}

func (b *levelBadge) set(text string, col color.Color) { setBadge(b.root, text, col) }

// text is the badge's word, for tests and screen readers alike.
func (b *levelBadge) text() string {
	return b.root.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text).Text
}

func setBadge(box *fyne.Container, text string, col color.Color) {
	box.Objects[0].(*canvas.Rectangle).FillColor = col
	box.Objects[1].(*fyne.Container).Objects[0].(*canvas.Text).Text = text
	box.Refresh()
}

// levelText is a target's badge word; an unreadable value says so rather
// than passing for "not reported".
func levelText(a domain.TargetAssessment) string {
	if a.Unreadable {
		return i18n.T("progress.level.unreadable")
	}
	return levelWord(a.Level)
}

func levelWord(l domain.TargetLevel) string {
	switch l {
	case domain.LevelRed:
		return i18n.T("progress.level.red")
	case domain.LevelAmber:
		return i18n.T("progress.level.amber")
	case domain.LevelGreen:
		return i18n.T("progress.level.green")
	case domain.LevelBlue:
		return i18n.T("progress.level.blue")
	}
	return i18n.T("progress.level.none")
}

// projectBadge is a project's word and colour: its worst level, except
// that a project whose only trouble is a target still unreported after
// the first quarter shows as overdue, in red, because it is lagging too.
func projectBadge(p execution.ProjectProgress) (string, color.Color) {
	if p.Lagging && p.Level != domain.LevelRed {
		return i18n.T("progress.level.overdue"), kit.ColorBehind
	}
	return levelWord(p.Level), levelColor(p.Level)
}

// levelColor gives each level a colour that differs in greyscale too.
func levelColor(l domain.TargetLevel) color.Color {
	switch l {
	case domain.LevelRed:
		return kit.ColorBehind
	case domain.LevelAmber:
		return color.NRGBA{R: 0xb2, G: 0x6a, B: 0x00, A: 0xff}
	case domain.LevelGreen:
		return kit.ColorOnPace
	case domain.LevelBlue:
		return kit.ColorAhead
	}
	return color.NRGBA{R: 0x75, G: 0x75, B: 0x75, A: 0xff}
}

// targetText is the target as written in the table (i18n.TargetText,
// which the reports print too).
func targetText(t domain.Target) string { return i18n.TargetText(t) }

// withUnit appends the unit unless the value carries it already
// (i18n.WithUnit).
func withUnit(v, unit string) string { return i18n.WithUnit(v, unit) }

// shortMonth is "9月" or "Sep", for a figure's month in a narrow column.
func shortMonth(m int) string {
	if i18n.Current() == i18n.English && m >= 1 && m <= 12 {
		return time.Month(m).String()[:3]
	}
	return monthLabel(m)
}

func monthLabel(m int) string {
	if m < 1 || m > 12 {
		return "—"
	}
	return kit.MonthName(m)
}

func projectTypeName(pt domain.ProjectType) string {
	if !pt.Valid() {
		pt = domain.ProjectOther
	}
	return i18n.T("project.type." + string(pt))
}
