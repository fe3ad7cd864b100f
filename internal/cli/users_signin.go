package cli

import (
	"bufio"
	"os"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Environment variables of the command line's sign-in. The password is
// never a flag: flags show in process lists and shell histories.
const (
	envUser        = "BUDGETPERF_USER"
	envPassword    = "BUDGETPERF_PASSWORD"
	envNewPassword = "BUDGETPERF_NEW_PASSWORD"
)

// signIn sets env.Actor. A database without users runs as the built-in
// local administrator, so the demo, scripts and a new installation work
// before anyone sets up accounts; once users exist every call must sign
// in with --user (or BUDGETPERF_USER) and BUDGETPERF_PASSWORD.
func (e *Env) signIn(svc *services.Services) error {
	has, err := svc.Accounts.HasUsers(e.ctx)
	if err != nil {
		return err
	}
	if !has {
		e.Actor = domain.LocalUser
		return nil
	}
	login := e.User
	if login == "" {
		login = os.Getenv(envUser)
	}
	if login == "" {
		return domain.NewProblem("problem.cli.signin_required", "This database has user accounts, so the command line must sign in: give --user LOGIN (or set BUDGETPERF_USER) and set the password in BUDGETPERF_PASSWORD.")
	}
	password, ok := os.LookupEnv(envPassword)
	if !ok {
		return domain.NewProblem("problem.cli.no_password", "No password for {{.Login}}: set it in the environment variable BUDGETPERF_PASSWORD (it is never given as an option).", "Login", login)
	}
	a, err := svc.Accounts.SignIn(e.ctx, login, password)
	if err != nil {
		return err
	}
	e.Actor = a
	return nil
}

// newPassword reads a new password from BUDGETPERF_NEW_PASSWORD, else from
// the first line of standard input (echo … | budgetperf users add …).
func newPassword() (string, error) {
	if p, ok := os.LookupEnv(envNewPassword); ok {
		return p, nil
	}
	// A read error (no input at all) leaves line empty, which is refused below.
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", domain.NewProblem("problem.cli.no_new_password", "No new password: set it in the environment variable BUDGETPERF_NEW_PASSWORD or give it on the first line of standard input.")
	}
	return line, nil
}

func getenv(k string) string { return os.Getenv(k) }

// openServer connects to a server database as --user (or BUDGETPERF_USER)
// with BUDGETPERF_PASSWORD when given, else as the address says (its user,
// PGPASSWORD or ~/.pgpass): on a server, signing in is connecting, and
// the account is the connection's login (users.ServerActor).
func (e *Env) openServer(target string) (*services.Services, error) {
	login := e.User
	if login == "" {
		login = os.Getenv(envUser)
	}
	if login != "" {
		target = store.WithLogin(target, login, os.Getenv(envPassword))
	}
	svc, err := services.Open(e.ctx, target)
	if err != nil {
		return nil, err
	}
	if e.Actor, err = svc.Accounts.ServerActor(e.ctx); err != nil {
		svc.Close()
		return nil, err
	}
	return svc, nil
}
