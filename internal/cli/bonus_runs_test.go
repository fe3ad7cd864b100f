package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Save, import the staff list, approve, export; then the year is locked.
func TestBonusRunLifecycle(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "bonus", "approve", "--year", "2026"); code != ExitRefused || !strings.Contains(stderr, "save the allocation first") {
		t.Errorf("approve before save: exit %d %q", code, stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "bonus", "save", "--year", "2026", "--pool", "10000000.01", "--welfare-weight", "0.3")
	if code != ExitOK || !strings.Contains(stdout, "10,000,000.01 yuan among 27 departments") {
		t.Fatalf("save: exit %d %q %q", code, stdout, stderr)
	}

	f := excelize.NewFile()
	for i, r := range [][]any{{"科室", "姓名", "岗位系数", "出勤天数"}, {"妇女保健科", "张敏", 1.5, 22}, {"妇女保健科", "李娜", 1.2, 20}} {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	staff := filepath.Join(t.TempDir(), "staff.xlsx")
	if err := f.SaveAs(staff); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = run(t, "--db", db, "--lang", "en", "import", "staff", "--year", "2026", staff)
	if code != ExitOK || !strings.Contains(stdout, "2 people in 1 departments") {
		t.Fatalf("import staff: exit %d %q %q", code, stdout, stderr)
	}
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "bonus", "approve", "--year", "2026"); code != ExitOK {
		t.Fatalf("approve: exit %d %q", code, stderr)
	}
	out := filepath.Join(t.TempDir(), "pay.xlsx")
	if code, _, stderr := run(t, "--db", db, "--lang", "zh", "bonus", "export", "--year", "2026", "-o", out); code != ExitOK {
		t.Fatalf("export: exit %d %q", code, stderr)
	}
	book, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	rows, _ := book.GetRows("个人明细", excelize.Options{RawCellValue: true})
	if len(rows) < 3+2+1 || rows[3][2] != "张敏" || rows[5][0] != "合计" || !strings.Contains(strings.Join(rows[len(rows)-1], ""), "分管院领导") {
		t.Errorf("staff sheet %v", rows)
	}
	code, _, stderr = run(t, "--db", db, "--lang", "en", "bonus", "save", "--year", "2026", "--pool", "100")
	if code != ExitRefused || !strings.Contains(stderr, "locked") {
		t.Errorf("save after approval: exit %d %q", code, stderr)
	}
}

// Issue 7's second acceptance: a scheme whose revenue-linked indicator
// drives the bonus is refused with the reason — when the library is saved,
// and at the bonus for a library changed outside the application.
func TestRevenueLinkedDriverIsRefused(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	ctx := context.Background()
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	// The clinical departments' scheme, with one of its pay drivers marked
	// as measured in revenue (as a hospital's own edit might make it).
	sc, err := svc.Evaluation.Scheme(ctx, domain.LocalUser, evaluation.ClinicalSchemeCode)
	if err != nil {
		t.Fatal(err)
	}
	name := ""
	var tag func(ns []scoring.Node) bool
	tag = func(ns []scoring.Node) bool {
		for i := range ns {
			if ind := ns[i].Indicator; ind != nil && ind.Bonus == scoring.BonusQuality {
				ind.RevenueLinked, name = true, ns[i].Name
				return true
			}
			if tag(ns[i].Children) {
				return true
			}
		}
		return false
	}
	if !tag(sc.Roots) {
		t.Fatal("the clinical scheme has no quality driver")
	}
	err = svc.Evaluation.SaveScheme(ctx, domain.LocalUser, sc)
	if err == nil || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "九项准则") || !strings.Contains(err.Error(), "国办发〔2019〕4号") {
		t.Errorf("saving the library with a revenue driver: %v", err)
	}
	// Issue 20's acceptance: a revenue-completion indicator tagged as a pay
	// driver is refused when the library is saved, flagged or not.
	completion := sc
	completion.Roots = append([]scoring.Node(nil), sc.Roots...)
	rc := scoring.Indicator{Code: "9.9.9", Name: "科室医疗收入完成率", Unit: "%", Direction: scoring.Higher, Rule: scoring.Proportional, Target: 100, Bonus: scoring.BonusEfficiency}
	completion.Roots = append(completion.Roots, scoring.Node{Code: "9", Name: "收入", Children: []scoring.Node{{Code: "9.9", Name: "收入", Children: []scoring.Node{{Code: "9.9.9", Name: rc.Name, Indicator: &rc}}}}})
	if err := svc.Evaluation.SaveScheme(ctx, domain.LocalUser, completion); err == nil || !strings.Contains(err.Error(), "科室医疗收入完成率") || !strings.Contains(err.Error(), "国办发〔2019〕4号") {
		t.Errorf("saving the library with 科室医疗收入完成率 as a driver: %v", err)
	}
	// Written behind the application's back, as an old or edited file might hold it.
	if err := svc.Store.InTx(ctx, func(tx *store.Tx) error { _, err := tx.SaveScheme(ctx, domain.LocalUser, sc, true); return err }); err != nil {
		t.Fatal(err)
	}
	svc.Close()
	code, _, stderr := run(t, "--db", db, "--lang", "en", "bonus", "--year", "2026", "--pool", "10000000.01", "--json")
	if code != ExitRefused || !strings.Contains(stderr, name) || !strings.Contains(stderr, "cannot drive performance pay") {
		t.Errorf("bonus with a revenue driver: exit %d %q", code, stderr)
	}
	code, _, stderr = run(t, "--db", db, "--lang", "zh", "bonus", "--year", "2026", "--pool", "10000000.01")
	if code != ExitRefused || !strings.Contains(stderr, "不得") && !strings.Contains(stderr, "九项准则") {
		t.Errorf("in Chinese: exit %d %q", code, stderr)
	}
}
