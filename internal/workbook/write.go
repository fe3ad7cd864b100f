package workbook

import (
	"errors"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/atomicfile"

	"github.com/budgetperf/budgetperf/internal/domain"
)

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

// Stamp prints text at the foot of every sheet, with the page number, so
// that a printed page carries what it was written from (the audit trail's
// head). Excel limits a footer to 255 characters; "&" starts a code there.
func Stamp(f *excelize.File, text string) error {
	if text == "" {
		return nil
	}
	text = strings.ReplaceAll(text, "&", "&&")
	if r := []rune(text); len(r) > 200 {
		text = string(r[:200])
	}
	for _, name := range f.GetSheetList() {
		if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: "&L" + text + "&R&P / &N"}); err != nil {
			return err
		}
	}
	return nil
}
