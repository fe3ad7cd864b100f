package budgeting

import (
	"context"
	"fmt"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Projects lists year's project budgets with their performance target
// tables, of one department or of all when deptCode is "".
func (s *Service) Projects(ctx context.Context, by domain.Actor, year int, deptCode string) ([]domain.Project, error) {
	if err := permission.Check(by, permission.Read, deptCode); err != nil {
		return nil, err
	}
	if !domain.ValidYear(year) {
		return nil, domain.YearProblem(year)
	}
	ps, err := s.st.Projects(ctx, year, deptCode)
	if err != nil || by.Role != domain.RoleDeptHead {
		return ps, err
	}
	var out []domain.Project
	for _, p := range ps {
		if permission.CanSee(by, p.DeptCode) {
			out = append(out, p)
		}
	}
	return out, nil
}

// ProjectsEditable says whether the department may change its projects
// now: nil when it may, else the problem that explains why not, so the
// screen can disable its buttons and say why.
func (s *Service) ProjectsEditable(ctx context.Context, by domain.Actor, year int, deptCode string) error {
	if err := permission.Check(by, permission.PrepEditProposal, deptCode); err != nil {
		return err
	}
	_, err := checkEditable(ctx, s.st.Q, year, deptCode)
	return err
}

// SaveProject creates p (ID 0) or changes it, replacing its target table,
// and returns its id. Every problem with the input is reported at once.
// The department checks run in the write's transaction so that a
// submission cannot slip in between the check and the change.
func (s *Service) SaveProject(ctx context.Context, by domain.Actor, p domain.Project) (int64, error) {
	if err := permission.Check(by, permission.PrepEditProposal, strings.TrimSpace(p.DeptCode)); err != nil {
		return 0, err
	}
	var id int64
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		id, err = saveProjectIn(ctx, tx, by, p)
		return err
	})
	return id, err
}

// saveProjectIn is SaveProject inside a caller's transaction (a returned
// department workbook saves its projects with its proposal).
func saveProjectIn(ctx context.Context, tx *store.Tx, by domain.Actor, p domain.Project) (int64, error) {
	p = tidyProject(p)
	if err := permission.Check(by, permission.PrepEditProposal, p.DeptCode); err != nil {
		return 0, err
	}
	problems := p.Validate()
	old, err := projectBefore(ctx, tx, by, p)
	if err != nil {
		return 0, err
	}
	if p.DeptCode != "" {
		if _, err := tx.Department(ctx, p.DeptCode); store.IsNotFound(err) {
			return 0, domain.NewProblem("problem.project.unknown_dept", "There is no department {{.Dept}}. Choose one of the hospital's departments.", "Dept", p.DeptCode)
		} else if err != nil {
			return 0, err
		}
		if _, err := checkEditable(ctx, tx.Q, p.Year, p.DeptCode); err != nil {
			return 0, err
		}
	}
	if p.SubjectCode != "" {
		if pr, err := projectSubjectProblem(ctx, tx.Q, p.SubjectCode); err != nil {
			return 0, err
		} else if pr != nil {
			problems = append(problems, pr)
		}
	}
	if p.Code != "" {
		if taken, err := tx.ProjectCodeTaken(ctx, p.Year, p.Code, p.ID); err != nil {
			return 0, err
		} else if taken {
			problems = append(problems, domain.NewProblem("problem.project.code_taken", "Another {{.Year}} project already has the code {{.Code}}. Give this one another code, or leave it empty to have one assigned.", "Year", p.Year, "Code", p.Code))
		}
	}
	if len(problems) > 0 {
		return 0, problems
	}
	id, err := tx.SaveProject(ctx, by, p)
	if err != nil {
		return 0, err
	}
	return id, projectChanges(old, p, id).record(ctx, tx, by)
}

// projectBefore is the project p changes (zero when p is new), after the
// checks a change needs: the saver may edit it where it is, it stays in
// its year, both departments are open when it moves, and nobody saved it
// since p was read (its version).
func projectBefore(ctx context.Context, tx *store.Tx, by domain.Actor, p domain.Project) (domain.Project, error) {
	if p.ID == 0 {
		return domain.Project{}, nil
	}
	old, err := existingProject(ctx, tx.Q, p.ID)
	if err != nil {
		return old, err
	}
	if err := permission.Check(by, permission.PrepEditProposal, old.DeptCode); err != nil {
		return old, err
	}
	if old.Year != p.Year {
		// The store keeps a project's year; moving one across
		// cycles would bypass the other year's checks.
		return old, domain.NewProblem("problem.project.year_moved", "Project \"{{.Name}}\" belongs to the {{.Old}} budget and cannot be moved to {{.Year}}. Create it again in {{.Year}}.",
			"Name", old.Name, "Old", old.Year, "Year", p.Year)
	}
	if old.DeptCode != p.DeptCode {
		// Moving a project takes it out of one proposal and into
		// another: both must be open for changes.
		if _, err := checkEditable(ctx, tx.Q, old.Year, old.DeptCode); err != nil {
			return old, err
		}
	}
	if _, err := tx.ClaimProject(ctx, p.ID, p.Version, by.Login); err != nil {
		return old, changedSince(err, domain.Term{Key: "record.project", Default: "project"}, old.Name)
	}
	return old, nil
}

