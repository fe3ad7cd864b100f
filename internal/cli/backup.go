package cli

import (
	"time"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "backup", summary: "cli.backup.summary", run: runBackup})
}

// runBackup writes a consistent copy of the database; the GUI or another
// script may keep working on it meanwhile.
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
