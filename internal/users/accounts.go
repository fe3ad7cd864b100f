// Package users is the users service: sign-in with lock-out, adding
// and changing users, passwords. Changes to accounts are recorded in the
// audit trail; passwords never are.
package users

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/credential"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Service manages the users of one database.
type Service struct {
	st *store.Store
	// Params are the hashing costs of new passwords; tests lower them.
	Params credential.Params
	// now is the clock of the lock-out; tests move it.
	now func() time.Time
}

// New returns the service over st.
func New(st *store.Store) *Service {
	return &Service{st: st, Params: credential.Default, now: time.Now}
}

// HasUsers reports whether accounts exist. Without any, the database runs
// as the built-in local administrator and nobody signs in.
func (s *Service) HasUsers(ctx context.Context) (bool, error) {
	n, err := s.st.CountUsers(ctx)
	return n > 0, err
}

// SignIn checks login and password and returns the actor to pass to the
// services. Wrong passwords are counted; the fifth in a row locks the
// account for 15 minutes. The count is saved even though sign-in fails.
func (s *Service) SignIn(ctx context.Context, login, password string) (domain.Actor, error) {
	login = strings.TrimSpace(login)
	if s.onServer() {
		return s.serverSignIn(ctx, login, password)
	}
	var actor domain.Actor
	var refusal error
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		u, err := tx.User(ctx, login)
		if store.IsNotFound(err) {
			// Hash anyway so that timing does not tell which logins exist.
			_, _ = credential.Verify(password, dummyHash())
			refusal = badCredentials()
			return nil
		}
		if err != nil {
			return err
		}
		now := s.now()
		att := credential.Attempt{Failures: u.FailedAttempts, LockedUntil: u.LockedUntil}
		if u.Disabled || att.Locked(now) {
			// Same cost and same words as a wrong password: a locked
			// account must not tell that it exists, nor test passwords.
			_, _ = credential.Verify(password, dummyHash())
			refusal = badCredentials()
			return nil
		}
		ok, err := credential.Verify(password, u.PasswordHash)
		if err != nil {
			return err
		}
		if !ok {
			att = att.Failed(now)
			if err := tx.SetSignInAttempts(ctx, login, att.Failures, att.LockedUntil); err != nil {
				return err
			}
			refusal = badCredentials()
			if att.Locked(now) {
				return tx.AppendAudit(ctx, login, logbook.Entry{Entity: logbook.EntityUser, EntityKey: login, Field: "locked_until",
					New: att.LockedUntil.Format(time.RFC3339), Reason: "5 wrong passwords"})
			}
			return nil
		}
		if u.FailedAttempts != 0 || !u.LockedUntil.IsZero() {
			if err := tx.SetSignInAttempts(ctx, login, 0, time.Time{}); err != nil {
				return err
			}
		}
		actor = u.Actor()
		return nil
	})
	if err != nil {
		return domain.Actor{}, err
	}
	if refusal != nil {
		return domain.Actor{}, refusal
	}
	return actor, nil
}

// dummyHash is verified for unknown logins (cost like a real one); made
// on first use so that starting the program stays quick.
var dummyHash = sync.OnceValue(func() string {
	h, _ := credential.Hash("budgetperf-no-such-user", credential.Default)
	return h
})

// badCredentials is every refused sign-in: an unknown login, a wrong
// password, an account locked after wrong passwords or by an
// administrator. One message for all, so that it never tells whether an
// account exists; administrators see locks in the list of users.
func badCredentials() error {
	return domain.NewProblem("problem.signin.bad", "The login or the password is wrong, or the account is locked. After {{.Max}} wrong passwords in a row an account is locked for {{.Minutes}} minutes; an administrator can unlock it or reset the password.",
		"Max", credential.MaxFailures, "Minutes", int(credential.LockFor/time.Minute))
}

// Users lists every account, without password hashes: administrators, and
// auditors, who read everything (permission.UsersView).
func (s *Service) Users(ctx context.Context, by domain.Actor) ([]domain.User, error) {
	if err := permission.Check(by, permission.UsersView, ""); err != nil {
		return nil, err
	}
	us, err := s.st.Users(ctx)
	for i := range us {
		us[i].PasswordHash = "" // nobody outside needs it
	}
	return us, err
}

