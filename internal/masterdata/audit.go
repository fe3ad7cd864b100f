package masterdata

import (
	"context"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store"
)

// DepartmentChanges are the audit entries of saving d over old (nil when
// d is new): the old and new value of each field that changed, keyed by
// the department's code. A new department records every field, with the
// reason "created" unless reason says otherwise.
func DepartmentChanges(old *domain.Department, d domain.Department, reason string) []logbook.Entry {
	var was domain.Department
	headcount, coefficient := "", ""
	if old != nil {
		was = *old
		headcount, coefficient = strconv.Itoa(old.Headcount), coefficientText(old.CoefficientMilli)
	} else if reason == "" {
		reason = "created"
	}
	var out []logbook.Entry
	add := func(field, o, n string) {
		if e, ok := logbook.Change(logbook.EntityDepartment, d.Code, field, o, n, reason); ok {
			out = append(out, e)
		}
	}
	add("name", was.Name, d.Name)
	add("name_en", was.NameEn, d.NameEn)
	add("type", string(was.Type), string(d.Type))
	add("headcount", headcount, strconv.Itoa(d.Headcount))
	add("coefficient", coefficient, coefficientText(d.CoefficientMilli))
	return out
}

// coefficientText is a bonus coefficient as the trail shows it: exact,
// with three decimals (1150 → "1.150").
func coefficientText(milli int64) string {
	sign := ""
	if milli < 0 {
		sign, milli = "-", -milli
	}
	frac := strconv.FormatInt(milli%1000, 10)
	for len(frac) < 3 {
		frac = "0" + frac
	}
	return sign + strconv.FormatInt(milli/1000, 10) + "." + frac
}

// SaveDepartmentAudited creates or updates d inside tx and records what
// changed in the audit trail in the same transaction. Imports that create
// departments call it too, with their own reason.
func SaveDepartmentAudited(ctx context.Context, tx *store.Tx, by domain.Actor, d domain.Department, reason string) error {
	var old *domain.Department
	prev, err := tx.Department(ctx, d.Code)
	switch {
	case err == nil:
		old = &prev
	case !store.IsNotFound(err):
		return err
	}
	if err := tx.SaveDepartment(ctx, by, d); err != nil {
		return err
	}
	return tx.AppendAudit(ctx, by.Login, DepartmentChanges(old, d, reason)...)
}
