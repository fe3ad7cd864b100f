package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/users"
)

// accessPanel holds the account, users and audit tabs of Settings. Tabs
// the signed-in role may not use are left out; the services refuse such
// calls anyway.
type accessPanel struct {
	shell *Shell

	// Account: who is signed in, own password, sign out.
	who                           *widget.Label
	oldPw, newPw, newPw2          *widget.Entry
	changePw, signOut             *widget.Button
	accountBox                    *fyne.Container
	canManage, canAudit, hasUsers bool

	// Users (administrators).
	users                       []domain.User
	userTable                   *widget.Table
	selected                    int
	login, name, userPw         *widget.Entry
	depts                       *deptPicker
	role                        *widget.Select
	add, save, reset, lock, unl *widget.Button
	usersMsg                    *widget.Label

	// Audit trail (administrators, budget office, auditors).
	entries               []logbook.Entry
	entity                *widget.Select
	user, key, from, to   *widget.Entry
	auditTable            *widget.Table
	apply, verify, export *widget.Button
	auditMsg              *widget.Label
}

var userColKeys = []string{"col.login", "col.name", "col.role", "col.departments", "col.state"}
var userColWidths = []float32{110, 140, 150, 160, 150}

var auditColKeys = []string{"col.audit.seq", "col.audit.at", "col.audit.user", "col.audit.entity", "col.audit.key", "col.audit.field", "col.audit.old", "col.audit.new", "col.audit.reason"}
var auditColWidths = []float32{60, 140, 100, 140, 110, 110, 170, 170, 220}

// roleLabels are the roles as the role selector shows them.
func roleLabels() []string {
	out := make([]string, len(domain.Roles))
	for i, r := range domain.Roles {
		out[i] = i18n.T("role." + string(r))
	}
	return out
}

func roleOfLabel(label string) domain.Role {
	for _, r := range domain.Roles {
		if i18n.T("role."+string(r)) == label {
			return r
		}
	}
	return ""
}

// accessTabs are the users and audit tabs of Settings.
func (st *SettingsScreen) accessTabs() []*container.TabItem {
	s := st.shell
	p := &accessPanel{shell: s, selected: -1}
	s.access = p
	p.hasUsers, _ = s.svc.Accounts.HasUsers(s.ctx)
	p.canManage = permission.Allowed(s.actor.Role, permission.UsersManage)
	p.canAudit = permission.Allowed(s.actor.Role, permission.AuditView)
	tabs := []*container.TabItem{container.NewTabItem(i18n.T("settings.tab.account"), p.accountTab())}
	if p.canManage {
		tabs = append(tabs, container.NewTabItem(i18n.T("settings.tab.users"), p.usersTab()))
	}
	if p.canAudit {
		tabs = append(tabs, container.NewTabItem(i18n.T("settings.tab.audit"), p.auditTab()))
	}
	return tabs
}

// refreshAccess reloads the users and the audit trail.
func (st *SettingsScreen) refreshAccess() {
	if p := st.shell.access; p != nil {
		p.refreshUsers()
		p.refreshAudit()
	}
}

func (p *accessPanel) accountTab() fyne.CanvasObject {
	s := p.shell
	a := s.actor
	p.who = widget.NewLabel("")
	p.who.Wrapping = fyne.TextWrapWord
	if p.hasUsers {
		who := i18n.T("account.signed_in", "Name", kit.DisplayName(a), "Role", i18n.T("role."+string(a.Role)))
		if len(a.Departments) > 0 {
			who += "\n" + i18n.T("account.departments", "Depts", strings.Join(a.Departments, ", "))
		}
		p.who.SetText(who)
	} else {
		p.who.SetText(i18n.T("account.local"))
	}
	p.oldPw, p.newPw, p.newPw2 = widget.NewPasswordEntry(), widget.NewPasswordEntry(), widget.NewPasswordEntry()
	p.changePw = widget.NewButtonWithIcon(i18n.T("account.change_password"), theme.ConfirmIcon(), p.changePassword)
	p.signOut = widget.NewButtonWithIcon(i18n.T("account.sign_out"), theme.LogoutIcon(), s.signOut)
	content := []fyne.CanvasObject{widget.NewCard(i18n.T("account.title"), "", container.NewVBox(p.who))}
	if p.hasUsers {
		form := widget.NewForm(
			widget.NewFormItem(i18n.T("account.current_password"), p.oldPw),
			widget.NewFormItem(i18n.T("account.new_password"), p.newPw),
			widget.NewFormItem(i18n.T("users.password_again"), p.newPw2))
		content = append(content,
			widget.NewCard(i18n.T("account.change_password"), i18n.T("account.password_hint"), container.NewVBox(form, container.NewHBox(p.changePw))),
			container.NewHBox(p.signOut))
	}
	p.accountBox = container.NewVBox(content...)
	return container.NewVScroll(p.accountBox)
}

