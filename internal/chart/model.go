// Package chart defines what a chart of BudgetPerf is and draws it: the
// screens draw into the window and the reports draw the same charts as
// vectors into PDF. A Chart is plain data (series, labels, reference
// lines); each kind's model is built once by the service that owns its
// data (execution, evaluation, bonus), and rendering lives beside the
// model in this package.
package chart

// Kind is the shape of a chart.
type Kind int

const (
	// Lines: one line per series over the categories (e.g. cumulative plan
	// and actual by month).
	Lines Kind = iota
	// Bars: one bar per category per series (e.g. execution rate by
	// department), optionally with a horizontal reference line (time progress).
	Bars
	// HeatMap: rows × columns of values coloured by bands (e.g. deviation
	// rate by department and month).
	HeatMap
	// Progress: one horizontal bar per category showing completion against
	// an expected mark (e.g. performance target progress), coloured by band.
	Progress
	// Radar: one spoke per category (3–12 axes, e.g. the four perspectives
	// of a balanced scorecard) and one polygon per series, values being
	// ratios 0..1 (score ÷ points); see radar.go.
	Radar
)

// Series is one named sequence of values, one per category. NaN marks a
// missing value (a month not yet closed), which is not drawn.
type Series struct {
	Name   string
	Values []float64
	// Dashed draws a line series dashed (plans dashed, actuals solid), so
	// that the chart still reads when printed in greyscale.
	Dashed bool
}

// RefLine is a horizontal reference across the plot, e.g. time progress.
type RefLine struct {
	Value float64
	Label string
}

// Mark is a vertical line at category position At (0 = the first
// category, 1.5 halfway between the second and third), labelled on top.
type Mark struct {
	At    float64
	Label string
}

// Band colours a value range in heat maps and progress bars. Bands are
// checked in order; the first whose [Min, Max) holds the value wins.
type Band struct {
	Min, Max float64
	// Level is the palette entry of the band: 0 good (green), 1 warning
	// (amber), 2 bad (red), 3 far ahead (blue). Levels differ in lightness
	// as well as hue so that they survive greyscale printing.
	Level int
	Label string
}

// Chart is everything needed to draw one chart.
type Chart struct {
	Kind     Kind
	Title    string
	XLabel   string
	YLabel   string
	Category []string // x categories (Lines, Bars) or columns (HeatMap) or rows (Progress)
	Series   []Series // Lines and Bars; Progress uses Series[0] as completion and Series[1] as the expected mark
	// Rows are the row labels of a HeatMap; Cells[r][c] its values (NaN empty).
	Rows  []string
	Cells [][]float64
	Bands []Band
	// Levels, when given for a Progress chart or a single-series Bars
	// chart, is each row's (bar's) band level as judged by whoever made the
	// chart (it then takes the colour and label of the first band of that
	// level); -1 falls back to its value.
	Levels []int
	Ref    *RefLine
	// Mark is a vertical reference on a Lines chart at a (fractional)
	// category position, e.g. the public-welfare weight now chosen.
	Mark *Mark
	// Percent formats the value axis and tooltips as percentages (0.75 → 75%).
	Percent bool
	// Unit is appended to values in tooltips when not Percent, e.g. "万元".
	Unit string
	// NoData is shown in place of the plot when there is nothing to draw
	// (no categories, no series, or only missing values), e.g. "暂无数据".
	// Empty leaves the area blank below the title.
	NoData string
}

// Point identifies what is under the pointer: a category (column) and a
// series (or row for heat maps); Text is the tooltip to show.
type Point struct {
	Category int
	Series   int
	Text     string
}
