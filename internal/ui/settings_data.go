package ui

import (
	"context"
	"net/url"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// backupPanel is the backup and restore card of Settings › Data: where the
// data lives, a backup on demand, a restore with the replaced file kept,
// and the automatic backups with what is kept of them.
type backupPanel struct {
	shell *Shell
	root  fyne.CanvasObject

	folders    *widget.Label
	backupNow  *widget.Button
	restore    *widget.Button
	openFolder *widget.Button
	limit      *widget.Select
	retention  *widget.Label
	autoList   *fyne.Container
	autoError  *widget.Label
	daily      *widget.Label       // the day's check: running, or its backup
	fileOnly   []fyne.CanvasObject // what a server database has no use for
	// roleNote says why backup and restore are disabled for this user.
	roleNote *widget.Label

	// pickSave and pickOpen ask for a file; tests replace them to skip the
	// file dialogs.
	pickSave func(defaultName string, done func(path string))
	pickOpen func(done func(path string))
	// done is called when a backup or restore finished (tests wait on it).
	done func(err error)
}

// The panel of each settings screen; SettingsScreen is rebuilt with the
// shell, so one entry per shell is kept.
var (
	backupPanelsMu sync.Mutex
	backupPanels   = map[*Shell]*backupPanel{}
)

func (st *SettingsScreen) backupPanel() *backupPanel {
	backupPanelsMu.Lock()
	defer backupPanelsMu.Unlock()
	return backupPanels[st.shell]
}

// dataPanel holds backup and restore under the database card of Settings.
func (st *SettingsScreen) dataPanel() fyne.CanvasObject {
	p := newBackupPanel(st.shell)
	backupPanelsMu.Lock()
	backupPanels[st.shell] = p
	backupPanelsMu.Unlock()
	return p.root
}

// refreshData shows the current backups.
func (st *SettingsScreen) refreshData() {
	if p := st.backupPanel(); p != nil {
		p.refresh()
	}
}

func newBackupPanel(s *Shell) *backupPanel {
	p := &backupPanel{shell: s, done: func(error) {}}
	p.pickSave = func(name string, done func(string)) {
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
			done(path)
		}, s.win)
		d.SetFileName(name)
		d.SetFilter(storage.NewExtensionFileFilter([]string{backup.Ext}))
		kit.ShowFileDialog(s.win, d)
	}
	p.pickOpen = func(done func(string)) { s.chooseBackup(done) }

	p.folders = widget.NewLabel("")
	p.folders.Wrapping = fyne.TextWrapBreak
	p.backupNow = widget.NewButtonWithIcon(i18n.T("backup.now"), theme.DocumentSaveIcon(), func() {
		p.pickSave(backup.DefaultName(s.svc.Store.Path(), time.Now()), p.backupTo)
	})
	p.backupNow.Importance = widget.HighImportance
	p.restore = widget.NewButtonWithIcon(i18n.T("backup.restore"), theme.HistoryIcon(), func() { p.pickOpen(p.askRestore) })
	p.openFolder = widget.NewButtonWithIcon(i18n.T("backup.open_folder"), theme.FolderOpenIcon(), func() {
		dir := backup.Dir(s.svc.Store.Path())
		if u, err := url.Parse(storage.NewFileURI(dir).String()); err == nil {
			_ = s.app.OpenURL(u)
		}
	})
	var choices []string
	for _, n := range backup.LimitChoices {
		choices = append(choices, backup.HumanSize(n))
	}
	p.limit = kit.NewSelect(choices, nil)
	p.retention = widget.NewLabel("")
	p.retention.Wrapping = fyne.TextWrapWord
	p.autoList = container.NewVBox()
	p.autoError = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.autoError.Importance = widget.DangerImportance
	p.autoError.Wrapping = fyne.TextWrapWord
	p.autoError.Hide()
	p.daily = widget.NewLabel("")
	p.daily.Wrapping = fyne.TextWrapWord
	p.daily.Hide()

	p.roleNote = widget.NewLabel("")
	p.roleNote.Wrapping = fyne.TextWrapWord
	p.roleNote.Importance = widget.WarningImportance
	p.roleNote.Hide()

	copyHint := widget.NewLabel(i18n.T("backup.copy"))
	copyHint.Wrapping = fyne.TextWrapWord
	keepRow := container.NewHBox(widget.NewLabel(i18n.T("backup.limit")), p.limit)
	p.fileOnly = []fyne.CanvasObject{copyHint, keepRow, p.openFolder, p.retention}
	p.root = container.NewVBox(
		kit.HintCard(i18n.T("backup.card"), i18n.T(onServerKey(s, "backup.card.hint")), container.NewVBox(
			p.folders,
			container.NewHBox(p.backupNow, p.restore),
			p.roleNote,
			copyHint,
		)),
		kit.HintCard(i18n.T("backup.auto"), i18n.T(onServerKey(s, "backup.auto.hint")), container.NewVBox(
			p.retention,
			container.NewBorder(nil, nil, keepRow, p.openFolder),
			p.daily,
			p.autoError,
			p.autoList,
		)),
	)
	p.applyRole()
	return p
}

