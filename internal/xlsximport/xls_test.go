package xlsximport

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/workbook"
	"github.com/xuri/excelize/v2"
)

// The legacy .xls sample holds the same cells as its .xlsx twin.
func TestXLSMatchesXLSXCellForCell(t *testing.T) {
	gs, err := workbook.ReadXLS("testdata/budget_long_title_rows.xls")
	if err != nil {
		t.Fatalf("readXLS: %v", err)
	}
	f, err := excelize.OpenFile("testdata/budget_long_title_rows.xlsx", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	names := f.GetSheetList()
	if len(gs) != len(names) {
		t.Fatalf("sheets %d vs %d", len(gs), len(names))
	}
	for i, name := range names {
		want, err := workbook.LoadGrid(f, name)
		if err != nil {
			t.Fatal(err)
		}
		got := gs[i]
		if got.Name != want.Name || len(got.Rows) != len(want.Rows) {
			t.Fatalf("sheet %q vs %q, %d vs %d rows", got.Name, want.Name, len(got.Rows), len(want.Rows))
		}
		for r := range want.Rows {
			for c := 0; c < max(len(want.Rows[r]), len(got.Rows[r])); c++ {
				if got.Cell(r, c) != want.Cell(r, c) {
					t.Errorf("%s: %q, want %q", workbook.CellName(r, c), got.Cell(r, c), want.Cell(r, c))
				}
			}
		}
		if !reflect.DeepEqual(got.Merges, want.Merges) {
			t.Errorf("merges %v, want %v", got.Merges, want.Merges)
		}
	}
	a, err := ReadBudget("testdata/budget_long_title_rows.xls", Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	b, err := ReadBudget("testdata/budget_long_title_rows.xlsx", Options{Subjects: catalogue(t), CreateMissing: true})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Lines, b.Lines) {
		t.Errorf("lines differ between .xls and .xlsx")
	}
}

// A damaged .xls is refused with the conversion advice, never a panic.
func TestDamagedXLSNeverPanics(t *testing.T) {
	workbook.CatchPanics = false
	defer func() { workbook.CatchPanics = true }()
	orig, err := os.ReadFile("testdata/budget_long_title_rows.xls")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "x.xls")
	for i := 0; i < 600; i++ {
		b := append([]byte(nil), orig...)
		switch i % 3 {
		case 0:
			b = b[:8+(i*7919)%(len(b)-8)]
		case 1:
			for k := 0; k < 16; k++ {
				j := 8 + (i*131+k*977)%(len(b)-8)
				b[j] ^= byte(i + k)
			}
		case 2:
			j := 512 + (i*257)%(len(b)-520)
			for k := 0; k < 8; k++ {
				b[j+k] = 0xFF
			}
		}
		writeFile(t, path, b)
		_, err := ReadBudget(path, Options{Subjects: catalogue(t), CreateMissing: true})
		if err != nil && len(domain.AsProblems(err)) == 0 {
			t.Fatalf("mutation %d: error is not problems: %v", i, err)
		}
	}
}
