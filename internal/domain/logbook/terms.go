package logbook

import "github.com/budgetperf/budgetperf/internal/domain"

// FieldTerm is a field's display name (audit.field.ENTITY.FIELD), its
// internal name as the default.
func FieldTerm(entity, field string) domain.Term {
	return domain.Term{Key: "audit.field." + entity + "." + field, Default: field}
}

// ValueTerm shows a value in words where it is one of a set (a state, a
// role), "" as "(none)"; other values are returned as they are (a string).
func ValueTerm(entity, field, v string) any {
	switch {
	case v == "":
		return domain.Term{Key: "audit.value.none", Default: "(none)"}
	case (entity == EntityPrepDept || entity == EntityPrepCycle) && field == "state" && domain.PrepState(v).Term().Default != "":
		return domain.PrepState(v).Term()
	case entity == EntityUser && field == "role":
		return domain.Role(v).Term()
	case entity == EntityAdjustment && field == "state":
		return domain.AdjustmentState(v).Term()
	}
	if key, ok := valueTerms[entity+"."+field]; ok {
		return domain.Term{Key: key + v, Default: v}
	}
	if key, ok := wordValues[entity+"."+field+"."+v]; ok {
		return domain.Term{Key: key, Default: v}
	}
	return v
}

// valueTerms are the fields whose values are words of a set: the prefix of
// their translation keys.
var valueTerms = map[string]string{
	EntityEvaluation + ".state": "evaluation.state.",
	EntityDepartment + ".type":  "dept.type.",
	EntityBonusRun + ".status":  "audit.value.bonus_status.",
	EntityUser + ".locked":      "audit.value.locked.",
}

// wordValues are single words the services write as a value (a line
// removed, a cycle opened, a password changed): their translation keys.
var wordValues = map[string]string{
	EntityPrepLine + ".line.removed":     "audit.value.removed",
	EntityPrepLine + ".line.added":       "audit.value.added",
	EntityPrepCycle + ".state.open":      "audit.value.cycle.open",
	EntityPrepCycle + ".state.cancelled": "audit.value.cycle.cancelled",
	EntityPrepCycle + ".state.closed":    "audit.value.cycle.closed",
	EntityUser + ".password.changed":     "audit.value.password.changed",
	EntityUser + ".password.reset":       "audit.value.password.reset",
	EntityUser + ".user.created":         "audit.value.created",
}
