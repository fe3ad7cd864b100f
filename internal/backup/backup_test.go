package backup

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/sqlfixture"
)

func TestBackupNamesAndSizes(t *testing.T) {
	if got := DefaultName("/data/budgetperf.db", time.Date(2026, 3, 4, 17, 5, 0, 0, time.Local)); got != "budgetperf-20260304-1705.bpbak" {
		t.Errorf("DefaultName = %q", got)
	}
	for in, want := range map[string]string{"a": "a.bpbak", "a.bpbak": "a.bpbak", "dir.v2/a": "dir.v2/a.bpbak", "copy.db": "copy.db"} {
		if got := WithExt(in); got != want {
			t.Errorf("WithExt(%q) = %q, want %q", in, got, want)
		}
	}
	for n, want := range map[int64]string{512: "512 B", 2048: "2 KB", 5 << 20: "5.0 MB", 3 << 30: "3.0 GB"} {
		if got := HumanSize(n); got != want {
			t.Errorf("HumanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestCreateKeepAndRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "budgetperf.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if r := Retention(ctx, s); r != store.DefaultRetention {
		t.Errorf("Retention of a new database = %+v, want the defaults %+v", r, store.DefaultRetention)
	}
	if err := SetLimit(ctx, s, domain.LocalUser, 1<<20); err == nil || domain.AsProblems(err)[0].Key != "problem.backup.limit_range" {
		t.Errorf("SetLimit(1 MB) = %v", err)
	}
	head := domain.Actor{Login: "zhang", Role: domain.RoleDeptHead, Departments: []string{"103"}}
	if err := SetLimit(ctx, s, head, 10<<30); err == nil || Retention(ctx, s).MaxBytes == 10<<30 {
		t.Errorf("a department head changed the size limit of the automatic backups: %v", err)
	}
	if err := SetLimit(ctx, s, domain.LocalUser, 5<<30); err != nil || Retention(ctx, s).MaxBytes != 5<<30 {
		t.Errorf("SetLimit(5 GB): %v, Retention = %+v", err, Retention(ctx, s))
	}
	info, err := Create(ctx, s, domain.LocalUser, filepath.Join(dir, "manual"))
	if err != nil || filepath.Base(info.Path) != "manual.bpbak" || info.Size == 0 {
		t.Fatalf("Create = %+v, %v", info, err)
	}
	s.Close()
	res, err := Restore(ctx, Request{DBPath: path, Src: info.Path, By: domain.LocalUser})
	if err != nil || res.Schema != store.SchemaVersion() || res.Kept == "" {
		t.Fatalf("Restore = %+v, %v", res, err)
	}
	if _, err := os.Stat(res.Kept); err != nil {
		t.Errorf("the replaced database was not kept: %v", err)
	}
	// Restoring where there was no database yet keeps nothing.
	res, err = Restore(ctx, Request{DBPath: filepath.Join(dir, "fresh", "new.db"), Src: info.Path})
	if err != nil || res.Kept != "" {
		t.Errorf("Restore into a new place = %+v, %v", res, err)
	}
}

// The service refuses a backup whose schema was altered by hand and leaves
// the database as it was (issue 17).
func TestRestoreRefusesTamperedSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "budgetperf.db")
	s, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	info, err := Create(ctx, s, domain.LocalUser, filepath.Join(dir, "genuine"))
	s.Close()
	if err != nil {
		t.Fatal(err)
	}
	before := sqlfixture.Dump(t, path)
	for _, c := range sqlfixture.TamperedBackups {
		bad := filepath.Join(dir, c.What+Ext)
		sqlfixture.Tamper(t, info.Path, bad, c.Statements...)
		if _, err := Check(ctx, bad); err == nil || !strings.Contains(err.Error(), c.Type+" "+c.Name) {
			t.Errorf("%s: Check = %v", c.What, err)
		}
		if res, err := Restore(ctx, Request{DBPath: path, Src: bad, By: domain.LocalUser}); err == nil || res.Kept != "" {
			t.Errorf("%s: Restore = %+v, %v", c.What, res, err)
		}
		if sqlfixture.Dump(t, path) != before {
			t.Fatalf("%s: the refused restore changed the database", c.What)
		}
	}
	if _, err := Restore(ctx, Request{DBPath: path, Src: info.Path, By: domain.LocalUser}); err != nil {
		t.Errorf("the genuine backup: %v", err)
	}
}
