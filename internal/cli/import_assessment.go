package cli

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "import assessment", summary: "cli.import_assessment.summary", run: runImportAssessment})
}

type importAssessmentJSON struct {
	File     string                  `json:"file"`
	Values   int                     `json:"values"`
	Years    []int                   `json:"years"`
	ByYear   []assessmentYearJSON    `json:"by_year"`
	Hospital *hospitalEvaluationJSON `json:"hospital,omitempty"`
}

type assessmentYearJSON struct {
	Year      int `json:"year"`
	Values    int `json:"values"`     // indicators stored
	WithValue int `json:"with_value"` // of which the workbook gives a value
}

type hospitalEvaluationJSON struct {
	Year   int     `json:"year"`
	ID     int64   `json:"id"`
	Filled int     `json:"filled"`
	Score  float64 `json:"score"`
	Grade  string  `json:"grade"`
}

// runImportAssessment imports the hospital's national secondary-assessment
// fill-in workbook (every year it holds) and, with --year, evaluates the
// hospital as a whole for that year from the imported values.
func runImportAssessment(env *Env, args []string) error {
	f := newFlags(env, "import assessment", "FILE", "cli.import_assessment.about")
	year := f.Int("year", 0, "cli.import_assessment.flag_year")
	asJSON := f.Bool("json", false, "cli.flag.json")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.file_required"))
	}
	if *year != 0 && !domain.ValidYear(*year) {
		return domain.YearProblem(*year)
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	path := pos[0]
	n, err := svc.Evaluation.ImportAssessment(env.ctx, env.Actor, path)
	if err != nil {
		return err
	}
	all, err := svc.Evaluation.AssessmentValues(env.ctx, env.Actor, 0)
	if err != nil {
		return err
	}
	out := importAssessmentJSON{File: path, Values: n}
	out.Years, out.ByYear = assessmentYears(all, path)
	if *year != 0 {
		r, err := svc.Evaluation.EvaluateHospital(env.ctx, env.Actor, *year)
		if err != nil {
			return err
		}
		out.Hospital = hospitalJSON(*year, r)
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	return printImportAssessment(env, out)
}

// assessmentYears counts, year by year, the values of the file at path
// and how many of them the workbook fills. The values of this file name
// its cells; a same-named file imported before is replaced by this one,
// year by year.
func assessmentYears(all []evaluation.AssessmentValue, path string) ([]int, []assessmentYearJSON) {
	prefix := filepath.Base(path) + " "
	counts := map[int]*assessmentYearJSON{}
	years, byYear := []int{}, []assessmentYearJSON{}
	for _, v := range all {
		if !strings.HasPrefix(v.Source, prefix) {
			continue
		}
		c := counts[v.Year]
		if c == nil {
			c = &assessmentYearJSON{Year: v.Year}
			counts[v.Year] = c
			years = append(years, v.Year)
		}
		c.Values++
		if v.Value != nil {
			c.WithValue++
		}
	}
	slices.Sort(years)
	for _, y := range years {
		byYear = append(byYear, *counts[y])
	}
	return years, byYear
}

// hospitalJSON is the hospital's evaluation of year from the imported
// values: its score, grade and how many texts are filled.
func hospitalJSON(year int, r evaluation.Run) *hospitalEvaluationJSON {
	score := scoring.Round2(evaluation.Percent(r))
	filled := 0
	for _, t := range r.Texts {
		if t != "" {
			filled++
		}
	}
	return &hospitalEvaluationJSON{Year: year, ID: r.ID, Filled: filled, Score: score, Grade: string(scoring.GradeOf(score))}
}

// printImportAssessment prints the import as a table of years and a line
// or two of text.
func printImportAssessment(env *Env, out importAssessmentJSON) error {
	rows := [][]string{}
	for _, c := range out.ByYear {
		rows = append(rows, []string{strconv.Itoa(c.Year), strconv.Itoa(c.Values), strconv.Itoa(c.WithValue)})
	}
	if err := table(env.Stdout, []string{i18n.T("col.year"), i18n.T("col.indicators"), i18n.T("col.with_value")}, rows); err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.import_assessment.done", "File", filepath.Base(out.File), "Values", out.Values, "Years", len(out.Years)))
	if h := out.Hospital; h != nil {
		env.printf("%s\n", i18n.T("cli.import_assessment.hospital", "Year", h.Year, "Filled", h.Filled,
			"Score", strconv.FormatFloat(h.Score, 'f', 2, 64), "Grade", i18n.T("grade."+h.Grade)))
	}
	return nil
}
