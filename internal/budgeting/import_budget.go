package budgeting

import (
	"context"
	"fmt"
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

// BudgetRequest is what the user asked for (the CLI flags, the wizard's choices).
type BudgetRequest struct {
	Path          string
	Year          int
	CreateMissing bool
	Department    string // for sheets without departments
	AmountColumn  string
	Encoding      string // CSV and HTML exports: as xlsximport.Options.Encoding
	Replace       bool
	// MapDepartments sends lines of an unknown department (by its name in
	// the file) to an existing department code instead of creating it.
	MapDepartments map[string]string
}

// BudgetPreview is what an import found and would write.
type BudgetPreview struct {
	Year           int
	File           string
	Encoding       string // the text encoding of a CSV or HTML export; "" for workbooks
	Sheets         []xlsximport.SheetReport
	Lines          []domain.BudgetLine
	NewDepartments []domain.Department
	Totals         []masterdata.DeptTotal
	// Revenue and Expenditure are the file's two sides; Total (their sum)
	// is only the batch's check figure, never shown as a total.
	Revenue, Expenditure money.Amount
	Total                money.Amount
	Warnings             domain.Problems
	// Replaces is true when the year already has an approved budget that
	// the import replaces (only with Replace).
	Replaces bool
}

// budgetExists refuses to overwrite an approved year without Replace.
func budgetExists(year int) error {
	return domain.NewProblem("import.budget_exists",
		"{{.Year}} already has an approved budget. Import again with --replace (in the window: tick \"Replace the existing budget\") to replace it as a whole.", "Year", year)
}

// PreviewBudget reads the workbook and reports what importing it would do,
// writing nothing. Every problem in the file is returned at once.
func (s *Service) PreviewBudget(ctx context.Context, by domain.Actor, req BudgetRequest) (BudgetPreview, error) {
	if err := permission.Check(by, permission.BudgetImport, ""); err != nil {
		return BudgetPreview{}, err
	}
	if !domain.ValidYear(req.Year) {
		return BudgetPreview{}, domain.YearProblem(req.Year)
	}
	if err := inputfile.Check(req.Path); err != nil {
		return BudgetPreview{}, err
	}
	exists, err := checkYearState(ctx, s.st.Q, req.Year, req.Replace)
	if err != nil {
		return BudgetPreview{}, err
	}
	depts, subjects, err := masterdata.ImportReference(ctx, s.st.Q)
	if err != nil {
		return BudgetPreview{}, err
	}
	res, err := xlsximport.ReadBudget(req.Path, xlsximport.Options{
		Subjects: subjects, Departments: depts, CreateMissing: req.CreateMissing || len(req.MapDepartments) > 0,
		Department: req.Department, AmountColumn: req.AmountColumn, Encoding: req.Encoding,
	})
	if err != nil {
		return BudgetPreview{}, err
	}
	return buildPreview(req, res, depts, masterdata.SubjectKinds(subjects), exists)
}

// buildPreview applies the department mapping and sums per department.
func buildPreview(req BudgetRequest, res xlsximport.Result, depts []domain.Department, kind map[string]domain.SubjectKind, exists bool) (BudgetPreview, error) {
	p := BudgetPreview{Year: req.Year, File: filepath.Base(req.Path), Encoding: res.Encoding, Sheets: res.Sheets, Warnings: res.Warnings, Replaces: exists}
	plan, err := masterdata.PlanDepartments(res.NewDepartments, req.MapDepartments, req.CreateMissing, depts)
	if err != nil {
		return BudgetPreview{}, err
	}
	p.NewDepartments = plan.Create
	tot := masterdata.DeptTotaller{Plan: plan}
	for _, l := range res.Lines {
		code := plan.Code(l.DeptCode)
		p.Lines = append(p.Lines, domain.BudgetLine{DeptCode: code, SubjectCode: l.SubjectCode, Amount: l.Amount, Note: l.Sheet + "!" + l.Cell})
		side := &p.Expenditure
		if kind[l.SubjectCode] == domain.Revenue {
			side = &p.Revenue
		}
		if !tot.Add(code, l.Amount, kind[l.SubjectCode]) || !money.AddTo(side, l.Amount) || !money.AddTo(&p.Total, l.Amount) {
			return BudgetPreview{}, domain.NewProblem("import.budget_overflow",
				"The budget lines of the file add up to more than BudgetPerf can hold (about 92 trillion yuan): an amount or its unit (yuan or 10,000 yuan) is wrong. Check the amounts; nothing was imported.")
		}
	}
	p.Totals = tot.Totals()
	if err := mergeDuplicates(p.Lines); err != nil {
		return BudgetPreview{}, err
	}
	return p, nil
}

// mergeDuplicates refuses two lines for one department and subject, which
// mapping two file departments onto one existing department can produce.
func mergeDuplicates(lines []domain.BudgetLine) error {
	seen := map[[2]string]string{}
	var ps domain.Problems
	for _, l := range lines {
		k := [2]string{l.DeptCode, l.SubjectCode}
		if first, ok := seen[k]; ok {
			ps = append(ps, domain.NewProblem("import.duplicate_after_mapping", "{{.First}} and {{.Second}} are both department {{.Dept}}, subject {{.Subject}}: keep one line per department and subject.",
				"First", first, "Second", l.Note, "Dept", l.DeptCode, "Subject", l.SubjectCode))
			continue
		}
		seen[k] = l.Note
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

// ImportBudget previews the file and, when it has no problems, writes the
// new departments and the budget (replacing the year's budget with Replace)
// in one transaction.
func (s *Service) ImportBudget(ctx context.Context, by domain.Actor, req BudgetRequest) (BudgetPreview, error) {
	p, err := s.PreviewBudget(ctx, by, req)
	if err != nil {
		return p, err
	}
	if err := ctx.Err(); err != nil {
		return p, err
	}
	fp, err := inputfile.Fingerprint(req.Path)
	if err != nil {
		return p, err
	}
	reason := masterdata.ImportReason(p.File)
	// The transaction holds the write lock from its start: the year's
	// state is checked again here, where no other import can change it
	// before this one commits.
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		exists, err := checkYearState(ctx, tx.Q, req.Year, req.Replace)
		if err != nil {
			return err
		}
		if err := masterdata.SaveNewDepartments(ctx, tx, by, p.NewDepartments, reason); err != nil {
			return err
		}
		var replaced []domain.BudgetLine
		if exists {
			if replaced, err = tx.BudgetLines(ctx, req.Year); err != nil {
				return err
			}
			if err := tx.DeleteBudget(ctx, req.Year); err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := tx.InsertBatch(ctx, by, store.Batch{Kind: "budget", Year: req.Year, FileName: p.File, Fingerprint: fp, Lines: len(p.Lines), Total: p.Total}); err != nil {
			return err
		}
		if err := tx.InsertBudget(ctx, by, domain.Budget{Year: req.Year, Source: "import:" + p.File, Lines: p.Lines}); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, by.Login, budgetTrail(req.Year, replaced, p.Lines, reason)...)
	})
	if store.IsBusy(err) {
		return p, domain.NewProblem("import.busy",
			"Another import or change is being saved to the database and did not finish in time, so {{.File}} was not imported. Try again when it has finished; nothing was written.", "File", p.File)
	}
	return p, err
}

// budgetTrail is the audit trail of a budget import: per line replaced or
// created its old and new amount (old "" when the line is new), and the
// lines of the replaced budget the file no longer has (new ""). Lines
// whose amount did not change are not recorded. The last entry is the
// year's total.
func budgetTrail(year int, replaced, lines []domain.BudgetLine, reason string) []logbook.Entry {
	key := func(l domain.BudgetLine) string { return fmt.Sprintf("%d/%s/%s", year, l.DeptCode, l.SubjectCode) }
	before := make(map[string]string, len(replaced))
	for _, l := range replaced {
		before[key(l)] = l.Amount.String()
	}
	var out []logbook.Entry
	add := func(k, old, new string) {
		if e, ok := logbook.Change(logbook.EntityBudget, k, "amount", old, new, reason); ok {
			out = append(out, e)
		}
	}
	for _, l := range lines {
		k := key(l)
		add(k, before[k], l.Amount.String())
		delete(before, k)
	}
	for _, l := range replaced {
		if old, gone := before[key(l)]; gone {
			add(key(l), old, "")
		}
	}
	// The year's total as imported, against the total replaced ("" when
	// the year had no budget): audit verify checks the lines still add up
	// to it, and that a year first imported has every line in the trail.
	var oldTotal, newTotal money.Amount
	for _, l := range replaced {
		oldTotal += l.Amount
	}
	for _, l := range lines {
		newTotal += l.Amount
	}
	summary := logbook.Entry{Entity: logbook.EntityBudget, EntityKey: strconv.Itoa(year), Field: "imported", New: newTotal.String(), Reason: reason}
	if len(replaced) > 0 {
		summary.Old = oldTotal.String()
	}
	return append(out, summary)
}
