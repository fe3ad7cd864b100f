package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// On a PostgreSQL server, signing in is connecting: the window keeps the
// server's address (without a login, in the preferences of the PC's user)
// and asks for the login and password before it opens anything; the
// connection is then that user's, so the server's own rights (package
// store/grants) hold in the window as they do in psql.

// awaitServerLogin shows the server sign-in for target, closing what was open.
func (s *Shell) awaitServerLogin(target string) {
	if s.svc != nil {
		s.svc.Close()
		s.svc = nil
	}
	s.server, s.actor, s.openErr = target, domain.Actor{}, nil
	si := newServerSignIn(s, target)
	s.win.SetContent(si.root)
	s.win.Canvas().Focus(si.login)
}

// signInToServer connects to the server as login and works as its account.
func (s *Shell) signInToServer(target, login, password string) error {
	return s.openServerAs(target, store.WithLogin(target, strings.TrimSpace(login), password))
}

// openServerAs connects with address (naming its login) and works as its
// account; target is the address without the login, to sign in again.
func (s *Shell) openServerAs(target, address string) error {
	svc, err := services.Open(s.ctx, address)
	if err != nil {
		return err
	}
	a, err := svc.Accounts.ServerActor(s.ctx)
	if err != nil {
		svc.Close()
		return err
	}
	if s.svc != nil {
		s.svc.Close()
	}
	s.server, s.svc, s.actor, s.openErr = target, svc, a, nil
	s.year = s.defaultYear()
	s.Rebuild()
	s.listenToOthers()
	return nil
}

// listenToOthers shows 刷新 in the header when another PC saves a change:
// the screens are not reloaded under the user's typing, the user chooses
// when (their own unsaved entries stay until then).
func (s *Shell) listenToOthers() {
	svc := s.svc
	err := svc.Store.Listen(func() {
		fyne.Do(func() {
			if s.svc == svc && s.changedBtn != nil {
				s.changedBtn.Show()
			}
		})
	})
	if err != nil {
		fyne.LogError("listening for other PCs' changes", err)
	}
}

// newServerSignIn is the sign-in card of a server database.
func newServerSignIn(s *Shell, target string) *SignInScreen {
	si := &SignInScreen{shell: s, login: widget.NewEntry(), password: widget.NewPasswordEntry(), message: widget.NewLabel("")}
	si.login.SetPlaceHolder(i18n.T("signin.login"))
	si.password.SetPlaceHolder(i18n.T("signin.password"))
	si.message.Wrapping = fyne.TextWrapWord
	si.message.Importance = widget.DangerImportance
	submit := func() {
		if err := s.signInToServer(target, si.login.Text, si.password.Text); err != nil {
			si.password.SetText("")
			si.message.SetText(i18n.Message(err))
		}
	}
	si.login.OnSubmitted = func(string) { s.win.Canvas().Focus(si.password) }
	si.password.OnSubmitted = func(string) { submit() }
	si.button = widget.NewButtonWithIcon(i18n.T("signin.button"), theme.LoginIcon(), submit)
	si.button.Importance = widget.HighImportance
	other := widget.NewButton(i18n.T("server.use_file"), func() { s.chooseDatabase(false) })
	form := widget.NewForm(widget.NewFormItem(i18n.T("signin.login"), si.login), widget.NewFormItem(i18n.T("signin.password"), si.password))
	where := widget.NewLabelWithStyle(i18n.T("server.at", "Server", store.RedactURL(target)), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	where.Wrapping = fyne.TextWrapBreak
	card := widget.NewCard(i18n.T("server.signin_title"), i18n.T("server.signin_hint"),
		container.NewVBox(form, si.button, si.message, where, other))
	si.root = container.NewCenter(container.NewGridWrap(fyne.NewSize(480, 380), card))
	return si
}

// connectServer asks for a server's host, port, database and encryption,
// remembers the address (no login, no password) and asks to sign in.
func (s *Shell) connectServer() {
	host, port, db := widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	port.SetText("5432")
	host.SetPlaceHolder(i18n.T("server.host_hint"))
	db.SetPlaceHolder(i18n.T("server.database_hint"))
	modes := []string{"require", "verify-full", "disable"}
	labels := make([]string, len(modes))
	for i, m := range modes {
		labels[i] = i18n.T("server.tls." + m)
	}
	tls := kit.NewSelect(labels, nil)
	tls.SetSelectedIndex(0)
	hint := widget.NewLabel(i18n.T("server.connect_hint"))
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", hint),
		widget.NewFormItem(i18n.T("server.host"), host),
		widget.NewFormItem(i18n.T("server.port"), port),
		widget.NewFormItem(i18n.T("server.database"), db),
		widget.NewFormItem(i18n.T("server.tls"), tls),
	}
	d := dialog.NewForm(i18n.T("server.connect_title"), i18n.T("server.connect"), i18n.T("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		p, err := strconv.Atoi(strings.TrimSpace(port.Text))
		if strings.TrimSpace(host.Text) == "" || strings.TrimSpace(db.Text) == "" || err != nil || p <= 0 || p > 65535 {
			s.showError(domain.NewProblem("problem.server.address", "Give the server's name or address, a port between 1 and 65535 (5432 unless the server's administrator says otherwise) and the database's name."))
			return
		}
		target := store.ServerAddress(strings.TrimSpace(host.Text), p, strings.TrimSpace(db.Text), modes[max(tls.SelectedIndex(), 0)])
		s.app.Preferences().SetString(prefDatabase, target)
		s.opts.DBPath = ""
		s.awaitServerLogin(target)
	}, s.win)
	d.Resize(fyne.NewSize(560, 420))
	d.Show()
}

// onServerKey is key's server form (key.server) when the window works on
// a server database: the hints that speak of a file say it of the server.
func onServerKey(s *Shell, key string) string {
	if s.svc != nil && s.svc.Store.Engine() == store.Postgres {
		return key + ".server"
	}
	return key
}
