package cli

import (
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/users"
)

func init() {
	register(command{name: "users list", summary: "cli.users_list.summary", run: runUsersList})
	register(command{name: "users add", creates: true, summary: "cli.users_add.summary", run: runUsersAdd})
	register(command{name: "users set", summary: "cli.users_set.summary", run: runUsersSet})
	register(command{name: "users passwd", summary: "cli.users_passwd.summary", run: runUsersPasswd})
	register(command{name: "users reset", summary: "cli.users_reset.summary", run: runUsersReset})
	register(command{name: "users lock", summary: "cli.users_lock.summary", run: runUsersLock})
	register(command{name: "users unlock", summary: "cli.users_unlock.summary", run: runUsersUnlock})
}

type userJSON struct {
	Login       string   `json:"login"`
	Name        string   `json:"name"`
	Role        string   `json:"role"`
	Departments []string `json:"departments"`
	Locked      bool     `json:"locked"`
	LockedUntil string   `json:"locked_until,omitempty"`
}

func runUsersList(env *Env, args []string) error {
	f := newFlags(env, "users list", "", "cli.users_list.about")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	us, err := svc.Accounts.Users(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	out := struct {
		Users []userJSON `json:"users"`
	}{Users: []userJSON{}}
	var rows [][]string
	now := time.Now()
	for _, u := range us {
		j := userJSON{Login: u.Login, Name: u.Name, Role: string(u.Role), Departments: u.Departments, Locked: u.Disabled}
		if j.Departments == nil {
			j.Departments = []string{}
		}
		if now.Before(u.LockedUntil) {
			j.LockedUntil = u.LockedUntil.Format(time.RFC3339)
		}
		out.Users = append(out.Users, j)
		state := ""
		switch {
		case u.Disabled:
			state = i18n.T("users.state.locked")
		case j.LockedUntil != "":
			state = i18n.T("users.state.locked_until", "Until", u.LockedUntil.Local().Format("15:04"))
		}
		rows = append(rows, []string{u.Login, u.Name, i18n.T("role." + string(u.Role)), strings.Join(u.Departments, ","), state})
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	return table(env.Stdout, []string{i18n.T("col.login"), i18n.T("col.name"), i18n.T("col.role"), i18n.T("col.departments"), i18n.T("col.state")}, rows)
}

// loginArg is the one positional LOGIN of a users command.
func loginArg(pos []string) (string, error) {
	if len(pos) != 1 {
		return "", usagef("%s", i18n.T("cli.users.login_required"))
	}
	return pos[0], nil
}

func splitCodes(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' })
}

func runUsersAdd(env *Env, args []string) error {
	f := newFlags(env, "users add", "LOGIN", "cli.users_add.about")
	name := f.String("name", "", "cli.flag.user_name")
	role := f.String("role", "", "cli.flag.role")
	depts := f.String("departments", "", "cli.flag.user_departments")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	login, err := loginArg(pos)
	if err != nil {
		return err
	}
	if *role == "" {
		return usagef("%s", i18n.T("cli.users.role_required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	// Refuse before asking: nobody types a password only to be told no.
	if err := svc.Accounts.CanManageUsers(env.Actor); err != nil {
		return err
	}
	pw, err := newPassword()
	if err != nil {
		return err
	}
	if err := svc.Accounts.AddUser(env.ctx, env.Actor, users.NewUser{Login: login, Name: *name, Role: domain.Role(*role),
		Departments: splitCodes(*depts), Password: pw}); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T("cli.users.added", "Login", login))
	return nil
}

func runUsersSet(env *Env, args []string) error {
	f := newFlags(env, "users set", "LOGIN", "cli.users_set.about")
	name := f.String("name", "", "cli.flag.user_name")
	role := f.String("role", "", "cli.flag.role")
	depts := f.String("departments", "", "cli.flag.user_departments")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	login, err := loginArg(pos)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	us, err := svc.Accounts.Users(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	// Options left out keep their current value.
	for _, u := range us {
		if u.Login != login {
			continue
		}
		given := map[string]bool{}
		f.Visit(func(fl *flag.Flag) { given[fl.Name] = true })
		if given["name"] {
			u.Name = *name
		}
		if given["role"] {
			u.Role = domain.Role(*role)
		}
		if given["departments"] {
			u.Departments = splitCodes(*depts)
		} else if u.Role != domain.RoleDeptHead {
			u.Departments = nil
		}
		if err := svc.Accounts.UpdateUser(env.ctx, env.Actor, login, u.Name, u.Role, u.Departments); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, i18n.T("cli.users.changed", "Login", login))
		return nil
	}
	return domain.NewProblem("problem.users.unknown", "There is no user {{.Login}}. See the list of users.", "Login", login)
}

func runUsersPasswd(env *Env, args []string) error {
	f := newFlags(env, "users passwd", "", "cli.users_passwd.about")
	if err := f.parseNone(args); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Accounts.CanChangePassword(env.ctx, env.Actor); err != nil {
		return err
	}
	pw, err := newPassword()
	if err != nil {
		return err
	}
	// The current password is the one just used to sign in.
	if err := svc.Accounts.ChangePassword(env.ctx, env.Actor, getenv(envPassword), pw); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T("cli.users.password_changed", "Login", env.Actor.Login))
	return nil
}

func runUsersReset(env *Env, args []string) error {
	f := newFlags(env, "users reset", "LOGIN", "cli.users_reset.about")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	login, err := loginArg(pos)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Accounts.CanManageUsers(env.Actor); err != nil {
		return err
	}
	pw, err := newPassword()
	if err != nil {
		return err
	}
	if err := svc.Accounts.ResetPassword(env.ctx, env.Actor, login, pw); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T("cli.users.password_reset", "Login", login))
	return nil
}

func runUsersLock(env *Env, args []string) error   { return usersLock(env, args, true) }
func runUsersUnlock(env *Env, args []string) error { return usersLock(env, args, false) }

func usersLock(env *Env, args []string, lock bool) error {
	name, about, done := "users unlock", "cli.users_unlock.about", "cli.users.unlocked"
	if lock {
		name, about, done = "users lock", "cli.users_lock.about", "cli.users.locked"
	}
	f := newFlags(env, name, "LOGIN", about)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	login, err := loginArg(pos)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Accounts.SetLocked(env.ctx, env.Actor, login, lock); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.T(done, "Login", login))
	return nil
}
