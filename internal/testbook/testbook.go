// Package testbook writes the small workbooks that tests of several
// packages import (the importer, the CLI, the import screen), so that each
// test states only its rows.
package testbook

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Summary writes an actuals summary workbook (科室, 科目编码, 科目名称,
// 实际数 and the rows) named name in a fresh temporary directory.
func Summary(t testing.TB, name string, rows ...[]any) string {
	t.Helper()
	return Write(t, name, append([][]any{{"科室", "科目编码", "科目名称", "实际数"}}, rows...)...)
}

// Write writes rows to the first sheet of a workbook named name in a
// fresh temporary directory and returns its path.
func Write(t testing.TB, name string, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		c, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", c, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}
