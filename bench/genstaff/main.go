// Command genstaff writes a staff list for the bonus's second level: N
// people spread over the demo hospital's departments, with post
// coefficients and attendance as a personnel office exports them.
//
//	go run ./bench/genstaff -n 5000 -o /tmp/staff.xlsx
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/demo"
)

func main() {
	n := flag.Int("n", 5000, "people")
	out := flag.String("o", "staff.xlsx", "workbook to write")
	flag.Parse()
	var depts []string
	for _, d := range demo.Generate(2026).Departments {
		if d.Code != "000" && d.Headcount > 0 {
			depts = append(depts, d.Name)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		log.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"科室", "工号", "姓名", "岗位", "岗位系数", "出勤天数", "应出勤天数"}); err != nil {
		log.Fatal(err)
	}
	posts := []string{"主任医师", "副主任医师", "主治医师", "医师", "主管护师", "护师", "护士", "技师", "科员"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < *n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{depts[i%len(depts)], fmt.Sprintf("E%05d", i+1), fmt.Sprintf("职工%05d", i+1), posts[r.Intn(len(posts))],
			float64(800+r.Intn(1200)) / 1000, 15 + r.Intn(8), 22}
		if err := sw.SetRow(cell, row); err != nil {
			log.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		log.Fatal(err)
	}
	if err := f.SaveAs(*out); err != nil {
		log.Fatal(err)
	}
}
