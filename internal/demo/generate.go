// Package demo builds and loads a fictional maternal and child health
// hospital so that the product can be tried without real data.
package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Dataset is the demo hospital: its departments, the approved budgets of the
// prior and the current year, and monthly actuals (the prior year complete,
// the current year through September).
type Dataset struct {
	HospitalName   string
	HospitalNameEn string
	// Departments excludes the built-in hospital-wide unit 000, which every
	// database already has; lines of 000 are in Budgets and Actuals.
	Departments []domain.Department
	Budgets     []domain.Budget // the prior year, then the current year
	Actuals     []domain.Actual
}

const (
	// demoSource marks every budget and actual the demo writes.
	demoSource = "demo"
	// actualSummary is the summary text of the demo's monthly actuals.
	actualSummary = "月度汇总"
	// actualMonths is how many months of the current year have actuals.
	actualMonths = 9
	// approvedBy is who approves the budgets (the second "down").
	approvedBy = "预算管理委员会"
)

// The fixed seed makes every run produce the same hospital; it does not
// depend on the year, so only dates change from one year to another.
const (
	seed1 = 20250101
	seed2 = 7
)

var beijing = time.FixedZone("CST", 8*60*60)

// Generate builds the demo hospital for year: the budgets of year-1 and year,
// all twelve months of year-1's actuals and months 1–9 of year's. The same
// year always gives identical data, and the amounts are the same for every
// year. year-1 and year must be valid years (domain.ValidYear).
func Generate(year int) Dataset {
	r := rand.New(rand.NewPCG(seed1, seed2))
	prior := domain.Budget{Year: year - 1, Source: demoSource, ApprovedBy: approvedBy,
		ApprovedAt: time.Date(year-2, 12, 26, 10, 0, 0, 0, beijing)}
	current := domain.Budget{Year: year, Source: demoSource, ApprovedBy: approvedBy,
		ApprovedAt: time.Date(year-1, 12, 25, 10, 0, 0, 0, beijing)}
	var priorActuals, currentActuals []domain.Actual

	specs := append([]deptSpec{hospitalWideSpec}, deptSpecs...)
	for _, d := range specs {
		for _, l := range deptLines(d, r) {
			// Draw every random number whether or not the line exists in a
			// year, so that the stream stays aligned line by line.
			priorRate := 88000 + r.Int64N(16001) // 88.000%–104.000% of budget
			priorWeights := jittered(l.pat, r)
			pace := d.paceMilli
			if isRevenue(l.subject) {
				pace = d.revPaceMilli
			}
			currentRate := pace*100 + r.Int64N(6001) - 3000
			currentWeights := jittered(l.pat, r)

			if l.prior != 0 {
				prior.Lines = append(prior.Lines, domain.BudgetLine{DeptCode: d.code, SubjectCode: l.subject, Amount: l.prior, Note: l.note})
				priorActuals = appendActuals(priorActuals, year-1, d.code, l.subject, scale(l.prior, priorRate, 100000), priorWeights, 12)
			}
			if l.current != 0 {
				current.Lines = append(current.Lines, domain.BudgetLine{DeptCode: d.code, SubjectCode: l.subject, Amount: l.current, Note: l.note})
				currentActuals = appendActuals(currentActuals, year, d.code, l.subject, scale(l.current, currentRate, 100000), currentWeights, actualMonths)
			}
		}
	}
	return Dataset{
		HospitalName:   hospitalName,
		HospitalNameEn: hospitalNameEn,
		Departments:    departments(),
		Budgets:        []domain.Budget{prior, current},
		Actuals:        append(priorActuals, currentActuals...),
	}
}

// line is a budget line of both years; a zero amount means the line does not
// exist in that year.
type line struct {
	subject        string
	prior, current money.Amount
	pat            pattern
	note           string
}

// deptLines returns d's lines: wages, benefits and common running costs by
// headcount (not for 000), then d's own lines from lineSpecs.
func deptLines(d deptSpec, r *rand.Rand) []line {
	var out []line
	if d.headcount > 0 {
		for _, p := range personnelRates {
			base := yuan(p.perHead[d.typ] * int64(d.headcount))
			prior := roundHundreds(scale(base, 970+r.Int64N(61), 1000)) // ±3%
			out = append(out, line{subject: p.subject, prior: prior, current: grow(prior, d), pat: p.pat})
		}
	}
	for _, s := range lineSpecs {
		if s.dept != d.code {
			continue
		}
		noise := 940 + r.Int64N(121) // ±6%, drawn for new lines too
		l := line{subject: s.subject, pat: s.pat, note: s.note}
		if s.prior > 0 {
			l.prior = roundHundreds(scale(yuan(s.prior), noise, 1000))
		}
		switch {
		case s.current == dropped:
		case s.current > 0:
			l.current = yuan(s.current)
		default:
			l.current = grow(l.prior, d)
		}
		out = append(out, l)
	}
	return out
}

// isRevenue tells revenue subjects (4xxx) from expenditure (3xx).
func isRevenue(subject string) bool { return strings.HasPrefix(subject, "4") }

// grow is the current year's budget of a line continued from the prior year.
func grow(prior money.Amount, d deptSpec) money.Amount {
	return roundHundreds(scale(prior, d.growthMilli, 1000))
}

// jittered returns p's weights, each varied by up to ±5% when p allows it.
func jittered(p pattern, r *rand.Rand) []int64 {
	w := make([]int64, 12)
	for i, x := range p.weights {
		f := 95 + r.Int64N(11)
		if !p.jitter {
			f = 100
		}
		w[i] = x * f
	}
	return w
}

// appendActuals spreads annual over the months by weights (exactly, to the
// fen) and appends one summary actual for each of the first months months
// that has an amount.
func appendActuals(out []domain.Actual, year int, dept, subject string, annual money.Amount, weights []int64, months int) []domain.Actual {
	parts, err := money.Allocate(annual, weights)
	if err != nil {
		// The weights are constants with a positive sum; failing here is a bug.
		panic(fmt.Sprintf("demo: spreading %s/%s: %v", dept, subject, err))
	}
	for m := 1; m <= months; m++ {
		if parts[m-1] == 0 {
			continue
		}
		out = append(out, domain.Actual{Year: year, Month: m, DeptCode: dept, SubjectCode: subject,
			Amount: parts[m-1], Summary: actualSummary, Source: demoSource})
	}
	return out
}
