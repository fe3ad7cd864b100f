package audit_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store"
)

func TestListVerifyExport(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = st.InTx(ctx, func(tx *store.Tx) error {
		return tx.AppendAudit(ctx, "li",
			logbook.Entry{Entity: logbook.EntityPrepLine, EntityKey: "2026/101/30201", Field: "line", Old: "100.00", New: "200.00"},
			logbook.Entry{Entity: logbook.EntityUser, EntityKey: "wang", Field: "password", New: "reset"})
	})
	if err != nil {
		t.Fatal(err)
	}
	svc := audit.New(st)
	auditor := domain.Actor{Login: "wang", Role: domain.RoleAuditor}
	tests := []struct {
		name string
		by   domain.Actor
		f    audit.Filter
		n    int
		ok   bool
	}{
		{"auditor, all", auditor, audit.Filter{}, 2, true},
		{"by entity", auditor, audit.Filter{Entity: logbook.EntityUser}, 1, true},
		{"by key prefix", auditor, audit.Filter{EntityKey: "2026/101"}, 1, true},
		{"by login", auditor, audit.Filter{Login: "zhao"}, 0, true},
		{"committee may not", domain.Actor{Login: "c", Role: domain.RoleCommittee}, audit.Filter{}, 0, false},
		{"department head may not", domain.Actor{Login: "h", Role: domain.RoleDeptHead, Departments: []string{"101"}}, audit.Filter{}, 0, false},
	}
	for _, tt := range tests {
		es, err := svc.List(ctx, tt.by, tt.f)
		if (err == nil) != tt.ok || len(es) != tt.n {
			t.Errorf("%s: %d entries, %v", tt.name, len(es), err)
		}
	}
	if r, err := svc.Verify(ctx, auditor); err != nil || !r.OK || r.Rows != 2 {
		t.Errorf("verify %+v %v", r, err)
	}
	path := filepath.Join(t.TempDir(), "audit.xlsx")
	T := func(key string, args ...any) string { return fmt.Sprint(append([]any{key}, args...)...) }
	if n, err := svc.Export(ctx, auditor, audit.Filter{}, audit.Headers, path, T); err != nil || n != 2 {
		t.Fatalf("export %d %v", n, err)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	// The printed pages carry the trail's head.
	head, _ := svc.Head(ctx)
	if hf, err := x.GetHeaderFooter("Audit"); err != nil || !strings.Contains(hf.OddFooter, head.String()) || head.Seq != 2 {
		t.Errorf("footer %+v %v (head %v)", hf, err, head)
	}
	rows, err := x.GetRows("Audit")
	if err != nil || len(rows) != 3 || rows[0][6] != "Old value" || rows[1][6] != "100.00" || rows[1][7] != "200.00" {
		t.Errorf("workbook rows %q %v", rows, err)
	}
}