// allowed is nil when the signed-in user may back up and restore, else
// the refusal.
func (p *backupPanel) allowed() error {
	return permission.Check(p.shell.actor, permission.BackupRestore, "")
}

// applyRole disables backup and restore for everyone but an administrator
// and says why: a backup is the whole file, with the audit trail and
// every account. The services refuse them too.
func (p *backupPanel) applyRole() {
	err := p.allowed()
	if err == nil {
		p.roleNote.Hide()
		return
	}
	for _, b := range []*widget.Button{p.backupNow, p.restore, p.openFolder} {
		b.Disable()
	}
	p.limit.Disable() // the size limit decides which copies are kept: the administrator's too
	p.roleNote.SetText(i18n.T("backup.admin_only") + "\n" + i18n.Message(err))
	p.roleNote.Show()
}

// refresh shows the folders, the retention and the automatic backups.
func (p *backupPanel) refresh() {
	s := p.shell
	if s.svc == nil {
		return
	}
	path := s.svc.Store.Path()
	if s.svc.Store.Engine() == store.Postgres {
		p.showServer()
		return
	}
	p.folders.SetText(i18n.T("backup.folders", "Dir", filepath.Dir(path), "Backups", backup.Dir(path)))
	p.showRetention()
	p.showDaily()
	list, err := backup.List(path)
	p.autoList.Objects = nil
	if err != nil {
		p.autoList.Add(widget.NewLabel(i18n.Message(err)))
	} else if len(list) == 0 {
		p.autoList.Add(widget.NewLabel(i18n.T("backup.auto.none")))
	}
	for _, b := range list {
		file := b.Path
		row := widget.NewLabel(i18n.T("backup.auto.row", "Time", i18n.Time(b.Taken),
			"Reason", i18n.T("backup.reason."+b.Reason), "Schema", b.Schema, "Size", backup.HumanSize(b.Size)))
		btn := widget.NewButtonWithIcon(i18n.T("backup.auto.restore"), theme.HistoryIcon(), func() { p.askRestore(file) })
		btn.Importance = widget.LowImportance
		if p.allowed() != nil {
			btn.Disable()
		}
		p.autoList.Add(container.NewBorder(nil, nil, nil, btn, row))
	}
	p.autoList.Refresh()
}

// backupTo writes a backup of the open database to path.
func (p *backupPanel) backupTo(path string) {
	s := p.shell
	j := kit.Job{Title: i18n.T("backup.working"), Key: "backup", Always: p.done}
	run(s, j, func(ctx context.Context, _ kit.Progress) (backup.Info, error) {
		return backup.Create(ctx, s.svc.Store, s.actor, path)
	}, func(info backup.Info) {
		dialog.ShowInformation(i18n.T("backup.done.title"), i18n.T("backup.done", "Path", info.Path, "Size", backup.HumanSize(info.Size)), s.win)
	})
}

