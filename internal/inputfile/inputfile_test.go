package inputfile

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Each kind of path that is not a workbook file is refused by its own
// problem, at once; a regular file passes.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.xlsx")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		file:                          "",
		dir:                           "import.is_folder",
		filepath.Join(dir, "missing"): "import.not_found",
	}
	addSpecialFiles(t, dir, cases)
	for path, want := range cases {
		start := time.Now()
		err := Check(path)
		if time.Since(start) > time.Second {
			t.Errorf("%s: took %v", path, time.Since(start))
		}
		ps := domain.AsProblems(err)
		switch {
		case want == "" && err != nil:
			t.Errorf("%s refused: %v", path, err)
		case want != "" && (len(ps) != 1 || ps[0].Key != want):
			t.Errorf("%s: %v, want %s", path, err, want)
		}
	}
}
