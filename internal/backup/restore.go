package backup

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/users"
)

// ChangeKind is a consequence of a restore beyond going back in time,
// which the person restoring must accept explicitly.
type ChangeKind string

const (
	// OtherHospital: the backup is of another database (another identity,
	// or, before schema 10, another hospital name).
	OtherHospital ChangeKind = "other_hospital"
	// Accounts: sign-in is switched off, or administrators who exist now
	// are not administrators in the backup.
	Accounts ChangeKind = "accounts"
)

// Change is one such consequence, said in words.
type Change struct {
	Kind ChangeKind
	Text *domain.Problem
}

// Plan is what a restore of Src over DBPath would do, found before
// anything is changed.
type Plan struct {
	DBPath, Src string
	Backup      store.BackupInfo
	BackupFacts store.DatabaseFacts
	Current     store.CurrentDatabase
	Changes     []Change
}

// Damaged reports whether the current database is there but cannot be
// read: the restore then signs in against the backup's accounts.
func (p Plan) Damaged() bool { return p.Current.Exists && p.Current.Damage != nil }

// BackupHasUsers reports whether sign-in is on in the backup.
func (p Plan) BackupHasUsers() bool { return len(p.BackupFacts.Users) > 0 }

// Kinds are the kinds of the plan's changes, each once.
func (p Plan) Kinds() []ChangeKind {
	var out []ChangeKind
	for _, c := range p.Changes {
		if !slices.Contains(out, c.Kind) {
			out = append(out, c.Kind)
		}
	}
	return out
}

// Unaccepted are the changes whose kind is not in accepted.
func (p Plan) Unaccepted(accepted []ChangeKind) []Change {
	var out []Change
	for _, c := range p.Changes {
		if !slices.Contains(accepted, c.Kind) {
			out = append(out, c)
		}
	}
	return out
}

// Inspect checks the backup src (as Check) and compares it with the
// database at dbPath, reading both without changing either.
func Inspect(ctx context.Context, dbPath, src string) (Plan, error) {
	p := Plan{DBPath: dbPath, Src: src}
	var err error
	if p.Backup, err = store.CheckBackup(ctx, src); err != nil {
		return p, err
	}
	if p.BackupFacts, err = store.ReadFacts(ctx, src); err != nil {
		return p, domain.NewProblem("problem.restore.damaged", "The backup {{.Path}} is damaged ({{.Detail}}) and cannot be restored. Choose another backup; nothing has been changed.", "Path", src, "Detail", err.Error())
	}
	p.Current = store.InspectCurrent(ctx, dbPath)
	p.Changes = changes(p)
	return p, nil
}

// changes compares the backup with the current database.
func changes(p Plan) []Change {
	if !p.Current.Exists {
		return nil
	}
	if p.Damaged() {
		if p.BackupHasUsers() {
			return nil // the restoring administrator signs in against the backup
		}
		return []Change{{Accounts, domain.NewProblem("problem.restore.unknown_accounts",
			"The current database cannot be read, so its user accounts cannot be compared with the backup's; the backup has no user accounts: after the restore sign-in is off and anyone at this PC will act as administrator.")}}
	}
	var out []Change
	if c, ok := otherHospital(p); ok {
		out = append(out, c)
	}
	return append(out, accountChanges(p.Current.Facts.Users, p.BackupFacts.Users)...)
}

// otherHospital tells another hospital's backup by the database identity,
// or by the hospital's name when the backup is older than the identity.
func otherHospital(p Plan) (Change, bool) {
	cur, bak := p.Current.Facts, p.BackupFacts
	if cur.ID != "" && bak.ID != "" {
		if cur.ID == bak.ID {
			return Change{}, false
		}
		return Change{OtherHospital, domain.NewProblem("problem.restore.other_database",
			"This backup comes from another database, not from this one. The backup holds the hospital {{.Backup}}; this database holds {{.Current}}. Restoring replaces all of this hospital's data, user accounts and audit trail with the backup's.",
			"Backup", nameOrDash(bak.Hospital), "Current", nameOrDash(cur.Hospital))}, true
	}
	if strings.TrimSpace(cur.Hospital) == strings.TrimSpace(bak.Hospital) {
		return Change{}, false
	}
	return Change{OtherHospital, domain.NewProblem("problem.restore.other_hospital",
		"This backup holds the hospital {{.Backup}}; this database holds {{.Current}}. The backup was made before databases carried an identity (schema {{.Schema}}), so they were compared by the hospital's name. Restoring replaces this hospital's data, users and audit trail with the other's.",
		"Backup", nameOrDash(bak.Hospital), "Current", nameOrDash(cur.Hospital), "Schema", p.Backup.Schema)}, true
}

func nameOrDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "-"
	}
	return s
}

