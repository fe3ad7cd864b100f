package budgeting

import (
	"context"
	"sort"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// ImportProposals fills year's proposals from a budget workbook (any
// layout ReadBudget reads: the export budget workbook, a long list of
// department, subject and amount, a sheet per department …): each
// department's lines become its first-up figures (its revised figures
// after control figures), subjects not yet on a proposal are added. It is
// one transaction: every department named must be in the cycle and
// editable by the actor, and every problem (an unknown department, a
// submitted proposal, a parent subject) leaves every proposal as it was.
// It returns the departments filled, by code.
func (s *Service) ImportProposals(ctx context.Context, by domain.Actor, year int, path, encoding string) ([]string, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	if err := inputfile.Check(path); err != nil {
		return nil, err
	}
	depts, subjects, err := masterdata.ImportReference(ctx, s.st.Q)
	if err != nil {
		return nil, err
	}
	res, err := xlsximport.ReadBudget(path, xlsximport.Options{Subjects: subjects, Departments: depts, Encoding: encoding})
	if err != nil {
		return nil, err
	}
	byDept := map[string][]LineEdit{}
	for _, l := range res.Lines {
		byDept[l.DeptCode] = append(byDept[l.DeptCode], LineEdit{SubjectCode: l.SubjectCode, Amount: l.Amount})
	}
	codes := make([]string, 0, len(byDept))
	for code := range byDept {
		if err := permission.Check(by, permission.PrepEditProposal, code); err != nil {
			return nil, err
		}
		codes = append(codes, code)
	}
	sort.Strings(codes)
	catalogue, err := s.subjectMap(ctx)
	if err != nil {
		return nil, err
	}
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		if _, err := openCycle(ctx, tx.Q, year); err != nil {
			return err
		}
		for _, code := range codes {
			if err := s.fillProposalIn(ctx, tx, by, year, code, byDept[code], catalogue); err != nil {
				return err
			}
		}
		return nil
	})
	return codes, err
}

// fillProposalIn adds the lines a department lacks and saves the figures,
// keeping each line's note.
func (s *Service) fillProposalIn(ctx context.Context, tx *store.Tx, by domain.Actor, year int, code string, edits []LineEdit, catalogue map[string]domain.Subject) error {
	wanted := make([]string, 0, len(edits))
	for _, e := range edits {
		wanted = append(wanted, e.SubjectCode)
	}
	if err := addLinesIn(ctx, tx, by, year, code, wanted, catalogue); err != nil {
		return err
	}
	have, err := linesByCode(ctx, tx.Q, year, code)
	if err != nil {
		return err
	}
	for i := range edits {
		edits[i].Note = have[edits[i].SubjectCode].Note
	}
	return s.SaveProposalIn(ctx, tx, by, year, code, edits)
}
