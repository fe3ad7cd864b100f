package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"text/tabwriter"
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

// table prints aligned columns for the human-readable forms.
func table(w io.Writer, header []string, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 2, 2, ' ', tabwriter.AlignRight)
	line := func(cells []string) {
		for _, c := range cells {
			fmt.Fprint(tw, c, "\t")
		}
		fmt.Fprintln(tw)
	}
	line(header)
	for _, r := range rows {
		line(r)
	}
	return tw.Flush()
}
