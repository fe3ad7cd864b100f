package cli

import (
	"encoding/json"
	"io"
	"math"
	"strings"

	"github.com/mattn/go-runewidth"
)

// writeJSON prints v indented, the form scripts and people both read.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// rate4 rounds a rate to four decimals for JSON (0.8732).
func rate4(r float64) float64 { return math.Round(r*10000) / 10000 }

// table prints aligned columns for the human-readable forms. Widths count
// display cells, so Chinese names (two cells each) line up; numbers are
// right-aligned, text left-aligned.
func table(w io.Writer, header []string, rows [][]string) error {
	all := append([][]string{header}, rows...)
	widths := make([]int, len(header))
	numeric := make([]bool, len(header))
	for c := range header {
		numeric[c] = len(rows) > 0
	}
	for _, r := range all {
		for c, cell := range r {
			widths[c] = max(widths[c], runewidth.StringWidth(cell))
		}
	}
	for _, r := range rows {
		for c, cell := range r {
			if cell != "" && !looksNumeric(cell) {
				numeric[c] = false
			}
		}
	}
	var b strings.Builder
	for _, r := range all {
		for c, cell := range r {
			pad := strings.Repeat(" ", widths[c]-runewidth.StringWidth(cell))
			if c > 0 {
				b.WriteString("  ")
			}
			if numeric[c] {
				b.WriteString(pad + cell)
			} else if c < len(r)-1 {
				b.WriteString(cell + pad)
			} else {
				b.WriteString(cell)
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func looksNumeric(s string) bool {
	return strings.Trim(s, "0123456789.,-%") == ""
}
