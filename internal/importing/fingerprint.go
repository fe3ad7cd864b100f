package importing

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// fingerprint is the SHA-256 of the file's bytes: the same file imported
// again has the same fingerprint whatever its name.
func fingerprint(path string) (string, error) {
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