// accountChanges says what a restore does to sign-in: switched off when
// the backup has no accounts and the database has, or the other way round; administrators of
// today who are missing from the backup, or no active administrators
// there.
func accountChanges(now, bak []domain.User) []Change {
	if len(now) == 0 && len(bak) > 0 {
		// Whoever restores acts as the built-in administrator today; after
		// the restore only the backup's accounts can sign in.
		return []Change{{Accounts, domain.NewProblem("problem.restore.signin_on",
			"Sign-in will be switched on: this database has no user accounts and the backup has {{.Count}}. After the restore only they can sign in; its administrators: {{.Admins}}. Make sure you know one of their passwords.",
			"Count", len(bak), "Admins", nameOrDash(userList(activeAdmins(bak))))}}
	}
	if len(now) == 0 {
		return nil
	}
	if len(bak) == 0 {
		return []Change{{Accounts, domain.NewProblem("problem.restore.signin_off",
			"Sign-in will be switched off: the backup has no user accounts, and this database has {{.Count}} ({{.Users}}). After the restore anyone at this PC will act as administrator.",
			"Count", len(now), "Users", userList(now))}}
	}
	byLogin := map[string]domain.User{}
	for _, u := range bak {
		byLogin[u.Login] = u
	}
	var lostAdmin bool
	var gone, demoted []domain.User
	for _, u := range now {
		b, ok := byLogin[u.Login]
		isAdmin := u.Role == domain.RoleAdministrator && !u.Disabled
		switch {
		case !ok:
			gone = append(gone, u)
			lostAdmin = lostAdmin || isAdmin
		case isAdmin && (b.Role != domain.RoleAdministrator || b.Disabled):
			demoted = append(demoted, u)
			lostAdmin = true
		}
	}
	if !lostAdmin {
		return nil
	}
	var out []Change
	if len(gone) > 0 {
		admins := activeAdmins(bak)
		out = append(out, Change{Accounts, domain.NewProblem("problem.restore.users_gone",
			"The backup lacks users who exist now, administrators among them: {{.Users}} will no longer exist. Afterwards only the backup's accounts sign in; its administrators: {{.Admins}}.",
			"Users", userList(gone), "Admins", nameOrDash(userList(admins)))})
	}
	if len(demoted) > 0 {
		out = append(out, Change{Accounts, domain.NewProblem("problem.restore.admins_demoted",
			"{{.Users}} will no longer be administrators: in the backup they have another role or are disabled.", "Users", userList(demoted))})
	}
	return out
}

// activeAdmins are the administrators among us who can sign in.
func activeAdmins(us []domain.User) []domain.User {
	var out []domain.User
	for _, u := range us {
		if u.Role == domain.RoleAdministrator && !u.Disabled {
			out = append(out, u)
		}
	}
	return out
}

func userList(us []domain.User) string {
	names := make([]string, len(us))
	for i, u := range us {
		names[i] = u.Login
		if u.Name != "" && u.Name != u.Login {
			names[i] = u.Name + " (" + u.Login + ")"
		}
	}
	return strings.Join(names, ", ")
}

// Request is a restore as asked for.
type Request struct {
	DBPath, Src string
	// Kept is where the replaced database is kept: KeptName (or, for a
	// damaged one, DamagedName) of now when "".
	Kept string
	// By signed in against the current database; unused when it cannot
	// be read.
	By domain.Actor
	// Login and Password are checked against the backup's accounts when
	// the current database cannot be read.
	Login, Password string
	// Accept are the kinds of change the person restoring has confirmed.
	Accept []ChangeKind
}

// Authorize is who restores: By when the current database can be read
// (or there is none), else an administrator of the backup signed in with
// Login and Password. A backup without accounts over a damaged database
// leaves the built-in local administrator, whose restore is an Accounts
// change to be confirmed. Nothing is written, not even a failed attempt.
func Authorize(p Plan, req Request) (domain.Actor, error) {
	if !p.Current.Exists {
		return domain.LocalUser, nil // nothing is replaced
	}
	if !p.Damaged() {
		return req.By, permission.Check(req.By, permission.BackupRestore, "")
	}
	if !p.BackupHasUsers() {
		return domain.LocalUser, nil
	}
	if strings.TrimSpace(req.Login) == "" {
		return domain.Actor{}, domain.NewProblem("problem.restore.backup_signin",
			"The database {{.Path}} cannot be read, so the restore signs in against the accounts of the backup: sign in as an administrator of the backup {{.Backup}}.",
			"Path", p.DBPath, "Backup", p.Src)
	}
	a, err := users.SignInAgainst(p.BackupFacts.Users, req.Login, req.Password, time.Now())
	if err != nil {
		return a, err
	}
	return a, permission.Check(a, permission.BackupRestore, "")
}

// Result is a finished restore.
type Result struct {
	Schema  int    // the schema the restored file carries (migrated on the next open)
	Kept    string // where the replaced database was kept; "" when there was none
	Damaged bool   // the replaced database could not be read
}

// Restore replaces the database at req.DBPath with the backup req.Src
// after checking it, who restores (Authorize) and that every change of
// the plan was accepted; the replaced file is kept beside it. Close the
// database first: Restore refuses a database that is open anywhere.
// Refused, it changes nothing.
func Restore(ctx context.Context, req Request) (Result, error) {
	p, err := Inspect(ctx, req.DBPath, req.Src)
	if err != nil {
		return Result{}, err
	}
	if _, err := Authorize(p, req); err != nil {
		return Result{}, err
	}
	if left := p.Unaccepted(req.Accept); len(left) > 0 {
		return Result{}, Unconfirmed(left)
	}
	kept := req.Kept
	if kept == "" && p.Damaged() {
		kept = store.DamagedName(req.DBPath, time.Now())
	}
	info, k, err := store.Restore(ctx, req.DBPath, req.Src, kept)
	if err != nil {
		return Result{}, err
	}
	// store.Restore has moved this PC's audit anchor to the restored trail.
	return Result{Schema: info.Schema, Kept: k, Damaged: p.Damaged()}, nil
}

// Unconfirmed is the refusal of a restore whose changes were not all
// accepted: each change, then that nothing was changed.
func Unconfirmed(left []Change) error {
	var ps domain.Problems
	for _, c := range left {
		ps = append(ps, c.Text)
	}
	return append(ps, domain.NewProblem("problem.restore.unconfirmed",
		"This restore changes more than the data and needs explicit confirmation; nothing has been changed."))
}
