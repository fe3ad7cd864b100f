package execution

import (
	"context"
	"path/filepath"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// ActualsRequest is an actuals import as the user asked for it.
type ActualsRequest struct {
	Path           string
	Year, Month    int // Month: for summaries, the month the amounts belong to; 0 = the year
	CreateMissing  bool
	Department     string
	AmountColumn   string
	Encoding       string // CSV and HTML exports: as xlsximport.Options.Encoding
	MapDepartments map[string]string
	// ReplaceMonth replaces the summaries already imported for the month
	// of a summary file instead of refusing the overlap (summaries only).
	ReplaceMonth bool
}

// ActualsPreview is what an actuals import found and would write.
type ActualsPreview struct {
	Year, Month int
	File        string
	Ledger      bool
	Encoding    string // the text encoding of a CSV or HTML export; "" for workbooks
	Sheets      []xlsximport.SheetReport
	// Lines counts the lines; they are kept as read and turned into
	// domain.Actual only while writing, so a million-line ledger is held once.
	Lines                int
	raw                  []xlsximport.ActualLine
	plan                 masterdata.DepartmentPlan
	NewDepartments       []domain.Department
	Totals               []masterdata.DeptTotal
	Revenue, Expenditure money.Amount
	Warnings             domain.Problems
	// Replaced are the summaries in force that the import replaces (only
	// with ReplaceMonth), each with the month its lines are in.
	Replaced     []ReplacedSummary
	replaceMonth bool
	fingerprint  string
	content      string // summaries: contentFingerprint of the lines
}

// ReplacedSummary is an earlier summary import whose month a new summary
// replaces.
type ReplacedSummary struct {
	store.Batch
	LineMonth int // the month its lines are in (a year's summary: 12)
}

// PreviewActuals reads a ledger or summary workbook and reports what
// importing it would do, writing nothing. A file imported before, a copy
// of a summary imported before, a ledger whose vouchers are already in the
// database and a summary that overlaps one of its month are refused.
// ImportActuals checks all of it again inside its transaction.
func (s *Service) PreviewActuals(ctx context.Context, by domain.Actor, req ActualsRequest) (ActualsPreview, error) {
	if err := permission.Check(by, permission.ActualsImport, ""); err != nil {
		return ActualsPreview{}, err
	}
	if !domain.ValidYear(req.Year) {
		return ActualsPreview{}, domain.YearProblem(req.Year)
	}
	if req.Month < 0 || req.Month > 12 {
		return ActualsPreview{}, domain.NewProblem("problem.month_range", "Month {{.Month}} is outside 1–12.", "Month", req.Month)
	}
	fp, err := inputfile.Fingerprint(req.Path)
	if err != nil {
		return ActualsPreview{}, err
	}
	// The same file again is the common mistake: say so before reading it.
	if err := fileAgain(ctx, s.st.Q, fp); err != nil {
		return ActualsPreview{}, err
	}
	depts, subjects, err := masterdata.ImportReference(ctx, s.st.Q)
	if err != nil {
		return ActualsPreview{}, err
	}
	res, err := xlsximport.ReadActuals(req.Path, xlsximport.ActualsOptions{Year: req.Year, Month: req.Month, Options: xlsximport.Options{
		Subjects: subjects, Departments: depts, CreateMissing: req.CreateMissing || len(req.MapDepartments) > 0,
		Department: req.Department, AmountColumn: req.AmountColumn, Encoding: req.Encoding}})
	if err != nil {
		return ActualsPreview{}, err
	}
	plan, err := masterdata.PlanDepartments(res.NewDepartments, req.MapDepartments, req.CreateMissing, depts)
	if err != nil {
		return ActualsPreview{}, err
	}
	kind := masterdata.SubjectKinds(subjects)
	p := ActualsPreview{Year: req.Year, Month: req.Month, File: filepath.Base(req.Path), Ledger: res.Ledger, Encoding: res.Encoding, Sheets: res.Sheets,
		Warnings: res.Warnings, NewDepartments: plan.Create, fingerprint: fp, Lines: len(res.Lines), raw: res.Lines, plan: plan,
		replaceMonth: req.ReplaceMonth}
	if err := p.sum(kind); err != nil {
		return ActualsPreview{}, err
	}
	return p, duplicates(ctx, s.st.Q, &p)
}

// sum totals the lines per department and kind, refusing a file whose
// amounts add up past what int64 fen holds, and fingerprints a summary's
// figures.
func (p *ActualsPreview) sum(kind map[string]domain.SubjectKind) error {
	tot := masterdata.DeptTotaller{Plan: p.plan}
	var all money.Amount
	var figures []string
	for _, l := range p.raw {
		code := p.plan.Code(l.DeptCode)
		sum := &p.Expenditure
		if kind[l.SubjectCode] == domain.Revenue {
			sum = &p.Revenue
		}
		if !tot.Add(code, l.Amount, kind[l.SubjectCode]) || !money.AddTo(sum, l.Amount) || !money.AddTo(&all, l.Amount) {
			return domain.NewProblem("import.actuals_overflow",
				"The actuals of {{.Year}} would add up to more than BudgetPerf can hold (about 92 trillion yuan): an amount or its unit (yuan or 10,000 yuan) is wrong. Check the amounts of the file; nothing was imported.",
				"Year", p.Year)
		}
		if !p.Ledger {
			figures = append(figures, strconv.Itoa(l.Month)+"|"+code+"|"+l.SubjectCode+"|"+strconv.FormatInt(l.Amount.Fen(), 10))
		}
	}
	p.Totals = tot.Totals()
	if !p.Ledger {
		p.content = contentFingerprint(p.Year, figures)
	}
	return nil
}

// ImportActuals previews the file and, when it has no problems, writes the
// new departments, the batch record and every line in one transaction. The
// transaction holds the write lock from its start, and every duplicate
// check runs again in it before anything is written: of two imports of one
// ledger at once, the second finds the first's batch and is refused.
func (s *Service) ImportActuals(ctx context.Context, by domain.Actor, req ActualsRequest) (ActualsPreview, error) {
	p, err := s.PreviewActuals(ctx, by, req)
	if err != nil {
		return p, err
	}
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := duplicates(ctx, tx.Q, &p); err != nil {
			return err
		}
		return writeActuals(ctx, tx, by, &p)
	})
	if store.IsBusy(err) {
		return p, domain.NewProblem("import.busy",
			"Another import or change is being saved to the database and did not finish in time, so {{.File}} was not imported. Try again when it has finished; nothing was written.", "File", p.File)
	}
	return p, err
}

