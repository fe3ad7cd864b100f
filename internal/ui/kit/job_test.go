package kit

import (
	"context"
	"errors"
	"testing"
)

// runNow is a Runner that runs work at once and hands a result to done.
type runNow struct{ err error }

func (r *runNow) Run(_ Job, work func(ctx context.Context, progress Progress) (any, error), done func(any)) bool {
	v, err := work(context.Background(), func(int, int) {})
	r.err = err
	if err == nil && done != nil {
		done(v)
	}
	return true
}

// Run hands the typed result of the work to done, and lets done be nil.
func TestRunHandsTheTypedResult(t *testing.T) {
	r := &runNow{}
	got := 0
	Run(r, Job{Title: "count"}, func(context.Context, Progress) (int, error) { return 42, nil }, func(n int) { got = n })
	if got != 42 {
		t.Errorf("done got %d, want 42", got)
	}
	Run[int](r, Job{}, func(context.Context, Progress) (int, error) { return 1, nil }, nil)
	failed := errors.New("no")
	called := false
	Run(r, Job{}, func(context.Context, Progress) (string, error) { return "", failed }, func(string) { called = true })
	if called || !errors.Is(r.err, failed) {
		t.Errorf("a failure reached done (%v) or was lost (%v)", called, r.err)
	}
}
