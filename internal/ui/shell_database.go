package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// chooseDatabase lets the user open an existing database file or create a
// new one, and remembers the choice for the next start.
func (s *Shell) chooseDatabase(create bool) {
	done := func(path string) {
		if path == "" {
			return
		}
		if err := s.switchDatabase(path); err != nil {
			s.showError(err)
		}
	}
	if create {
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
			if !strings.HasSuffix(strings.ToLower(path), ".db") {
				path += ".db"
			}
			done(path)
		}, s.win)
		d.SetFileName("budgetperf.db")
		kit.ShowFileDialog(s.win, d)
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		done(path)
	}, s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".db", ".sqlite"}))
	kit.ShowFileDialog(s.win, d)
}

// switchDatabase opens path and, when that worked, remembers it. A database
// given on the command line stops being the override.
func (s *Shell) switchDatabase(path string) error {
	if err := s.Open(path); err != nil {
		return err
	}
	s.app.Preferences().SetString(prefDatabase, path)
	s.opts.DBPath = ""
	s.offerDemoIfEmpty()
	return nil
}

// setLanguage switches the interface language now and for later starts.
func (s *Shell) setLanguage(code string) {
	if code == i18n.Current() {
		return
	}
	if err := kit.UseLanguage(code); err != nil {
		s.showError(err)
		return
	}
	s.app.Preferences().SetString(prefLanguage, code)
	s.Rebuild()
}
