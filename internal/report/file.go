package report

import (
	"context"
	"os"
	"path/filepath"

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

// writeAtomically writes path through a temporary file renamed into place.
func writeAtomically(path string, write func(*os.File) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return writeProblem(path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file private (0600); a report is an ordinary
	// document the user may share.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return writeProblem(path, err)
	}
	done = true
	return nil
}

// writeProblem is a file that cannot be written: the user's to fix (a
// missing folder, no permission), so exit status 1 rather than 3.
func writeProblem(path string, err error) error {
	return domain.NewProblem("problem.report.write", "Cannot write the report to {{.Path}}: {{.Err}}", "Path", path, "Err", err.Error())
}
