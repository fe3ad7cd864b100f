package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// chooseFile asks for a file with one of exts (".xlsx"…) and passes its
// path to done; cancelling does nothing.
func (s *Shell) chooseFile(exts []string, done func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

// saveFile asks where to save a file named name by default; the path
// gets ext (".xlsx") when the user left it off. Cancelling does nothing.
func (s *Shell) saveFile(name, ext string, done func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
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
	d.Show()
}
