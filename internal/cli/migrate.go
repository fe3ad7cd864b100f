package cli

import (
	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
)

func init() {
	register(command{name: "migrate", summary: "cli.migrate.summary", run: runMigrate})
}

// runMigrate moves the hospital in the --db file into a new, empty server
// database, then verifies the audit trail there: the file is only read.
func runMigrate(env *Env, args []string) error {
	f := newFlags(env, "migrate", "", "cli.migrate.about")
	to := f.String("to", "", "cli.flag.migrate_to")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if *to == "" {
		return usagef("%s", i18n.T("cli.migrate.to_required"))
	}
	src := env.DBPath
	if src == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return err
		}
		src = p
	}
	if _, err := env.checkExists(src); err != nil {
		return err
	}
	rep, err := backup.MigrateTo(env.ctx, src, *to)
	if err != nil {
		return err
	}
	env.DBPath = *to
	verified, err := verifiedTrail(env)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.migrate.done", "Path", src, "Target", store.RedactURL(*to),
		"Tables", rep.Tables, "Rows", rep.Rows, "Audit", verified))
	return nil
}

// restoreServer replaces a server database by a backup file (administrator).
func restoreServer(env *Env, src string) error {
	svc, err := env.open()
	if err != nil {
		return err
	}
	rep, err := backup.RestoreServer(env.ctx, svc.Store, env.Actor, src)
	svc.Close()
	if err != nil {
		return err
	}
	verified, err := verifiedTrail(env)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.restore.done_server", "Target", store.RedactURL(env.DBPath), "Backup", src,
		"Tables", rep.Tables, "Rows", rep.Rows, "Audit", verified))
	return nil
}