// NewUser is what an administrator enters for an account.
type NewUser struct {
	Login, Name string
	Role        domain.Role
	Departments []string
	Password    string
}

// AddUser creates an account. The first account of a database must be an
// administrator: from then on everyone signs in, so someone must be able
// to manage users.
func (s *Service) AddUser(ctx context.Context, by domain.Actor, nu NewUser) error {
	if err := permission.Check(by, permission.UsersManage, ""); err != nil {
		return err
	}
	nu.Login, nu.Name = strings.TrimSpace(nu.Login), strings.TrimSpace(nu.Name)
	if err := checkPassword(nu.Password); err != nil {
		return err
	}
	hash, err := credential.Hash(nu.Password, s.Params)
	if err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		u := domain.User{Login: nu.Login, Name: nu.Name, Role: nu.Role, Departments: cleanCodes(nu.Departments), PasswordHash: hash}
		if err := s.validate(ctx, tx, u); err != nil {
			return err
		}
		if _, err := tx.User(ctx, u.Login); err == nil {
			return domain.NewProblem("problem.users.exists", "There is already a user {{.Login}}. Choose another login, or change that user.", "Login", u.Login)
		} else if !store.IsNotFound(err) {
			return err
		}
		n, err := tx.CountUsers(ctx)
		if err != nil {
			return err
		}
		if n == 0 && u.Role != domain.RoleAdministrator {
			return domain.NewProblem("problem.users.first_admin", "The first user must be an administrator: once users exist everyone signs in, and someone must be able to manage them.")
		}
		if s.onServer() {
			u.PasswordHash = "" // the server keeps it
		}
		if err := tx.InsertUser(ctx, u); err != nil {
			return err
		}
		if err := s.serverLogin(ctx, tx, u, nu.Password); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, by.Login, userChanges(domain.User{}, u, "created")...)
	})
}

// UpdateUser changes an account's name, role and departments.
func (s *Service) UpdateUser(ctx context.Context, by domain.Actor, login, name string, role domain.Role, depts []string) error {
	if err := permission.Check(by, permission.UsersManage, ""); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		old, err := userOf(ctx, tx, login)
		if err != nil {
			return err
		}
		u := old
		u.Name, u.Role, u.Departments = strings.TrimSpace(name), role, cleanCodes(depts)
		if err := s.validate(ctx, tx, u); err != nil {
			return err
		}
		if old.Role == domain.RoleAdministrator && role != domain.RoleAdministrator {
			if err := keepAnAdmin(ctx, tx, login); err != nil {
				return err
			}
		}
		if err := tx.UpdateUser(ctx, u); err != nil {
			return err
		}
		if err := s.serverRole(ctx, tx, u); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, by.Login, userChanges(old, u, "")...)
	})
}

// SetLocked locks (or unlocks) an account. Unlocking also clears a
// lock-out after wrong passwords.
func (s *Service) SetLocked(ctx context.Context, by domain.Actor, login string, locked bool) error {
	if err := permission.Check(by, permission.UsersManage, ""); err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		old, err := userOf(ctx, tx, login)
		if err != nil {
			return err
		}
		if locked && login == by.Login {
			return domain.NewProblem("problem.users.lock_self", "You cannot lock your own account. Ask another administrator.")
		}
		if locked && old.Role == domain.RoleAdministrator {
			if err := keepAnAdmin(ctx, tx, login); err != nil {
				return err
			}
		}
		u := old
		u.Disabled = locked
		if err := tx.UpdateUser(ctx, u); err != nil {
			return err
		}
		if err := s.serverDisabled(ctx, tx, login, locked); err != nil {
			return err
		}
		if !locked {
			if err := tx.SetSignInAttempts(ctx, login, 0, time.Time{}); err != nil {
				return err
			}
		}
		return tx.AppendAudit(ctx, by.Login, userChanges(old, u, "")...)
	})
}

