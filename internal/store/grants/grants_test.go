package grants_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
	"github.com/budgetperf/budgetperf/internal/users"
)

func connect(t *testing.T, url string) *sql.DB {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Ping(); err != nil {
		t.Fatalf("signing in: %v", err)
	}
	return db
}

func refused(t *testing.T, db *sql.DB, who, stmt string) {
	t.Helper()
	_, err := db.Exec(stmt)
	if err == nil || !strings.Contains(err.Error(), "permission denied") {
		t.Errorf("%s: %q was not refused by the server: %v", who, stmt, err)
	}
}

// The role matrix holds for someone who connects with psql under their
// own login: a department head sees and changes only their departments'
// proposals; nobody changes or removes audit rows; the auditor writes
// nothing; the passwords are the server's (SCRAM), not the users table's.
func TestTheServerHoldsTheRoleMatrix(t *testing.T) {
	name := enginetest.Logins(t)
	server := enginetest.NewDatabase(t)
	ctx := context.Background()
	svc, err := services.Open(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.LoadDemo(ctx, domain.LocalUser, 2026); err != nil {
		t.Fatal(err)
	}
	owner, err := svc.Accounts.ServerActor(ctx)
	if err != nil || owner.Role != domain.RoleAdministrator {
		t.Fatalf("the database's owner acts as %+v, %v", owner, err)
	}
	add := func(login string, role domain.Role, depts ...string) {
		if err := svc.Accounts.AddUser(ctx, owner, users.NewUser{Login: login, Name: login, Role: role, Departments: depts, Password: "Pass-word-2026"}); err != nil {
			t.Fatalf("adding %s: %v", login, err)
		}
	}
	add(name("admin"), domain.RoleAdministrator)
	add(name("head"), domain.RoleDeptHead, "101")
	add(name("auditor"), domain.RoleAuditor)

	head := connect(t, enginetest.As(server, name("head"), "Pass-word-2026"))
	var depts []string
	rows, err := head.Query(`SELECT d.code FROM prep_departments p JOIN departments d ON d.id = p.department_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c string
		_ = rows.Scan(&c)
		depts = append(depts, c)
	}
	rows.Close()
	if len(depts) != 1 || depts[0] != "101" {
		t.Errorf("the department head of 101 sees the proposals of %v", depts)
	}
	if res, err := head.Exec(`UPDATE prep_lines SET note = 'x' WHERE department_id <> (SELECT id FROM departments WHERE code = '101')`); err != nil {
		t.Fatal(err)
	} else if n, _ := res.RowsAffected(); n != 0 {
		t.Errorf("the department head changed %d lines of other departments", n)
	}
	refused(t, head, "department head", `UPDATE audit_log SET reason = 'x'`)
	refused(t, head, "department head", `DELETE FROM audit_log`)
	refused(t, head, "department head", `UPDATE users SET role = 'administrator'`)

	auditor := connect(t, enginetest.As(server, name("auditor"), "Pass-word-2026"))
	refused(t, auditor, "auditor", `UPDATE prep_lines SET note = 'x'`)
	refused(t, auditor, "auditor", `INSERT INTO settings (key, value) VALUES ('x', 'y')`)
	refused(t, auditor, "auditor", `DELETE FROM actuals`)
	var n int
	if err := auditor.QueryRow(`SELECT count(*) FROM prep_departments`).Scan(&n); err != nil || n < 20 {
		t.Errorf("the auditor reads %d proposals (%v), want all", n, err)
	}

	var hash string
	if err := svc.Store.Conn().QueryRowContext(ctx, `SELECT password_hash FROM users WHERE login = ?`, name("head")).Scan(&hash); err != nil || hash != "" {
		t.Errorf("the users table holds a password hash %q (%v)", hash, err)
	}
	if db := connect(t, enginetest.As(server, name("admin"), "Pass-word-2026")); db == nil {
		t.Fatal("the administrator cannot sign in")
	}
	wrong, err := sql.Open("pgx", enginetest.As(server, name("head"), "wrong"))
	if err != nil {
		t.Fatal(err)
	}
	defer wrong.Close()
	if wrong.Ping() == nil {
		t.Error("a wrong password signs in")
	}
}

// Signing in to a server database is connecting: the services act as the
// connection's account, with its role and departments.
func TestSigningInIsConnecting(t *testing.T) {
	name := enginetest.Logins(t)
	server := enginetest.NewDatabase(t)
	ctx := context.Background()
	svc, err := services.Open(ctx, server)
	if err != nil {
		t.Fatal(err)
	}
	owner, _ := svc.Accounts.ServerActor(ctx)
	for _, u := range []users.NewUser{
		{Login: name("admin"), Role: domain.RoleAdministrator, Password: "Pass-word-2026"},
		{Login: name("head"), Role: domain.RoleDeptHead, Departments: []string{"000"}, Password: "Pass-word-2026"},
	} {
		if err := svc.Accounts.AddUser(ctx, owner, u); err != nil {
			t.Fatal(err)
		}
	}
	svc.Close()
	as, err := services.Open(ctx, enginetest.As(server, name("head"), "Pass-word-2026"))
	if err != nil {
		t.Fatal(err)
	}
	defer as.Close()
	a, err := as.Accounts.ServerActor(ctx)
	if err != nil || a.Login != name("head") || a.Role != domain.RoleDeptHead || len(a.Departments) != 1 {
		t.Errorf("signed in as %+v, %v", a, err)
	}
}
