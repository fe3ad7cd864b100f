package ui

import (
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

	"github.com/budgetperf/budgetperf/internal/access"
	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
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
			if err != nil || w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			done(path)
		}, s.win)
		d.SetFileName(name)
		d.SetFilter(storage.NewExtensionFileFilter([]string{backup.Ext}))
		d.Show()
	}
	p.pickOpen = func(done func(string)) { s.chooseFile([]string{backup.Ext, ".db"}, done) }

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
	p.limit = widget.NewSelect(choices, nil)
	p.retention = widget.NewLabel("")
	p.retention.Wrapping = fyne.TextWrapWord
	p.autoList = container.NewVBox()
	p.autoError = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.autoError.Importance = widget.DangerImportance
	p.autoError.Wrapping = fyne.TextWrapWord
	p.autoError.Hide()

	copyHint := widget.NewLabel(i18n.T("backup.copy"))
	copyHint.Wrapping = fyne.TextWrapWord
	keepRow := container.NewHBox(widget.NewLabel(i18n.T("backup.limit")), p.limit)
	p.root = container.NewVBox(
		widget.NewCard(i18n.T("backup.card"), i18n.T("backup.card.hint"), container.NewVBox(
			p.folders,
			container.NewHBox(p.backupNow, p.restore),
			copyHint,
		)),
		widget.NewCard(i18n.T("backup.auto"), i18n.T("backup.auto.hint"), container.NewVBox(
			p.retention,
			container.NewBorder(nil, nil, keepRow, p.openFolder),
			p.autoError,
			p.autoList,
		)),
	)
	return p
}

// refresh shows the folders, the retention and the automatic backups.
func (p *backupPanel) refresh() {
	s := p.shell
	if s.svc == nil {
		return
	}
	path := s.svc.Store.Path()
	p.folders.SetText(i18n.T("backup.folders", "Dir", filepath.Dir(path), "Backups", backup.Dir(path)))
	p.showRetention()
	if err := s.svc.Store.AutoBackupError(); err != nil {
		p.autoError.SetText(i18n.T("backup.auto.failed", "Err", i18n.Message(err)))
		p.autoError.Show()
	} else {
		p.autoError.Hide()
	}
	list, err := backup.List(path)
	p.autoList.Objects = nil
	if err != nil {
		p.autoList.Add(widget.NewLabel(i18n.Message(err)))
	} else if len(list) == 0 {
		p.autoList.Add(widget.NewLabel(i18n.T("backup.auto.none")))
	}
	for _, b := range list {
		file := b.Path
		row := widget.NewLabel(i18n.T("backup.auto.row", "Time", b.Taken.Format("2006-01-02 15:04"),
			"Reason", i18n.T("backup.reason."+b.Reason), "Schema", b.Schema, "Size", backup.HumanSize(b.Size)))
		btn := widget.NewButtonWithIcon(i18n.T("backup.auto.restore"), theme.HistoryIcon(), func() { p.askRestore(file) })
		btn.Importance = widget.LowImportance
		p.autoList.Add(container.NewBorder(nil, nil, nil, btn, row))
	}
	p.autoList.Refresh()
}

// busy shows a modal progress dialog while work runs off the UI thread,
// then hands its result to finish on the UI thread.
func (p *backupPanel) busy(title string, work func() error, finish func(error)) {
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, bar, p.shell.win)
	d.Show()
	go func() {
		err := work()
		fyne.Do(func() {
			bar.Stop()
			d.Hide()
			finish(err)
			p.done(err)
		})
	}()
}

// backupTo writes a backup of the open database to path.
func (p *backupPanel) backupTo(path string) {
	s := p.shell
	var info backup.Info
	p.busy(i18n.T("backup.working"), func() error {
		var err error
		info, err = backup.Create(s.ctx, s.svc.Store, path)
		return err
	}, func(err error) {
		if err != nil {
			s.showError(err)
			return
		}
		dialog.ShowInformation(i18n.T("backup.done.title"), i18n.T("backup.done", "Path", info.Path, "Size", backup.HumanSize(info.Size)), s.win)
	})
}

// askRestore checks the chosen file first, so a wrong file is refused
// before anything is asked, then says what will be replaced and where the
// current file is kept.
func (p *backupPanel) askRestore(file string) {
	s := p.shell
	if err := access.Check(s.actor, access.BackupRestore, ""); err != nil {
		s.showError(err) // a restore replaces every budget and the audit trail
		return
	}
	info, err := backup.Check(s.ctx, file)
	if err != nil {
		s.showError(err)
		return
	}
	dbPath := s.svc.Store.Path()
	kept := store.KeptName(dbPath, time.Now())
	msg := widget.NewLabel(i18n.T("restore.confirm", "Backup", file, "Schema", info.Schema, "Path", dbPath, "Kept", kept))
	msg.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustomConfirm(i18n.T("restore.title"), i18n.T("restore.do"), i18n.T("action.cancel"), msg, func(ok bool) {
		if ok {
			p.restoreFrom(file, kept)
		}
	}, s.win)
	d.Resize(fyne.NewSize(640, 320))
	d.Show()
}

// restoreFrom closes the database (after saving what is being typed),
// replaces it and opens the restored one; on failure the old one is
// opened again, unchanged.
func (p *backupPanel) restoreFrom(file, kept string) {
	s := p.shell
	if s.prep != nil {
		s.prep.flush()
	}
	if s.evaluation != nil {
		s.evaluation.grid.saveAll()
	}
	dbPath := s.svc.Store.Path()
	s.svc.Close()
	s.svc = nil
	var res backup.Result
	p.busy(i18n.T("restore.working"), func() error {
		var err error
		res, err = backup.Restore(s.ctx, dbPath, file, kept)
		return err
	}, func(err error) {
		// Open rebuilds the window on the section shown (Settings), or shows
		// the open-failed screen when even this fails.
		openErr := s.Open(dbPath)
		switch {
		case err != nil:
			s.showError(err)
		case openErr != nil:
			s.showError(openErr)
		default:
			dialog.ShowInformation(i18n.T("restore.title"), i18n.T("restore.done", "Backup", file, "Kept", res.Kept), s.win)
		}
	})
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
			if err := backup.SetLimit(s.ctx, s.svc.Store, n); err != nil {
				s.showError(err)
			}
			p.showRetention()
		}
	}
}
