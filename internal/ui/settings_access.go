package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/audit"
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

func (p *accessPanel) auditTab() fyne.CanvasObject {
	all := i18n.T("audit.all")
	entities := []string{all}
	for _, e := range logbook.Entities {
		entities = append(entities, i18n.T("audit.entity."+e))
	}
	p.entity = kit.NewSelect(entities, func(string) { p.refreshAudit() })
	p.entity.SetSelectedIndex(0)
	p.user, p.key, p.from, p.to = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	p.user.SetPlaceHolder(i18n.T("col.audit.user"))
	p.key.SetPlaceHolder(i18n.T("audit.key_hint"))
	p.from.SetPlaceHolder(i18n.T("audit.from"))
	p.to.SetPlaceHolder(i18n.T("audit.to"))
	for _, e := range []*widget.Entry{p.user, p.key, p.from, p.to} {
		e.OnSubmitted = func(string) { p.refreshAudit() }
	}
	p.auditMsg = widget.NewLabel("")
	p.auditMsg.Wrapping = fyne.TextWrapWord
	p.apply = widget.NewButtonWithIcon(i18n.T("audit.apply"), theme.SearchIcon(), p.refreshAudit)
	p.verify = widget.NewButtonWithIcon(i18n.T("audit.verify"), theme.ConfirmIcon(), p.verifyChain)
	p.export = widget.NewButtonWithIcon(i18n.T("audit.export"), theme.DocumentSaveIcon(), func() {
		p.shell.saveFile("audit.xlsx", ".xlsx", p.exportTo)
	})
	p.auditTable = kit.NewLabelTable(auditColKeys, auditColWidths, func() int { return len(p.entries) }, p.auditCell)
	p.auditTable.OnSelected = func(id widget.TableCellID) { // the whole entry: a reason is long
		p.auditTable.UnselectAll()
		if id.Row >= 0 && id.Row < len(p.entries) {
			kit.ShowRow(p.shell.win, i18n.T("audit.entry_title", "Seq", p.entries[id.Row].Seq), auditColKeys, id.Row, p.auditCell)
		}
	}
	filters := container.NewGridWithColumns(5, p.entity, p.user, p.key, p.from, p.to)
	buttons := container.NewHBox(p.apply, p.verify, p.export)
	if permission.Allowed(p.shell.actor.Role, permission.BackupRestore) {
		buttons.Add(layout.NewSpacer())
		buttons.Add(widget.NewButtonWithIcon(i18n.T("audit.key_export"), theme.UploadIcon(), func() {
			p.shell.saveFile("budgetperf-audit.key", ".key", p.exportKey)
		}))
		buttons.Add(widget.NewButtonWithIcon(i18n.T("audit.key_import"), theme.DownloadIcon(), func() {
			p.shell.chooseFile([]string{".key"}, p.importKey)
		}))
	}
	top := container.NewVBox(filters, buttons, p.auditMsg)
	return container.NewBorder(top, nil, nil, nil, p.auditTable)
}

func (p *accessPanel) auditCell(r, c int) (string, fyne.TextAlign) {
	e := p.entries[r]
	switch c {
	case 0:
		return strconv.FormatInt(e.Seq, 10), fyne.TextAlignTrailing
	case 1:
		return i18n.Time(e.At), fyne.TextAlignLeading
	case 2:
		return i18n.UserName(e.Login), fyne.TextAlignLeading
	case 3:
		return i18n.T("audit.entity." + e.Entity), fyne.TextAlignLeading
	case 4:
		return i18n.EntityKeyText(e.EntityKey), fyne.TextAlignLeading
	case 5:
		return i18n.FieldName(e.Entity, e.Field), fyne.TextAlignLeading
	case 6:
		return auditValue(e.Entity, e.Field, e.Old)
	case 7:
		return auditValue(e.Entity, e.Field, e.New)
	}
	return i18n.ReasonText(e.Reason), fyne.TextAlignLeading
}

// auditValue is a value cell: amounts align right, words left.
func auditValue(entity, field, v string) (string, fyne.TextAlign) {
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return v, fyne.TextAlignTrailing
	}
	return i18n.AuditValue(entity, field, v), fyne.TextAlignLeading
}

