package cli

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
)

func init() {
	register(command{name: "restore", summary: "cli.restore.summary", run: runRestore})
}

// acceptFlags are the options that accept each kind of change a restore
// may bring beyond going back in time. There is no blanket --yes: a
// script written to restore its own hospital's backup must not restore
// another's, or switch sign-in off, without saying so.
var acceptFlags = []struct {
	kind backup.ChangeKind
	flag string
}{
	{backup.OtherHospital, "accept-other-hospital"},
	{backup.Accounts, "accept-account-changes"},
}

// runRestore replaces the database with a backup after checking it; the
// replaced file is kept. With --ask (what opening a .bpbak file from the
// Windows Explorer runs) it asks first and reports in a dialog, because a
// GUI program has no console to print to.
func runRestore(env *Env, args []string) error {
	f := newFlags(env, "restore", "FILE", "cli.restore.about")
	ask := f.Bool("ask", false, "cli.flag.restore_ask")
	accepted := map[backup.ChangeKind]*bool{}
	for _, a := range acceptFlags {
		accepted[a.kind] = f.Bool(a.flag, false, "cli.flag."+strings.ReplaceAll(a.flag, "-", "_"))
	}
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.restore.file_required"))
	}
	dbPath := env.DBPath
	if dbPath == "" {
		if dbPath, err = store.DefaultPath(); err != nil {
			return err
		}
	}
	if store.IsServer(dbPath) {
		return restoreServer(env, pos[0])
	}
	req := backup.Request{DBPath: dbPath, Src: pos[0]}
	for _, a := range acceptFlags {
		if *accepted[a.kind] {
			req.Accept = append(req.Accept, a.kind)
		}
	}
	msg, err := restoreFile(env, req, *ask)
	if err != nil {
		if *ask {
			tell(i18n.T("restore.title"), strings.Join(i18n.Lines(err), "\n"), true)
		}
		return err
	}
	env.printf("%s\n", msg)
	if *ask && msg != i18n.T("cli.restore.declined") {
		tell(i18n.T("restore.title"), msg, false)
	}
	return nil
}

// restoreFile checks the backup against the current database, signs in
// (against the backup when the current file cannot be read), asks or
// requires the accept options for what changes, and restores.
func restoreFile(env *Env, req backup.Request, ask bool) (string, error) {
	plan, err := backup.Inspect(env.ctx, req.DBPath, req.Src)
	if err != nil {
		return "", err
	}
	if err := env.restoreSignIn(plan, &req); err != nil {
		return "", err
	}
	if plan.Current.Exists && !plan.Damaged() && plan.Current.Facts.ID == "" {
		// Opening to sign in upgraded a database older than schema 10,
		// which gave it its identity: compare with that.
		if plan, err = backup.Inspect(env.ctx, req.DBPath, req.Src); err != nil {
			return "", err
		}
	}
	if _, err := backup.Authorize(plan, req); err != nil {
		return "", err
	}
	if ask {
		req.Kept = store.KeptName(req.DBPath, time.Now())
		if plan.Damaged() {
			req.Kept = store.DamagedName(req.DBPath, time.Now())
		}
		if !confirm(env, i18n.T("restore.title"), confirmText(plan, req.Kept)) {
			return i18n.T("cli.restore.declined"), nil
		}
		req.Accept = plan.Kinds()
	} else if left := plan.Unaccepted(req.Accept); len(left) > 0 {
		return "", unconfirmed(left)
	}
	res, err := backup.Restore(env.ctx, req)
	if err != nil {
		return "", err
	}
	switch {
	case res.Kept == "":
		return i18n.T("cli.restore.done_new", "Path", req.DBPath, "Backup", req.Src, "Schema", res.Schema), nil
	case res.Damaged:
		return i18n.T("cli.restore.done_damaged", "Path", req.DBPath, "Backup", req.Src, "Schema", res.Schema, "Kept", res.Kept), nil
	}
	return i18n.T("cli.restore.done", "Path", req.DBPath, "Backup", req.Src, "Schema", res.Schema, "Kept", res.Kept), nil
}

// restoreSignIn decides who restores. A database that can be read is
// opened and signed in to as every command does; one that cannot is said
// on standard error, and the restore signs in against the backup's
// accounts with --user (or BUDGETPERF_USER) and BUDGETPERF_PASSWORD.
func (e *Env) restoreSignIn(p backup.Plan, req *backup.Request) error {
	switch {
	case !p.Current.Exists:
		return nil // nothing to replace yet
	case !p.Damaged():
		svc, err := e.open()
		if err != nil {
			return err
		}
		svc.Close()
		req.By = e.Actor
		return nil
	}
	fmt.Fprintln(e.Stderr, i18n.Message(p.Current.Damage))
	if !p.BackupHasUsers() {
		return nil // the local administrator, an Accounts change to accept
	}
	login := e.User
	if login == "" {
		login = os.Getenv(envUser)
	}
	if login == "" {
		return domain.NewProblem("problem.cli.backup_signin", "The database {{.Path}} cannot be read, so the restore signs in against the accounts of the backup: give --user LOGIN (or set BUDGETPERF_USER) of an administrator in the backup and set the password in BUDGETPERF_PASSWORD.", "Path", req.DBPath)
	}
	password, ok := os.LookupEnv(envPassword)
	if !ok {
		return domain.NewProblem("problem.cli.no_password", "No password for {{.Login}}: set it in the environment variable BUDGETPERF_PASSWORD (it is never given as an option).", "Login", login)
	}
	req.Login, req.Password = login, password
	return nil
}

// confirmText is what --ask shows: which file replaces which, where the
// current one is kept, and every change beyond the data.
func confirmText(p backup.Plan, kept string) string {
	lines := []string{i18n.T("restore.confirm", "Backup", p.Src, "Schema", p.Backup.Schema, "Path", p.DBPath, "Kept", kept)}
	if p.Damaged() {
		lines = append(lines, i18n.Message(p.Current.Damage))
	}
	for _, c := range p.Changes {
		lines = append(lines, i18n.Message(c.Text))
	}
	return strings.Join(lines, "\n\n")
}

// unconfirmed refuses a restore whose changes were not accepted, naming
// the options that accept them.
func unconfirmed(left []backup.Change) error {
	var flags []string
	for _, a := range acceptFlags {
		for _, c := range left {
			if c.Kind == a.kind {
				flags = append(flags, "--"+a.flag)
				break
			}
		}
	}
	ps := domain.AsProblems(backup.Unconfirmed(left))
	ps = ps[:len(ps)-1] // the service's closing line, said here with the options
	return append(ps, domain.NewProblem("problem.cli.restore_unconfirmed",
		"Nothing has been changed. To restore anyway, add {{.Flags}}, or use --ask to be asked.", "Flags", strings.Join(flags, " ")))
}
