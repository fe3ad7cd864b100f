package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// prompt is how soon the UI thread must serve a callback while a job runs.
// A window frozen by the work would keep callbacks waiting for seconds; the
// margin above a frame or two is for the full test suite running packages
// in parallel on two cores, where the scheduler alone delays a callback.
const prompt = 400 * time.Millisecond

// uiLoop makes the test's goroutine the UI thread, as Fyne's main loop
// is: the runner posts progress and results to it (runs.post, fyne.Do in
// the program) and the loop runs them here, one at a time.
type uiLoop struct {
	queue chan func()
}

func newUILoop(s *Shell) *uiLoop {
	l := &uiLoop{queue: make(chan func(), 64)}
	s.runs.sync = false
	s.runs.post = func(f func()) { l.queue <- f }
	return l
}

// serve runs the UI thread until the job of key finished, while another
// goroutine posts a probe every 20 ms, as the system posts events; it
// fails when a probe waited longer than prompt, and says how many probes
// were served while the job ran.
func (l *uiLoop) serve(t *testing.T, s *Shell, key string) int {
	t.Helper()
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case sent := <-tick.C:
				probe := func() {
					if wait := time.Since(sent); wait > prompt {
						t.Errorf("a callback waited %v for the UI thread", wait)
					}
				}
				select {
				case l.queue <- probe:
				case <-stop:
					return
				}
			}
		}
	}()
	served := 0
	deadline := time.After(2 * time.Minute)
	for s.runs.busy(key) {
		select {
		case f := <-l.queue:
			f()
			served++
		case <-deadline:
			t.Fatalf("the job %q did not finish", key)
		}
	}
	return served
}

// start runs action on the UI thread and checks it returned at once,
// leaving the job of key running.
func start(t *testing.T, s *Shell, key string, action func()) {
	t.Helper()
	began := time.Now()
	action()
	if took := time.Since(began); took > prompt {
		t.Errorf("the action held the UI thread for %v", took)
	}
	if !s.runs.busy(key) {
		t.Fatalf("the job %q is not running in the background", key)
	}
	if s.runs.begin(key) {
		t.Errorf("a second %q started while the first runs", key)
	}
}

// writeStaffList writes a staff list of n people over the demo's
// departments, as bench/genstaff does.
func writeStaffList(t *testing.T, n int) string {
	t.Helper()
	var depts []string
	for _, d := range demo.Generate(2026).Departments {
		if d.Code != "000" && d.Headcount > 0 {
			depts = append(depts, d.Name)
		}
	}
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"科室", "工号", "姓名", "岗位", "岗位系数", "出勤天数", "应出勤天数"})
	for i := range n {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{depts[i%len(depts)], fmt.Sprintf("E%05d", i+1), fmt.Sprintf("职工%05d", i+1), "医师", 1 + float64(i%5)/10, 20 + i%3, 22}
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "staff.xlsx")
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// The staff import of 50,000 people runs through the runner: the UI
// thread serves every callback promptly while it runs, and the split
// appears when it is done.
func TestStaffImportOf50000KeepsTheWindowResponsive(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and imports 50,000 people")
	}
	path := writeStaffList(t, 50000)
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	res, err := s.svc.Bonus.Compute(s.ctx, s.actor, 2026, money.FromFen(1000000001), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.Bonus.Save(s.ctx, s.actor, res, ""); err != nil {
		t.Fatal(err)
	}
	s.setYear(2026)
	s.Show(SectionBonus)
	loop := newUILoop(s)

	start(t, s, "bonus.staff", func() { s.bonus.ImportStaff(path) })
	if !hasText(topOverlay(s), i18n.T("run.importing")) {
		t.Errorf("no progress shown while importing: %q", texts(topOverlay(s)))
	}
	served := loop.serve(t, s, "bonus.staff")
	t.Logf("%d callbacks served during the import", served)
	if served == 0 {
		t.Error("the UI thread served nothing while the import ran")
	}
	if n := s.bonus.StaffShown(); n != 50000 {
		t.Errorf("%d people shown after the import, want 50000", n)
	}
	if !hasText(topOverlay(s), i18n.T("bonus.staff.import")) {
		t.Errorf("the import's result is not said: %q", texts(topOverlay(s)))
	}
}

// Loading the demo from the first-run question runs through the runner:
// the UI thread stays free, then the hospital is shown and the first
// administrator offered.
func TestDemoLoadKeepsTheWindowResponsive(t *testing.T) {
	s, _ := startApp(t, filepath.Join(t.TempDir(), "new.db"), "zh")
	ask := topOverlay(s)
	load := findButton(ask, i18n.T("firstrun.load"))
	if load == nil {
		t.Fatalf("no demo offered on an empty database: %q", texts(ask))
	}
	loop := newUILoop(s)

	start(t, s, "demo", func() { test.Tap(load) })
	served := loop.serve(t, s, "demo")
	t.Logf("%d callbacks served during the demo load", served)
	name, err := s.svc.Master.HospitalName(s.ctx, s.actor)
	if err != nil || name == "" || s.hospital.Text == "" || !hasText(s.hospital, name) {
		t.Errorf("after the demo load the window shows %q, the database %q (%v)", s.hospital.Text, name, err)
	}
	if !hasText(topOverlay(s), i18n.T("firstadmin.title")) {
		t.Errorf("the first administrator is not offered after the demo: %q", texts(topOverlay(s)))
	}
}

// The runner hands a success to done, an error to the error dialog or
// the job's own display, a cancel to cancelled, and refuses a second job
// of the same key.
func TestRunnerOutcomes(t *testing.T) {
	s, _ := startApp(t, filepath.Join(t.TempDir(), "new.db"), "en")
	var got []string
	j := kit.Job{Title: "t", Key: "k",
		Failed:    func(err error) { got = append(got, "failed "+err.Error()) },
		Cancelled: func() { got = append(got, "cancelled") },
		Always:    func(error) { got = append(got, "always") }}
	run(s, j, func(_ context.Context, progress kit.Progress) (int, error) {
		progress(1, 2)
		return 7, nil
	}, func(n int) { got = append(got, fmt.Sprint("done ", n)) })
	run(s, j, func(context.Context, kit.Progress) (int, error) { return 0, errors.New("boom") }, nil)
	run(s, j, func(ctx context.Context, _ kit.Progress) (int, error) {
		test.Tap(findButton(topOverlay(s), i18n.T("action.cancel")))
		<-ctx.Done()
		return 0, ctx.Err()
	}, nil)
	want := []string{"done 7", "always", "failed boom", "always", "cancelled", "always"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("outcomes %q, want %q", got, want)
	}
	if s.runs.busy("") {
		t.Error("a job is still marked running")
	}

	// Without failed, the error is the shell's error dialog.
	shown := errors.New("Shown to the user")
	run(s, kit.Job{Title: "t"}, func(context.Context, kit.Progress) (int, error) { return 0, shown }, nil)
	if !hasText(topOverlay(s), i18n.Message(shown)) {
		t.Errorf("the error is not shown: %q", texts(topOverlay(s)))
	}

	// A second start of a running key is refused.
	s.runs.begin("k")
	if run(s, j, func(context.Context, kit.Progress) (int, error) { return 0, nil }, nil) {
		t.Error("a second job of a running key started")
	}
	s.runs.end("k")
}
