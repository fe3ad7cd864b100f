package execution_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/store"
)

var (
	office    = domain.Actor{Login: "caiwu", Role: domain.RoleBudgetOffice}
	committee = domain.Actor{Login: "weiyuan", Role: domain.RoleCommittee}
	auditor   = domain.Actor{Login: "shenji", Role: domain.RoleAuditor}
)

func problemKey(err error) string {
	if ps := domain.AsProblems(err); len(ps) > 0 {
		return ps[0].Key
	}
	if err != nil {
		return err.Error()
	}
	return ""
}

// entryOf finds the last audit entry of entity, key and field.
func entryOf(t *testing.T, st *store.Store, entity, key, field string) (logbook.Entry, bool) {
	t.Helper()
	entries, err := st.AuditEntries(context.Background(), store.AuditFilter{Entity: entity, EntityKey: key})
	if err != nil {
		t.Fatal(err)
	}
	var found logbook.Entry
	ok := false
	for _, e := range entries {
		if e.EntityKey == key && e.Field == field {
			found, ok = e, true
		}
	}
	return found, ok
}

// Everyone reads the monitoring; thresholds are the budget office's; a
// department head records values and spending for their own departments'
// projects only; the committee and the auditor record nothing.
func TestMonitorRoles(t *testing.T) {
	svc := progressDemo(t)
	ctx := context.Background()
	m := svc.Execution
	ps, err := m.ProjectProgress(ctx, domain.LocalUser, progressYear, 9)
	if err != nil {
		t.Fatal(err)
	}
	eq := projectNamed(t, ps, "医疗设备更新项目")
	var other execution.ProjectProgress
	for _, p := range ps {
		if p.DeptCode != eq.DeptCode && len(p.Targets) > 0 {
			other = p
			break
		}
	}
	if other.ID == 0 {
		t.Fatal("the demo has no project of a second department")
	}
	head := domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: []string{eq.DeptCode}}
	dir := t.TempDir()
	header := []any{"科室", "项目名称", "指标名称", "月份", "实际值", "说明"}
	own := writeValues(t, dir, "own.xlsx", [][]any{header, {eq.DeptCode, eq.Name, eq.Targets[0].Target.Indicator, 10, 8, ""}})
	mixed := writeValues(t, dir, "mixed.xlsx", [][]any{header,
		{eq.DeptCode, eq.Name, eq.Targets[0].Target.Indicator, 11, 9, ""},
		{other.DeptCode, other.Name, other.Targets[0].Target.Indicator, 11, other.Targets[0].Actual, ""}})

	type call func(a domain.Actor) error
	read := func(a domain.Actor) error { _, err := m.Execution(ctx, a, progressYear, 9); return err }
	progress := func(a domain.Actor) error { _, err := m.ProjectProgress(ctx, a, progressYear, 9); return err }
	ledger := func(a domain.Actor) error {
		_, _, err := m.Ledger(ctx, a, progressYear, 9, other.DeptCode, "30201")
		return err
	}
	thresholds := func(a domain.Actor) error { return m.SetThresholds(ctx, a, pace.DefaultThresholds) }
	valueOwn := func(a domain.Actor) error {
		return m.RecordTargetValue(ctx, a, eq.ID, 1, 9, eq.Targets[0].Actual, "")
	}
	valueOther := func(a domain.Actor) error {
		return m.RecordTargetValue(ctx, a, other.ID, 1, 9, other.Targets[0].Actual, "")
	}
	spendOwn := func(a domain.Actor) error { return m.RecordProjectSpending(ctx, a, eq.ID, 9, eq.MonthSpent) }
	spendOther := func(a domain.Actor) error { return m.RecordProjectSpending(ctx, a, other.ID, 9, other.MonthSpent) }
	importOwn := func(a domain.Actor) error { _, err := m.ImportTargetValues(ctx, a, progressYear, own); return err }
	importMixed := func(a domain.Actor) error { _, err := m.ImportTargetValues(ctx, a, progressYear, mixed); return err }

	const ok, denied, notOwn = "", "problem.access.denied", "problem.access.not_own_dept"
	tests := []struct {
		name  string
		actor domain.Actor
		call  call
		want  string
	}{
		{"head reads execution", head, read, ok},
		{"head reads projects", head, progress, ok},
		{"auditor reads ledger", auditor, ledger, ok},
		{"head reads another's ledger", head, ledger, notOwn},
		{"nobody reads", domain.Actor{}, read, "problem.no_actor"},
		{"office sets thresholds", office, thresholds, ok},
		{"head sets thresholds", head, thresholds, denied},
		{"committee sets thresholds", committee, thresholds, denied},
		{"auditor sets thresholds", auditor, thresholds, denied},
		{"head records own value", head, valueOwn, ok},
		{"head records other's value", head, valueOther, notOwn},
		{"head records own spending", head, spendOwn, ok},
		{"head records other's spending", head, spendOther, notOwn},
		{"head imports own values", head, importOwn, ok},
		{"head imports another's values", head, importMixed, notOwn},
		{"office records value", office, valueOther, ok},
		{"office records spending", office, spendOther, ok},
		{"office imports", office, importMixed, ok},
		{"committee records value", committee, valueOwn, denied},
		{"committee records spending", committee, spendOwn, denied},
		{"committee imports", committee, importOwn, denied},
		{"auditor records value", auditor, valueOwn, denied},
		{"auditor records spending", auditor, spendOwn, denied},
		{"auditor imports", auditor, importOwn, denied},
		{"auditor on a missing project", auditor, func(a domain.Actor) error { return m.RecordTargetValue(ctx, a, 9999, 1, 9, "1", "") }, denied},
	}
	for _, tt := range tests {
		if got := problemKey(tt.call(tt.actor)); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
	// The refused mixed import by the head wrote nothing; the office's did.
	if _, found := entryOf(t, svc.Store, logbook.EntityTargetValue, targetKey(eq.ID, 1, 11), "value"); !found {
		t.Error("the office's import of month 11 left no audit entry")
	}
	if e, _ := entryOf(t, svc.Store, logbook.EntityTargetValue, targetKey(eq.ID, 1, 11), "value"); e.Login != office.Login {
		t.Errorf("month 11 recorded by %q, want the office (the head's import was refused)", e.Login)
	}
}

