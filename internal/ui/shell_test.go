package ui

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	_ "modernc.org/sqlite"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The dashboard shows exactly the store's figures, in Chinese.
func TestDashboardShowsTheStoreFigures(t *testing.T) {
	path := demoDB(t, 2026)
	s, _ := startApp(t, path, "zh")
	o, err := s.svc.Execution.Execution(context.Background(), domain.LocalUser, 2026, 0)
	if err != nil {
		t.Fatal(err)
	}
	if o.Month != 9 {
		t.Fatalf("demo actuals run through month %d, want 9", o.Month)
	}
	d := s.dashboard
	if got, want := d.budget.Value(), kit.Wan(o.Total.Expenditure.Budget); got != want {
		t.Errorf("budget card %q, want %q", got, want)
	}
	if got, want := d.actual.Value(), kit.Wan(o.Total.Expenditure.Actual); got != want {
		t.Errorf("actual card %q, want %q", got, want)
	}
	if got, want := d.rate.Value(), i18n.Percent(o.Total.Expenditure.ExecutionRate()); got != want {
		t.Errorf("rate card %q, want %q", got, want)
	}
	if !hasText(d.rate.Root, "序时进度 75.0%") {
		t.Errorf("rate card does not show the time progress: %q", texts(d.rate.Root))
	}
	content := s.win.Content()
	for _, want := range []string{"总览", "设置", "支出预算", "执行最慢的科室", "滨江"} {
		if !hasText(content, want) {
			t.Errorf("the window does not show %q", want)
		}
	}
	behind := o.FurthestBehind(5)
	if len(behind) == 0 || !hasText(d.behind, behind[0].Name) {
		t.Errorf("furthest-behind list %q does not name %v", texts(d.behind), behind)
	}
	if rows, _ := d.table.table.Length(); rows != len(o.Departments)+1 {
		t.Errorf("table has %d rows, want %d departments + total", rows, len(o.Departments))
	}
	if text, _, _ := d.table.cell(0, colActual); text != kit.Wan(o.Total.Expenditure.Actual) {
		t.Errorf("totals row shows %q", text)
	}
	// Revenue, expenditure and their balance, never one sum; the demo's
	// deficit is warned of.
	bal := o.Total.Revenue.Budget - o.Total.Expenditure.Budget
	if !hasText(d.balance, "收支差额 "+money.FormatPlain(bal)) || !hasText(d.balance, "收不抵支") || !d.balance.Visible() {
		t.Errorf("balance line %q", d.balance.Text)
	}
}

// Tapping a column header sorts the departments by it.
func TestDepartmentTableSortsByHeader(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	tb := s.dashboard.table
	tb.sortBy(colRatio)
	for i := 1; i < len(tb.rows); i++ {
		if tb.rows[i-1].Expenditure.Ratio > tb.rows[i].Expenditure.Ratio {
			t.Fatalf("after sorting by ratio row %d (%.3f) > row %d (%.3f)", i-1, tb.rows[i-1].Expenditure.Ratio, i, tb.rows[i].Expenditure.Ratio)
		}
	}
	tb.sortBy(colRatio)
	if tb.rows[0].Expenditure.Ratio < tb.rows[len(tb.rows)-1].Expenditure.Ratio {
		t.Error("a second tap did not reverse the order")
	}
}

// On an empty database the first launch offers the demo hospital; accepting loads it.
func TestFirstLaunchOffersTheDemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	s, _ := startApp(t, path, "zh")
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog offers the demo hospital")
	}
	load := findButton(top, "载入示范医院")
	if load == nil {
		t.Fatalf("the dialog has no load button: %q", texts(top))
	}
	test.Tap(load)
	empty, err := s.svc.Master.IsEmpty(context.Background(), domain.LocalUser)
	if err != nil || empty {
		t.Fatalf("after accepting, the database is still empty (%v)", err)
	}
	if s.dashboard.budget.Value() == kit.Wan(0) {
		t.Error("the dashboard still shows a zero budget after loading the demo")
	}
}

// A database with a hospital does not get the offer.
func TestNoDemoOfferOnAFilledDatabase(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog appeared on a filled database: %q", texts(top))
	}
}

// Choosing English in Settings switches the window at once and is remembered.
func TestSwitchLanguageInSettings(t *testing.T) {
	s, a := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionSettings)
	s.settings.language.SetSelected("English")
	if i18n.Current() != i18n.English {
		t.Fatalf("language is %q after choosing English", i18n.Current())
	}
	if !hasText(s.win.Content(), "Dashboard") || hasText(s.win.Content(), "总览") {
		t.Errorf("navigation not in English: %q", texts(s.nav))
	}
	if got := a.Preferences().String(prefLanguage); got != "en" {
		t.Errorf("remembered language %q", got)
	}
	if s.section != SectionSettings {
		t.Errorf("switching language left Settings for %q", s.section)
	}
	s.settings.language.SetSelected("简体中文")
	if !hasText(s.win.Content(), "总览") {
		t.Error("switching back to Chinese did not take effect")
	}
}

// A database from a newer version is explained, not opened.
func TestNewerDatabaseIsExplained(t *testing.T) {
	path := demoDB(t, 2026)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future.sql', 'x')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, _ := startApp(t, path, "en")
	if s.svc != nil {
		t.Fatal("a newer database was opened")
	}
	if !hasText(s.win.Content(), "newer version of BudgetPerf") {
		t.Errorf("the window does not explain the refusal: %q", texts(s.win.Content()))
	}
	if findButton(s.win.Content(), "Open another database…") == nil {
		t.Error("no way to open another database is offered")
	}
}

// Saving the hospital name in Settings shows it in the header.
func TestHospitalNameFromSettings(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionSettings)
	s.settings.hospitalName.SetText("")
	test.Type(s.settings.hospitalName, "江城妇幼")
	test.Tap(s.settings.saveName)
	if s.hospital.Text != "江城妇幼" {
		t.Errorf("header shows %q", s.hospital.Text)
	}
	svc, err := services.Open(context.Background(), s.svc.Store.Path())
	if err == nil {
		name, _ := svc.Master.HospitalName(context.Background(), domain.LocalUser)
		svc.Close()
		if name != "江城妇幼" {
			t.Errorf("stored name %q", name)
		}
	}
}

// Tapping a department on the dashboard opens it in the Execution screen.
func TestDepartmentFromTheDashboardOpensExecution(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	behind := s.dashboard.ex.FurthestBehind(1)[0]
	link := findButton(s.dashboard.behind, s.dashboard.behind.Objects[0].(*widget.Button).Text)
	test.Tap(link)
	e := s.execution
	if s.section != SectionExecution || e.dept != behind.Code {
		t.Fatalf("section %s, department %q; want %s in Execution", s.section, e.dept, behind.Code)
	}
	if !hasText(e.crumbs, behind.Name) || !hasText(e.summary, behind.Name) {
		t.Errorf("the Execution screen does not name %s: %q", behind.Name, e.summary.Text)
	}
	var budget, actual money.Amount
	for _, sx := range behind.Subjects {
		if sx.Kind == domain.Expenditure {
			budget += sx.Budget
			actual += sx.Actual
		}
	}
	if budget != behind.Expenditure.Budget || actual != behind.Expenditure.Actual {
		t.Errorf("subjects sum to %d/%d, the department says %d/%d", budget, actual, behind.Expenditure.Budget, behind.Expenditure.Actual)
	}
}
