package report

import (
	"context"
	"errors"
	"os"

	"github.com/budgetperf/budgetperf/internal/atomicfile"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
)

// WriteFile writes the report req to path through a temporary file in the
// same folder, renamed into place only when the whole report is written:
// a failed, refused or cancelled report never leaves half a PDF, nor
// replaces a good one. The CLI and the Reports screen both write this way.
func WriteFile(ctx context.Context, svc *services.Services, by domain.Actor, req Request, path string, progress func(done, total int)) error {
	return writeAtomically(path, func(w *os.File) error {
		return GenerateRequest(ctx, svc, by, req, w, progress)
	})
}

// writeAtomically writes path whole or not at all (atomicfile); a
// report is an ordinary document the user may share.
func writeAtomically(path string, write func(*os.File) error) error {
	err := atomicfile.Write(path, 0o644, write)
	var fe *atomicfile.Error
	if errors.As(err, &fe) {
		return writeProblem(path, err)
	}
	return err
}

// writeProblem is a file that cannot be written: the user's to fix (a
// missing folder, no permission), so exit status 1 rather than 3.
func writeProblem(path string, err error) error {
	return domain.NewProblem("problem.report.write", "Cannot write the report to {{.Path}}: {{.Err}}", "Path", path, "Err", err.Error())
}
