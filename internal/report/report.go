// Package report writes the printable PDF reports of BudgetPerf: the
// budget, execution at a month-end, the evaluation and the bonus
// allocation. Each report loads its figures through the same services the
// CLI's JSON uses (so the totals agree), then lays them out on A4 with
// fpdf, the embedded CJK font and charts from internal/chart drawn as
// vectors. Each report's file (budget.go, execution.go, evaluation.go,
// bonus.go) holds its loading function (load…) and its layout, one method
// per section; they are separate so the layout can be exercised on data
// built in memory. doc.go, table.go, layout.go and wrap.go are the page
// furniture the four share.
package report

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// The report kinds, as the command line names them.
const (
	Budget     = "budget"
	Execution  = "execution"
	Evaluation = "evaluation"
	Bonus      = "bonus"
)

// Kinds lists the report kinds in menu order.
var Kinds = []string{Budget, Execution, Evaluation, Bonus}

// ValidKind reports whether kind is one of Kinds.
func ValidKind(kind string) bool { return slices.Contains(Kinds, kind) }

// Request says which report to write.
type Request struct {
	Kind  string
	Year  int
	Month int // execution only; 0 = the latest month with actuals
	// Unit overrides the stored amount unit (SetAmountUnit) when not nil.
	Unit *money.Unit
}

// Generate writes the report kind of year (and month, for execution) as a
// PDF to w, telling progress each step done. It stops with ctx's error
// when ctx is cancelled; w may then hold part of a file, so callers write
// to a temporary file and rename it only on success.
func Generate(ctx context.Context, svc *services.Services, by domain.Actor, kind string, year, month int, w io.Writer, progress func(done, total int)) error {
	return GenerateRequest(ctx, svc, by, Request{Kind: kind, Year: year, Month: month}, w, progress)
}

// GenerateRequest is Generate with every option.
func GenerateRequest(ctx context.Context, svc *services.Services, by domain.Actor, req Request, w io.Writer, progress func(done, total int)) error {
	if err := CheckReader(by); err != nil {
		return err
	}
	if !ValidKind(req.Kind) {
		return domain.NewProblem("problem.report.kind", "There is no report \"{{.Kind}}\": choose budget, execution, evaluation or bonus.", "Kind", req.Kind)
	}
	if !domain.ValidYear(req.Year) {
		return domain.YearProblem(req.Year)
	}
	if req.Month < 0 || req.Month > 12 {
		return domain.NewProblem("problem.month_range", "Month {{.Month}} is outside 1–12.", "Month", req.Month)
	}
	lang := i18n.Current()
	meta := Meta{Lang: lang, Generated: time.Now()}
	var err error
	if meta.Hospital, err = svc.Master.HospitalDisplayName(ctx, by, lang); err != nil {
		return err
	}
	head, err := svc.Audit.Head(ctx)
	if err != nil {
		return err
	}
	meta.Trail = audit.StampText(head, i18n.T)
	if req.Unit != nil {
		meta.Unit = *req.Unit
	} else if meta.Unit, err = AmountUnit(ctx, svc, by); err != nil {
		return err
	}
	if progress == nil {
		progress = func(int, int) {}
	}
	progress(0, 1)
	switch req.Kind {
	case Budget:
		data, err := loadBudget(ctx, svc, by, req.Year)
		if err != nil {
			return err
		}
		return writeBudget(ctx, meta, data, w, progress)
	case Execution:
		data, err := loadExecution(ctx, svc, by, req.Year, req.Month)
		if err != nil {
			return err
		}
		return writeExecution(ctx, meta, data, w, progress)
	case Evaluation:
		data, err := loadEvaluation(ctx, svc, by, req.Year)
		if err != nil {
			return err
		}
		return writeEvaluation(ctx, meta, data, w, progress)
	default:
		data, err := loadBonus(ctx, svc, by, req.Year)
		if err != nil {
			return err
		}
		return writeBonus(ctx, meta, data, w, progress)
	}
}

// FileName is the suggested file name of a report: budget-2026.pdf,
// execution-2026-09.pdf.
func FileName(kind string, year, month int) string {
	if kind == Execution && month > 0 {
		return fmt.Sprintf("%s-%d-%02d.pdf", kind, year, month)
	}
	return fmt.Sprintf("%s-%d.pdf", kind, year)
}

// CheckReader refuses a report to whoever may not read the whole hospital.
// The reports are the hospital's documents — its totals, ranking,
// allocation, compliance statement and signature block — so a department
// head, who reads their own departments only, is refused rather than given
// a hospital-titled report holding part of it. Their figures are on the
// screens and in budget show, monitor, evaluate and bonus export.
func CheckReader(by domain.Actor) error {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return err
	}
	if by.Role == domain.RoleDeptHead {
		return domain.NewProblem("problem.report.whole_hospital", "{{.User}} is a department head and reads their own departments only; the reports cover the whole hospital. See your departments on the screens, or with budget show, monitor, evaluate and bonus export.",
			"User", i18n.UserName(by.Login))
	}
	return nil
}
