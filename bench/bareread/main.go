// Command bareread streams every row of every sheet of a workbook with
// excelize and counts the cells: the floor any importer built on excelize
// can reach, for comparison with the full import.
package main

import (
	"fmt"
	"os"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: bareread FILE.xlsx")
		os.Exit(2)
	}
	f, err := excelize.OpenFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer f.Close()
	rows, cells := 0, 0
	for _, sheet := range f.GetSheetList() {
		it, err := f.Rows(sheet)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for it.Next() {
			cols, err := it.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			rows++
			cells += len(cols)
		}
		it.Close()
	}
	fmt.Printf("%d rows, %d cells\n", rows, cells)
}