// filter reads the filter fields; a date that does not parse is a problem.
func (p *accessPanel) filter() (audit.Filter, error) {
	f := audit.Filter{Login: strings.TrimSpace(p.user.Text), EntityKey: i18n.StoredEntityKey(strings.TrimSpace(p.key.Text))}
	if f.Login == i18n.UserName(domain.LocalUser.Login) {
		f.Login = domain.LocalUser.Login // the built-in user is shown by name
	}
	if i := p.entity.SelectedIndex(); i > 0 {
		f.Entity = logbook.Entities[i-1]
	}
	day := func(s string) (time.Time, error) {
		t, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), time.Local)
		if err != nil {
			return t, domain.NewProblem("problem.audit.bad_date", "{{.Date}} is not a date; write it as YYYY-MM-DD.", "Date", s)
		}
		return t, nil
	}
	var err error
	if strings.TrimSpace(p.from.Text) != "" {
		if f.From, err = day(p.from.Text); err != nil {
			return f, err
		}
	}
	if strings.TrimSpace(p.to.Text) != "" {
		if f.To, err = day(p.to.Text); err != nil {
			return f, err
		}
		f.To = f.To.AddDate(0, 0, 1)
	}
	return f, nil
}

func (p *accessPanel) refreshAudit() {
	if p.auditTable == nil {
		return
	}
	s := p.shell
	f, err := p.filter()
	if err == nil {
		p.entries, err = s.svc.Audit.List(s.ctx, s.actor, f)
	}
	p.auditMsg.Importance = widget.MediumImportance
	if err != nil {
		p.auditMsg.Importance = widget.DangerImportance
		p.auditMsg.SetText(i18n.Message(err))
		p.entries = nil
	} else {
		p.auditMsg.SetText(i18n.T("audit.count", "Count", len(p.entries)))
	}
	// Newest first: the change just made is at the top.
	for i, j := 0, len(p.entries)-1; i < j; i, j = i+1, j-1 {
		p.entries[i], p.entries[j] = p.entries[j], p.entries[i]
	}
	p.auditTable.Refresh()
}

func (p *accessPanel) verifyChain() {
	s := p.shell
	// It reads every row of the trail: in the background.
	failed := func(err error) {
		p.auditMsg.Importance = widget.DangerImportance
		p.auditMsg.SetText(verifyText(err))
	}
	run(s, kit.Job{Title: i18n.T("run.verifying"), Key: "audit.verify", Failed: failed}, func(ctx context.Context, _ kit.Progress) (logbook.Result, error) {
		return s.svc.Audit.Verify(ctx, s.actor)
	}, func(r logbook.Result) {
		p.auditMsg.Importance = widget.SuccessImportance
		p.auditMsg.SetText(i18n.T("cli.audit.verified", "Rows", r.Rows, "Head", r.Head.String()))
	})
}

// exportKey writes this PC's audit key for another PC that must verify
// the rows sealed here.
func (p *accessPanel) exportKey(path string) {
	s := p.shell
	id, err := s.svc.Audit.ExportKey(s.ctx, s.actor, path)
	if err != nil {
		s.showError(err)
		return
	}
	p.auditMsg.Importance = widget.SuccessImportance
	p.auditMsg.SetText(i18n.T("cli.audit.key_exported", "Key", id, "Path", path))
}

// importKey adds a key exported on another PC, then verifies again.
func (p *accessPanel) importKey(path string) {
	s := p.shell
	id, err := s.svc.Audit.ImportKey(s.ctx, s.actor, path)
	if err != nil {
		s.showError(err)
		return
	}
	p.verifyChain()
	if p.auditMsg.Importance == widget.SuccessImportance {
		p.auditMsg.SetText(i18n.T("cli.audit.key_imported", "Key", id, "Path", path) + "\n" + p.auditMsg.Text)
	}
}

// verifyShown is how many of verify's problems the panel lists; the
// command line lists them all.
const verifyShown = 10

// verifyText is verify's problems, one a line, the first verifyShown of them.
func verifyText(err error) string {
	lines := i18n.Lines(err)
	if len(lines) > verifyShown {
		more := i18n.T("audit.verify_more", "Count", len(lines)-verifyShown)
		lines = append(lines[:verifyShown], more)
	}
	return strings.Join(lines, "\n")
}

func (p *accessPanel) exportTo(path string) {
	s := p.shell
	f, err := p.filter()
	if err != nil {
		s.showError(err)
		return
	}
	headers := make([]string, 0, len(auditColKeys)+1)
	for _, k := range auditColKeys {
		headers = append(headers, i18n.T(k))
	}
	headers = append(headers, i18n.T("col.audit.hash"))
	run(s, kit.Job{Title: i18n.T("run.exporting"), Key: "export"}, func(ctx context.Context, _ kit.Progress) (int, error) {
		return s.svc.Audit.Export(ctx, s.actor, f, headers, path, i18n.T)
	}, func(n int) {
		p.auditMsg.Importance = widget.SuccessImportance
		p.auditMsg.SetText(i18n.T("cli.audit.exported", "Rows", n, "Path", path))
	})
}
