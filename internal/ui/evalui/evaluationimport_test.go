package evalui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// Importing a workbook of indicator values from the Evaluation screen
// fills the year's evaluation and shows it; the button is there.
func TestImportEvaluationValuesInTheWindow(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	if _, err := s.svc.Evaluation.StartYear(s.ctx, s.actor, 2026); err != nil {
		t.Fatal(err)
	}
	e := openEvaluation(t, s, 2026)
	if !hasText(e.Root, "导入指标完成值…") {
		t.Errorf("no import button: %q", texts(e.Root))
	}
	var unit, name, code, value string
	var id int64
	for _, r := range e.runs {
		if r.Finalised || r.Unit.Kind != scoring.DepartmentScheme {
			continue
		}
		names := map[string]int{}
		var walk func([]scoring.Node)
		walk = func(ns []scoring.Node) {
			for _, n := range ns {
				if n.Indicator != nil {
					names[n.Indicator.Name]++
				}
				walk(n.Children)
			}
		}
		walk(r.Scheme.Roots)
		var pick func([]scoring.Node)
		pick = func(ns []scoring.Node) {
			for _, n := range ns {
				in := n.Indicator
				if code == "" && in != nil && names[in.Name] == 1 && r.Texts[n.Code] == "" && in.Direction == scoring.Higher &&
					in.Rule == scoring.Proportional && !strings.Contains(in.Name, "预算执行率") {
					code, name, value = n.Code, in.Name, "87.5"
				}
				pick(n.Children)
			}
		}
		pick(r.Scheme.Roots)
		if code != "" {
			unit, id = r.Unit.Name, r.ID
			break
		}
	}
	if code == "" {
		t.Fatal("no department evaluation with an empty numeric indicator")
	}

	f := excelize.NewFile()
	defer f.Close()
	_ = f.SetSheetRow("Sheet1", "A1", &[]any{"科室", "指标名称", "实际值"})
	_ = f.SetSheetRow("Sheet1", "A2", &[]any{unit, name, value})
	path := filepath.Join(t.TempDir(), "values.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	e.importValues(path)

	r, err := s.svc.Evaluation.Run(s.ctx, s.actor, id)
	if err != nil {
		t.Fatal(err)
	}
	if r.Texts[code] != value {
		t.Errorf("%s %s: %q, want %q", unit, name, r.Texts[code], value)
	}
	for _, shown := range e.runs {
		if shown.ID == id && shown.Texts[code] != value {
			t.Errorf("the screen still shows %q", shown.Texts[code])
		}
	}
}
