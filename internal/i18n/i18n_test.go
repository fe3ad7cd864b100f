package i18n_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/pace"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

func readFile(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// Every key must exist in both languages, or one language shows raw keys.
func TestBothFilesHaveEveryKey(t *testing.T) {
	en, zh := readFile(t, "en.json"), readFile(t, "zh_Hans.json")
	for k, v := range en {
		if _, ok := zh[k]; !ok {
			t.Errorf("zh_Hans.json lacks %q", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("en.json has an empty text for %q", k)
		}
	}
	for k, v := range zh {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q", k)
		}
		if strings.TrimSpace(v) == "" {
			t.Errorf("zh_Hans.json has an empty text for %q", k)
		}
	}
}

var keyUse = regexp.MustCompile(`(?:i18n\.T|\bT|NewProblem|cellProblem|refuse)\("([a-z][a-z0-9_.-]*[a-z0-9_])"`)

// Every key the code asks for must be translated; dynamic prefixes are
// checked by enumerating their values.
func TestCodeKeysAreTranslated(t *testing.T) {
	en, zh := readFile(t, "en.json"), readFile(t, "zh_Hans.json")
	root := filepath.Join("..", "..")
	used := map[string]string{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range keyUse.FindAllStringSubmatch(string(src), -1) {
			used[m[1]] = path
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, dt := range domain.DeptTypes {
		used["dept.type."+string(dt)] = "domain.DeptTypes"
	}
	for _, k := range pace.AlertKinds {
		used[k.Key()] = "monitor.AlertKind"
	}
	for _, st := range pace.Statuses {
		used[st.Key()] = "monitor.Status"
	}
	for _, l := range pace.Levels {
		used[l.Key()] = "monitor.Level"
	}
	for _, p := range pace.Paces {
		used[p.Key()] = "monitor.Pace"
	}
	for _, l := range []string{xlsximport.LayoutLong, xlsximport.LayoutPerDepartment, xlsximport.LayoutWideDepartments, xlsximport.LayoutWideSubjects, xlsximport.LayoutLedger} {
		used["import.layout."+l] = "xlsximport layouts"
	}
	for _, st := range domain.PrepStates {
		used["prep.state."+string(st)] = "domain.PrepStates"
		used["prep.badge."+string(st)] = "domain.PrepStates"
	}
	for _, a := range domain.PrepActions {
		used["prep.action."+string(a)] = "domain.PrepActions"
	}
	for _, pt := range domain.ProjectTypes {
		used["project.type."+string(pt)] = "domain.ProjectTypes"
	}
	for _, c := range domain.TargetCategories {
		used["target.category."+string(c)] = "domain.TargetCategories"
	}
	for _, d := range domain.Directions {
		used["target.direction."+string(d)] = "domain.Directions"
	}
	for _, sec := range []string{domain.SectionOutpatient, domain.SectionInpatient, domain.SectionFiscal, domain.SectionOtherRev} {
		used["prep.section."+sec] = "domain sections"
	}
	for _, g := range scoring.Grades {
		used["evalui.grade."+string(g)] = "evaluate.Grades"
	}
	for _, k := range []scoring.SchemeKind{scoring.ProjectScheme, scoring.DepartmentScheme} {
		used["evalui.kind."+string(k)] = "evaluate.SchemeKind"
	}
	for _, p := range scoring.Perspectives {
		used["evalui.perspective."+string(p)] = "evaluate.Perspectives"
	}
	for _, a := range []domain.Achievement{domain.AchievedFully, domain.AchievedPartly, domain.AchievedNot} {
		used["evalui.ach."+string(a)] = "domain.Achievement"
	}
	for _, b := range []scoring.BonusDimension{scoring.BonusWorkload, scoring.BonusQuality, scoring.BonusEfficiency, scoring.BonusPublicWelfare, scoring.BonusSatisfaction} {
		used["indui.bonus."+string(b)] = "evaluate.BonusDimension"
		used["bonus.col.dim."+string(b)] = "evaluate.BonusDimension"
	}
	for m := 1; m <= 12; m++ {
		used["month."+strconv.Itoa(m)] = "monthName"
	}
	for k, where := range used {
		if _, ok := en[k]; !ok {
			t.Errorf("en.json lacks %q (used in %s)", k, where)
		}
		if _, ok := zh[k]; !ok {
			t.Errorf("zh_Hans.json lacks %q (used in %s)", k, where)
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d keys in the code; the scan is broken", len(used))
	}
}

func TestSwitchingLanguage(t *testing.T) {
	if err := i18n.Use("zh"); err != nil {
		t.Fatal(err)
	}
	if got := i18n.T("nav.dashboard"); got != "总览" {
		t.Errorf("zh nav.dashboard = %q", got)
	}
	if err := i18n.Use("en_US.UTF-8"); err != nil {
		t.Fatal(err)
	}
	if got := i18n.T("nav.dashboard"); got != "Dashboard" {
		t.Errorf("en nav.dashboard = %q", got)
	}
	if i18n.Current() != i18n.English {
		t.Errorf("Current = %q", i18n.Current())
	}
}

func TestMessageTranslatesProblems(t *testing.T) {
	p := domain.NewProblem("problem.month_range", "Month {{.Month}} is outside 1–12.", "Month", 13)
	_ = i18n.Use("zh")
	if got := i18n.Message(p); got != "月份 13 不在 1–12 之间。" {
		t.Errorf("zh message = %q", got)
	}
	_ = i18n.Use("en")
	if got := i18n.Message(p); got != "Month 13 is outside 1–12." {
		t.Errorf("en message = %q", got)
	}
	ps := domain.Problems{p, domain.NewProblem("problem.no_actor", "x")}
	if got := i18n.Lines(ps); len(got) != 2 {
		t.Errorf("Lines gave %d lines, want 2", len(got))
	}
	if got := i18n.Message(errors.New("plain")); got != "plain" {
		t.Errorf("plain error = %q", got)
	}
}

// The English file must say what the code's default says, so a message
// reads the same whether or not a translation was found.
func TestEnglishMatchesDefaults(t *testing.T) {
	en := readFile(t, "en.json")
	def := regexp.MustCompile(`(?:NewProblem|refuse)\("([a-z0-9_.]+)",\s*"((?:[^"\\]|\\.)*)"`)
	root := filepath.Join("..", "..")
	_ = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, _ := os.ReadFile(path)
		for _, m := range def.FindAllStringSubmatch(string(src), -1) {
			want := strings.ReplaceAll(m[2], `\"`, `"`)
			if got, ok := en[m[1]]; ok && got != want {
				t.Errorf("%s: en.json %q says %q, the code says %q", path, m[1], got, want)
			}
		}
		return nil
	})
}
