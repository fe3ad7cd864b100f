package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// chooseFile asks for a file with one of exts (".xlsx"…) and passes its
// path to done; cancelling does nothing.
func (s *Shell) chooseFile(exts []string, done func(path string)) {
	s.chooseFileIn("", exts, done)
}

// chooseBackup asks for a backup to restore, starting in the automatic
// backups folder of the database (else the database's folder), where the
// backups an office needs most are, rather than in the home folder.
func (s *Shell) chooseBackup(done func(path string)) {
	start := backup.Dir(s.DatabasePath())
	if _, err := os.Stat(start); err != nil {
		start = filepath.Dir(s.DatabasePath())
	}
	s.chooseFileIn(start, []string{backup.Ext, ".db"}, done)
}

// chooseFileIn is chooseFile starting in the folder dir ("": the dialog's
// own choice).
func (s *Shell) chooseFileIn(dir string, exts []string, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	kit.ShowFileDialog(s.win, d)
}

// saveFile asks where to save a file named name by default; the path
// gets ext (".xlsx") when the user left it off. Cancelling does nothing.
func (s *Shell) saveFile(name, ext string, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.showSaveError(err) // e.g. a path typed in the name field
			return
		}
		if w == nil { // cancelled
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.HasSuffix(strings.ToLower(path), ext) {
			path += ext
		}
		done(path)
	}, s.win)
	d.SetFileName(name)
	kit.ShowFileDialog(s.win, d)
}

// chooseFolder asks for a folder (to write into or read from); cancelling
// does nothing.
func (s *Shell) chooseFolder(done func(dir string)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		done(l.Path())
	}, s.win)
	kit.ShowFileDialog(s.win, d)
}
