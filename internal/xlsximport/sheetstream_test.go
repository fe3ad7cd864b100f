package xlsximport

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The fast stream returns, row for row, what excelize returns with raw
// values, on every workbook saved by a real spreadsheet application here.
func TestSheetStreamMatchesExcelize(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.xlsx")
	if len(files) < 5 {
		t.Fatalf("only %d test workbooks", len(files))
	}
	for _, file := range files {
		f, err := excelize.OpenFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range f.GetSheetList() {
			want, err := f.GetRows(name, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			st, err := openSheetStream(file, name)
			if err != nil {
				t.Fatalf("%s/%s: %v", file, name, err)
			}
			var got [][]string
			for st.Next() {
				got = append(got, st.Columns())
			}
			st.Close()
			if st.Error() != nil {
				t.Fatalf("%s/%s: %v", file, name, st.Error())
			}
			for len(got) > 0 && len(got[len(got)-1]) == 0 {
				got = got[:len(got)-1]
			}
			norm := func(rows [][]string) [][]string {
				out := make([][]string, len(rows))
				for i, r := range rows {
					out[i] = []string{strings.Join(r, "\x00")}
				}
				return out
			}
			if !reflect.DeepEqual(norm(got), norm(want)) {
				for i := 0; i < len(got) && i < len(want); i++ {
					if !reflect.DeepEqual(norm(got[i:i+1]), norm(want[i:i+1])) {
						t.Errorf("%s/%s row %d:\n got %q\nwant %q", file, name, i+1, got[i], want[i])
						break
					}
				}
				if len(got) != len(want) {
					t.Errorf("%s/%s: %d rows, excelize %d", file, name, len(got), len(want))
				}
			}
		}
		f.Close()
	}
}
