package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
)

// openFailedScreen explains why the database could not be opened and offers
// to restore it from a backup, or to open or create another one; the
// failed file is left untouched (a restore keeps it aside).
func (s *Shell) openFailedScreen() fyne.CanvasObject {
	msg := widget.NewLabel(i18n.Message(s.openErr))
	msg.Wrapping = fyne.TextWrapWord
	open := widget.NewButtonWithIcon(i18n.T("settings.db.open"), theme.FolderOpenIcon(), func() { s.chooseDatabase(false) })
	create := widget.NewButtonWithIcon(i18n.T("settings.db.new"), theme.DocumentCreateIcon(), func() { s.chooseDatabase(true) })
	// A damaged database is restored from a backup here, signing in
	// against the backup's accounts (restoreOverFailed).
	restore := widget.NewButtonWithIcon(i18n.T("backup.restore"), theme.HistoryIcon(), func() {
		s.chooseBackup(s.restoreOverFailed)
	})
	restore.Importance = widget.HighImportance
	quit := widget.NewButton(i18n.T("action.quit"), func() { s.app.Quit() })
	server := widget.NewButtonWithIcon(i18n.T("server.connect_button"), theme.ComputerIcon(), s.connectServer)
	card := widget.NewCard(i18n.T("open_failed.title"), store.RedactURL(s.DatabasePath()), container.NewVBox(msg, container.NewHBox(restore, open, create, server, quit)))
	return container.NewPadded(container.NewVBox(card))
}
