package budgeting

// Department workbooks coming back: a returned workbook is the
// department's submission, checked by the same rules as the proposal
// screen's Save and Submit and recorded in one transaction.

import (
	"context"
	"path/filepath"

	"github.com/budgetperf/budgetperf/internal/deptbook"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/store"
)

// DeptWorkbookImport is a returned workbook recorded as its department's
// submission.
type DeptWorkbookImport struct {
	File               string
	Year, Round        int
	DeptCode, DeptName string
	Lines, Projects    int
	// Expenditure is the submitted expenditure, projects included;
	// Revenue the submitted revenue.
	Expenditure, Revenue money.Amount
	State                domain.PrepState
}

// ImportDeptWorkbook reads a department workbook filled in and returned,
// and records it as the department's submission: its figures and notes
// saved as the proposal screen saves them (the first-up figures in round
// 1, the revised ones in round 2), its projects' amounts, funding,
// person responsible, annual goal and targets saved as the project editor
// saves them, and the proposal submitted as Submit does, with every rule
// of those steps (control figures, "no target, no budget"). The trail
// records that it came by workbook, with the file's name and SHA-256.
//
// It refuses, changing nothing, a workbook whose protected cells or hidden
// sheet were changed, one of another year than year (0: any), one of a
// round the department is no longer in, and one whose department cannot
// submit now (already submitted, approved): a second import of the same
// file is refused that way.
func (s *Service) ImportDeptWorkbook(ctx context.Context, by domain.Actor, path string, year int) (DeptWorkbookImport, error) {
	out := DeptWorkbookImport{File: filepath.Base(path)}
	if err := permission.SignedIn(by); err != nil {
		return out, err
	}
	sum, err := inputfile.Fingerprint(path)
	if err != nil {
		return out, err
	}
	key, err := s.deptbookKey(ctx, false)
	if err != nil {
		return out, err
	}
	wb, err := deptbook.Read(path, key)
	if err != nil {
		return out, err
	}
	out.Year, out.Round, out.DeptCode, out.DeptName = wb.Year, wb.Round, wb.DeptCode, wb.DeptName
	if year != 0 && wb.Year != year {
		return out, domain.NewProblem("problem.deptbook.other_year", "{{.File}} is {{.Dept}}'s workbook for {{.Got}} ({{.Cell}}), not for {{.Year}}. Import it with the year {{.Got}} chosen, or import the department's {{.Year}} workbook.",
			"File", out.File, "Dept", wb.DeptName, "Got", wb.Year, "Cell", deptbook.MetaCell("year"), "Year", year)
	}
	for _, op := range []permission.Op{permission.PrepEditProposal, permission.PrepSubmit} {
		if err := permission.Check(by, op, wb.DeptCode); err != nil {
			return out, withWhose(out, err)
		}
	}
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := s.recordWorkbook(ctx, tx, by, wb); err != nil {
			return err
		}
		var c changes
		c.add(logbook.EntityPrepDept, deptKey(wb.Year, wb.DeptCode), "source", "", out.File, "workbook sha256:"+sum[:12])
		return c.record(ctx, tx, by)
	})
	if err != nil {
		return out, withWhose(out, err)
	}
	p, err := s.Proposal(ctx, by, wb.Year, wb.DeptCode)
	if err != nil {
		return out, err
	}
	out.Lines, out.Projects, out.State = len(wb.Lines), len(wb.Projects), p.Dept.State
	out.Expenditure, out.Revenue = p.ExpenditureFinal(), p.Revenue.Final
	return out, nil
}

