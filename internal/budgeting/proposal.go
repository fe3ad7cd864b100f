package budgeting

import (
	"context"
	"sort"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// ProposalLine is one subject of a department's proposal with the prior
// year's figures beside it for reference.
type ProposalLine struct {
	domain.PrepLine
	SubjectName, SubjectNameEn string
	Kind                       domain.SubjectKind
	Section                    domain.Section
	PriorBudget                money.Amount
	// PriorActual is the prior year's actual, projected to the full year
	// when the prior year is not closed (see Proposal.PriorMonths);
	// PriorToDate is the actual it was projected from.
	PriorActual, PriorToDate money.Amount
}

// Figures are the column totals of one kind of line.
type Figures struct {
	PriorBudget, PriorActual, Proposal, Control, Final money.Amount
	// HasControl is set when any line carries a control figure.
	HasControl bool
}

// Proposal is a department's budget proposal as the form shows it.
type Proposal struct {
	Year int
	Dept domain.DeptPrep
	// PriorMonths is how many months of prior-year actuals exist: 12 for a
	// closed year; fewer means PriorActual is actual ÷ months × 12.
	PriorMonths int
	Lines       []ProposalLine
	// Projects is the department's project expenditure, part of its
	// expenditure total and of what the control total limits.
	Projects             money.Amount
	ProjectCount         int
	Revenue, Expenditure Figures
	Locked               bool
}

// ExpenditureFinal is basic plus project expenditure: what the control
// total limits and what enters the budget.
func (p Proposal) ExpenditureFinal() money.Amount { return p.Expenditure.Final + p.Projects }

// Proposal reads a department's proposal with the prior year beside it.
func (s *Service) Proposal(ctx context.Context, by domain.Actor, year int, deptCode string) (Proposal, error) {
	if err := permission.Check(by, permission.Read, deptCode); err != nil {
		return Proposal{}, err
	}
	c, err := cycleOf(ctx, s.st.Q, year)
	if err != nil {
		return Proposal{}, err
	}
	dept, err := deptPrepOf(ctx, s.st.Q, year, deptCode)
	if err != nil {
		return Proposal{}, err
	}
	p := Proposal{Year: year, Dept: dept, Locked: c.Locked()}
	prior, err := s.priorFigures(ctx, year)
	if err != nil {
		return p, err
	}
	p.PriorMonths = prior.months
	subjects, err := s.subjectMap(ctx)
	if err != nil {
		return p, err
	}
	lines, err := s.st.PrepLines(ctx, year, deptCode)
	if err != nil {
		return p, err
	}
	for _, l := range lines {
		subj := subjects[l.SubjectCode]
		pl := ProposalLine{PrepLine: l.PrepLine, SubjectName: subj.Name, SubjectNameEn: subj.NameEn, Kind: subj.Kind,
			Section:     domain.SectionOf(l.SubjectCode, subjects),
			PriorBudget: prior.budget[key(deptCode, l.SubjectCode)], PriorActual: prior.actual[key(deptCode, l.SubjectCode)],
			PriorToDate: prior.toDate[key(deptCode, l.SubjectCode)]}
		if pl.Kind == "" {
			pl.Kind = domain.Expenditure
		}
		p.Lines = append(p.Lines, pl)
		f := &p.Expenditure
		if pl.Kind == domain.Revenue {
			f = &p.Revenue
		}
		f.add(pl)
	}
	sort.SliceStable(p.Lines, func(i, j int) bool {
		a, b := p.Lines[i], p.Lines[j]
		if a.Section.Order != b.Section.Order {
			return a.Section.Order < b.Section.Order
		}
		if a.Section.Key != b.Section.Key {
			return a.Section.Key < b.Section.Key
		}
		return a.SubjectCode < b.SubjectCode
	})
	projects, err := s.st.Projects(ctx, year, deptCode)
	if err != nil {
		return p, err
	}
	for _, pr := range projects {
		p.Projects += pr.Amount
	}
	p.ProjectCount = len(projects)
	return p, nil
}

func (f *Figures) add(l ProposalLine) {
	f.PriorBudget += l.PriorBudget
	f.PriorActual += l.PriorActual
	f.Proposal += l.Proposal
	f.Final += l.Final()
	if l.Control != nil {
		f.Control += *l.Control
		f.HasControl = true
	}
}

// priorYear holds the prior year's budget and (projected) actuals by
// department and subject.
type priorYear struct {
	months                 int
	budget, actual, toDate map[string]money.Amount
}

func key(dept, subject string) string { return dept + "\x00" + subject }

// priorFigures reads year−1. When the prior year is still running (the
// budget is prepared in autumn), its actuals to date are projected to a
// full year, the "estimated execution" finance offices prepare from.
func (s *Service) priorFigures(ctx context.Context, year int) (priorYear, error) {
	py := priorYear{budget: map[string]money.Amount{}, actual: map[string]money.Amount{}, toDate: map[string]money.Amount{}}
	lines, err := s.st.BudgetLines(ctx, year-1)
	if err != nil {
		return py, err
	}
	for _, l := range lines {
		py.budget[key(l.DeptCode, l.SubjectCode)] += l.Amount
	}
	if py.months, err = s.st.LatestActualMonth(ctx, year-1); err != nil || py.months == 0 {
		return py, err
	}
	actuals, err := s.st.ActualSubjectTotals(ctx, year-1, 12)
	if err != nil {
		return py, err
	}
	for _, a := range actuals {
		amt := a.Amount
		py.toDate[key(a.DeptCode, a.SubjectCode)] += amt
		if py.months < 12 {
			amt = money.Amount(money.RoundDiv(a.Amount.Fen()*12, int64(py.months)))
		}
		py.actual[key(a.DeptCode, a.SubjectCode)] += amt
	}
	return py, nil
}

func (s *Service) subjectMap(ctx context.Context) (map[string]domain.Subject, error) {
	subjects, err := s.st.Subjects(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[string]domain.Subject, len(subjects))
	for _, sub := range subjects {
		m[sub.Code] = sub
	}
	return m, nil
}

// LineEdit is a department's figure and note for one subject.
type LineEdit struct {
	SubjectCode string
	Amount      money.Amount
	Note        string
}

// SaveProposal stores a department's figures: the first-up proposal in
// round 1, the revised figure in round 2. All edits land together, with
// their old and new values in the audit trail.
func (s *Service) SaveProposal(ctx context.Context, by domain.Actor, year int, deptCode string, edits []LineEdit) error {
	return s.SaveProposalAt(ctx, by, year, deptCode, 0, edits)
}

// SaveProposalAt is SaveProposal from the proposal as read at version seen
// (Proposal.Dept.Version): refused with who saved it and when if someone
// has since. 0 does not check (a command reads and saves in one go).
func (s *Service) SaveProposalAt(ctx context.Context, by domain.Actor, year int, deptCode string, seen domain.Version, edits []LineEdit) error {
	if err := permission.Check(by, permission.PrepEditProposal, deptCode); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		return s.saveProposalIn(ctx, tx, by, year, deptCode, seen, edits)
	})
}

