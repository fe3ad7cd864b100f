package xlsxexport

import (
	"io"
	"os"
	"path/filepath"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// SaveBudget writes the budget workbook to path. It writes beside the
// target and renames, so an existing file is replaced only by a complete
// workbook.
func SaveBudget(path string, year int, b domain.Breakdown) error {
	return Save(path, func(w io.Writer) error { return WriteBudget(w, year, b) })
}

// Save writes a workbook through write into a temporary file beside path
// and renames it, so an existing file is only ever replaced by a whole one.
func Save(path string, write func(io.Writer) error) error {
	cannot := func(err error) error {
		return domain.NewProblem("problem.export.create", "Cannot write {{.Path}}: {{.Err}}", "Path", path, "Err", err.Error())
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".budgetperf-export-*.xlsx")
	if err != nil {
		return cannot(err)
	}
	defer os.Remove(tmp.Name())
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return cannot(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return cannot(err)
	}
	return nil
}
