package ui

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The one way work leaves the UI thread. Every operation that can take
// more than a moment (imports, evaluation, the demo, reports, backup and
// restore, exports) runs through run: a modal dialog shows its title and
// progress with a Cancel button, the work runs on its own goroutine with a
// context that Cancel cancels, and its result comes back on the UI thread
// through fyne.Do — to done on success, else to the shell's error dialog
// (i18n.Message) or the job's own failed. A job with a key runs once at a
// time: a second start (a double click) is refused.

// runner runs the shell's jobs.
type runner struct {
	shell *Shell
	// sync runs work, progress and result on the calling goroutine: the
	// test hook, so that a test sees the result when its tap returns.
	sync bool
	// post hands f to the UI thread: fyne.Do (a test may run its own loop).
	post func(f func())

	mu      sync.Mutex
	running map[string]bool
	active  int
}

func newRunner(s *Shell) *runner {
	return &runner{shell: s, post: fyne.Do, running: map[string]bool{}}
}

// busy reports whether a job of key (any job for "") is running.
func (r *runner) busy(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if key == "" {
		return r.active > 0
	}
	return r.running[key]
}

// begin marks a job of key running, or refuses a second one.
func (r *runner) begin(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if key != "" && r.running[key] {
		return false
	}
	if key != "" {
		r.running[key] = true
	}
	r.active++
	return true
}

func (r *runner) end(key string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.running, key)
	r.active--
}

// run starts work for j in the background and hands its result to done on
// the UI thread; it returns false when a job of the same key is running.
// Call it on the UI thread.
func run[T any](s *Shell, j kit.Job, work func(ctx context.Context, progress kit.Progress) (T, error), done func(T)) bool {
	r := s.runs
	if !r.begin(j.Key) {
		return false
	}
	ctx, cancel := context.WithCancel(s.ctx)
	view := newRunView(s.win, j, cancel)
	finish := func(v T, err error) {
		cancel()
		view.hide()
		r.end(j.Key)
		r.report(j, ctx, err, func() {
			if done != nil {
				done(v)
			}
		})
		if j.Always != nil {
			j.Always(err)
		}
	}
	if r.sync {
		v, err := work(ctx, view.set)
		finish(v, err)
		return true
	}
	var shown atomic.Int64
	shown.Store(-1)
	progress := func(done, total int) {
		// Post only a visible change: a percent.
		p := int64(100 * done / max(total, 1))
		if shown.Swap(p) != p {
			r.post(func() { view.set(done, total) })
		}
	}
	go func() {
		v, err := work(ctx, progress)
		r.post(func() { finish(v, err) })
	}()
	return true
}

// report hands the outcome on: success to ok, a cancel to j.cancelled,
// an error to j.failed or the shell's error dialog.
func (r *runner) report(j kit.Job, ctx context.Context, err error, ok func()) {
	switch {
	case err == nil:
		ok()
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		if j.Cancelled != nil {
			j.Cancelled()
		}
	case j.Failed != nil:
		j.Failed(err)
	default:
		r.shell.showError(err)
	}
}

// runView is a job's modal progress dialog: an infinite bar until the work
// reports progress, then a bar of its steps, and Cancel.
type runView struct {
	d        *dialog.CustomDialog
	infinite *widget.ProgressBarInfinite
	bar      *widget.ProgressBar
}

func newRunView(win fyne.Window, j kit.Job, cancel context.CancelFunc) *runView {
	v := &runView{infinite: widget.NewProgressBarInfinite(), bar: widget.NewProgressBar()}
	v.bar.Hide()
	content := container.NewStack(v.infinite, v.bar)
	v.d = dialog.NewCustomWithoutButtons(j.Title, container.NewGridWrap(fyne.NewSize(360, content.MinSize().Height), content), win)
	if !j.NoCancel {
		var stop *widget.Button
		stop = widget.NewButtonWithIcon(i18n.T("action.cancel"), theme.CancelIcon(), func() {
			cancel()
			stop.SetText(i18n.T("run.cancelling"))
			stop.Disable()
		})
		v.d.SetButtons([]fyne.CanvasObject{stop})
	}
	v.d.Show()
	return v
}

// set shows done of total steps.
func (v *runView) set(done, total int) {
	if v.infinite.Visible() {
		v.infinite.Stop()
		v.infinite.Hide()
		v.bar.Show()
	}
	v.bar.SetValue(float64(done) / float64(max(total, 1)))
}

func (v *runView) hide() {
	v.infinite.Stop()
	v.d.Hide()
}
