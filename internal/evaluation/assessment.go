package evaluation

import (
	"context"
	"path/filepath"
	"slices"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// AssessmentValue is one national-assessment indicator's value for a year,
// with its numerator and denominator where the workbook gives them.
type AssessmentValue = store.AssessmentValue

// secondaryPrefix picks the secondary general-hospital list of the
// catalogue: the fill-in workbooks MCH hospitals keep are secondary ones.
const secondaryPrefix = "二级"

// ImportAssessment reads the hospital's national assessment fill-in
// workbook, matches each indicator row to the secondary list and stores
// value, numerator and denominator for every year the sheet has. It is
// all or nothing: a row that matches no indicator refuses the whole file,
// with every such problem naming its cell. It returns how many
// indicator-years it stored.
func (s *Service) ImportAssessment(ctx context.Context, by domain.Actor, path string) (int, error) {
	if err := permission.Check(by, permission.EvaluationEnterValues, ""); err != nil {
		return 0, err
	}
	list, err := xlsximport.LoadAssessmentCatalogue(assets.AssessmentIndicatorsCSV(), secondaryPrefix)
	if err != nil {
		return 0, err
	}
	if err := inputfile.Check(path); err != nil {
		return 0, err
	}
	a, err := xlsximport.ReadAssessment(path)
	if err != nil {
		return 0, err
	}
	ms, probs := xlsximport.MatchAssessment(a.Rows, list)
	if len(probs) > 0 {
		return 0, probs
	}
	if len(ms) == 0 {
		return 0, domain.NewProblem("problem.evaluation.assessment_empty", "{{.File}} holds no assessment indicator rows.", "File", filepath.Base(path))
	}
	vals := assessmentValues(filepath.Base(path), a.Years, ms)
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		for _, v := range vals {
			if err := tx.SaveAssessmentValue(ctx, by, v); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return len(vals), nil
}

// assessmentValues turns matched rows into one value per indicator and
// year of the sheet. A year left blank is stored too, with no value: the
// row records that the indicator was matched, and some indicators (the
// medical-insurance share, the growth rates) are kept only as sub-rows
// whose composition differs between hospitals.
func assessmentValues(file string, years []int, ms []xlsximport.AssessmentMatch) []AssessmentValue {
	var out []AssessmentValue
	for _, m := range ms {
		ys := slices.Clone(years)
		for y := range m.Row.Values {
			if !slices.Contains(ys, y) {
				ys = append(ys, y)
			}
		}
		slices.Sort(ys)
		for _, y := range ys {
			v := AssessmentValue{
				Year: y, Assessment: m.Indicator.Assessment, Seq: m.Indicator.Seq, Name: m.Indicator.Name,
				Value:  number64(m.Row.Values[y]),
				Source: file + " " + m.Row.Cell,
			}
			if m.Row.Numerator != nil {
				v.Numerator = number64(m.Row.Numerator.Values[y])
			}
			if m.Row.Denominator != nil {
				v.Denominator = number64(m.Row.Denominator.Values[y])
			}
			if !domain.ValidYear(y) {
				continue
			}
			out = append(out, v)
		}
	}
	return out
}

func number64(v xlsximport.Value) *float64 {
	if !v.Has {
		return nil
	}
	f := v.Number
	return &f
}

// AssessmentValues lists the stored national-assessment values of year
// (every year when year is 0), by list, indicator number and year.
func (s *Service) AssessmentValues(ctx context.Context, by domain.Actor, year int) ([]AssessmentValue, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	return s.st.AssessmentValues(ctx, year)
}
