package evalui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// The real fill-in workbook imported through the panel shows 2020's 28
// indicators with their cells, and generating the hospital-wide
// evaluation gives a scored run of unit 000.
func TestAssessmentPanelImportsAndEvaluatesTheHospital(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.year = 2020
	p := newAssessmentPanel(s)
	s.body.Objects = []fyne.CanvasObject{p.root}
	s.body.Refresh()
	s.win.Resize(fyne.NewSize(1366, 768))
	if p.year != 0 || len(p.rows) != 0 || !hasText(p.root, "尚无国家考核数据") {
		t.Fatalf("before import: year %d, %d rows", p.year, len(p.rows))
	}
	if findButton(p.root, "导入国家考核填报表…") == nil || findButton(p.root, "生成全院评价") == nil {
		t.Error("buttons missing")
	}

	p.importFrom(filepath.Join("..", "..", "xlsximport", "testdata", "county_hospital_secondary_assessment_values_2017_2020.xlsx"))
	if got := strings.Join(p.years.Options, ","); got != "2017,2018,2019,2020" {
		t.Errorf("years %s", got)
	}
	if p.year != 2020 || p.years.Selected != "2020" {
		t.Fatalf("year %d selected %q", p.year, p.years.Selected)
	}
	if len(p.rows) != 28 {
		t.Fatalf("%d rows for 2020, want 28", len(p.rows))
	}
	rows, cols := p.table.Length()
	if rows != 28 || cols != 6 {
		t.Errorf("table %d×%d", rows, cols)
	}
	withValue := 0
	for r, v := range p.rows {
		if v.Year != 2020 {
			t.Errorf("row %d is of %d", r, v.Year)
		}
		if seq, _ := p.cell(r, 0); seq == "" {
			t.Errorf("row %d has no number", r)
		}
		if name, _ := p.cell(r, 1); name != v.Name || name == "" {
			t.Errorf("row %d indicator %q", r, name)
		}
		if cell, _ := p.cell(r, 5); cell == "" || strings.Contains(cell, ".xlsx") {
			t.Errorf("row %d source cell %q", r, cell)
		}
		if val, _ := p.cell(r, 2); v.Value != nil {
			withValue++
			if val == "" {
				t.Errorf("row %d: value %v shown as %q", r, *v.Value, val)
			}
		}
	}
	if withValue == 0 {
		t.Error("no 2020 value shown")
	}
	if first, _ := p.cell(0, 1); first != "出院患者手术占比" {
		t.Errorf("first row %q", first)
	}
	// Another year is one pick away.
	p.years.SetSelected("2017")
	if p.year != 2017 || len(p.rows) != 28 || p.rows[0].Year != 2017 {
		t.Errorf("2017: year %d, %d rows", p.year, len(p.rows))
	}
	if v, _ := p.cell(0, 2); v != "26.46" {
		t.Errorf("2017 share of surgery %q, the sheet says 26.46", v)
	}

	p.evaluateHospital()
	runs, err := s.svc.Evaluation.Runs(s.ctx, s.actor, 2020)
	if err != nil || len(runs) != 1 {
		t.Fatalf("%d runs of 2020, %v", len(runs), err)
	}
	r := runs[0]
	if r.Unit.Code != domain.HospitalWideCode || r.Result.Total <= 0 || r.Result.Grade == "" || len(r.Texts) == 0 {
		t.Errorf("hospital run %s: score %v grade %q, %d values", r.Unit.Code, r.Result.Total, r.Result.Grade, len(r.Texts))
	}
	// The dialog says what was done.
	found := false
	for _, o := range s.win.Canvas().Overlays().List() {
		if hasText(o, "全院评价") && hasText(o, scoreText(r.Result.Total)) {
			found = true
		}
	}
	if !found {
		t.Error("no dialog reports the hospital-wide evaluation")
	}
}

// The panel is a tab of the Evaluation screen.
func TestEvaluationScreenHasTheAssessmentTab(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	e := openEvaluation(t, s, 2025)
	for _, it := range e.tabs.Items {
		if it.Text == "国家考核数据" && it.Content != nil {
			return
		}
	}
	t.Error("no 国家考核数据 tab")
}