// CanManageUsers is nil when by may add users and reset passwords: asked
// before a new password is read, so that a refusal comes first.
func (s *Service) CanManageUsers(by domain.Actor) error {
	return permission.Check(by, permission.UsersManage, "")
}

// CanChangePassword is nil when by has an account whose password can be
// changed: asked before the new password is read.
func (s *Service) CanChangePassword(ctx context.Context, by domain.Actor) error {
	if err := permission.SignedIn(by); err != nil {
		return err
	}
	if _, err := s.st.User(ctx, by.Login); store.IsNotFound(err) {
		return noAccount(by.Login)
	} else if err != nil {
		return err
	}
	return nil
}

func noAccount(login string) error {
	return domain.NewProblem("problem.users.no_account", "{{.Login}} has no account with a password: this database has no users yet. An administrator adds users in Settings or with “budgetperf users add”.", "Login", login)
}

// ChangePassword changes the signed-in user's own password.
func (s *Service) ChangePassword(ctx context.Context, by domain.Actor, oldPassword, newPassword string) error {
	if err := permission.SignedIn(by); err != nil {
		return err
	}
	if err := checkPassword(newPassword); err != nil {
		return err
	}
	hash, err := credential.Hash(newPassword, s.Params)
	if err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		u, err := tx.User(ctx, by.Login)
		if store.IsNotFound(err) {
			return noAccount(by.Login)
		}
		if err != nil {
			return err
		}
		if s.onServer() {
			if ok, err := s.st.VerifyLogin(ctx, by.Login, oldPassword); err != nil {
				return err
			} else if !ok {
				return domain.NewProblem("problem.users.old_password", "The current password is wrong; the password was not changed.")
			}
			if err := s.serverPassword(ctx, tx, by.Login, newPassword); err != nil {
				return err
			}
			return tx.AppendAudit(ctx, by.Login, logbook.Entry{Entity: logbook.EntityUser, EntityKey: by.Login, Field: "password", New: "changed"})
		}
		if ok, err := credential.Verify(oldPassword, u.PasswordHash); err != nil {
			return err
		} else if !ok {
			return domain.NewProblem("problem.users.old_password", "The current password is wrong; the password was not changed.")
		}
		if err := tx.SetPassword(ctx, by.Login, hash); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, by.Login, logbook.Entry{Entity: logbook.EntityUser, EntityKey: by.Login, Field: "password", New: "changed"})
	})
}

// ResetPassword is an administrator setting a forgotten password; it also
// ends a lock-out.
func (s *Service) ResetPassword(ctx context.Context, by domain.Actor, login, newPassword string) error {
	if err := permission.Check(by, permission.UsersManage, ""); err != nil {
		return err
	}
	if err := checkPassword(newPassword); err != nil {
		return err
	}
	hash, err := credential.Hash(newPassword, s.Params)
	if err != nil {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		if _, err := userOf(ctx, tx, login); err != nil {
			return err
		}
		if s.onServer() {
			hash = ""
		}
		if err := tx.SetPassword(ctx, login, hash); err != nil {
			return err
		}
		if err := s.serverPassword(ctx, tx, login, newPassword); err != nil {
			return err
		}
		return tx.AppendAudit(ctx, by.Login, logbook.Entry{Entity: logbook.EntityUser, EntityKey: login, Field: "password", New: "reset"})
	})
}

func userOf(ctx context.Context, tx *store.Tx, login string) (domain.User, error) {
	u, err := tx.User(ctx, login)
	if store.IsNotFound(err) {
		return u, domain.NewProblem("problem.users.unknown", "There is no user {{.Login}}. See the list of users.", "Login", login)
	}
	return u, err
}

// keepAnAdmin refuses a change that would leave no active administrator
// other than login.
func keepAnAdmin(ctx context.Context, tx *store.Tx, login string) error {
	us, err := tx.Users(ctx)
	if err != nil {
		return err
	}
	for _, u := range us {
		if u.Login != login && u.Role == domain.RoleAdministrator && !u.Disabled {
			return nil
		}
	}
	return domain.NewProblem("problem.users.last_admin", "{{.Login}} is the only active administrator; make another user an administrator first, or nobody could manage users.", "Login", login)
}

