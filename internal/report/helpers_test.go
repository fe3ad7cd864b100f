package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// The demo hospital is loaded once for all tests: loading takes seconds
// and the reports only read it.
var (
	demoOnce sync.Once
	demoSvc  *services.Services
	demoErr  error
	demoDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if demoSvc != nil {
		demoSvc.Close()
	}
	if demoDir != "" {
		os.RemoveAll(demoDir)
	}
	os.Exit(code)
}

func demo(t testing.TB) *services.Services {
	t.Helper()
	demoOnce.Do(func() {
		demoDir, demoErr = os.MkdirTemp("", "report-demo-")
		if demoErr != nil {
			return
		}
		ctx := context.Background()
		demoSvc, demoErr = services.Open(ctx, filepath.Join(demoDir, "demo.db"))
		if demoErr != nil {
			return
		}
		_, demoErr = demoSvc.Demo.Load(ctx, domain.LocalUser, 2026)
	})
	if demoErr != nil {
		t.Fatal(demoErr)
	}
	return demoSvc
}

// useLang switches the language for one test.
func useLang(t testing.TB, lang string) {
	t.Helper()
	prev := i18n.Current()
	if err := i18n.Use(lang); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = i18n.Use(prev) })
}

// generate writes a report of the demo to a file and returns its path.
// REPORT_KEEP=DIR keeps a copy there, for looking at the pages.
func generate(t *testing.T, req Request) string {
	t.Helper()
	svc := demo(t)
	path := filepath.Join(t.TempDir(), FileName(req.Kind, req.Year, req.Month))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	steps := 0
	err = GenerateRequest(context.Background(), svc, domain.LocalUser, req, f, func(done, total int) {
		if done > total {
			t.Errorf("progress %d of %d", done, total)
		}
		steps++
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatalf("%s report: %v", req.Kind, err)
	}
	if steps < 2 {
		t.Errorf("%s report: progress told %d times", req.Kind, steps)
	}
	if dir := os.Getenv("REPORT_KEEP"); dir != "" {
		data, _ := os.ReadFile(path)
		name := strings.TrimSuffix(filepath.Base(path), ".pdf") + "-" + i18n.Current() + ".pdf"
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Log(err)
		}
	}
	return path
}

// tool returns the path of a poppler or qpdf tool, skipping the test when
// it is missing outside CI (make test installs them; CI must have them).
func tool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed (poppler-utils / qpdf)", name)
		}
		t.Skipf("%s is not installed (poppler-utils / qpdf)", name)
	}
	return p
}

// pdfText extracts the text of a PDF with pdftotext in reading order.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// checkPDF runs qpdf --check and pdffonts on path.
func checkPDF(t *testing.T, path string) {
	t.Helper()
	if out, err := exec.Command(tool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check %s: %v\n%s", path, err, out)
	}
	out, err := exec.Command(tool(t, "pdffonts"), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID: emb is the 4th from the end + 2.
		if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font not embedded as a subset: %s", l)
		}
	}
}
