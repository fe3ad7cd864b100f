package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
)

// cjkFont is the embedded WenQuanYi Micro Hei, so Chinese renders the same
// on every PC whatever fonts the system has.
var cjkFont = fyne.NewStaticResource("wqy-microhei.ttf", assets.FontRegular())

// Theme is the default Fyne theme with the embedded CJK font for every text
// style and a few finance colours.
type Theme struct{ fyne.Theme }

// NewTheme returns the application theme.
func NewTheme() *Theme { return &Theme{Theme: theme.DefaultTheme()} }

// Font serves the CJK font for all styles except monospace, which keeps
// Fyne's own for aligned digits in code-like text.
func (t *Theme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Monospace {
		return t.Theme.Font(s)
	}
	return cjkFont
}

// Colours with meaning in the finance screens.
var (
	ColorBehind = color.NRGBA{R: 0xc6, G: 0x28, B: 0x28, A: 0xff}
	ColorAhead  = color.NRGBA{R: 0x1e, G: 0x6f, B: 0xd9, A: 0xff}
	ColorOnPace = color.NRGBA{R: 0x2e, G: 0x7d, B: 0x32, A: 0xff}
	colorWatch  = color.NRGBA{R: 0xb2, G: 0x6a, B: 0x00, A: 0xff}
)

// StatusColor is the colour of a status, pace or alert level on figure
// cards and drawn marks: red an alert, amber watch or behind time
// progress, blue information, green normal. Labels take the same through
// LevelImportance.
func StatusColor(l pace.Level) color.Color {
	switch l {
	case pace.Red:
		return ColorBehind
	case pace.Amber:
		return colorWatch
	case pace.Blue:
		return ColorAhead
	}
	return ColorOnPace
}

// LevelImportance colours a status, pace or alert by its level: the one
// mapping of a level to a label's colour on every screen (StatusColor is
// the same for drawn figures).
func LevelImportance(l pace.Level) widget.Importance {
	switch l {
	case pace.Red:
		return widget.DangerImportance
	case pace.Amber:
		return widget.WarningImportance
	case pace.Blue:
		return widget.HighImportance
	}
	return widget.SuccessImportance
}
