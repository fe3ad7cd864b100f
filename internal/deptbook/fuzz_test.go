package deptbook

import (
	"bytes"
	"testing"

	"github.com/budgetperf/budgetperf/internal/workbook"
)

// The reader never panics on a damaged or hostile file, and what it
// accepts holds no negative amount.
func FuzzReadFrom(f *testing.F) {
	var good bytes.Buffer
	if err := Write(&good, sampleBook(2), testKey); err != nil {
		f.Fatal(err)
	}
	filled := written(&testing.T{}, sampleBook(1))
	_ = filled.SetCellValue(ProposalSheet, "G5", "-1")
	_ = filled.SetCellValue(ProjectSheet, "A9", "质量指标")
	var bad bytes.Buffer
	_ = filled.Write(&bad)
	f.Add(good.Bytes())
	f.Add(bad.Bytes())
	f.Add(good.Bytes()[:good.Len()/2])
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	catch := workbook.CatchPanics
	workbook.CatchPanics = false
	defer func() { workbook.CatchPanics = catch }()
	f.Fuzz(func(t *testing.T, data []byte) {
		ret, err := ReadFrom(bytes.NewReader(data), "fuzz.xlsx", testKey)
		if err != nil {
			return
		}
		for _, l := range ret.Lines {
			if l.Amount < 0 {
				t.Fatalf("negative amount accepted: %+v", l)
			}
		}
		for _, p := range ret.Projects {
			if p.Amount < 0 {
				t.Fatalf("negative project amount accepted: %+v", p)
			}
		}
	})
}
