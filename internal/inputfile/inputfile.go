// Package inputfile checks a file the user names for import before anything
// reads it. A directory, a device such as /dev/zero or a named pipe is not a
// workbook: reading one never ends or fails deep in a reader with words
// about zip archives, so every import service refuses it first, here.
package inputfile

import (
	"errors"
	"io/fs"
	"os"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Check refuses path unless it is an existing regular file (a symbolic
// link to one is fine). It only asks the file system: opening a named pipe
// would already wait for a writer.
func Check(path string) error {
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return domain.NewProblem("import.not_found", "{{.File}} does not exist: check the name and the folder.", "File", path)
	case err != nil:
		return domain.NewProblem("import.open", "{{.File}} cannot be opened: {{.Reason}}.", "File", path, "Reason", err.Error())
	case fi.IsDir():
		return domain.NewProblem("import.is_folder", "{{.File}} is a folder, not a workbook: choose a workbook file inside it.", "File", path)
	case !fi.Mode().IsRegular():
		return domain.NewProblem("import.not_regular",
			"{{.File}} is not an ordinary file (it is a device, a pipe or a socket), so it cannot be a workbook: choose a saved workbook file.", "File", path)
	}
	return nil
}
