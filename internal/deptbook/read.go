package deptbook

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Read reads a returned department workbook at path, checking its seal
// under key and every protected cell against the value it was sent out
// with. Every problem is reported at once (domain.Problems), each naming
// its sheet and cell.
func Read(path string, key []byte) (Returned, error) {
	if p := workbook.CheckLegacy(path); p != nil {
		return Returned{}, domain.Problems{p}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Returned{}, domain.NewProblem("import.open", "{{.File}} cannot be opened: {{.Reason}}.", "File", path, "Reason", err.Error())
	}
	return ReadFrom(bytes.NewReader(data), filepath.Base(path), key)
}

// ReadFrom is Read of a workbook's bytes; name names the file in messages.
func ReadFrom(r io.Reader, name string, key []byte) (ret Returned, err error) {
	defer workbook.RecoverUnreadable(name, &err, func() { ret = Returned{} })
	// A department workbook is some tens of kilobytes: a file that unzips
	// to more is refused rather than read into memory.
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return Returned{}, workbook.Unreadable(name, err.Error())
	}
	defer f.Close()
	rd := &reader{f: f}
	rows, err := rd.metaRows(name, key)
	if err != nil {
		return Returned{}, err
	}
	ret, err = rd.facts(rows)
	if err != nil {
		return Returned{}, err
	}
	rd.checkSealed(rows)
	for _, row := range rows {
		switch {
		case len(row) >= 3 && row[0] == "line":
			if e, ok := rd.line(row, ret.Round); ok {
				ret.Lines = append(ret.Lines, e)
			}
		case len(row) >= 4 && row[0] == "project":
			if p, ok := rd.project(row); ok {
				ret.Projects = append(ret.Projects, p)
			}
		}
	}
	if len(rd.problems) > 0 {
		return Returned{}, rd.problems
	}
	return ret, nil
}

// reader collects the problems of one workbook.
type reader struct {
	f        *excelize.File
	problems domain.Problems
}

func (rd *reader) add(p *domain.Problem) { rd.problems = append(rd.problems, p) }

// metaRows reads the hidden sheet and checks its seal.
func (rd *reader) metaRows(name string, key []byte) ([][]string, error) {
	if !slices.Contains(rd.f.GetSheetList(), MetaSheet) {
		return nil, domain.Problems{domain.NewProblem("problem.deptbook.not_ours",
			"{{.File}} is not a department proposal workbook written by BudgetPerf: it has no sheet {{.Sheet}}. Import the workbook the department was sent (Budget preparation › Consolidation › Department workbooks…), filled in.",
			"File", name, "Sheet", MetaSheet)}
	}
	rows, err := rd.f.GetRows(MetaSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, workbook.Unreadable(name, err.Error())
	}
	if !sealHolds(rows, key) {
		return nil, domain.Problems{domain.NewProblem("problem.deptbook.seal",
			"{{.File}}: the hidden sheet {{.Sheet}} was changed, or the workbook was written from another BudgetPerf database; it cannot be trusted. Write a new workbook for the department and have it filled in again.",
			"File", name, "Sheet", MetaSheet)}
	}
	return rows[:len(rows)-1], nil
}

// facts reads whose workbook it is from the sealed rows.
func (rd *reader) facts(rows [][]string) (Returned, error) {
	v := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 && slices.Contains(metaKeys, r[0]) {
			v[r[0]] = r[1]
		}
	}
	year, yerr := strconv.Atoi(v["year"])
	round, rerr := strconv.Atoi(v["round"])
	if v["format"] != Format || yerr != nil || rerr != nil || v["department"] == "" {
		return Returned{}, domain.Problems{domain.NewProblem("problem.deptbook.format",
			"{{.Cell}}: this workbook was written in a layout this version of BudgetPerf does not read ({{.Format}}). Write a new workbook for the department.",
			"Cell", MetaCell("format"), "Format", v["format"])}
	}
	return Returned{Year: year, Round: round, DeptCode: v["department"], DeptName: v["department_name"], Issued: v["issued"]}, nil
}

// value is a cell's stored value (a number as written, not as shown).
func (rd *reader) value(sheet, ref string) string {
	v, err := rd.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return ""
	}
	return strings.ReplaceAll(v, "\r\n", "\n")
}

// checkSealed names every protected cell whose value is not the one sent.
func (rd *reader) checkSealed(rows [][]string) {
	for _, r := range rows {
		if len(r) < 4 || r[0] != "cell" {
			continue
		}
		was := ""
		if len(r) > 4 {
			was = r[4]
		}
		now := rd.value(r[1], r[2])
		if same(r[3], was, now) {
			continue
		}
		shown := func(s string) string {
			if a, ok := amountOf(s); ok && r[3] == kindAmount {
				return money.FormatPlain(a)
			}
			return s
		}
		rd.add(domain.NewProblem("problem.deptbook.changed",
			"{{.Cell}} is protected but was changed from “{{.Was}}” to “{{.Now}}”. Only the yellow cells may be filled in: put the cell back as it was, or ask for a new workbook.",
			"Cell", r[1]+"!"+r[2], "Was", shown(was), "Now", shown(now)))
	}
}

// same compares a protected cell: amounts by value (a spreadsheet may
// write 1200.00 as 1200), text as it is.
func same(kind, was, now string) bool {
	if kind != kindAmount || strings.TrimSpace(was) == "" || strings.TrimSpace(now) == "" {
		return was == now
	}
	a, ok1 := amountOf(was)
	b, ok2 := amountOf(now)
	return ok1 && ok2 && a == b
}

// amountOf reads a stored number to the fen, allowing a binary float's
// noise (1234.5599999999999) but not a third decimal.
func amountOf(s string) (money.Amount, bool) {
	p, err := money.Parse(s, money.Yuan)
	if err != nil || p.Blank && strings.TrimSpace(s) != "" || p.Rounded && !workbook.FloatNoise(s, money.Yuan) {
		return 0, false
	}
	return p.Amount, true
}
