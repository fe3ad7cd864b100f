// Package atomicfile writes a file so that it is replaced whole or not at
// all: the content goes to a temporary file in the same folder, is synced
// to disk and renamed over the target. A crash, a full disk or a failing
// writer leaves the old file (or none), never half a file.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Error is a failure of the file itself (folder missing, no permission,
// disk full), as opposed to an error of the writer, which Write returns
// unchanged; callers phrase Errors for the user.
type Error struct{ Err error }

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Write writes path through write with permissions perm.
func Write(path string, perm os.FileMode, write func(*os.File) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return &Error{err}
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return &Error{err}
	}
	if err := tmp.Close(); err != nil {
		return &Error{err}
	}
	// CreateTemp makes the file private (0600); documents are shared.
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return &Error{err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &Error{err}
	}
	done = true
	return nil
}

// WriteBytes writes data to path atomically.
func WriteBytes(path string, perm os.FileMode, data []byte) error {
	return Write(path, perm, func(f *os.File) error {
		_, err := f.Write(data)
		return err
	})
}