// writeActuals writes what p describes on tx, with its audit trail.
func writeActuals(ctx context.Context, tx *store.Tx, by domain.Actor, p *ActualsPreview) error {
	reason := masterdata.ImportReason(p.File)
	if err := masterdata.SaveNewDepartments(ctx, tx, by, p.NewDepartments, reason); err != nil {
		return err
	}
	oldLines, oldAmount, err := tx.ActualsInPeriod(ctx, p.Year, p.Month)
	if err != nil {
		return err
	}
	id, err := tx.InsertBatch(ctx, by, store.Batch{Kind: "actuals", Year: p.Year, Month: p.Month, FileName: p.File,
		Fingerprint: p.fingerprint, Summary: !p.Ledger, Content: p.content, Lines: p.Lines, Total: p.Revenue + p.Expenditure})
	if err != nil {
		return err
	}
	trail, err := replaceSummaries(ctx, tx, p, id, reason)
	if err != nil {
		return err
	}
	err = tx.InsertActualsBatch(ctx, by, id, func(yield func(domain.Actual) bool) {
		for i, l := range p.raw {
			if i%4096 == 0 && ctx.Err() != nil {
				return
			}
			a := domain.Actual{Year: p.Year, Month: l.Month, DeptCode: p.plan.Code(l.DeptCode), SubjectCode: l.SubjectCode, Amount: l.Amount,
				Date: l.Date, Voucher: l.Voucher, Summary: l.Summary, Source: p.File + ":" + l.Sheet + "!" + l.Cell}
			if !yield(a) {
				return
			}
		}
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err // cancelled while writing: roll everything back
	}
	// One summary entry for the whole file, not one per ledger line:
	// the period's line count and total before and after.
	newLines, newAmount, err := tx.ActualsInPeriod(ctx, p.Year, p.Month)
	if err != nil {
		return err
	}
	trail = append(trail, actualsTrail(p.Year, p.Month, oldLines, newLines, oldAmount, newAmount, reason)...)
	return tx.AppendAudit(ctx, by.Login, trail...)
}

// actualsTrail is the audit trail of an actuals import: the lines and the
// amount of the period (YEAR, or YEAR/MONTH for a month's summary) before
// and after.
func actualsTrail(year, month int, oldLines, newLines int64, oldAmount, newAmount money.Amount, reason string) []logbook.Entry {
	key := periodKey(year, month)
	var out []logbook.Entry
	if e, ok := logbook.Change(logbook.EntityActuals, key, "lines", strconv.FormatInt(oldLines, 10), strconv.FormatInt(newLines, 10), reason); ok {
		out = append(out, e)
	}
	if e, ok := logbook.Change(logbook.EntityActuals, key, "amount", oldAmount.String(), newAmount.String(), reason); ok {
		out = append(out, e)
	}
	return out
}

// periodKey is YEAR, or YEAR/MONTH for a month.
func periodKey(year, month int) string {
	key := strconv.Itoa(year)
	if month > 0 {
		key += "/" + strconv.Itoa(month)
	}
	return key
}
