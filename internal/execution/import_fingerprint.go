package execution

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"
)

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
