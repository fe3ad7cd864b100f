package masterdata

import (
	"context"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// OriginCustom marks a subject the hospital added under the catalogue.
const OriginCustom = "custom"

// AddSubject adds a hospital-specific subject under an existing one of the
// catalogue (the national classification or an account): its code extends
// the parent's code with digits, its kind is the parent's, and the trail
// records it. Existing subjects are not changed here.
func (s *Service) AddSubject(ctx context.Context, by domain.Actor, sub domain.Subject) error {
	if err := permission.Check(by, permission.MasterdataEdit, ""); err != nil {
		return err
	}
	sub.Code, sub.Name, sub.NameEn = strings.TrimSpace(sub.Code), strings.TrimSpace(sub.Name), strings.TrimSpace(sub.NameEn)
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		subjects, err := tx.Subjects(ctx)
		if err != nil {
			return err
		}
		parent, err := checkNewSubject(subjects, sub)
		if err != nil {
			return err
		}
		sub.Kind, sub.Origin = parent.Kind, OriginCustom
		if _, err := tx.AddSubjects(ctx, []domain.Subject{sub}); err != nil {
			return err
		}
		var entries []logbook.Entry
		for _, f := range [][2]string{{"parent", sub.Parent}, {"name", sub.Name}, {"name_en", sub.NameEn}} {
			if e, ok := logbook.Change(logbook.EntitySubject, sub.Code, f[0], "", f[1], "created"); ok {
				entries = append(entries, e)
			}
		}
		return tx.AppendAudit(ctx, by.Login, entries...)
	})
}

// checkNewSubject refuses a code that is taken, does not extend its
// parent's code with digits, or a missing parent or name; it gives the parent.
func checkNewSubject(subjects []domain.Subject, sub domain.Subject) (domain.Subject, error) {
	var parent domain.Subject
	found := false
	for _, x := range subjects {
		if x.Code == sub.Code {
			return parent, domain.NewProblem("problem.subject.taken", "Subject code {{.Code}} is already in the catalogue ({{.Name}}). Choose another code.", "Code", sub.Code, "Name", x.Name)
		}
		if x.Code == sub.Parent {
			parent, found = x, true
		}
	}
	if !found {
		return parent, domain.NewProblem("problem.subject.parent", "Choose the subject of the catalogue the new one belongs under.")
	}
	digits := strings.TrimPrefix(sub.Code, parent.Code)
	if !strings.HasPrefix(sub.Code, parent.Code) || digits == "" || strings.Trim(digits, "0123456789") != "" {
		return parent, domain.NewProblem("problem.subject.code", "The code of a subject under {{.Parent}} is {{.Parent}} followed by digits, e.g. {{.Parent}}99.", "Parent", parent.Code)
	}
	if sub.Name == "" {
		return parent, domain.NewProblem("problem.subject.name", "Give the new subject a name.")
	}
	return parent, nil
}