func (s *Service) validate(ctx context.Context, tx *store.Tx, u domain.User) error {
	var ps domain.Problems
	if u.Login == "" || strings.IndexFunc(u.Login, func(r rune) bool { return unicode.IsSpace(r) || r == '/' }) >= 0 {
		ps = append(ps, domain.NewProblem("problem.users.bad_login", "A login must not be empty and must not contain spaces or “/”: {{.Login}}", "Login", u.Login))
	}
	if !u.Role.Valid() {
		ps = append(ps, domain.NewProblem("problem.users.bad_role", "There is no role {{.Role}}. Roles: administrator, budget_office, department_head, committee, auditor.", "Role", string(u.Role)))
	}
	if u.Role == domain.RoleDeptHead && len(u.Departments) == 0 {
		ps = append(ps, domain.NewProblem("problem.users.no_departments", "A department head needs the codes of the departments they head."))
	}
	if u.Role != domain.RoleDeptHead && len(u.Departments) > 0 {
		ps = append(ps, domain.NewProblem("problem.users.departments_unused", "Only department heads have departments; leave the departments empty for {{.Role}}.", "Role", u.Role.Term()))
	}
	if len(u.Departments) > 0 {
		depts, err := tx.Departments(ctx)
		if err != nil {
			return err
		}
		known := map[string]bool{}
		for _, d := range depts {
			known[d.Code] = true
		}
		for _, c := range u.Departments {
			if !known[c] {
				ps = append(ps, domain.NewProblem("problem.users.unknown_department", "There is no department with code {{.Code}}.", "Code", c))
			}
		}
	}
	if len(ps) > 0 {
		return ps
	}
	return nil
}

func checkPassword(p string) error {
	if len([]rune(p)) < credential.MinPasswordLen {
		return domain.NewProblem("problem.users.short_password", "A password needs at least {{.Min}} characters.", "Min", credential.MinPasswordLen)
	}
	return nil
}

// cleanCodes trims, drops empties and duplicates, and sorts.
func cleanCodes(codes []string) []string {
	var out []string
	for _, c := range codes {
		if c = strings.TrimSpace(c); c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.Sort(out)
	return out
}

// userChanges are the audit entries from old to u (passwords never appear).
func userChanges(old, u domain.User, reason string) []logbook.Entry {
	var es []logbook.Entry
	add := func(field, o, n string) {
		if e, ok := logbook.Change(logbook.EntityUser, u.Login, field, o, n, reason); ok {
			es = append(es, e)
		}
	}
	add("name", old.Name, u.Name)
	add("role", string(old.Role), string(u.Role))
	add("departments", strings.Join(old.Departments, ","), strings.Join(u.Departments, ","))
	add("locked", boolText(old.Disabled), boolText(u.Disabled))
	return es
}

func boolText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// SignInAgainst checks login and password against accounts read from a
// file that must not be written: a backup restored over a database that
// cannot be read. Nothing is counted or locked (the file stays as it is);
// an account disabled or locked in it is refused, with the words of every
// refused sign-in.
func SignInAgainst(users []domain.User, login, password string, now time.Time) (domain.Actor, error) {
	login = strings.TrimSpace(login)
	i := slices.IndexFunc(users, func(u domain.User) bool { return u.Login == login })
	if i < 0 {
		_, _ = credential.Verify(password, dummyHash())
		return domain.Actor{}, badCredentials()
	}
	u := users[i]
	if u.Disabled || (credential.Attempt{Failures: u.FailedAttempts, LockedUntil: u.LockedUntil}).Locked(now) {
		_, _ = credential.Verify(password, dummyHash())
		return domain.Actor{}, badCredentials()
	}
	ok, err := credential.Verify(password, u.PasswordHash)
	if err != nil {
		return domain.Actor{}, err
	}
	if !ok {
		return domain.Actor{}, badCredentials()
	}
	return u.Actor(), nil
}
