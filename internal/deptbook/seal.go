package deptbook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// metaTitle is the hidden sheet's first row, for whoever finds it.
const metaTitle = "BudgetPerf 科室预算建议表登记信息（由程序核对，请勿修改）"

// writeMeta writes the hidden sheet: the facts, the layout rows, the
// protected cells with their values, and last the seal over all of it.
func writeMeta(f *excelize.File, b Book, layout, sealed [][]string, key []byte) error {
	rows := metaRows(b, layout, sealed)
	rows = append(rows, []string{"seal", seal(rows, key)})
	for i, r := range rows {
		for j, v := range r {
			cell, err := excelize.CoordinatesToCellName(j+1, i+1)
			if err != nil {
				return err
			}
			if err := f.SetCellStr(MetaSheet, cell, v); err != nil {
				return err
			}
		}
	}
	return nil
}

// metaRows are the hidden sheet's rows before the seal.
func metaRows(b Book, layout, sealed [][]string) [][]string {
	values := map[string]string{"format": Format, "department": b.DeptCode, "department_name": b.DeptName,
		"year": fmt.Sprint(b.Year), "round": fmt.Sprint(b.Round), "issued": b.Issued.UTC().Format("2006-01-02T15:04:05Z")}
	rows := [][]string{{metaTitle}}
	for _, k := range metaKeys {
		rows = append(rows, []string{k, values[k]})
	}
	rows = append(rows, layout...)
	return append(rows, sealed...)
}

// seal is the HMAC-SHA-256 under key of rows, each without its trailing
// empty cells (as a spreadsheet reads them back).
func seal(rows [][]string, key []byte) string {
	m := hmac.New(sha256.New, key)
	for _, r := range rows {
		m.Write([]byte(strings.Join(trimRow(r), "\x1f")))
		m.Write([]byte{0x1e})
	}
	return hex.EncodeToString(m.Sum(nil))
}

func trimRow(r []string) []string {
	for len(r) > 0 && r[len(r)-1] == "" {
		r = r[:len(r)-1]
	}
	return r
}

// sealHolds reports whether the hidden sheet's rows (the last one the
// seal) are as they were written under key.
func sealHolds(rows [][]string, key []byte) bool {
	if len(rows) < 2 {
		return false
	}
	last := rows[len(rows)-1]
	if len(last) < 2 || last[0] != "seal" {
		return false
	}
	return hmac.Equal([]byte(seal(rows[:len(rows)-1], key)), []byte(last[1]))
}
