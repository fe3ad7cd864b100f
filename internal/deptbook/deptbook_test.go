package deptbook

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

var testKey = []byte("test key")

func amt(y int64) *money.Amount { a := money.FromYuan(y); return &a }

// sampleBook is a second-round workbook of department 302 with two
// subjects and one project with two targets.
func sampleBook(round int) Book {
	b := Book{Hospital: "市妇幼保健院", Year: 2027, Round: round, DeptCode: "302", DeptName: "儿童保健科", PriorMonths: 10,
		Issued: time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC), SubjectNames: map[string]string{"30218": "专用材料费"},
		Lines: []Line{
			{SubjectCode: "4101010102", SubjectName: "门诊诊察收入", Revenue: true, PriorBudget: 131650000, PriorToDate: 110000000, PriorProjected: 132000000, Proposal: 139550000},
			{SubjectCode: "30201", SubjectName: "办公费", PriorBudget: 5700000, PriorToDate: 4000012, PriorProjected: 4800014, Proposal: 6040000, Note: "按人数测算"},
		},
		Projects: []domain.Project{{Code: "XM2027001", Year: 2027, DeptCode: "302", Name: "新生儿疾病筛查项目", Type: domain.ProjectPublicHealth,
			SubjectCode: "30218", Amount: 80000000, StartYear: 2027, EndYear: 2027,
			Targets: []domain.Target{{Category: domain.TargetQuantity, Indicator: "筛查人数", Value: "9000", Unit: "人", Direction: domain.DirHigher}}}},
	}
	if round == 2 {
		b.ControlTotal = amt(900000)
		b.Lines[1].Control = amt(58000)
	}
	return b
}

// written writes b and opens it for filling in.
func written(t *testing.T, b Book) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, b, testKey); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// readBack saves f and reads it as a returned workbook.
func readBack(t *testing.T, f *excelize.File) (Returned, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "back.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return Read(path, testKey)
}

func set(t *testing.T, f *excelize.File, sheet, ref string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, ref, v); err != nil {
		t.Fatal(err)
	}
}

// A department fills in the yellow cells; what it typed comes back to
// the fen, with its notes, funding and targets.
func TestFilledWorkbookReadsBack(t *testing.T) {
	f := written(t, sampleBook(1))
	set(t, f, ProposalSheet, "G5", 1400000.1)
	set(t, f, ProposalSheet, "G7", "61,234.56")
	set(t, f, ProposalSheet, "J7", "含打印耗材")
	set(t, f, ProjectSheet, "B5", 810000)
	set(t, f, ProjectSheet, "D5", 500000)
	set(t, f, ProjectSheet, "F5", 310000)
	set(t, f, ProjectSheet, "F6", "陈建国")
	set(t, f, ProjectSheet, "B7", "全年筛查新生儿9000人。")
	set(t, f, ProjectSheet, "A10", "社会效益指标")
	set(t, f, ProjectSheet, "B10", "召回率")
	set(t, f, ProjectSheet, "C10", "95")
	set(t, f, ProjectSheet, "D10", "%")
	set(t, f, ProjectSheet, "E10", "≥（越高越好）")
	ret, err := readBack(t, f)
	if err != nil {
		t.Fatal(i18n.Message(err))
	}
	if ret.Year != 2027 || ret.Round != 1 || ret.DeptCode != "302" {
		t.Errorf("facts %+v", ret)
	}
	want := []Entry{{"4101010102", 140000010, ""}, {"30201", 6123456, "含打印耗材"}}
	if len(ret.Lines) != 2 || ret.Lines[0] != want[0] || ret.Lines[1] != want[1] {
		t.Errorf("lines %+v, want %+v", ret.Lines, want)
	}
	p := ret.Projects[0]
	if p.Code != "XM2027001" || p.Amount != 81000000 || p.Funding != (domain.Funding{Fiscal: 50000000, Business: 31000000}) ||
		p.Responsible != "陈建国" || p.AnnualGoal != "全年筛查新生儿9000人。" || len(p.Targets) != 2 ||
		p.Targets[1] != (domain.Target{Category: domain.TargetSocial, Indicator: "召回率", Value: "95", Unit: "%", Direction: domain.DirHigher}) {
		t.Errorf("project %+v", p)
	}
}

// A changed protected cell is named with what it was and what it is now;
// a third decimal, a negative or words in an amount cell are named too,
// all at once.
func TestChangedProtectedCellsAreNamed(t *testing.T) {
	f := written(t, sampleBook(2))
	set(t, f, ProposalSheet, "D7", 99999)         // last year's budget of 30201
	set(t, f, ProposalSheet, "H7", 70000)         // its control figure
	set(t, f, ProposalSheet, "B5", "门诊收入")        // a subject's name
	set(t, f, ProposalSheet, "I7", 123.456)       // three decimals
	set(t, f, ProposalSheet, "I5", -5)            // negative
	set(t, f, ProjectSheet, "B5", "八十万")          // words
	set(t, f, ProjectSheet, "A9", "数量")           // short name: fine
	set(t, f, ProjectSheet, "E9", "more or less") // no direction
	_, err := readBack(t, f)
	if err == nil {
		t.Fatal("a changed workbook was read")
	}
	_ = i18n.Use("en")
	msg := i18n.Message(err)
	for _, w := range []string{"预算建议表!D7", "57,000.00", "99,999.00", "预算建议表!H7", "58,000.00", "预算建议表!B5", "门诊诊察收入",
		"预算建议表!I7", "more than two decimals", "预算建议表!I5", "negative", "项目及绩效目标!B5", "八十万", "项目及绩效目标!E9"} {
		if !strings.Contains(msg, w) {
			t.Errorf("%q not in %s", w, msg)
		}
	}
	if strings.Contains(msg, "项目及绩效目标!A9") {
		t.Errorf("数量 was refused: %s", msg)
	}
}

// The hidden sheet cannot be edited to pass another department's
// workbook off: its seal breaks.
func TestEditedHiddenSheetIsRefused(t *testing.T) {
	f := written(t, sampleBook(1))
	set(t, f, MetaSheet, "B3", "301")
	_, err := readBack(t, f)
	_ = i18n.Use("en")
	if err == nil || !strings.Contains(i18n.Message(err), "hidden sheet BudgetPerf was changed") {
		t.Fatalf("got %v", err)
	}
	// Nor read under another database's key.
	var buf bytes.Buffer
	if err := Write(&buf, sampleBook(1), []byte("other")); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFrom(&buf, "x.xlsx", testKey); err == nil {
		t.Fatal("read under another key")
	}
}

// The hidden sheet is very hidden and the visible sheets protected.
func TestSheetsProtectedAndMetaVeryHidden(t *testing.T) {
	f := written(t, sampleBook(2))
	for _, sh := range []string{ProposalSheet, ProjectSheet} {
		if v, _ := f.GetSheetVisible(sh); !v {
			t.Errorf("%s hidden", sh)
		}
	}
	if v, _ := f.GetSheetVisible(MetaSheet); v {
		t.Error("meta sheet visible")
	}
	var buf bytes.Buffer
	_ = f.Write(&buf)
	f2, _ := excelize.OpenReader(&buf)
	props, _ := f2.GetSheetProps(MetaSheet)
	_ = props
}