// recordWorkbook saves a returned workbook's figures and projects and
// submits the proposal, inside tx.
func (s *Service) recordWorkbook(ctx context.Context, tx *store.Tx, by domain.Actor, wb deptbook.Returned) error {
	dept, err := checkEditable(ctx, tx.Q, wb.Year, wb.DeptCode)
	if err != nil {
		return err
	}
	if dept.Round != wb.Round {
		return domain.NewProblem("problem.deptbook.round", "{{.Cell}}: the workbook is for {{.Round}}, but {{.Dept}}'s proposal is now at “{{.State}}”. Write a new workbook for the department and have it filled in.",
			"Cell", deptbook.MetaCell("round"), "Round", roundTerm(wb.Round), "Dept", dept.DeptName, "State", dept.State.Term())
	}
	catalogue, err := s.subjectMap(ctx)
	if err != nil {
		return err
	}
	codes := make([]string, 0, len(wb.Lines))
	edits := make([]LineEdit, 0, len(wb.Lines))
	for _, l := range wb.Lines {
		codes = append(codes, l.SubjectCode)
		edits = append(edits, LineEdit{SubjectCode: l.SubjectCode, Amount: l.Amount, Note: l.Note})
	}
	if err := addLinesIn(ctx, tx, by, wb.Year, wb.DeptCode, codes, catalogue); err != nil {
		return err
	}
	if err := s.SaveProposalIn(ctx, tx, by, wb.Year, wb.DeptCode, edits); err != nil {
		return err
	}
	if err := saveWorkbookProjects(ctx, tx, by, wb); err != nil {
		return err
	}
	return s.transition(ctx, tx, by, wb.Year, wb.DeptCode, domain.ActSubmit, "")
}

// saveWorkbookProjects saves what the department filled in for each of
// its projects; every project's problems are reported at once, each
// after the project's title cell.
func saveWorkbookProjects(ctx context.Context, tx *store.Tx, by domain.Actor, wb deptbook.Returned) error {
	existing, err := tx.Projects(ctx, wb.Year, wb.DeptCode)
	if err != nil {
		return err
	}
	byCode := map[string]domain.Project{}
	for _, p := range existing {
		byCode[p.Code] = p
	}
	var ps domain.Problems
	for _, e := range wb.Projects {
		p, ok := byCode[e.Code]
		if !ok {
			ps = append(ps, domain.NewProblem("problem.deptbook.project_gone", "{{.Cell}}: project {{.Code}} is no longer among {{.Dept}}'s projects (it was deleted or moved after the workbook was written). Write a new workbook for the department.",
				"Cell", e.Cell, "Code", e.Code, "Dept", wb.DeptName))
			continue
		}
		p.Amount, p.Funding, p.Responsible, p.AnnualGoal, p.Targets = e.Amount, e.Funding, e.Responsible, e.AnnualGoal, e.Targets
		if _, err := saveProjectIn(ctx, tx, by, p); err != nil {
			if domain.AsProblems(err) == nil {
				return err
			}
			ps = append(ps, domain.NewProblem("problem.deptbook.project", "{{.Cell}} project “{{.Name}}”:", "Cell", e.Cell, "Name", p.Name))
			ps = append(ps, domain.AsProblems(err)...)
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

// withWhose puts in front of a refusal whose workbook it was (the hidden
// sheet's cells that say so), so that a batch of files can be told apart.
func withWhose(w DeptWorkbookImport, err error) error {
	ps := domain.AsProblems(err)
	if ps == nil {
		return err
	}
	head := domain.NewProblem("problem.deptbook.whose", "{{.File}} ({{.Dept}} {{.Name}}, {{.Year}}, {{.Round}}; {{.Cells}}) was not imported, nothing was changed:",
		"File", w.File, "Dept", w.DeptCode, "Name", w.DeptName, "Year", w.Year, "Round", roundTerm(w.Round),
		"Cells", deptbook.MetaCell("department")+", "+deptbook.MetaCell("year")+", "+deptbook.MetaCell("round"))
	return append(domain.Problems{head}, ps...)
}

// roundTerm names a round in messages.
func roundTerm(round int) domain.Term {
	if round == 2 {
		return domain.Term{Key: "deptbook.round.2", Default: "the revision within the control figures (second up)"}
	}
	return domain.Term{Key: "deptbook.round.1", Default: "the first proposal (first up)"}
}