func (p *accessPanel) changePassword() {
	s := p.shell
	if p.newPw.Text != p.newPw2.Text {
		s.showError(domain.NewProblem("problem.users.password_mismatch", "The two passwords differ; type the same password twice."))
		return
	}
	if err := s.svc.Accounts.ChangePassword(s.ctx, s.actor, p.oldPw.Text, p.newPw.Text); err != nil {
		s.showError(err)
		return
	}
	p.oldPw.SetText("")
	p.newPw.SetText("")
	p.newPw2.SetText("")
	dialog.ShowInformation(i18n.T("account.change_password"), i18n.T("account.password_changed"), s.win)
}

func (p *accessPanel) usersTab() fyne.CanvasObject {
	p.userTable = kit.NewLabelTable(userColKeys, userColWidths, func() int { return len(p.users) }, p.userCell)
	p.userTable.OnSelected = func(id widget.TableCellID) { p.selectUser(id.Row) }
	p.login, p.name, p.userPw = widget.NewEntry(), widget.NewEntry(), widget.NewPasswordEntry()
	p.depts = newDeptPicker(p.shell)
	p.userPw.SetPlaceHolder(i18n.T("users.password_hint"))
	p.role = kit.NewSelect(roleLabels(), nil)
	p.role.PlaceHolder = i18n.T("evalui.choose")
	p.usersMsg = widget.NewLabel("")
	p.usersMsg.Wrapping = fyne.TextWrapWord
	p.add = widget.NewButtonWithIcon(i18n.T("users.add"), theme.ContentAddIcon(), p.addUser)
	p.save = widget.NewButtonWithIcon(i18n.T("action.save"), theme.DocumentSaveIcon(), p.saveUser)
	p.reset = widget.NewButtonWithIcon(i18n.T("users.reset_password"), theme.ViewRefreshIcon(), p.resetPassword)
	p.lock = widget.NewButtonWithIcon(i18n.T("users.lock"), theme.CancelIcon(), func() { p.setLocked(true) })
	p.unl = widget.NewButtonWithIcon(i18n.T("users.unlock"), theme.ConfirmIcon(), func() { p.setLocked(false) })
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("signin.login"), p.login),
		widget.NewFormItem(i18n.T("users.name"), p.name),
		widget.NewFormItem(i18n.T("col.role"), p.role),
		widget.NewFormItem(i18n.T("col.departments"), p.depts.root),
		widget.NewFormItem(i18n.T("signin.password"), p.userPw))
	buttons := container.NewHBox(p.add, p.save, p.reset, p.lock, p.unl)
	hint := i18n.T("users.hint")
	if !p.hasUsers {
		hint = i18n.T("users.hint_first")
	}
	top := widget.NewCard(i18n.T("settings.tab.users"), hint, container.NewGridWrap(fyne.NewSize(760, 220), p.userTable))
	return container.NewVScroll(container.NewVBox(top, widget.NewCard(i18n.T("users.edit"), "", container.NewVBox(form, buttons, p.usersMsg))))
}

