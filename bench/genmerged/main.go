// Command genmerged writes a budget workbook with N merged ranges for the
// merged-cell benchmark (issue 15); see package mergedbook for its layout.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/budgetperf/budgetperf/bench/mergedbook"
	"github.com/budgetperf/budgetperf/internal/workbook/xlsxcells"
)

func main() {
	n := flag.Int("n", 200000, "number of merged ranges (budget lines)")
	out := flag.String("o", "merged.xlsx", "workbook to write")
	flag.Parse()
	if err := xlsxcells.WriteBook(*out, mergedbook.Book(*n)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
