package xlsbiff

import (
	"os"
	"path/filepath"
	"testing"
)

const sample = "../../xlsximport/testdata/budget_long_title_rows.xls"

// The sample .xls holds its title, unit and header rows and a merged title.
func TestReadSample(t *testing.T) {
	sheets, err := Read(sample)
	if err != nil {
		t.Fatal(err)
	}
	if len(sheets) == 0 || len(sheets[0].Rows) < 10 || len(sheets[0].Merges) == 0 {
		t.Fatalf("sheets %+v", sheets)
	}
	found := false
	for _, row := range sheets[0].Rows {
		for _, c := range row {
			found = found || c == "科室"
		}
	}
	if !found {
		t.Errorf("the header 科室 was not read: %q", sheets[0].Rows[:5])
	}
}

// Damaged files are errors, never panics.
func FuzzRead(f *testing.F) {
	b, err := os.ReadFile(sample)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "x.xls")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		_, _ = Read(path)
	})
}
