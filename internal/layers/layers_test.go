// Package layers holds the test of the import rules ARCHITECTURE.md
// states; it has no code of its own.
package layers

import (
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

const mod = "github.com/budgetperf/budgetperf"

type pkg struct {
	ImportPath string
	Name       string
	Imports    []string
	Deps       []string
	Standard   bool
}

// packages lists the module's packages with `go list`, from the module root.
// Every source file is stat'ed first: go test caches a result by the files
// the test itself touched, and `go list` runs in another process.
func packages(t *testing.T) []pkg {
	t.Helper()
	_ = filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			_, _ = os.Stat(p)
		}
		return nil
	})
	cmd := exec.Command("go", "list", "-json", mod+"/...")
	cmd.Dir = "../.."
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	dec := json.NewDecoder(strings.NewReader(string(out)))
	var ps []pkg
	for {
		var p pkg
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	return ps
}

// rel is the path inside the module: "internal/store", "app".
func rel(importPath string) string {
	return strings.TrimPrefix(strings.TrimPrefix(importPath, mod), "/")
}

func own(importPath string) bool { return importPath == mod || strings.HasPrefix(importPath, mod+"/") }

func under(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }

// The floors of ARCHITECTURE.md, lowest first; a package may import its
// own floor's packages (as stated below) and those of lower floors.
var (
	infrastructure = []string{"internal/store", "internal/keyring", "internal/atomicfile", "internal/inputfile",
		"internal/workbook", "internal/xlsximport", "internal/deptbook", "internal/i18n",
		"internal/chart", "internal/testbook"}
	services = []string{"internal/masterdata", "internal/budgeting", "internal/execution", "internal/evaluation",
		"internal/bonus", "internal/users", "internal/audit", "internal/backup",
		"internal/demo", "internal/services"}
	surfaces = []string{"internal/report", "internal/cli", "internal/ui", "internal/ui/kit", "internal/ui/prep", "internal/ui/evalui", "internal/ui/probe", "app"}
)

func floorOf(p string) int {
	switch {
	case p == "assets" || under(p, "internal/domain"):
		return 0
	case inAny(p, infrastructure):
		return 1
	case inAny(p, services):
		return 2
	case inAny(p, surfaces):
		return 3
	}
	return 4 // bench, scripts, packaging tools: may import anything
}

func inAny(p string, dirs []string) bool {
	for _, d := range dirs {
		if under(p, d) {
			return true
		}
	}
	return false
}

// Every package's imports respect the floors: rules import only rules
// (and the embedded assets), the infrastructure no service, services no
// surface; report, cli and ui are imported by nobody but the surfaces
// above them.
func TestImportsRespectTheFloors(t *testing.T) {
	for _, p := range packages(t) {
		from := rel(p.ImportPath)
		for _, imp := range p.Imports {
			if !own(imp) {
				if floorOf(from) == 0 && strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") && !strings.HasPrefix(imp, "golang.org/x/") {
					t.Errorf("%s (rules) imports %s: rules use the standard library (and golang.org/x) only", from, imp)
				}
				continue
			}
			to := rel(imp)
			switch {
			case floorOf(to) > floorOf(from):
				t.Errorf("%s (floor %d) imports %s (floor %d): a lower floor never imports a higher one", from, floorOf(from), to, floorOf(to))
			case (to == "internal/cli" || to == "internal/ui") && from != "app":
				t.Errorf("%s imports %s: only app starts the command line and the window", from, to)
			case to == "internal/ui/probe":
				t.Errorf("%s imports %s: only tests use the probe", from, to)
			case from == "internal/ui/kit" && under(to, "internal/ui"):
				t.Errorf("%s imports %s: the widgets know no screen", from, to)
			case strings.HasPrefix(from, "internal/ui/") && from != "internal/ui/kit" && from != "internal/ui/probe" && under(to, "internal/ui") && to != "internal/ui/kit":
				t.Errorf("%s imports %s: an area of the window reaches the shell through its Host, and no other area", from, to)
			}
		}
	}
}

// Only the window imports Fyne, only the store speaks SQL.
func TestFyneAndSQLStayInTheirRooms(t *testing.T) {
	for _, p := range packages(t) {
		from := rel(p.ImportPath)
		gui := under(from, "internal/ui") || from == "app"
		for _, d := range p.Deps {
			if strings.HasPrefix(d, "fyne.io/") && !gui && floorOf(from) < 4 {
				t.Errorf("%s depends on %s: only internal/ui (and app, which starts it) may use Fyne", from, d)
				break
			}
		}
		for _, imp := range p.Imports {
			if (imp == "database/sql" || strings.HasPrefix(imp, "modernc.org/sqlite") || strings.HasPrefix(imp, "github.com/jackc/pgx")) && !under(from, "internal/store") && floorOf(from) < 4 {
				t.Errorf("%s imports %s: SQL lives only in internal/store", from, imp)
			}
		}
	}
}

// No package name is another's plus a suffix, or shares the first seven
// letters with another's, so that a name alone says which package is meant.
func TestPackageNamesDoNotLookAlike(t *testing.T) {
	names := map[string]string{}
	for _, p := range packages(t) {
		if p.Name == "main" {
			continue
		}
		names[p.Name] = rel(p.ImportPath)
	}
	var list []string
	for n := range names {
		list = append(list, n)
	}
	sort.Strings(list)
	for i, a := range list {
		for _, b := range list[i+1:] {
			if strings.HasPrefix(b, a) || strings.HasPrefix(a, b) {
				t.Errorf("package %s (%s) is %s plus a suffix (%s)", b, names[b], a, names[a])
			} else if len(a) >= 7 && len(b) >= 7 && a[:7] == b[:7] {
				t.Errorf("packages %s (%s) and %s (%s) share the stem %s", a, names[a], b, names[b], a[:7])
			}
		}
	}
}
