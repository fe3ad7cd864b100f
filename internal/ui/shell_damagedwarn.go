package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// warnDamaged says at once, after signing in, that today's full check
// found the database damaged: the message asks for a restore before any
// more work is entered, so it must not wait in Settings › 数据与备份 for
// someone to look there. An administrator is taken there; anyone else is
// told to call one. Once per database file and session.
func (s *Shell) warnDamaged() {
	if s.svc == nil || s.svc.Store == nil || s.opts.RestoreFile != "" {
		return
	}
	err := s.svc.Store.AutoBackupError()
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != "problem.backup.damaged_db" {
		return
	}
	path := s.svc.Store.Path()
	if s.warnedDamaged == path {
		return
	}
	s.warnedDamaged = path
	msg := i18n.Message(err)
	if permission.Check(s.actor, permission.BackupRestore, "") != nil {
		dialog.ShowError(errors.New(msg+"\n\n"+i18n.T("damaged.not_admin")), s.win)
		return
	}
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(i18n.T("damaged.title"), i18n.T("damaged.go"), i18n.T("damaged.later"), text, func(ok bool) {
		if !ok || s.settings == nil {
			return
		}
		s.Show(SectionSettings)
		s.nav.Select(indexOf(sections, SectionSettings))
		s.settings.showData()
	}, s.win)
	d.Resize(fyne.NewSize(640, 0))
	d.Show()
}
