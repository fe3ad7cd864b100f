// Command genledger writes a general-ledger export of N lines for the import
// benchmark: date, voucher, summary, department, subject code and name,
// debit and credit — the shape of a hospital finance system's export.
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/xuri/excelize/v2"
)

var depts = []string{"产科", "妇科", "儿科", "新生儿科", "检验科", "超声科", "放射科", "药剂科", "妇女保健科", "儿童保健科", "财务科", "后勤保障科"}

var subjects = [][2]string{{"30201", "办公费"}, {"30205", "水费"}, {"30206", "电费"}, {"30211", "差旅费"}, {"30213", "维修（护）费"},
	{"30216", "培训费"}, {"30218", "专用材料费"}, {"30226", "劳务费"}, {"30299", "其他商品和服务支出"}, {"31002", "办公设备购置"}}

func main() {
	n := flag.Int("n", 100000, "number of ledger lines")
	year := flag.Int("year", 2025, "year of the entries")
	out := flag.String("o", "ledger.xlsx", "workbook to write")
	flag.Parse()
	if err := write(*out, *n, *year); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func write(path string, n, year int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"日期", "凭证号", "摘要", "科室", "科目编码", "科目名称", "借方金额", "贷方金额"}); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		day := start.AddDate(0, 0, i*365/n)
		s := subjects[r.IntN(len(subjects))]
		var debit, credit any = cents(r.IntN(5000000)), nil
		if r.IntN(40) == 0 { // a refund
			debit, credit = nil, cents(r.IntN(50000))
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{day.Format("2006-01-02"), fmt.Sprintf("记-%06d", i+1), "报销" + s[1], depts[r.IntN(len(depts))], s[0], s[1], debit, credit}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// cents is an amount as the number a spreadsheet stores: this generator
// writes test data the way Excel does (binary doubles), which the importer
// must read back exactly to the fen.
func cents(c int) float64 { return float64(c) / 100 }