func (p *accessPanel) userCell(r, c int) (string, fyne.TextAlign) {
	u := p.users[r]
	switch c {
	case 0:
		return u.Login, fyne.TextAlignLeading
	case 1:
		return u.Name, fyne.TextAlignLeading
	case 2:
		return i18n.T("role." + string(u.Role)), fyne.TextAlignLeading
	case 3:
		return strings.Join(u.Departments, ", "), fyne.TextAlignLeading
	}
	switch {
	case u.Disabled:
		return i18n.T("users.state.locked"), fyne.TextAlignLeading
	case time.Now().Before(u.LockedUntil):
		return i18n.T("users.state.locked_until", "Until", u.LockedUntil.Local().Format("15:04")), fyne.TextAlignLeading
	}
	return "", fyne.TextAlignLeading
}

func (p *accessPanel) refreshUsers() {
	if p.userTable == nil {
		return
	}
	s := p.shell
	us, err := s.svc.Accounts.Users(s.ctx, s.actor)
	if err != nil {
		p.usersMsg.SetText(i18n.Message(err))
		return
	}
	p.users = us
	p.userTable.Refresh()
}

func (p *accessPanel) selectUser(row int) {
	if row < 0 || row >= len(p.users) {
		return
	}
	p.selected = row
	u := p.users[row]
	p.login.SetText(u.Login)
	p.name.SetText(u.Name)
	p.role.SetSelected(i18n.T("role." + string(u.Role)))
	p.depts.set(u.Departments)
	p.userPw.SetText("")
}

// done reports the outcome of a users action below the form.
func (p *accessPanel) done(err error, okKey string) {
	if err != nil {
		p.usersMsg.Importance = widget.DangerImportance
		p.usersMsg.SetText(i18n.Message(err))
		return
	}
	p.usersMsg.Importance = widget.SuccessImportance
	p.usersMsg.SetText(i18n.T(okKey, "Login", strings.TrimSpace(p.login.Text)))
	p.userPw.SetText("")
	p.refreshUsers()
	p.refreshAudit()
}

// addUser adds the user typed. The first user ends the session of the
// built-in administrator: that is said before (a confirmation) and after
// (on the sign-in screen).
func (p *accessPanel) addUser() {
	s := p.shell
	if p.hasUsers {
		p.done(p.insertUser(), "cli.users.added")
		return
	}
	login := strings.TrimSpace(p.login.Text)
	kit.ConfirmAction(s.win, i18n.T("users.first_title"), i18n.T("users.first_confirm", "Login", login), i18n.T("users.first_do"), func() {
		if err := p.insertUser(); err != nil {
			p.done(err, "cli.users.added")
			return
		}
		p.done(nil, "cli.users.added")
		if s.needsSignIn() && s.signIn != nil {
			s.signIn.message.Importance = widget.MediumImportance
			s.signIn.message.SetText(i18n.T("users.first_after", "Login", login))
			s.signIn.login.SetText(login)
		}
	})
}

func (p *accessPanel) insertUser() error {
	s := p.shell
	return s.svc.Accounts.AddUser(s.ctx, s.actor, users.NewUser{Login: p.login.Text, Name: p.name.Text,
		Role: roleOfLabel(p.role.Selected), Departments: p.depts.codes, Password: p.userPw.Text})
}

func (p *accessPanel) saveUser() {
	s := p.shell
	err := s.svc.Accounts.UpdateUser(s.ctx, s.actor, strings.TrimSpace(p.login.Text), p.name.Text, roleOfLabel(p.role.Selected), p.depts.codes)
	p.done(err, "cli.users.changed")
}

func (p *accessPanel) resetPassword() {
	s := p.shell
	p.done(s.svc.Accounts.ResetPassword(s.ctx, s.actor, strings.TrimSpace(p.login.Text), p.userPw.Text), "cli.users.password_reset")
}

func (p *accessPanel) setLocked(lock bool) {
	s := p.shell
	key := "cli.users.unlocked"
	if lock {
		key = "cli.users.locked"
	}
	p.done(s.svc.Accounts.SetLocked(s.ctx, s.actor, strings.TrimSpace(p.login.Text), lock), key)
}
