package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/users"
)

// needsSignIn decides who works in the window after a database was
// opened: without users the built-in local administrator; with users
// nobody until they sign in, and the window shows the sign-in screen
// instead of any data. It reports whether sign-in is pending.
func (s *Shell) needsSignIn() bool {
	has, err := s.svc.Accounts.HasUsers(s.ctx)
	if err == nil && !has {
		s.actor = domain.LocalUser
		return false
	}
	// An error reading the users fails closed: signing in will report it.
	s.actor = domain.Actor{}
	s.signIn = newSignInScreen(s)
	if err != nil {
		s.signIn.offerRestore(err)
	}
	s.win.SetContent(s.signIn.root)
	s.win.Canvas().Focus(s.signIn.login)
	return true
}

// SignInScreen asks for login and password before anything is shown.
type SignInScreen struct {
	shell    *Shell
	root     fyne.CanvasObject
	login    *widget.Entry
	password *widget.Entry
	button   *widget.Button
	message  *widget.Label
	// restore is offered when the accounts cannot be read (a damaged
	// database that passed the header check of opening).
	restore *widget.Button
}

func newSignInScreen(s *Shell) *SignInScreen {
	si := &SignInScreen{shell: s, login: widget.NewEntry(), password: widget.NewPasswordEntry(), message: widget.NewLabel("")}
	si.login.SetPlaceHolder(i18n.T("signin.login"))
	si.password.SetPlaceHolder(i18n.T("signin.password"))
	si.login.OnSubmitted = func(string) { s.win.Canvas().Focus(si.password) }
	si.password.OnSubmitted = func(string) { si.submit() }
	si.message.Wrapping = fyne.TextWrapWord
	si.message.Importance = widget.DangerImportance
	si.button = widget.NewButtonWithIcon(i18n.T("signin.button"), theme.LoginIcon(), si.submit)
	si.button.Importance = widget.HighImportance
	si.restore = widget.NewButtonWithIcon(i18n.T("backup.restore"), theme.HistoryIcon(), func() {
		s.chooseBackup(s.restoreOverFailed)
	})
	si.restore.Hide()
	name, _ := s.svc.Master.HospitalDisplayName(s.ctx, domain.LocalUser, i18n.Current())
	form := widget.NewForm(widget.NewFormItem(i18n.T("signin.login"), si.login), widget.NewFormItem(i18n.T("signin.password"), si.password))
	card := widget.NewCard(i18n.T("signin.title"), name, container.NewVBox(form, si.button, si.message, si.restore,
		widget.NewLabelWithStyle(s.svc.Store.Path(), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})))
	si.root = container.NewCenter(container.NewGridWrap(fyne.NewSize(440, 320), card))
	return si
}

// submit signs in; on success the screens are built for the user.
func (si *SignInScreen) submit() {
	s := si.shell
	a, err := s.svc.Accounts.SignIn(s.ctx, si.login.Text, si.password.Text)
	if err != nil {
		si.password.SetText("")
		si.message.SetText(i18n.Message(err))
		si.offerRestore(err)
		return
	}
	s.actor = a
	s.signIn = nil
	s.year = s.defaultYear()
	s.Rebuild()
}

// offerRestore shows the restore from a backup when err is not a refusal
// but a failure to read the accounts: the database is damaged inside,
// and the restore signs in against the backup's accounts
// (restoreOverFailed).
func (si *SignInScreen) offerRestore(err error) {
	if domain.AsProblems(err) != nil {
		return
	}
	fyne.LogError("reading the accounts", err)
	si.message.SetText(i18n.T("signin.unreadable"))
	si.restore.Show()
}

// showWho puts the signed-in user and role in the header, with 退出登录
// beside them; the built-in administrator of a database without accounts
// has no session to end, and the line says so.
func (s *Shell) showWho() {
	a := s.actor
	if a.Login == domain.LocalUser.Login {
		s.who.SetText(i18n.T("shell.who_local", "Name", kit.DisplayName(a)))
		s.signOutBtn.Hide()
		s.header.Refresh()
		return
	}
	s.who.SetText(i18n.T("shell.who", "Name", kit.DisplayName(a), "Role", i18n.T("role."+string(a.Role))))
	s.signOutBtn.Show()
	s.header.Refresh()
}

// signOut ends the session and shows the sign-in screen.
func (s *Shell) signOut() {
	// What the user typed is saved as theirs before the session ends.
	if s.prep != nil {
		s.prep.Flush()
	}
	if s.evaluation != nil {
		s.evaluation.SaveAll()
	}
	if s.server != "" {
		s.awaitServerLogin(s.server) // the connection was the user's own
		return
	}
	s.needsSignIn()
}

// offerFirstAdmin asks, on the first launch of a database without users,
// whether to create the administrator account. Skipping keeps the
// database open to everyone at this PC as the built-in local
// administrator; an administrator can be added later in Settings.
func (s *Shell) offerFirstAdmin() {
	if has, err := s.svc.Accounts.HasUsers(s.ctx); err != nil || has {
		return
	}
	login, name, pw, pw2 := widget.NewEntry(), widget.NewEntry(), widget.NewPasswordEntry(), widget.NewPasswordEntry()
	login.SetText("admin")
	items := []*widget.FormItem{
		widget.NewFormItem(i18n.T("signin.login"), login),
		widget.NewFormItem(i18n.T("users.name"), name),
		widget.NewFormItem(i18n.T("signin.password"), pw),
		widget.NewFormItem(i18n.T("users.password_again"), pw2),
	}
	hint := widget.NewLabel(i18n.T("firstadmin.message"))
	hint.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm(i18n.T("firstadmin.title"), i18n.T("firstadmin.create"), i18n.T("firstadmin.skip"),
		append([]*widget.FormItem{widget.NewFormItem("", hint)}, items...), func(ok bool) {
			if !ok {
				return
			}
			if err := s.createFirstAdmin(login.Text, name.Text, pw.Text, pw2.Text); err != nil {
				s.showError(err)
			}
		}, s.win)
	d.Resize(fyne.NewSize(520, 360))
	d.Show()
}

// createFirstAdmin adds the administrator and signs them in at once.
func (s *Shell) createFirstAdmin(login, name, pw, pw2 string) error {
	if pw != pw2 {
		return domain.NewProblem("problem.users.password_mismatch", "The two passwords differ; type the same password twice.")
	}
	if err := s.svc.Accounts.AddUser(s.ctx, domain.LocalUser, users.NewUser{Login: login, Name: name, Role: domain.RoleAdministrator, Password: pw}); err != nil {
		return err
	}
	a, err := s.svc.Accounts.SignIn(s.ctx, login, pw)
	if err != nil {
		return err
	}
	s.actor = a
	s.Rebuild()
	return nil
}
