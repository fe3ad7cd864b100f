//go:build unix

package inputfile

import (
	"path/filepath"
	"syscall"
	"testing"
)

// addSpecialFiles adds a device and a named pipe, which would block or
// never end if they were read.
func addSpecialFiles(t *testing.T, dir string, cases map[string]string) {
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	cases[fifo] = "import.not_regular"
	cases["/dev/zero"] = "import.not_regular"
}
