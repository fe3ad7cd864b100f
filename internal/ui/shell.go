package ui

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/ui/evalui"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/ui/payui"
	"github.com/budgetperf/budgetperf/internal/ui/prep"
)

// Section names of the navigation; a section appears once it works.
const (
	SectionDashboard  = "dashboard"
	SectionBudget     = "budget"
	SectionExecution  = "execution"
	SectionIndicators = "indicators"
	SectionEvaluation = "evaluation"
	SectionBonus      = "bonus"
	SectionReports    = "reports"
	SectionImport     = "import"
	SectionSettings   = "settings"
)

var sections = []string{SectionDashboard, SectionBudget, SectionExecution, SectionIndicators, SectionEvaluation, SectionBonus, SectionReports, SectionImport, SectionSettings}

// Shell is the main window: navigation on the left, the hospital and year
// always visible on top, the current screen in the middle.
type Shell struct {
	app   fyne.App
	win   fyne.Window
	opts  Options
	actor domain.Actor
	ctx   context.Context

	svc     *services.Services
	openErr error
	// server is the server address awaiting or holding a sign-in
	// (shell_server.go); "" for a database file.
	server string
	// warnedDamaged is the database whose failed daily check was shown (warnDamaged).
	warnedDamaged string
	year          int
	section       string

	nav        *widget.List
	yearSelect *widget.Select
	hospital   *widget.Label
	who        *widget.Label  // the signed-in user and role, in the header
	signOutBtn *widget.Button // 退出登录 beside it
	changedBtn *widget.Button // another PC saved a change: refresh (shell_server.go)
	header     *fyne.Container
	body       *fyne.Container

	dashboard  *Dashboard
	prep       *prep.Screen
	execution  *ExecutionScreen
	indicators *evalui.IndicatorsScreen
	evaluation *evalui.EvaluationScreen
	bonus      *payui.BonusScreen
	reports    *ReportsScreen
	importer   *ImportScreen
	settings   *SettingsScreen

	// signIn is the sign-in screen while nobody is signed in (issue 10);
	// access is the users and audit tabs of Settings.
	signIn *SignInScreen
	access *accessPanel

	// restoreDone is called when a restore from the open-failed screen
	// finished (tests wait on it).
	restoreDone func(error)

	// runs is the one runner of background work (shell_runner.go).
	runs *runner
}

// NewShell makes the shell inside win; call Open to attach a database.
func NewShell(a fyne.App, win fyne.Window, opts Options) *Shell {
	s := &Shell{app: a, win: win, opts: opts, actor: domain.LocalUser, ctx: context.Background(),
		section: SectionDashboard, year: time.Now().Year()}
	s.runs = newRunner(s)
	win.SetOnClosed(func() {
		if s.prep != nil && s.svc != nil {
			s.prep.Flush() // nothing typed is lost when the window closes
			s.evaluation.SaveAll()
		}
		if s.svc != nil {
			s.svc.Close()
		}
	})
	return s
}

// DatabasePath is the file the shell opens when none is given: the
// command line's, else the one remembered in Settings, else the default.
func (s *Shell) DatabasePath() string {
	if s.opts.DBPath != "" {
		return s.opts.DBPath
	}
	if p := s.app.Preferences().String(prefDatabase); p != "" {
		return p
	}
	p, err := store.DefaultPath()
	if err != nil {
		return "budgetperf.db"
	}
	return p
}

// Open attaches the database at path, replacing the current one. On
// failure the previous database stays open, and when there is none the
// window explains what went wrong.
func (s *Shell) Open(path string) error {
	s.server = ""
	if store.IsServer(path) && !store.HasLogin(path) {
		s.awaitServerLogin(path)
		return nil
	}
	if store.IsServer(path) { // given with its login (--db on the command line)
		err := s.openServerAs(path, path)
		if err != nil && s.svc == nil {
			s.openErr = err
			s.Rebuild()
		}
		return err
	}
	svc, err := services.Open(s.ctx, path)
	if err != nil {
		if s.svc == nil {
			s.openErr = err
			s.Rebuild()
		}
		return err
	}
	if s.svc != nil {
		s.svc.Close()
	}
	s.svc, s.openErr = svc, nil
	s.startDailyCheck()
	if s.needsSignIn() {
		return nil
	}
	s.year = s.defaultYear()
	s.Rebuild()
	return nil
}

// Services is the open database, nil when none could be opened.
func (s *Shell) Services() *services.Services { return s.svc }

// defaultYear is the year the window opens on: the calendar year. Only
// when it has no budget yet (January, before the new budget is in) does
// the window open on the newest earlier year with one; a later year's
// budget (the next year, prepared or imported ahead) never takes its place.
func (s *Shell) defaultYear() int {
	return kit.OpeningYear(time.Now().Year(), func() ([]int, error) { return s.svc.Budgets.Years(s.ctx, s.actor) })
}

