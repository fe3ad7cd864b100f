package evaluation_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/services"
)

// valuesBook writes rows under the header 编码, 科室, 指标名称, 实际值,
// 偏差原因 to a new workbook and returns its path.
func valuesBook(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	all := append([][]any{{"编码", "科室", "指标名称", "实际值", "偏差原因"}}, rows...)
	for i, r := range all {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "values.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// pickIndicator is an indicator of run, empty so far, whose name is unique
// in its scheme and that scores full points at a value of want (its
// target, or 达成): a scored numeric one, or a qualitative one.
func pickIndicator(t *testing.T, run evaluation.Run, qualitative bool) (scoring.IndicatorScore, string) {
	t.Helper()
	inds := schemeIndicators(run.Scheme)
	names := map[string]int{}
	for _, in := range inds {
		names[in.Name]++
	}
	for _, is := range run.Result.Indicators {
		in, ok := inds[is.Code]
		if !ok || names[in.Name] != 1 || run.Texts[is.Code] != "" || strings.Contains(in.Name, "预算执行率") {
			continue
		}
		switch {
		case qualitative && in.Rule == scoring.Qualitative && in.Direction != scoring.Monitor:
			return is, "达成"
		case !qualitative && in.Direction == scoring.Higher && in.Target > 0 &&
			(in.Rule == scoring.Proportional || in.Rule == scoring.Threshold):
			return is, strconv.FormatFloat(in.Target, 'f', -1, 64)
		}
	}
	t.Fatalf("%s: no indicator to fill (qualitative %v)", run.Unit.Name, qualitative)
	return scoring.IndicatorScore{}, ""
}

func TestImportValuesIntoTheDemo(t *testing.T) {
	svc, err := services.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { svc.Close() })
	const y = 2026
	if _, err := svc.Demo.Load(ctx, me, y); err != nil {
		t.Fatal(err)
	}
	ev := svc.Evaluation

	// Before the year's evaluations are started there is nothing to fill.
	runs, err := ev.Runs(ctx, me, y-1)
	if err != nil {
		t.Fatal(err)
	}
	var dept evaluation.Run
	for _, r := range runs {
		if r.Unit.Kind == scoring.DepartmentScheme {
			dept = r
			break
		}
	}
	if dept.ID == 0 {
		t.Fatal("the demo has no department evaluation of last year")
	}
	_, err = ev.ImportValues(ctx, me, y, valuesBook(t, [][]any{{nil, dept.Unit.Name, "任意指标", 1, nil}}))
	wantKey(t, "not started", err, "problem.evaluation.import_no_run")
	if err == nil || !strings.Contains(err.Error(), "Sheet1!B2") {
		t.Errorf("not located: %v", err)
	}

	if _, err := ev.StartYear(ctx, me, y); err != nil {
		t.Fatal(err)
	}
	runs, err = ev.Runs(ctx, me, y)
	if err != nil {
		t.Fatal(err)
	}
	var a, b evaluation.Run
	for _, r := range runs {
		if r.Unit.Kind != scoring.DepartmentScheme || r.Finalised {
			continue
		}
		if a.ID == 0 {
			a = r
		} else if b.ID == 0 && r.Scheme.Code == a.Scheme.Code {
			b = r
		}
	}
	if a.ID == 0 || b.ID == 0 {
		t.Fatal("the demo has not two department evaluations on one scheme")
	}
	aNum, aNumText := pickIndicator(t, a, false)
	aQual, aQualText := pickIndicator(t, a, true)
	bNum, bNumText := pickIndicator(t, b, false)

	good := [][]any{
		{nil, a.Unit.Name, aNum.Name, aNumText, "已达标"},
		{nil, " " + a.Unit.Name + " ", aQual.Name, aQualText, nil},
		{b.Unit.Code, "（按编码）", " " + bNum.Name, bNumText, nil},
	}
	// A bad row refuses the whole workbook, every problem with its cell.
	bad := append(append([][]any{}, good...),
		[]any{nil, "不存在的科室", aNum.Name, 1, nil},
		[]any{nil, a.Unit.Name, "不存在的指标", 1, nil},
		[]any{nil, b.Unit.Name, bNum.Name, "很多", nil})
	_, err = ev.ImportValues(ctx, me, y, valuesBook(t, bad))
	if got := keys(err); strings.Join(got, " ") != "problem.evaluation.import_no_unit problem.evaluation.import_no_indicator problem.evaluation.import_number" {
		t.Fatalf("bad workbook: %v (%v)", got, err)
	}
	for _, cell := range []string{"Sheet1!B5", "Sheet1!C6", "Sheet1!D7"} {
		if !strings.Contains(err.Error(), cell) {
			t.Errorf("%s not named in %v", cell, err)
		}
	}
	if again, _ := ev.Run(ctx, me, a.ID); again.Texts[aNum.Code] != "" || again.Texts[aQual.Code] != "" {
		t.Errorf("a refused import wrote %v", again.Texts)
	}

	n, err := ev.ImportValues(ctx, me, y, valuesBook(t, good))
	if err != nil || n != 3 {
		t.Fatalf("import: %d %v", n, err)
	}
	for _, c := range []struct {
		run  evaluation.Run
		is   scoring.IndicatorScore
		text string
	}{{a, aNum, aNumText}, {a, aQual, aQualText}, {b, bNum, bNumText}} {
		r, err := ev.Run(ctx, me, c.run.ID)
		if err != nil {
			t.Fatal(err)
		}
		if r.Texts[c.is.Code] != c.text || !r.Values[c.is.Code].Has {
			t.Errorf("%s %s: %q %+v, want %q", r.Unit.Name, c.is.Name, r.Texts[c.is.Code], r.Values[c.is.Code], c.text)
		}
		for _, is := range r.Result.Indicators {
			if is.Code == c.is.Code && (is.Score != is.Points || is.Points == 0) {
				t.Errorf("%s %s scores %v of %v", r.Unit.Name, is.Name, is.Score, is.Points)
			}
		}
		if r.Result.Total <= c.run.Result.Total {
			t.Errorf("%s: total %v, was %v", r.Unit.Name, r.Result.Total, c.run.Result.Total)
		}
	}
	if r, _ := ev.Run(ctx, me, a.ID); r.Reasons[aNum.Code] != "已达标" {
		t.Errorf("reason %q", r.Reasons[aNum.Code])
	}

	// Last year's evaluations are finalised: locked.
	_, err = ev.ImportValues(ctx, me, y-1, valuesBook(t, [][]any{{nil, dept.Unit.Name, dept.Result.Indicators[0].Name, 1, nil}}))
	wantKey(t, "finalised", err, "problem.evaluation.import_locked")
}