func targetKey(project int64, position, month int) string {
	return fmt.Sprintf("%d/%d/%d/%d", progressYear, project, position, month)
}

// Recording a value, spending and thresholds leaves their old and new
// values in the audit trail.
func TestMonitorAuditTrail(t *testing.T) {
	svc := progressDemo(t)
	ctx := context.Background()
	m := svc.Execution
	ps, err := m.ProjectProgress(ctx, domain.LocalUser, progressYear, 9)
	if err != nil {
		t.Fatal(err)
	}
	eq := projectNamed(t, ps, "医疗设备更新项目")
	head := domain.Actor{Login: "kezhuren", Role: domain.RoleDeptHead, Departments: []string{eq.DeptCode}}
	before, _, err := svc.Store.TargetValueAt(ctx, eq.ID, 1, 9)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.RecordTargetValue(ctx, head, eq.ID, 1, 9, "12", "提前到货"); err != nil {
		t.Fatal(err)
	}
	if err := m.RecordProjectSpending(ctx, head, eq.ID, 9, money.FromYuan(5000000)); err != nil {
		t.Fatal(err)
	}
	if err := m.RecordTargetValue(ctx, head, eq.ID, 2, 9, "", ""); err != nil {
		t.Fatal(err)
	}
	th := pace.DefaultThresholds
	th.GreenWithin = 0.04
	if err := m.SetThresholds(ctx, office, th); err != nil {
		t.Fatal(err)
	}
	cleared := eq.Targets[1]
	want := []struct {
		entity, key, field, login, old, new string
	}{
		{logbook.EntityTargetValue, targetKey(eq.ID, 1, 9), "value", "kezhuren", before.Value, "12"},
		{logbook.EntityTargetValue, targetKey(eq.ID, 1, 9), "note", "kezhuren", before.Note, "提前到货"},
		{logbook.EntityTargetValue, targetKey(eq.ID, 2, 9), "value", "kezhuren", cleared.Actual, ""},
		{logbook.EntityProject, fmt.Sprintf("%d/%s/project/%d", progressYear, eq.DeptCode, eq.ID), "spending.9", "kezhuren", eq.MonthSpent.String(), "5000000.00"},
		{logbook.EntitySetting, "monitor.green_within_bp", "value", "caiwu", "", "400"},
	}
	for _, w := range want {
		e, found := entryOf(t, svc.Store, w.entity, w.key, w.field)
		if !found || e.Login != w.login || e.Old != w.old || e.New != w.new {
			t.Errorf("%s %s %s: %+v (found %v), want %s: %q → %q", w.entity, w.key, w.field, e, found, w.login, w.old, w.new)
		}
	}
	if cleared.ActualMonth != 9 {
		t.Fatalf("target 2 was last reported in month %d; the test clears month 9", cleared.ActualMonth)
	}
	// Unchanged thresholds record nothing.
	n := len(auditRows(t, svc.Store))
	if err := m.SetThresholds(ctx, office, th); err != nil {
		t.Fatal(err)
	}
	if got := len(auditRows(t, svc.Store)); got != n {
		t.Errorf("saving the same thresholds again recorded %d entries", got-n)
	}
	if r, err := audit.New(svc.Store).Verify(ctx, domain.LocalUser); err != nil {
		t.Errorf("the trail does not verify: %+v", r)
	}
}

func auditRows(t *testing.T, st *store.Store) []logbook.Entry {
	t.Helper()
	rows, err := st.AuditEntries(context.Background(), store.AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}
