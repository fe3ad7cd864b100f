package xlsximport

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/xuri/excelize/v2"
)

// The legacy .xls sample holds the same cells as its .xlsx twin.
func TestXLSMatchesXLSXCellForCell(t *testing.T) {
	gs, err := readXLS("testdata/budget_long_title_rows.xls")
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
		want, err := loadGrid(f, name)
		if err != nil {
			t.Fatal(err)
		}
		got := gs[i]
		if got.name != want.name || len(got.rows) != len(want.rows) {
			t.Fatalf("sheet %q vs %q, %d vs %d rows", got.name, want.name, len(got.rows), len(want.rows))
		}
		for r := range want.rows {
			for c := 0; c < max(len(want.rows[r]), len(got.rows[r])); c++ {
				if got.cell(r, c) != want.cell(r, c) {
					t.Errorf("%s: %q, want %q", cellName(r, c), got.cell(r, c), want.cell(r, c))
				}
			}
		}
		if !reflect.DeepEqual(got.merges, want.merges) {
			t.Errorf("merges %v, want %v", got.merges, want.merges)
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
	catchPanics = false
	defer func() { catchPanics = true }()
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
