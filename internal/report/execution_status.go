package report

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// paceWord and statusWord are the words the execution report prints for a
// figure's pace and status: the ones monitor computed, in the words every
// other surface uses.
func paceWord(f pace.Figures) string   { return i18n.T(f.Pace.Key()) }
func statusWord(f pace.Figures) string { return i18n.T(f.Status.Key()) }

// levelInk is the colour the reports print a status of level l in: the
// one mapping for PDF, matching the screens' statusColor (red an alert,
// amber watch, blue information, green normal), dark enough to read when
// printed in greyscale.
func levelInk(l pace.Level) [3]int {
	switch l {
	case pace.Red:
		return [3]int{0xc6, 0x28, 0x28}
	case pace.Amber:
		return [3]int{0xb2, 0x6a, 0x00}
	case pace.Blue:
		return [3]int{0x15, 0x65, 0xc0}
	}
	return [3]int{0x2e, 0x7d, 0x32}
}

// statusInks colours the status cell (column col) of a figure's row by
// its status's level.
func statusInks(col int, f pace.Figures) map[int][3]int {
	return map[int][3]int{col: levelInk(f.Status.Level())}
}

// StatusRow is what the execution report prints as one unit's status; the
// hospital total has the code "".
type StatusRow struct {
	Code                           string
	Pace, Expenditure, Revenue     string // words as printed
	AlertKinds                     []string
	ExpenditureLevel, RevenueLevel pace.Level
}

// ExecutionStatuses is the execution report's data as status words: the
// same load and the same words as the PDF, for checks that every surface
// agrees (issue 16).
func ExecutionStatuses(ctx context.Context, svc *services.Services, by domain.Actor, year, month int) ([]StatusRow, error) {
	data, err := loadExecution(ctx, svc, by, year, month)
	if err != nil {
		return nil, err
	}
	ex := data.Ex
	kinds := map[string][]string{}
	for _, a := range ex.Alerts {
		kinds[a.DeptCode] = append(kinds[a.DeptCode], i18n.T(a.Kind.Key()))
	}
	out := []StatusRow{{Code: "", Pace: paceWord(ex.Total.Expenditure), Expenditure: statusWord(ex.Total.Expenditure),
		Revenue: statusWord(ex.Total.Revenue), ExpenditureLevel: ex.Total.Expenditure.Status.Level(), RevenueLevel: ex.Total.Revenue.Status.Level()}}
	for _, d := range ex.Departments {
		out = append(out, StatusRow{Code: d.Code, Pace: paceWord(d.Expenditure), Expenditure: statusWord(d.Expenditure),
			Revenue: statusWord(d.Revenue), AlertKinds: kinds[d.Code],
			ExpenditureLevel: d.Expenditure.Status.Level(), RevenueLevel: d.Revenue.Status.Level()})
	}
	return out, nil
}
