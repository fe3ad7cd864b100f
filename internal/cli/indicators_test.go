package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// indicators schemes --json prints exactly {"schemes":[{"key","name",
// "indicators"}]}: every shipped scheme, its Chinese name and the count of
// its level-3 indicators.
func TestIndicatorsSchemesJSON(t *testing.T) {
	db := tempDB(t)
	code, stdout, stderr := run(t, "--db", db, "indicators", "schemes", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d %s", code, stderr)
	}
	var raw map[string][]map[string]json.RawMessage
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil || len(raw) != 1 || raw["schemes"] == nil {
		t.Fatalf("not {\"schemes\":[…]}: %v\n%s", err, stdout)
	}
	got := map[string]struct {
		name string
		n    int
	}{}
	for _, s := range raw["schemes"] {
		if len(s) != 3 || s["key"] == nil || s["name"] == nil || s["indicators"] == nil {
			t.Fatalf("scheme with fields other than key, name, indicators: %v", s)
		}
		var key, name string
		var n int
		_ = json.Unmarshal(s["key"], &key)
		_ = json.Unmarshal(s["name"], &name)
		_ = json.Unmarshal(s["indicators"], &n)
		got[key] = struct {
			name string
			n    int
		}{name, n}
	}
	for key, want := range map[string]struct {
		name string
		n    int
	}{
		"tertiary-general-assessment":   {"三级公立医院绩效考核指标体系（55＋1项）", 56},
		"hospital-secondary-assessment": {"二级公立医院绩效考核指标体系（28项＋全面预算管理）", 29},
		"tcm-tertiary-assessment":       {"三级公立中医医院绩效考核指标体系（66＋1项）", 67},
		"dept-administrative":           {"职能科室绩效考核指标体系", 13},
	} {
		if got[key] != want {
			t.Errorf("%s: %+v, want %+v", key, got[key], want)
		}
	}
	for _, key := range []string{"tcm-secondary-assessment", "mch-public-welfare", "dept-clinical", "dept-medical-technical", "dept-public-health", "dept-logistics", "mof-project-self-evaluation"} {
		if got[key].n == 0 {
			t.Errorf("%s missing or empty", key)
		}
	}
}

// The table names the schemes in the user's language and marks the one
// the hospital evaluation starts from; choosing it is refused for a
// project scheme.
func TestIndicatorsSchemesTableAndHospitalChoice(t *testing.T) {
	db := tempDB(t)
	code, stdout, _ := run(t, "--db", db, "--lang", "zh", "indicators", "schemes")
	if code != ExitOK || !strings.Contains(stdout, "职能科室绩效考核指标体系") || !strings.Contains(stdout, "全院评价") {
		t.Errorf("zh table: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := run(t, "--db", db, "indicators", "use-for-hospital", "mof-project-self-evaluation"); code != ExitRefused || stderr == "" {
		t.Errorf("project scheme for the hospital: exit %d %s", code, stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "indicators", "use-for-hospital", "tertiary-general-assessment")
	if code != ExitOK || !strings.Contains(stdout, "Tertiary public-hospital performance assessment") {
		t.Fatalf("use-for-hospital: exit %d %s %s", code, stdout, stderr)
	}
	_, stdout, _ = run(t, "--db", db, "--lang", "en", "indicators", "schemes")
	for _, line := range strings.Split(stdout, "\n") {
		if strings.Contains(line, "hospital evaluation") != strings.HasPrefix(line, "tertiary-general-assessment") {
			t.Errorf("hospital mark on the wrong row: %q", line)
		}
	}
	code, stdout, _ = run(t, "--db", db, "--lang", "en", "indicators", "base-subjects")
	if code != ExitOK || !strings.Contains(stdout, "302 Goods and services") || strings.Contains(stdout, "301") {
		t.Errorf("base subjects: exit %d %s", code, stdout)
	}
	code, stdout, _ = run(t, "--db", db, "--lang", "en", "indicators", "base-subjects", "30201", "310")
	if code != ExitOK || !strings.Contains(stdout, "30201 Office expenses") || strings.Contains(stdout, "302 ") {
		t.Errorf("base subjects set: exit %d %s", code, stdout)
	}
}

// On the demo, a department's suggestion names its base subjects —
// goods and services, capital and other running costs, not personnel
// (301) — and a project's has none.
func TestEvaluateSuggestionsShowTheBase(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	code, stdout, stderr := run(t, "--db", db, "evaluate", "suggestions", "--year", "2026", "--json")
	if code != ExitOK {
		t.Fatalf("exit %d %s", code, stderr)
	}
	var got struct {
		Suggestions []struct {
			Kind         string   `json:"kind"`
			BaseSubjects []string `json:"base_subjects"`
			BaseFen      int64    `json:"base_fen"`
		} `json:"suggestions"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Suggestions) == 0 {
		t.Fatalf("%v %s", err, stdout)
	}
	for _, s := range got.Suggestions {
		if s.Kind == "department" && strings.Join(s.BaseSubjects, ",") != "302,310,500199,510199" {
			t.Errorf("department base subjects %v", s.BaseSubjects)
		}
	}
	code, stdout, _ = run(t, "--db", db, "--lang", "zh", "evaluate", "suggestions", "--year", "2026")
	if code != ExitOK || !strings.Contains(stdout, "302 商品和服务支出") || strings.Contains(stdout, "工资福利") {
		t.Errorf("table: exit %d\n%s", code, stdout)
	}
}
