package kit

import "context"

// Progress says how far the work got: done of total steps.
type Progress func(done, total int)

// Job says how a background operation is shown.
type Job struct {
	// Title names the work in the progress dialog.
	Title string
	// Key, when set, allows one running job of that key.
	Key string
	// NoCancel hides Cancel: a restore, once begun, is finished.
	NoCancel bool
	// Failed shows an error instead of the shell's error dialog.
	Failed func(error)
	// Cancelled is called instead of Failed when the user cancelled.
	Cancelled func()
	// Always runs last, on the UI thread, whatever the outcome.
	Always func(error)
}

// Runner runs background work: the shell's one runner (ui/shell_runner.go),
// which shows the job's progress with Cancel, runs work off the UI thread
// and hands its result to done on the UI thread, or its error to the
// error dialog. Run returns false when a job of the same key is running.
type Runner interface {
	Run(j Job, work func(ctx context.Context, progress Progress) (any, error), done func(any)) bool
}

// Run is Runner.Run for work with a result of type T.
func Run[T any](r Runner, j Job, work func(ctx context.Context, progress Progress) (T, error), done func(T)) bool {
	return r.Run(j, func(ctx context.Context, progress Progress) (any, error) {
		return work(ctx, progress)
	}, func(v any) {
		if done != nil {
			t, _ := v.(T)
			done(t)
		}
	})
}
