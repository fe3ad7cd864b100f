package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/services"
)

// Issue 16: a year without a budget has no result. monitor, evaluate,
// bonus and the evaluation report exit 1 saying what to import, print
// nothing on stdout and write no file.
func TestEmptyYearIsRefused(t *testing.T) {
	db := tempDB(t)
	mustRun(t, "--db", db, "demo", "--year", "2026")
	dir := t.TempDir()
	for _, args := range [][]string{
		{"monitor", "--year", "2020"},
		{"monitor", "--year", "2020", "--month", "6", "--json"},
		{"evaluate", "--year", "2020"},
		{"evaluate", "--year", "2020", "--json"},
		{"bonus", "--year", "2020", "--pool", "1000", "--json"},
		{"report", "evaluation", "--year", "2020", "-o", filepath.Join(dir, "e.pdf")},
	} {
		for _, lang := range []string{"zh", "en"} {
			code, stdout, stderr := run(t, append([]string{"--db", db, "--lang", lang}, args...)...)
			if code != ExitRefused || stdout != "" || !strings.Contains(stderr, "import budget --year 2020") {
				t.Errorf("%s %v: exit %d, stdout %q, stderr %s", lang, args, code, stdout, stderr)
			}
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// Starting the year's evaluation opens units that are 未评分: evaluate and
// the report refuse the year until something is scored; then the scored
// unit is ranked and graded and the others are listed as unscored, with a
// status and no score, grade, rank or form.
func TestStartedYearIsUnscored(t *testing.T) {
	db := tempDB(t)
	dir := t.TempDir()
	mustRun(t, "--db", db, "demo", "--year", "2026")
	ctx := context.Background()
	svc, err := services.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.Evaluation.StartYear(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	pdf := filepath.Join(dir, "e.pdf")
	for _, args := range [][]string{{"evaluate", "--year", "2026", "--json"}, {"report", "evaluation", "--year", "2026", "-o", pdf}} {
		code, stdout, stderr := run(t, append([]string{"--db", db, "--lang", "zh"}, args...)...)
		if code != ExitRefused || stdout != "" || !strings.Contains(stderr, "均未评分") || !strings.Contains(stderr, "import assessment") {
			t.Errorf("%v: exit %d, stdout %q, stderr %s", args, code, stdout, stderr)
		}
	}
	if _, err := os.Stat(pdf); !os.IsNotExist(err) {
		t.Errorf("a refused report was written: %v", err)
	}

	scored := scoreOneUnit(t, svc)
	var got struct{ Units []map[string]any }
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "evaluate", "--year", "2026", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Units) < 20 || got.Units[0]["code"] != scored.Unit.Ref || got.Units[0]["status"] != "scored" || got.Units[0]["grade"] == nil {
		t.Fatalf("the scored unit is not first: %v", got.Units[:1])
	}
	var unscored []string
	for _, u := range got.Units[1:] {
		_, hasScore := u["score"]
		_, hasGrade := u["grade"]
		if u["status"] != "unscored" || hasScore || hasGrade {
			t.Errorf("unscored unit %v", u)
		}
		unscored = append(unscored, u["name"].(string))
	}
	table := mustRun(t, "--db", db, "--lang", "zh", "evaluate", "--year", "2026")
	if strings.Count(table, "未评分") != len(unscored) {
		t.Errorf("table shows 未评分 %d times for %d unscored units:\n%s", strings.Count(table, "未评分"), len(unscored), table)
	}

	mustRun(t, "--db", db, "--lang", "zh", "report", "evaluation", "--year", "2026", "-o", pdf)
	text := reportText(t, pdf)
	wantIn(t, "evaluation", text, "1. "+scored.Unit.Name, "尚未评分的单元")
	if n := strings.Count(text, "未评分"); n < len(unscored) {
		t.Errorf("未评分 printed %d times for %d unscored units", n, len(unscored))
	}
	for _, name := range unscored {
		wantIn(t, "evaluation", text, name)
		if strings.Contains(text, "2. "+strings.Join(strings.Fields(name), "")) {
			t.Errorf("unscored %s has a form of its own", name)
		}
	}
	if n := strings.Count(text, "总得分"); n != 1 {
		t.Errorf("%d self-evaluation forms printed, want the scored unit's only", n)
	}
}

// scoreOneUnit enters one value in the first department's evaluation.
func scoreOneUnit(t *testing.T, svc *services.Services) evaluation.Run {
	t.Helper()
	ctx := context.Background()
	runs, err := svc.Evaluation.Runs(ctx, domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runs {
		if r.Unit.Kind != "department" {
			continue
		}
		for _, is := range r.Result.Indicators {
			if svc.Evaluation.SetValue(ctx, domain.LocalUser, r.ID, is.Code, "1", 0, "") != nil {
				continue
			}
			if r, err = svc.Evaluation.Run(ctx, domain.LocalUser, r.ID); err == nil && r.Scored() {
				return r
			}
		}
	}
	t.Fatal("no unit could be scored")
	return evaluation.Run{}
}
