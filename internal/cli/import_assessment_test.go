package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var realAssessment = filepath.Join("..", "xlsximport", "testdata", "county_hospital_secondary_assessment_values_2017_2020.xlsx")

// The real workbook imports for 2017–2020; --year 2020 evaluates the
// hospital as a whole and reports its score and grade.
func TestImportAssessmentJSON(t *testing.T) {
	db := tempDB(t)
	code, stdout, stderr := run(t, "--db", db, "import", "assessment", "--year", "2020", realAssessment, "--json")
	if code != ExitOK {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	var got struct {
		File   string
		Values int
		Years  []int
		ByYear []struct {
			Year, Values int
			WithValue    int `json:"with_value"`
		} `json:"by_year"`
		Hospital *struct {
			Year, Filled int
			Score        float64
			Grade        string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if got.File != realAssessment || got.Values == 0 {
		t.Errorf("file %q, %d values", got.File, got.Values)
	}
	if len(got.Years) != 4 || got.Years[0] != 2017 || got.Years[3] != 2020 {
		t.Errorf("years %v", got.Years)
	}
	sum := 0
	for _, y := range got.ByYear {
		sum += y.Values
		if y.Values != 28 || y.WithValue == 0 || y.WithValue > y.Values {
			t.Errorf("year %+v", y)
		}
	}
	if sum != got.Values {
		t.Errorf("%d values by year, %d in all", sum, got.Values)
	}
	h := got.Hospital
	if h == nil || h.Year != 2020 || h.Filled == 0 || h.Score <= 0 || h.Grade == "" {
		t.Fatalf("hospital evaluation %+v", h)
	}
	// The evaluation is there for evaluate to list.
	_, out, _ := run(t, "--db", db, "evaluate", "--year", "2020", "--json")
	if !strings.Contains(out, `"code": "000"`) && !strings.Contains(out, `"code":"000"`) {
		t.Errorf("evaluate lists no hospital-wide run:\n%s", out)
	}
}

func TestImportAssessmentText(t *testing.T) {
	db := tempDB(t)
	code, stdout, stderr := run(t, "--db", db, "--lang", "en", "import", "assessment", realAssessment)
	if code != ExitOK {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	for _, want := range []string{"2017", "2020", "Imported", "4 years"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("no %q in\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "Hospital-wide") {
		t.Errorf("evaluated without --year:\n%s", stdout)
	}
	code, stdout, _ = run(t, "--db", db, "--lang", "en", "import", "assessment", "--year", "2019", realAssessment)
	if code != ExitOK || !strings.Contains(stdout, "Hospital-wide evaluation 2019") {
		t.Errorf("exit %d\n%s", code, stdout)
	}
}

func TestImportAssessmentRefusals(t *testing.T) {
	db := tempDB(t)
	if code, _, _ := run(t, "--db", db, "import", "assessment"); code != ExitUsage {
		t.Errorf("no file: exit %d", code)
	}
	if code, _, _ := run(t, "--db", db, "import", "assessment", "-h"); code != ExitOK {
		t.Errorf("help: exit %d", code)
	}
	if code, _, stderr := run(t, "--db", db, "import", "assessment", "--year", "20", realAssessment); code != ExitRefused || stderr == "" {
		t.Errorf("year 20: exit %d, %q", code, stderr)
	}
	// A workbook that is not the fill-in sheet is refused, each problem on
	// its own line.
	bad := filepath.Join(t.TempDir(), "bad.xlsx")
	if err := os.WriteFile(bad, []byte("not a workbook"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "--db", db, "import", "assessment", bad)
	if code != ExitRefused || stderr == "" || stdout != "" {
		t.Errorf("bad file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		if strings.TrimSpace(line) == "" {
			t.Errorf("blank stderr line in %q", stderr)
		}
	}
}
