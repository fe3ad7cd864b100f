package inputfile

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Fingerprint is the SHA-256 of the file's bytes: the same file imported
// again has the same fingerprint whatever its name. A path that is not a
// regular file is refused before it is opened (/dev/zero would be read
// for ever, a named pipe would wait for a writer).
func Fingerprint(path string) (string, error) {
	if err := Check(path); err != nil {
		return "", err
	}
	f, err := os.Open(path)
	if err != nil {
		return "", domain.NewProblem("import.open", "{{.File}} cannot be opened: {{.Reason}}.", "File", path, "Reason", err.Error())
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", domain.NewProblem("import.open", "{{.File}} cannot be opened: {{.Reason}}.", "File", path, "Reason", err.Error())
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
