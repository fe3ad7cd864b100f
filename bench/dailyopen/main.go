// Command dailyopen times the first GUI-style open of a day (bench/open.sh):
// store.Open returning, after which the window shows; the day's check and
// backup then run in the background (StartDailyCheck), while a query and a
// settings write are timed to show that they do not wait for it. The
// database must have no daily backup of today yet. It prints, in seconds,
// tab-separated: open, query during the check, write during the check,
// the background check and backup, and the backups written.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/budgetperf/budgetperf/internal/store"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: dailyopen FILE.db")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(path string) error {
	ctx := context.Background()
	t0 := time.Now()
	s, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	open := time.Since(t0)
	if st := s.DailyCheckStatus(); st.State != store.DailyDue {
		return fmt.Errorf("the day's check is not due on %s (a daily backup of today exists)", path)
	}
	done := make(chan store.DailyStatus, 1)
	t1 := time.Now()
	s.StartDailyCheck(func(st store.DailyStatus) { done <- st })
	time.Sleep(500 * time.Millisecond) // well inside the check
	t2 := time.Now()
	if _, err := s.Departments(ctx); err != nil {
		return err
	}
	query := time.Since(t2)
	t3 := time.Now()
	if err := s.SetSetting(ctx, "bench.dailyopen", t3.Format(time.RFC3339Nano)); err != nil {
		return err
	}
	write := time.Since(t3)
	st := <-done
	background := time.Since(t1)
	if st.Err != nil {
		return st.Err
	}
	list, _ := store.ListAutoBackups(path)
	fmt.Printf("%.3f\t%.3f\t%.3f\t%.3f\t%d\n", open.Seconds(), query.Seconds(), write.Seconds(), background.Seconds(), len(list))
	return nil
}
