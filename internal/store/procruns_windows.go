//go:build windows

package store

import "os"

// processRuns reports whether a process with id pid exists: on Windows
// FindProcess opens the process and fails when there is none.
func processRuns(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	_ = p.Release()
	return true
}
