package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// beginRestore asks what the restore of plan needs — a sign-in against
// the backup's accounts when the current database cannot be read, then
// a confirmation that states what changes — and hands the request to run.
// Cancelled or refused, nothing changes.
func (s *Shell) beginRestore(plan backup.Plan, run func(backup.Request)) {
	req := backup.Request{DBPath: plan.DBPath, Src: plan.Src, By: s.restoringActor(plan)}
	req.Kept = store.KeptName(plan.DBPath, time.Now())
	if plan.Damaged() {
		req.Kept = store.DamagedName(plan.DBPath, time.Now())
	}
	if plan.Damaged() && plan.BackupHasUsers() {
		s.askBackupSignIn(plan, req, func(req backup.Request) { s.confirmRestore(plan, req, run) })
		return
	}
	if _, err := backup.Authorize(plan, req); err != nil {
		s.showError(err)
		return
	}
	s.confirmRestore(plan, req, run)
}

// restoringActor is who restores over a database that can be read: the
// signed-in user, or, when the window could not open it, the built-in
// local administrator only where that database has no accounts.
func (s *Shell) restoringActor(plan backup.Plan) domain.Actor {
	if s.svc != nil {
		return s.actor
	}
	if len(plan.Current.Facts.Users) == 0 {
		return domain.LocalUser
	}
	return domain.Actor{}
}

// askBackupSignIn asks for the login and password of an administrator of
// the backup: the current database cannot be read, so its accounts
// cannot be checked.
func (s *Shell) askBackupSignIn(plan backup.Plan, req backup.Request, next func(backup.Request)) {
	login, password := widget.NewEntry(), widget.NewPasswordEntry()
	hint := widget.NewLabel(i18n.T("restore.signin.hint", "Path", plan.DBPath, "Backup", plan.Src))
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", hint),
		widget.NewFormItem(i18n.T("signin.login"), login),
		widget.NewFormItem(i18n.T("signin.password"), password),
	}
	d := dialog.NewForm(i18n.T("restore.signin.title"), i18n.T("signin.button"), i18n.T("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		req.Login, req.Password = login.Text, password.Text
		if _, err := backup.Authorize(plan, req); err != nil {
			s.showError(err)
			return
		}
		next(req)
	}, s.win)
	d.Resize(fyne.NewSize(560, 340))
	d.Show()
}

// confirmRestore shows which file replaces which and where the current one
// is kept, then every change beyond the data in red; confirming accepts them.
func (s *Shell) confirmRestore(plan backup.Plan, req backup.Request, run func(backup.Request)) {
	d := dialog.NewCustomConfirm(i18n.T("restore.title"), i18n.T("restore.do"), i18n.T("action.cancel"),
		container.NewVScroll(restoreConfirmText(plan, req.Kept)), func(ok bool) {
			if ok {
				req.Accept = plan.Kinds()
				run(req)
			}
		}, s.win)
	d.Resize(fyne.NewSize(680, 420))
	d.Show()
}

func restoreConfirmText(plan backup.Plan, kept string) fyne.CanvasObject {
	box := container.NewVBox()
	add := func(text string, warn bool) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapBreak
		if warn {
			l.Importance = widget.DangerImportance
			l.TextStyle.Bold = true
		}
		box.Add(l)
	}
	add(i18n.T("restore.confirm", "Backup", plan.Src, "Schema", plan.Backup.Schema, "Path", plan.DBPath, "Kept", kept), false)
	if plan.Damaged() {
		add(i18n.Message(plan.Current.Damage), true)
	}
	for _, c := range plan.Changes {
		add(i18n.Message(c.Text), true)
	}
	return box
}

// runRestore closes the database (after saving what is being typed),
// replaces it and opens the restored one; on failure the old one is
// opened again, unchanged. done is called at the end (tests wait on it).
func (s *Shell) runRestore(req backup.Request, done func(error)) {
	if s.svc != nil {
		if s.prep != nil {
			s.prep.Flush()
		}
		if s.evaluation != nil {
			s.evaluation.SaveAll()
		}
		s.svc.Close()
		s.svc = nil
	}
	// Once begun, a restore is finished: good or bad, its outcome opens a
	// database again (restoreFinished), so it has no Cancel, and its error
	// is part of the outcome rather than the runner's.
	type outcome struct {
		res backup.Result
		err error
	}
	j := kit.Job{Title: i18n.T("restore.working"), Key: "restore", NoCancel: true}
	run(s, j, func(ctx context.Context, _ kit.Progress) (outcome, error) {
		res, err := backup.Restore(ctx, req)
		return outcome{res, err}, nil
	}, func(o outcome) {
		s.restoreFinished(req, o.res, o.err)
		if done != nil {
			done(o.err)
		}
	})
}

// restoreFinished opens the database again: the restored one, or the old
// one when the restore failed. Open rebuilds the window on the section
// shown, the sign-in screen, or the open-failed screen when even this fails.
func (s *Shell) restoreFinished(req backup.Request, res backup.Result, err error) {
	openErr := s.Open(req.DBPath)
	switch {
	case err != nil:
		s.showError(err)
	case openErr != nil:
		s.showError(openErr)
	case res.Damaged:
		dialog.ShowInformation(i18n.T("restore.title"), i18n.T("restore.done_damaged", "Backup", req.Src, "Kept", res.Kept), s.win)
	default:
		dialog.ShowInformation(i18n.T("restore.title"), i18n.T("restore.done", "Backup", req.Src, "Kept", res.Kept), s.win)
	}
}

// restoreOverFailed is the open-failed screen's restore: the database
// could not be opened, so the backup is compared with what can be read of
// it, and an unreadable one is replaced after signing in against the
// backup's accounts.
func (s *Shell) restoreOverFailed(file string) {
	plan, err := backup.Inspect(s.ctx, s.DatabasePath(), file)
	if err != nil {
		s.showError(err)
		return
	}
	s.beginRestore(plan, func(req backup.Request) { s.runRestore(req, s.restoreDone) })
}