// projectChanges are the audit entries of saving p over old (zero when new).
func projectChanges(old, p domain.Project, id int64) changes {
	var c changes
	k := fmt.Sprintf("%s/project/%d", deptKey(p.Year, p.DeptCode), id)
	reason := ""
	if old.ID == 0 {
		reason = "created"
	}
	c.add(logbook.EntityProject, k, "name", old.Name, p.Name, reason)
	c.add(logbook.EntityProject, k, "department", old.DeptCode, p.DeptCode, reason)
	c.add(logbook.EntityProject, k, "subject", old.SubjectCode, p.SubjectCode, reason)
	oldAmount := ""
	if old.ID != 0 {
		oldAmount = amountText(old.Amount)
	}
	c.add(logbook.EntityProject, k, "amount", oldAmount, amountText(p.Amount), reason)
	c.add(logbook.EntityProject, k, "targets", fmt.Sprint(len(old.Targets)), fmt.Sprint(len(p.Targets)), reason)
	c.add(logbook.EntityProject, k, "code", old.Code, p.Code, reason)
	c.add(logbook.EntityProject, k, "funding", fundingText(old), fundingText(p), reason)
	c.add(logbook.EntityProject, k, "attribute", string(old.Attribute), string(p.Attribute), reason)
	c.add(logbook.EntityProject, k, "responsible", old.Responsible, p.Responsible, reason)
	c.add(logbook.EntityProject, k, "long_term_goal", old.LongTermGoal, p.LongTermGoal, reason)
	c.add(logbook.EntityProject, k, "annual_goal", old.AnnualGoal, p.AnnualGoal, reason)
	return c
}

// fundingText is the funding split as the trail records it: fiscal /
// business income / carry-over / other, in yuan; "" while not given.
func fundingText(p domain.Project) string {
	if !p.Funding.Given() {
		return ""
	}
	var parts []string
	for _, a := range p.Funding.Parts() {
		parts = append(parts, amountText(a))
	}
	return strings.Join(parts, " / ")
}

// DeleteProject removes a project with its target table, while its
// department may still change its proposal.
func (s *Service) DeleteProject(ctx context.Context, by domain.Actor, id int64) error {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		p, err := existingProject(ctx, tx.Q, id)
		if err != nil {
			return err
		}
		if err := permission.Check(by, permission.PrepEditProposal, p.DeptCode); err != nil {
			return err
		}
		if _, err := checkEditable(ctx, tx.Q, p.Year, p.DeptCode); err != nil {
			return err
		}
		if err := tx.DeleteProject(ctx, id); err != nil {
			return err
		}
		var c changes
		c.add(logbook.EntityProject, fmt.Sprintf("%s/project/%d", deptKey(p.Year, p.DeptCode), id), "project", p.Name+" "+amountText(p.Amount), "deleted", "")
		return c.record(ctx, tx, by)
	})
}

// existingProject reads project id, with a problem the user can act on
// when someone else deleted it meanwhile.
func existingProject(ctx context.Context, q store.Q, id int64) (domain.Project, error) {
	p, err := q.Project(ctx, id)
	if store.IsNotFound(err) {
		return p, domain.NewProblem("problem.project.not_found", "Project {{.ID}} no longer exists; it may have been deleted meanwhile. Reload the list.", "ID", id)
	}
	return p, err
}

// projectSubjectProblem checks that code is an expenditure subject of the
// catalogue: a project spends money, so a revenue subject is a mistake.
func projectSubjectProblem(ctx context.Context, q store.Q, code string) (*domain.Problem, error) {
	subjects, err := q.Subjects(ctx)
	if err != nil {
		return nil, err
	}
	for _, sub := range subjects {
		if sub.Code != code {
			continue
		}
		if sub.Kind != domain.Expenditure {
			return domain.NewProblem("problem.project.not_expenditure", "Subject {{.Code}} {{.Name}} is a revenue subject. Budget the project under an expenditure subject, e.g. 31002 办公设备购置.",
				"Code", code, "Name", sub.Name), nil
		}
		return nil, nil
	}
	return domain.NewProblem("problem.project.unknown_subject", "Subject {{.Code}} is not in the subject catalogue. Choose an expenditure subject, e.g. 31002 办公设备购置.", "Code", code), nil
}

// tidyProject trims what people type around their text and fills the
// project years with the budget year when they were left out: most
// projects run within one year.
func tidyProject(p domain.Project) domain.Project {
	p.Name = strings.TrimSpace(p.Name)
	p.DeptCode = strings.TrimSpace(p.DeptCode)
	p.SubjectCode = strings.TrimSpace(p.SubjectCode)
	p.Description = strings.TrimSpace(p.Description)
	if p.StartYear == 0 {
		p.StartYear = p.Year
	}
	p.Code = strings.TrimSpace(p.Code)
	p.Responsible = strings.TrimSpace(p.Responsible)
	p.LongTermGoal = strings.TrimSpace(p.LongTermGoal)
	p.AnnualGoal = strings.TrimSpace(p.AnnualGoal)
	if p.EndYear == 0 {
		p.EndYear = p.Year
	}
	if p.Attribute == "" {
		// A project that started in an earlier year goes on from it.
		p.Attribute = domain.ProjectNew
		if p.StartYear < p.Year {
			p.Attribute = domain.ProjectContinuing
		}
	}
	targets := make([]domain.Target, len(p.Targets))
	for i, t := range p.Targets {
		t.Indicator = strings.TrimSpace(t.Indicator)
		t.Value = strings.TrimSpace(t.Value)
		t.Unit = strings.TrimSpace(t.Unit)
		targets[i] = t
	}
	p.Targets = targets
	return p
}
