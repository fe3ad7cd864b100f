package importing

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/access"
	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/money"
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
	plan                 departmentPlan
	NewDepartments       []domain.Department
	Totals               []DeptTotal
	Revenue, Expenditure money.Amount
	Warnings             domain.Problems
	fingerprint          string
}

// PreviewActuals reads a ledger or summary workbook and reports what
// importing it would do, writing nothing. A file imported before, or a
// ledger whose vouchers are already in the database, is refused.
func (s *Service) PreviewActuals(ctx context.Context, by domain.Actor, req ActualsRequest) (ActualsPreview, error) {
	if err := access.Check(by, access.ActualsImport, ""); err != nil {
		return ActualsPreview{}, err
	}
	if !domain.ValidYear(req.Year) {
		return ActualsPreview{}, domain.YearProblem(req.Year)
	}
	if req.Month < 0 || req.Month > 12 {
		return ActualsPreview{}, domain.NewProblem("problem.month_range", "Month {{.Month}} is outside 1–12.", "Month", req.Month)
	}
	fp, err := fingerprint(req.Path)
	if err != nil {
		return ActualsPreview{}, err
	}
	if b, ok, err := s.st.BatchByFingerprint(ctx, "actuals", fp); err != nil {
		return ActualsPreview{}, err
	} else if ok {
		return ActualsPreview{}, domain.NewProblem("import.actuals_again",
			"This file was already imported on {{.When}} by {{.Who}} (as {{.File}}, {{.Lines}} lines for {{.Year}}); importing it again would count its amounts twice.",
			"When", b.ImportedAt.Format("2006-01-02 15:04"), "Who", b.ImportedBy, "File", b.FileName, "Lines", b.Lines, "Year", b.Year)
	}
	depts, subjects, err := s.masterData(ctx)
	if err != nil {
		return ActualsPreview{}, err
	}
	res, err := xlsximport.ReadActuals(req.Path, xlsximport.ActualsOptions{Year: req.Year, Month: req.Month, Options: xlsximport.Options{
		Subjects: subjects, Departments: depts, CreateMissing: req.CreateMissing || len(req.MapDepartments) > 0,
		Department: req.Department, AmountColumn: req.AmountColumn, Encoding: req.Encoding}})
	if err != nil {
		return ActualsPreview{}, err
	}
	plan, err := planDepartments(res.NewDepartments, req.MapDepartments, req.CreateMissing, depts)
	if err != nil {
		return ActualsPreview{}, err
	}
	kind := map[string]domain.SubjectKind{}
	for _, sb := range subjects {
		kind[sb.Code] = sb.Kind
	}
	p := ActualsPreview{Year: req.Year, Month: req.Month, File: filepath.Base(req.Path), Ledger: res.Ledger, Encoding: res.Encoding, Sheets: res.Sheets,
		Warnings: res.Warnings, NewDepartments: plan.create, fingerprint: fp, Lines: len(res.Lines), raw: res.Lines, plan: plan}
	tot := totaller{plan: plan}
	vouchers := map[store.VoucherKey]bool{}
	for _, l := range res.Lines {
		tot.add(plan.code(l.DeptCode), l.Amount)
		if kind[l.SubjectCode] == domain.Revenue {
			p.Revenue += l.Amount
		} else {
			p.Expenditure += l.Amount
		}
		if l.Voucher != "" {
			vouchers[store.VoucherKey{Month: l.Month, Voucher: l.Voucher}] = true
		}
	}
	p.Totals = tot.totals()
	existing, err := s.st.ExistingVouchers(ctx, req.Year, vouchers)
	if err != nil {
		return ActualsPreview{}, err
	}
	if len(existing) > 0 {
		found := make([]string, len(existing))
		for i, k := range existing {
			found[i] = fmt.Sprintf("%02d/%s", k.Month, k.Voucher)
		}
		sort.Strings(found)
		n, more := len(found), ""
		if len(found) > 10 {
			more, found = "…", found[:10]
		}
		return ActualsPreview{}, domain.NewProblem("import.vouchers_exist",
			"{{.N}} vouchers of this ledger (month/number) are already imported for {{.Year}} ({{.List}}): the ledger overlaps one imported before. Import only the new period.",
			"N", n, "Year", req.Year, "List", strings.Join(found, ", ")+more)
	}
	return p, nil
}

// ImportActuals previews the file and, when it has no problems, writes the
// new departments, the batch record and every line in one transaction.
func (s *Service) ImportActuals(ctx context.Context, by domain.Actor, req ActualsRequest) (ActualsPreview, error) {
	p, err := s.PreviewActuals(ctx, by, req)
	if err != nil {
		return p, err
	}
	reason := importReason(p.File)
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := saveNewDepartments(ctx, tx, by, p.NewDepartments, reason); err != nil {
			return err
		}
		oldLines, oldAmount, err := tx.ActualsInPeriod(ctx, p.Year, p.Month)
		if err != nil {
			return err
		}
		id, err := tx.InsertBatch(ctx, by, store.Batch{Kind: "actuals", Year: p.Year, Month: p.Month, FileName: p.File,
			Fingerprint: p.fingerprint, Lines: p.Lines, Total: p.Revenue + p.Expenditure})
		if err != nil {
			return err
		}
		err = tx.InsertActualsBatch(ctx, by, id, func(yield func(domain.Actual) bool) {
			for i, l := range p.raw {
				if i%4096 == 0 && ctx.Err() != nil {
					return
				}
				a := domain.Actual{Year: p.Year, Month: l.Month, DeptCode: p.plan.code(l.DeptCode), SubjectCode: l.SubjectCode, Amount: l.Amount,
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
		return tx.AppendAudit(ctx, by.Login, actualsTrail(p.Year, p.Month, oldLines, newLines, oldAmount, newAmount, reason)...)
	})
	return p, err
}

// actualsTrail is the audit trail of an actuals import: the lines and the
// amount of the period (YEAR, or YEAR/MONTH for a month's summary) before
// and after.
func actualsTrail(year, month int, oldLines, newLines int64, oldAmount, newAmount money.Amount, reason string) []audit.Entry {
	key := strconv.Itoa(year)
	if month > 0 {
		key += "/" + strconv.Itoa(month)
	}
	var out []audit.Entry
	if e, ok := audit.Change(audit.EntityActuals, key, "lines", strconv.FormatInt(oldLines, 10), strconv.FormatInt(newLines, 10), reason); ok {
		out = append(out, e)
	}
	if e, ok := audit.Change(audit.EntityActuals, key, "amount", oldAmount.String(), newAmount.String(), reason); ok {
		out = append(out, e)
	}
	return out
}