// Rebuild recreates every screen, e.g. after the language changed.
func (s *Shell) Rebuild() {
	if s.svc == nil && s.server != "" {
		s.awaitServerLogin(s.server)
		return
	}
	if s.svc == nil {
		s.win.SetContent(s.openFailedScreen())
		return
	}
	if !s.actor.Valid() && s.needsSignIn() { // nobody signed in yet: show no data
		return
	}
	s.dashboard = newDashboard(s)
	s.prep = prep.NewScreen(s)
	s.execution = newExecutionScreen(s)
	s.indicators = evalui.NewIndicatorsScreen(s)
	s.evaluation = evalui.NewEvaluationScreen(s)
	s.bonus = payui.NewScreen(s)
	s.reports = newReportsScreen(s)
	s.settings = newSettingsScreen(s)
	s.importer = newImportScreen(s)
	s.hospital = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.yearSelect = kit.NewSelect(nil, func(v string) {
		if y, err := strconv.Atoi(v); err == nil && y != s.year {
			s.setYear(y)
		}
	})
	s.nav = widget.NewList(func() int { return len(sections) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Budget preparation"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(sectionIcon(sections[id]))
			box.Objects[1].(*widget.Label).SetText(i18n.T("nav." + sections[id]))
		})
	s.nav.OnSelected = func(id widget.ListItemID) { s.Show(sections[id]) }
	s.body = container.NewStack()
	s.who = widget.NewLabel("")
	s.signOutBtn = widget.NewButtonWithIcon(i18n.T("account.sign_out"), theme.LogoutIcon(), s.signOut)
	s.changedBtn = widget.NewButtonWithIcon(i18n.T("server.changed"), theme.ViewRefreshIcon(), func() {
		s.changedBtn.Hide()
		s.refresh()
	})
	s.changedBtn.Importance = widget.WarningImportance
	s.changedBtn.Hide()
	s.header = container.NewHBox(s.hospital, layout.NewSpacer(), s.changedBtn, s.who, s.signOutBtn, widget.NewLabel(i18n.T("shell.year")), s.yearSelect)
	top := s.header
	main := container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, s.body)
	split := container.NewHSplit(s.nav, main)
	split.Offset = 0.16
	s.win.SetContent(kit.WithTips(s.win.Canvas(), split))
	s.refresh()
	s.nav.Select(indexOf(sections, s.section))
	s.offerPendingRestore()
	s.warnDamaged()
}

// Show switches to a section.
func (s *Shell) Show(section string) {
	if s.prep != nil && section != SectionBudget {
		s.prep.Flush()
	}
	if s.evaluation != nil && section != SectionEvaluation {
		s.evaluation.SaveAll()
	}
	s.section = section
	switch section {
	case SectionBudget:
		s.body.Objects = []fyne.CanvasObject{s.prep.Root}
	case SectionExecution:
		s.body.Objects = []fyne.CanvasObject{s.execution.root}
	case SectionIndicators:
		s.body.Objects = []fyne.CanvasObject{s.indicators.Root}
	case SectionEvaluation:
		s.body.Objects = []fyne.CanvasObject{s.evaluation.Root}
	case SectionBonus:
		s.body.Objects = []fyne.CanvasObject{s.bonus.Root}
	case SectionReports:
		s.body.Objects = []fyne.CanvasObject{s.reports.root}
	case SectionSettings:
		s.body.Objects = []fyne.CanvasObject{s.settings.root}
	case SectionImport:
		s.body.Objects = []fyne.CanvasObject{s.importer.root}
	default:
		s.body.Objects = []fyne.CanvasObject{s.dashboard.root}
	}
	s.body.Refresh()
}

// refresh reloads the year list, the hospital name and the screens.
func (s *Shell) refresh() {
	name, _ := s.svc.Master.HospitalDisplayName(s.ctx, s.actor, i18n.Current())
	if name == "" {
		name = i18n.T("shell.no_hospital")
	}
	s.hospital.SetText(name)
	s.showWho()
	years, _ := s.svc.Budgets.Years(s.ctx, s.actor)
	opts := []string{}
	seen := map[int]bool{}
	// The next calendar year is offered for its budget preparation.
	for _, y := range append(years, time.Now().Year()+1, time.Now().Year(), s.year) {
		if !seen[y] {
			seen[y] = true
			opts = append(opts, strconv.Itoa(y))
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(opts)))
	s.yearSelect.SetOptions(opts)
	s.yearSelect.SetSelected(strconv.Itoa(s.year))
	s.dashboard.Refresh()
	s.prep.Refresh()
	s.execution.Refresh()
	s.indicators.Refresh()
	s.evaluation.Refresh()
	s.bonus.Refresh()
	s.reports.Refresh()
	s.settings.Refresh()
}

// setYear switches the whole window to year.
func (s *Shell) setYear(year int) {
	if s.prep != nil {
		s.prep.Flush()
	}
	s.year = year
	s.refresh()
}

// showError reports err in the user's language.
func (s *Shell) showError(err error) {
	dialog.ShowError(errors.New(i18n.Message(err)), s.win)
}

// showSaveError says why a save dialog could not create the chosen file,
// rather than closing as if nothing had been asked.
func (s *Shell) showSaveError(err error) {
	dialog.ShowError(errors.New(i18n.T("file.save_failed", "Err", err.Error())), s.win)
}

func sectionIcon(section string) fyne.Resource {
	switch section {
	case SectionSettings:
		return theme.SettingsIcon()
	case SectionImport:
		return theme.DownloadIcon()
	case SectionBudget:
		return theme.DocumentCreateIcon()
	case SectionExecution:
		return theme.GridIcon()
	case SectionIndicators:
		return theme.ListIcon()
	case SectionEvaluation:
		return theme.ConfirmIcon()
	case SectionBonus:
		return theme.AccountIcon()
	case SectionReports:
		return theme.DocumentPrintIcon()
	}
	return theme.HomeIcon()
}

func indexOf(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return 0
}
