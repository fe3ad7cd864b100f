package ui

import (
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
