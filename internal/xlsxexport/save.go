package xlsxexport

import (
	"errors"
	"io"
	"os"

	"github.com/budgetperf/budgetperf/internal/atomicfile"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// SaveBudget writes the budget workbook to path. It writes beside the
// target and renames, so an existing file is replaced only by a complete
// workbook.
func SaveBudget(path string, year int, b domain.Breakdown) error {
	return Save(path, func(w io.Writer) error { return WriteBudget(w, year, b) })
}

// Save writes a workbook through write into a temporary file beside path
// and renames it (atomicfile), so an existing file is only ever replaced by
// a whole one.
func Save(path string, write func(io.Writer) error) error {
	err := atomicfile.Write(path, 0o644, func(f *os.File) error { return write(f) })
	var fe *atomicfile.Error
	if errors.As(err, &fe) {
		return domain.NewProblem("problem.export.create", "Cannot write {{.Path}}: {{.Err}}", "Path", path, "Err", err.Error())
	}
	return err
}