// SaveProposalIn is SaveProposal inside a caller's transaction (the demo uses it).
func (s *Service) SaveProposalIn(ctx context.Context, tx *store.Tx, by domain.Actor, year int, deptCode string, edits []LineEdit) error {
	return s.saveProposalIn(ctx, tx, by, year, deptCode, 0, edits)
}

func (s *Service) saveProposalIn(ctx context.Context, tx *store.Tx, by domain.Actor, year int, deptCode string, seen domain.Version, edits []LineEdit) error {
	if err := permission.Check(by, permission.PrepEditProposal, deptCode); err != nil {
		return err
	}
	dept, err := checkEditable(ctx, tx.Q, year, deptCode)
	if err != nil {
		return err
	}
	if _, err := tx.ClaimProposal(ctx, year, deptCode, seen, by.Login); err != nil {
		return changedSince(err, domain.Term{Key: "record.proposal", Default: "budget proposal"}, dept.DeptName)
	}
	byCode, err := linesByCode(ctx, tx.Q, year, deptCode)
	if err != nil {
		return err
	}
	var ps domain.Problems
	var c changes
	for _, e := range edits {
		l, ok := byCode[e.SubjectCode]
		if !ok {
			ps = append(ps, noLine(e.SubjectCode))
			continue
		}
		k := lineKey(year, deptCode, e.SubjectCode)
		if dept.Round == 1 {
			c.add(logbook.EntityPrepLine, k, "proposal", amountText(l.Proposal), amountText(e.Amount), "")
			l.Proposal = e.Amount
		} else {
			a := e.Amount
			c.add(logbook.EntityPrepLine, k, "revised", optAmountText(l.Revised), amountText(a), "")
			l.Revised = &a
		}
		c.add(logbook.EntityPrepLine, k, "note", l.Note, e.Note, "")
		l.Note = e.Note
		if err := tx.SavePrepLine(ctx, year, deptCode, l); err != nil {
			return err
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return c.record(ctx, tx, by)
}

// AddLines adds subjects to a department's proposal. Only leaf subjects can
// be budgeted: a parent is the subtotal of its children.
func (s *Service) AddLines(ctx context.Context, by domain.Actor, year int, deptCode string, codes []string) error {
	if err := permission.Check(by, permission.PrepEditProposal, deptCode); err != nil {
		return err
	}
	subjects, err := s.subjectMap(ctx)
	if err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		return addLinesIn(ctx, tx, by, year, deptCode, codes, subjects)
	})
}

