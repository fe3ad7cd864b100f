package audit

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
)

// mismatchProblems is one problem per mismatch; nil when the data agrees
// with the trail.
func mismatchProblems(ms []logbook.Mismatch) error {
	if len(ms) == 0 {
		return nil
	}
	ps := make(domain.Problems, len(ms))
	for i, m := range ms {
		ps[i] = MismatchProblem(m)
	}
	return ps
}

// MismatchProblem names one mismatch in words: the record (what kind, and
// its key spelled out), the field, the trail's value and the data's.
func MismatchProblem(m logbook.Mismatch) *domain.Problem {
	key, field := m.Key, m.Field
	if m.Entity == logbook.EntityBonusRun && strings.HasPrefix(field, "bonus.") {
		key, field = key+"/"+strings.TrimPrefix(field, "bonus."), "bonus"
	}
	args := []any{"Record", domain.Term{Key: "audit.entity." + m.Entity, Default: m.Entity},
		"Key", key, "KeyParts", keyParts(m.Entity),
		"Field", logbook.FieldTerm(m.Entity, field),
		"Trail", valueText(m.Entity, m.Field, m.Trail), "Data", valueText(m.Entity, m.Field, m.Data), "Seq", m.Seq}
	switch {
	case m.Kind == logbook.DataDeleted:
		return domain.NewProblem("problem.audit.data_deleted", "The data does not match the audit trail: {{.Record}} {{.Key}} ({{.KeyParts}}) is missing, but the trail records it ({{.Field}} {{.Trail}}, row {{.Seq}}). It was deleted outside BudgetPerf; restore the database from a backup and investigate.", args...)
	case m.Kind == logbook.DataUntracked:
		return domain.NewProblem("problem.audit.data_untracked", "The data does not match the audit trail: {{.Record}} {{.Key}} ({{.KeyParts}}) is in the data ({{.Field}} {{.Data}}), but the trail never recorded it. It was added outside BudgetPerf; restore the database from a backup and investigate.", args...)
	case m.Seq == 0:
		return domain.NewProblem("problem.audit.data_unchanged", "The data does not match the audit trail: {{.Record}} {{.Key}} ({{.KeyParts}}), {{.Field}}: the trail records no change, so it should still be {{.Trail}}, but the data says {{.Data}}. It was changed outside BudgetPerf; restore the database from a backup and investigate.", args...)
	}
	return domain.NewProblem("problem.audit.data_changed", "The data does not match the audit trail: {{.Record}} {{.Key}} ({{.KeyParts}}), {{.Field}}: the trail says {{.Trail}} (row {{.Seq}}), the data says {{.Data}}. It was changed outside BudgetPerf; restore the database from a backup and investigate.", args...)
}

// keyParts says how an entity's key reads (year/department/subject …).
func keyParts(entity string) domain.Term {
	def := map[string]string{
		logbook.EntityBudget: "year/department/subject", logbook.EntityPrepLine: "year/department/subject",
		logbook.EntityPrepDept: "year/department", logbook.EntityUser: "login", logbook.EntityBonusRun: "year[/department]",
		logbook.EntityBonusStaff: "year/department", logbook.EntityBonusScore: "year/department/dimension",
		logbook.EntityEvaluation: "year/department/evaluation/number", logbook.EntityDepartment: "department code",
		logbook.EntitySetting: "setting", logbook.EntityActuals: "year", logbook.EntitySubject: "subject code",
	}[entity]
	return domain.Term{Key: "audit.key." + entity, Default: def}
}

// valueText shows a value in words where it is one of a set (a state, a
// role); "" as "(none)" (logbook.ValueTerm, which the window shows too).
func valueText(entity, field, v string) any { return logbook.ValueTerm(entity, field, v) }
