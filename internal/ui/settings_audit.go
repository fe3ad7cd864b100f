package ui

// The audit trail tab of Settings: the list with its filters, the check
// of the chain, export, and the audit keys moved between PCs.

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

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
