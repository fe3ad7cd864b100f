package xlsximport

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/masterdata"
)

func catalogue(t testing.TB) []domain.Subject {
	t.Helper()
	ss, err := masterdata.BuiltInSubjects()
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

func loadExpected(t *testing.T) map[string]map[string]json.RawMessage {
	t.Helper()
	b, err := os.ReadFile("testdata/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSampleWorkbooks(t *testing.T) {
	subjects := catalogue(t)
	for file, want := range loadExpected(t) {
		if strings.HasPrefix(file, "actuals_") {
			continue // the actuals ledger is read by the actuals importer
		}
		t.Run(file, func(t *testing.T) {
			res, err := ReadBudget(filepath.Join("testdata", file), Options{Subjects: subjects, CreateMissing: true})
			if raw, ok := want["errors"]; ok {
				var cells []string
				if err := json.Unmarshal(raw, &cells); err != nil {
					t.Fatal(err)
				}
				checkErrorCells(t, err, cells)
				return
			}
			if strings.HasSuffix(file, ".xls") {
				if err != nil {
					ps := domain.AsProblems(err)
					if len(ps) != 1 || ps[0].Key != "import.xls_legacy" || !strings.Contains(ps[0].Error(), "soffice --headless --convert-to xlsx") {
						t.Fatalf("legacy .xls: want the conversion message, got %v", err)
					}
					t.Logf("refused as expected: %v", err)
					return
				}
			}
			if err != nil {
				t.Fatalf("ReadBudget: %v", err)
			}
			got := DepartmentTotals(res)
			wide := ""
			for _, l := range res.Lines {
				if l.DeptCode == domain.HospitalWideCode {
					wide = l.DeptName
				}
			}
			wantTotals := map[string]money.Amount{}
			for k, v := range want {
				var fen int64
				if err := json.Unmarshal(v, &fen); err != nil {
					t.Fatal(err)
				}
				if k == "*" {
					if wide == "" {
						t.Fatalf("expected a hospital-wide total, got lines of %v", keys(got))
					}
					k = wide
				}
				wantTotals[k] = money.Amount(fen)
			}
			for k, w := range wantTotals {
				if got[k] != w {
					t.Errorf("%s: got %d fen, want %d", k, got[k], w)
				}
			}
			for k := range got {
				if _, ok := wantTotals[k]; !ok {
					t.Errorf("unexpected department %s: %d fen", k, got[k])
				}
			}
			for _, s := range res.Sheets {
				t.Logf("sheet %+v", s)
			}
			for _, w := range res.Warnings {
				t.Logf("warning: %v", w)
			}
		})
	}
}

func keys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func checkErrorCells(t *testing.T, err error, cells []string) {
	t.Helper()
	ps := domain.AsProblems(err)
	if len(ps) == 0 {
		t.Fatalf("want problems at %v, got %v", cells, err)
	}
	var got []string
	for _, p := range ps {
		c, _ := p.Args["Cell"].(string)
		s, _ := p.Args["Sheet"].(string)
		if c == "" || s == "" || !strings.HasPrefix(p.Error(), s+"!"+c+": ") {
			t.Errorf("problem without sheet!cell: %v", p)
		}
		got = append(got, c)
		t.Logf("%s: %v", p.Key, p)
	}
	sort.Strings(got)
	want := append([]string(nil), cells...)
	sort.Strings(want)
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("problem cells %v, want %v", got, want)
	}
}
