package importing

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/inputfile"
)

// fingerprint is the SHA-256 of the file's bytes: the same file imported
// again has the same fingerprint whatever its name. A path that is not a
// regular file is refused before it is opened (/dev/zero would be read
// for ever, a named pipe would wait for a writer).
func fingerprint(path string) (string, error) {
	if err := inputfile.Check(path); err != nil {
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

// contentFingerprint is the SHA-256 of a summary's figures — year, month,
// department, subject and amount of every line, sorted — so that a
// workbook opened and saved again (new bytes, same figures) is known.
func contentFingerprint(year int, lines []string) string {
	sorted := slices.Clone(lines)
	slices.Sort(sorted)
	h := sha256.New()
	fmt.Fprintf(h, "budgetperf-summary-v1 %d\n", year)
	io.WriteString(h, strings.Join(sorted, "\n"))
	return hex.EncodeToString(h.Sum(nil))
}