// addLinesIn is AddLines inside a caller's transaction, with the catalogue read.
func addLinesIn(ctx context.Context, tx *store.Tx, by domain.Actor, year int, deptCode string, codes []string, subjects map[string]domain.Subject) error {
	parents := map[string]bool{}
	for _, sub := range subjects {
		parents[sub.Parent] = true
	}
	dept, err := checkEditable(ctx, tx.Q, year, deptCode)
	if err != nil {
		return err
	}
	existing, err := tx.PrepLines(ctx, year, deptCode)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, l := range existing {
		have[l.SubjectCode] = true
	}
	var c changes
	for _, code := range codes {
		if _, ok := subjects[code]; !ok {
			return domain.NewProblem("problem.prep.unknown_subject", "There is no subject with code {{.Code}} in the catalogue.", "Code", code)
		}
		if parents[code] {
			return domain.NewProblem("problem.prep.parent_subject", "{{.Code}} {{.Name}} is a subtotal of its sub-items; add the sub-items instead.", "Code", code, "Name", subjects[code].Name)
		}
		if have[code] {
			continue
		}
		l := domain.PrepLine{SubjectCode: code}
		if dept.Round == 2 {
			zero := money.Amount(0)
			l.Revised = &zero
		}
		if err := tx.SavePrepLine(ctx, year, deptCode, l); err != nil {
			return err
		}
		c.add(logbook.EntityPrepLine, lineKey(year, deptCode, code), "line", "", "added", "")
		have[code] = true
	}
	return c.record(ctx, tx, by)
}

// RemoveLine drops a subject from a department's proposal.
func (s *Service) RemoveLine(ctx context.Context, by domain.Actor, year int, deptCode, subject string) error {
	if err := permission.Check(by, permission.PrepEditProposal, deptCode); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		if _, err := checkEditable(ctx, tx.Q, year, deptCode); err != nil {
			return err
		}
		byCode, err := linesByCode(ctx, tx.Q, year, deptCode)
		if err != nil {
			return err
		}
		l, ok := byCode[subject]
		if !ok {
			return nil // already gone: nothing changed, nothing to record
		}
		if err := tx.DeletePrepLine(ctx, year, deptCode, subject); err != nil {
			return err
		}
		var c changes
		c.add(logbook.EntityPrepLine, lineKey(year, deptCode, subject), "line", amountText(l.Final()), "removed", "")
		return c.record(ctx, tx, by)
	})
}

// linesByCode reads a department's proposal lines keyed by subject.
func linesByCode(ctx context.Context, q store.Q, year int, deptCode string) (map[string]domain.PrepLine, error) {
	lines, err := q.PrepLines(ctx, year, deptCode)
	if err != nil {
		return nil, err
	}
	byCode := make(map[string]domain.PrepLine, len(lines))
	for _, l := range lines {
		byCode[l.SubjectCode] = l.PrepLine
	}
	return byCode, nil
}

func noLine(subject string) *domain.Problem {
	return domain.NewProblem("problem.prep.no_line", "{{.Subject}} is not a line of this proposal; add the subject first.", "Subject", subject)
}
