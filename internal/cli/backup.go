package cli

import (
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "backup", summary: "cli.backup.summary", run: runBackup})
}

// runBackup writes a consistent copy of the database, after the day's
// check and backup when they are due; the GUI or another script may keep
// working on it meanwhile.
func runBackup(env *Env, args []string) error {
	f := newFlags(env, "backup", "", "cli.backup.about")
	out := f.String("o", "", "cli.flag.output_backup")
	if err := f.parseNone(args); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	// First the day's check and backup, when no daily backup of today
	// exists yet: a scheduled `budgetperf backup` is how a database used
	// only from scripts gets them. A damaged database or a failed daily
	// backup is said; the backup asked for is still written.
	if st := svc.Store.DailyCheck(env.ctx); st.Err != nil {
		fmt.Fprintln(env.Stderr, i18n.Message(st.Err))
	}
	dest := *out
	if dest == "" {
		dest = backup.DefaultName(svc.Store.Path(), time.Now())
	}
	info, err := backup.Create(env.ctx, svc.Store, env.Actor, dest)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.backup.done", "Path", svc.Store.Path(), "Backup", info.Path, "Size", backup.HumanSize(info.Size)))
	return nil
}
