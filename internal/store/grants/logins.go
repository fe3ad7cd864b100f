package grants

import (
	"context"
	"crypto/rand"
	"fmt"
	"sort"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/credential"
	"github.com/budgetperf/budgetperf/internal/store/dialect"
)

// Login makes login a server login of role r with password (kept by the
// server as a SCRAM verifier, computed here so the password itself never
// reaches the server or its logs), in q's transaction. A login that
// already exists on the server (the person has one for another database)
// gets the password and the role's group here.
func Login(ctx context.Context, q dialect.Querier, login string, r domain.Role, password string) error {
	verifier, err := verifierOf(password)
	if err != nil {
		return err
	}
	var exists bool
	if err := q.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?)`, login).Scan(&exists); err != nil {
		return err
	}
	stmt := `CREATE ROLE %s LOGIN PASSWORD '%s'`
	if exists {
		stmt = `ALTER ROLE %s LOGIN PASSWORD '%s'`
	}
	if _, err := q.ExecContext(ctx, fmt.Sprintf(stmt, quote(login), verifier)); err != nil {
		return fmt.Errorf("making the server login %s: %w", login, err)
	}
	return SetRole(ctx, q, login, r)
}

// Password sets login's server password.
func Password(ctx context.Context, q dialect.Querier, login, password string) error {
	verifier, err := verifierOf(password)
	if err != nil {
		return err
	}
	_, err = q.ExecContext(ctx, fmt.Sprintf(`ALTER ROLE %s PASSWORD '%s'`, quote(login), verifier))
	return err
}

// SetRole puts login in role r's group of this database, out of the others.
func SetRole(ctx context.Context, q dialect.Querier, login string, r domain.Role) error {
	db, err := Database(ctx, q)
	if err != nil {
		return err
	}
	// An administrator adds and changes the others' logins.
	attr := `ALTER ROLE %s NOCREATEROLE`
	if r == domain.RoleAdministrator {
		attr = `ALTER ROLE %s CREATEROLE`
	}
	if _, err := q.ExecContext(ctx, fmt.Sprintf(attr, quote(login))); err != nil {
		return fmt.Errorf("giving %s the rights of %s: %w", login, r, err)
	}
	for _, other := range Roles {
		stmt := `REVOKE %s FROM %s`
		if other == r {
			stmt = `GRANT %s TO %s`
		}
		if _, err := q.ExecContext(ctx, fmt.Sprintf(stmt, quote(Group(db, other)), quote(login))); err != nil {
			return fmt.Errorf("giving %s the rights of %s: %w", login, r, err)
		}
	}
	return nil
}

// SetDisabled stops (or lets again) login sign in to the server.
func SetDisabled(ctx context.Context, q dialect.Querier, login string, disabled bool) error {
	stmt := `ALTER ROLE %s LOGIN`
	if disabled {
		stmt = `ALTER ROLE %s NOLOGIN`
	}
	_, err := q.ExecContext(ctx, fmt.Sprintf(stmt, quote(login)))
	return err
}

// Owner reports whether the connection's login owns the database: the
// server's administrator account, which acts as BudgetPerf's administrator.
func Owner(ctx context.Context, q dialect.Querier) (string, bool, error) {
	var who string
	var owner bool
	err := q.QueryRowContext(ctx, `SELECT current_user, pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'MEMBER')`).Scan(&who, &owner)
	return who, owner, err
}

func verifierOf(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	v, err := credential.SCRAMVerifier(password, salt)
	if err != nil {
		return "", err
	}
	// The verifier is base64 and '$' ':' only; a quote cannot occur.
	if strings.ContainsAny(v, `'\`) {
		return "", fmt.Errorf("unexpected verifier")
	}
	return v, nil
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
