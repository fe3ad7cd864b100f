package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// ProgramUnderTest is $BUDGETPERF_BIN, or the program built from ./app;
// exported for the tests outside the package (backup_crash_test).
func ProgramUnderTest(t *testing.T, dir string) string {
	t.Helper()
	if bin := os.Getenv("BUDGETPERF_BIN"); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	bin := filepath.Join(dir, "budgetperf")
	cmd := exec.Command("go", "build", "-o", bin, "./app")
	cmd.Dir = filepath.Join("..", "..")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building the program: %v\n%s", err, out)
	}
	return bin
}
