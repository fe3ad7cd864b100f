package users

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/grants"
)

// On a PostgreSQL server every account is also a server login: the
// password lives in the server (SCRAM), the role is a group of the
// database, and signing in is connecting (package grants). The users
// table keeps names, roles and departments, with no password hash.

// onServer reports whether accounts are server logins.
func (s *Service) onServer() bool { return s.st.Engine() == store.Postgres }

// ServerActor is who the server connection signed in as: the account of
// its login, or, for the database's owner (the server's administrator
// account, not an office user), an administrator.
func (s *Service) ServerActor(ctx context.Context) (domain.Actor, error) {
	who, owner, err := grants.Owner(ctx, s.st.Conn())
	if err != nil {
		return domain.Actor{}, err
	}
	u, err := s.st.User(ctx, who)
	switch {
	case err == nil && !u.Disabled:
		return u.Actor(), nil
	case err == nil:
		return domain.Actor{}, badCredentials()
	case !store.IsNotFound(err):
		return domain.Actor{}, err
	case owner:
		return domain.Actor{Login: who, Name: who, Role: domain.RoleAdministrator}, nil
	}
	return domain.Actor{}, domain.NewProblem("problem.server.not_a_user",
		"The server login {{.Login}} is not a BudgetPerf user of this database. An administrator adds users in Settings › Users.", "Login", who)
}

// serverLogin makes u's server login with password, in tx.
func (s *Service) serverLogin(ctx context.Context, tx *store.Tx, u domain.User, password string) error {
	if !s.onServer() {
		return nil
	}
	return grants.Login(ctx, tx.Conn(), u.Login, u.Role, password)
}

// serverRole, serverPassword and serverDisabled follow an account's change
// on the server, in tx.
func (s *Service) serverRole(ctx context.Context, tx *store.Tx, u domain.User) error {
	if !s.onServer() {
		return nil
	}
	return grants.SetRole(ctx, tx.Conn(), u.Login, u.Role)
}

func (s *Service) serverPassword(ctx context.Context, tx *store.Tx, login, password string) error {
	if !s.onServer() {
		return nil
	}
	return grants.Password(ctx, tx.Conn(), login, password)
}

func (s *Service) serverDisabled(ctx context.Context, tx *store.Tx, login string, disabled bool) error {
	if !s.onServer() {
		return nil
	}
	return grants.SetDisabled(ctx, tx.Conn(), login, disabled)
}

// serverSignIn checks login's password with the server, which keeps it
// (and may limit attempts: pg_hba, auth_delay); the same words as on a
// file for every refusal.
func (s *Service) serverSignIn(ctx context.Context, login, password string) (domain.Actor, error) {
	u, err := s.st.User(ctx, login)
	if store.IsNotFound(err) || err == nil && u.Disabled {
		return domain.Actor{}, badCredentials()
	}
	if err != nil {
		return domain.Actor{}, err
	}
	ok, err := s.st.VerifyLogin(ctx, login, password)
	if err != nil {
		return domain.Actor{}, err
	}
	if !ok {
		return domain.Actor{}, badCredentials()
	}
	return u.Actor(), nil
}
