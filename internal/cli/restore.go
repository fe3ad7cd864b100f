package cli

import (
	"os"
	"time"

	"github.com/budgetperf/budgetperf/internal/access"
	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
)

func init() {
	register(command{name: "restore", summary: "cli.restore.summary", run: runRestore})
}

// runRestore replaces the database with a backup after checking it; the
// replaced file is kept. With --ask (what opening a .bpbak file from the
// Windows Explorer runs) it asks first and reports in a dialog, because a
// GUI program has no console to print to.
func runRestore(env *Env, args []string) error {
	f := newFlags(env, "restore", "FILE", "cli.restore.about")
	ask := f.Bool("ask", false, "cli.flag.restore_ask")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.restore.file_required"))
	}
	src := pos[0]
	dbPath := env.DBPath
	if dbPath == "" {
		if dbPath, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	if err := mayRestore(env, dbPath); err != nil {
		if *ask {
			tell(i18n.T("restore.title"), i18n.Message(err), true)
		}
		return err
	}
	kept := ""
	if *ask {
		info, err := backup.Check(env.ctx, src)
		if err != nil {
			tell(i18n.T("restore.title"), i18n.Message(err), true)
			return err
		}
		kept = store.KeptName(dbPath, time.Now())
		if !confirm(env, i18n.T("restore.title"), i18n.T("restore.confirm", "Backup", src, "Schema", info.Schema, "Path", dbPath, "Kept", kept)) {
			env.printf("%s\n", i18n.T("cli.restore.declined"))
			return nil
		}
	}
	res, err := backup.Restore(env.ctx, dbPath, src, kept)
	if err != nil {
		if *ask {
			tell(i18n.T("restore.title"), i18n.Message(err), true)
		}
		return err
	}
	msg := i18n.T("cli.restore.done", "Path", dbPath, "Backup", src, "Schema", res.Schema, "Kept", res.Kept)
	if res.Kept == "" {
		msg = i18n.T("cli.restore.done_new", "Path", dbPath, "Backup", src, "Schema", res.Schema)
	}
	env.printf("%s\n", msg)
	if *ask {
		tell(i18n.T("restore.title"), msg, false)
	}
	return nil
}

// mayRestore refuses a restore over a database that has user accounts
// unless the caller signs in as someone allowed to restore: replacing the
// file replaces every budget and the audit trail with it.
func mayRestore(env *Env, dbPath string) error {
	if _, err := os.Stat(dbPath); err != nil {
		return nil // nothing to replace yet
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	return access.Check(env.Actor, access.BackupRestore, "")
}
