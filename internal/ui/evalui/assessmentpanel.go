package evalui

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// assessmentPanel shows the national secondary-assessment values imported
// from the hospital's fill-in workbook, year by year, and turns the shell
// year's values into the hospital-wide evaluation.
type assessmentPanel struct {
	root  fyne.CanvasObject
	shell Host

	importBtn *widget.Button
	generate  *widget.Button
	years     *widget.Select
	note      *widget.Label
	table     *widget.Table

	// onEvaluated is called when the hospital-wide evaluation is made
	// (the Evaluation screen reloads its list).
	onEvaluated func()

	all   []evaluation.AssessmentValue // every year
	rows  []evaluation.AssessmentValue // the selected year
	year  int                          // the selected year, 0 for none
	ylist []int
}

var assessmentHeader = []string{"assess.col.seq", "assess.col.indicator", "assess.col.value",
	"assess.col.numerator", "assess.col.denominator", "assess.col.cell"}

var assessmentWidths = []float32{56, 460, 100, 120, 120, 110}

func newAssessmentPanel(s Host) *assessmentPanel {
	p := &assessmentPanel{shell: s}
	p.importBtn = widget.NewButtonWithIcon(i18n.T("assess.import"), theme.DownloadIcon(), p.chooseFile)
	p.generate = widget.NewButtonWithIcon(i18n.T("assess.generate"), theme.MediaPlayIcon(), p.evaluateHospital)
	p.generate.Importance = widget.HighImportance
	p.years = kit.NewSelect(nil, func(y string) {
		n, err := strconv.Atoi(y)
		if err != nil || n == p.year {
			return
		}
		p.year = n
		p.showYear()
	})
	p.years.PlaceHolder = i18n.T("assess.year")
	p.note = widget.NewLabel("")
	p.note.Wrapping = fyne.TextWrapWord
	p.table = kit.NewLabelTable(assessmentHeader, assessmentWidths, func() int { return len(p.rows) }, p.cell)
	top := container.NewVBox(
		container.NewHBox(p.importBtn, widget.NewLabel(i18n.T("assess.year")), p.years, p.generate),
		p.note)
	p.root = container.NewBorder(top, nil, nil, nil, p.table)
	p.Refresh()
	return p
}

// Refresh reloads the imported values, keeping the selected year while it
// has values, else picking the shell's year or the latest imported one.
func (p *assessmentPanel) Refresh() {
	s := p.shell
	if s.Services() == nil {
		return
	}
	all, err := s.Services().Evaluation.AssessmentValues(s.Ctx(), s.Actor(), 0)
	if err != nil {
		s.ShowError(err)
		return
	}
	p.all = all
	p.ylist = p.ylist[:0]
	for _, v := range all {
		if !slices.Contains(p.ylist, v.Year) {
			p.ylist = append(p.ylist, v.Year)
		}
	}
	slices.Sort(p.ylist)
	opts := make([]string, len(p.ylist))
	for i, y := range p.ylist {
		opts[i] = strconv.Itoa(y)
	}
	p.years.Options = opts
	switch {
	case len(p.ylist) == 0:
		p.year = 0
	case slices.Contains(p.ylist, p.year):
	case slices.Contains(p.ylist, s.Year()):
		p.year = s.Year()
	default:
		p.year = p.ylist[len(p.ylist)-1]
	}
	if p.year == 0 {
		p.years.ClearSelected()
	} else {
		p.years.SetSelected(strconv.Itoa(p.year)) // calls showYear only on a change
	}
	p.years.Refresh()
	p.showYear()
}

// showYear fills the table with the selected year's values.
func (p *assessmentPanel) showYear() {
	p.rows = p.rows[:0]
	for _, v := range p.all {
		if v.Year == p.year {
			p.rows = append(p.rows, v)
		}
	}
	if p.year == 0 {
		p.note.SetText(i18n.T("assess.none"))
	} else {
		filled := 0
		for _, v := range p.rows {
			if v.Value != nil {
				filled++
			}
		}
		p.note.SetText(i18n.T("assess.summary", "Year", p.year, "Count", len(p.rows), "Filled", filled, "Shell", p.shell.Year()))
	}
	p.table.Refresh()
}

func (p *assessmentPanel) cell(r, c int) (string, fyne.TextAlign) {
	if r >= len(p.rows) {
		return "", fyne.TextAlignLeading
	}
	v := p.rows[r]
	switch c {
	case 0:
		return strconv.Itoa(v.Seq), fyne.TextAlignTrailing
	case 1:
		return v.Name, fyne.TextAlignLeading
	case 2:
		return optNum(v.Value), fyne.TextAlignTrailing
	case 3:
		return optNum(v.Numerator), fyne.TextAlignTrailing
	case 4:
		return optNum(v.Denominator), fyne.TextAlignTrailing
	case 5:
		return sourceCell(v.Source), fyne.TextAlignLeading
	}
	return "", fyne.TextAlignLeading
}

func optNum(x *float64) string {
	if x == nil {
		return ""
	}
	return i18n.Number(*x)
}

// sourceCell is the cell of a value's source ("file.xlsx 医院!G5").
func sourceCell(src string) string {
	if i := strings.LastIndex(src, " "); i >= 0 {
		return src[i+1:]
	}
	return src
}

func (p *assessmentPanel) chooseFile() {
	p.shell.ChooseFile([]string{".xlsx"}, p.importFrom)
}

// importFrom imports the fill-in workbook at path (every year it holds)
// and says how many values were stored.
func (p *assessmentPanel) importFrom(path string) {
	s := p.shell
	kit.Run(s, kit.Job{Title: i18n.T("run.importing"), Key: "evaluation.assessment"}, func(ctx context.Context, _ kit.Progress) (int, error) {
		return s.Services().Evaluation.ImportAssessment(ctx, s.Actor(), path)
	}, func(n int) {
		p.Refresh()
		dialog.ShowInformation(i18n.T("assess.import_title"), i18n.T("assess.imported", "Count", n, "Years", len(p.ylist)), s.Window())
	})
}

// evaluateHospital opens or completes the hospital-wide evaluation of the
// shell's year from the imported values and says what it did.
func (p *assessmentPanel) evaluateHospital() {
	s := p.shell
	year := s.Year()
	kit.Run(s, kit.Job{Title: i18n.T("run.evaluating"), Key: "evaluation.hospital"}, func(ctx context.Context, _ kit.Progress) (evaluation.Run, error) {
		return s.Services().Evaluation.EvaluateHospital(ctx, s.Actor(), year)
	}, func(r evaluation.Run) { p.evaluated(year, r) })
}

// evaluated shows the hospital-wide evaluation of year and says what it holds.
func (p *assessmentPanel) evaluated(year int, r evaluation.Run) {
	s := p.shell
	if p.onEvaluated != nil {
		p.onEvaluated()
	}
	filled := 0
	for _, t := range r.Texts {
		if t != "" {
			filled++
		}
	}
	score := scoring.Round2(evaluation.Percent(r))
	dialog.ShowInformation(i18n.T("assess.generate"), i18n.T("assess.generated", "Year", year, "Filled", filled,
		"Scheme", kit.PickName(r.Scheme.Name, r.Scheme.NameEn), "Score", scoreText(score), "Grade", gradeText(scoring.GradeOf(score))), s.Window())
}