// askRestore checks the chosen file first, so a wrong file is refused
// before anything is asked, then says what will be replaced, where the
// current file is kept and what changes beyond the data (beginRestore).
func (p *backupPanel) askRestore(file string) {
	s := p.shell
	if err := permission.Check(s.actor, permission.BackupRestore, ""); err != nil {
		s.showError(err) // a restore replaces every budget and the audit trail
		return
	}
	if s.svc.Store.Engine() == store.Postgres {
		p.askRestoreServer(file)
		return
	}
	plan, err := backup.Inspect(s.ctx, s.svc.Store.Path(), file)
	if err != nil {
		s.showError(err)
		return
	}
	s.beginRestore(plan, func(req backup.Request) { s.runRestore(req, p.done) })
}

// showRetention shows what is kept of the automatic backups and offers
// the size limit.
func (p *backupPanel) showRetention() {
	s := p.shell
	r := backup.Retention(s.ctx, s.svc.Store)
	current := backup.HumanSize(r.MaxBytes)
	p.retention.SetText(i18n.T("backup.retention", "Daily", r.Daily, "Weekly", r.Weekly, "Monthly", r.Monthly, "Limit", current))
	p.limit.OnChanged = nil
	if !slices.Contains(p.limit.Options, current) { // set outside Settings
		p.limit.SetOptions(append([]string{current}, p.limit.Options...))
	}
	p.limit.SetSelected(current)
	p.limit.OnChanged = func(v string) {
		for _, n := range backup.LimitChoices {
			if backup.HumanSize(n) != v {
				continue
			}
			if err := backup.SetLimit(s.ctx, s.svc.Store, s.actor, n); err != nil {
				s.showError(err)
			}
			p.showRetention()
		}
	}
}

// showDaily says that the day's check runs in the background (it is
// started with the window, so a due one is about to run), then what it
// found: the day's backup, or a damaged database or failed backup.
func (p *backupPanel) showDaily() {
	st := p.shell.svc.Store.DailyCheckStatus()
	p.daily.Importance = widget.MediumImportance
	switch {
	case st.State == store.DailyDue || st.State == store.DailyRunning:
		p.daily.SetText(i18n.T("backup.daily.running"))
		p.daily.Importance = widget.WarningImportance
		p.daily.Show()
	case st.State == store.DailyDone && st.Err == nil:
		p.daily.SetText(i18n.T("backup.daily.ok", "Path", st.Backup))
		p.daily.Show()
	default:
		p.daily.Hide()
	}
	if st.Err != nil {
		p.autoError.SetText(i18n.T("backup.auto.failed", "Err", i18n.Message(st.Err)))
		p.autoError.Show()
	} else {
		p.autoError.Hide()
	}
	p.daily.Refresh()
}

// showServer says how a server database is backed up: to a file chosen
// here, from one consistent snapshot while the others keep working; the
// regular backups are the server's administrator's.
func (p *backupPanel) showServer() {
	p.folders.SetText(i18n.T("backup.server_where"))
	for _, o := range p.fileOnly {
		o.Hide()
	}
	p.daily.Hide()
	p.autoError.Hide()
	p.autoList.Objects = []fyne.CanvasObject{wrapped(i18n.T("backup.server_auto"))}
	p.autoList.Refresh()
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// askRestoreServer replaces the server database by a backup file after
// saying that every PC will see it; the connection is then made again.
func (p *backupPanel) askRestoreServer(file string) {
	s := p.shell
	if _, err := backup.Check(s.ctx, file); err != nil {
		s.showError(err)
		return
	}
	kit.ConfirmAction(s.win, i18n.T("backup.restore"), i18n.T("backup.server_restore_confirm", "File", file, "Server", s.svc.Store.Path()),
		i18n.T("backup.restore_action"), func() {
			j := kit.Job{Title: i18n.T("restore.title"), Key: "restore", Always: p.done}
			run(s, j, func(ctx context.Context, _ kit.Progress) (backup.MoveReport, error) {
				return backup.RestoreServer(ctx, s.svc.Store, s.actor, file)
			}, func(r backup.MoveReport) {
				dialog.ShowInformation(i18n.T("restore.title"), i18n.T("backup.server_restored", "File", file, "Tables", r.Tables, "Rows", r.Rows), s.win)
				s.awaitServerLogin(s.server) // the accounts may have changed with the data
			})
		})
}
