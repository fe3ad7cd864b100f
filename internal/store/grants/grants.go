// Package grants makes a PostgreSQL server hold BudgetPerf's role matrix
// itself, so that it holds for someone who connects with psql under their
// own login too:
//
//   - every BudgetPerf user is a server login (CREATE ROLE … LOGIN) whose
//     password lives in the server as a SCRAM verifier, never in a table;
//   - each role of the matrix is a group role of the database
//     (bp_<database>_<role>) granted to its users;
//   - everyone reads; the auditor only reads; only the administrator
//     writes the accounts; nobody but the database owner may change or
//     remove a row of the audit trail (insert-only);
//   - a department head's rows of the preparation (proposals, their lines
//     and steps, projects, targets, target values and spending) are only
//     their departments' rows (row-level security on user_departments).
//
// The owner of the database (who ran the migrations) keeps every right:
// it is the server's administrator account, not an office user.
package grants

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store/dialect"
)

// Roles are the matrix's roles, in the order their group roles are made.
var Roles = []domain.Role{domain.RoleAdministrator, domain.RoleBudgetOffice, domain.RoleDeptHead, domain.RoleCommittee, domain.RoleAuditor}

// writers may change data (each within what the application allows it).
func writer(r domain.Role) bool { return r != domain.RoleAuditor }

// deptTables hold department rows a department head sees only for their
// departments: how a row names its department.
var deptTables = map[string]string{
	"prep_departments": "department_id IN (SELECT id FROM own_departments)",
	"prep_lines":       "department_id IN (SELECT id FROM own_departments)",
	"prep_transitions": "department_id IN (SELECT id FROM own_departments)",
	"projects":         "department_id IN (SELECT id FROM own_departments)",
	"project_targets":  "project_id IN (SELECT id FROM projects)",
	"target_values":    "project_id IN (SELECT id FROM projects)",
	"project_spending": "project_id IN (SELECT id FROM projects)",
}

// accountTables only the administrator writes.
var accountTables = []string{"users", "user_departments", "schema_migrations"}

// Group is the group role of role r in database db.
func Group(db string, r domain.Role) string {
	return "bp_" + db + "_" + string(r)
}

func quote(name string) string { return pgx.Identifier{name}.Sanitize() }

// Database is the name of q's database, which names its group roles.
func Database(ctx context.Context, q dialect.Querier) (string, error) {
	var db string
	err := q.QueryRowContext(ctx, `SELECT current_database()`).Scan(&db)
	return db, err
}

// Install creates the group roles, grants and policies of q's database;
// it can run again (after a migration adds tables) and changes nothing
// that is already so. It needs the database's owner, with CREATEROLE.
func Install(ctx context.Context, q dialect.Querier, tables []string) error {
	db, err := Database(ctx, q)
	if err != nil {
		return err
	}
	var stmts []string
	for _, r := range Roles {
		g := Group(db, r)
		stmts = append(stmts,
			fmt.Sprintf(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s') THEN CREATE ROLE %s NOLOGIN; END IF; END $$`, g, quote(g)),
			fmt.Sprintf(`GRANT CONNECT ON DATABASE %s TO %s`, quote(db), quote(g)),
			fmt.Sprintf(`GRANT USAGE ON SCHEMA public TO %s`, quote(g)))
	}
	stmts = append(stmts, `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC`,
		`CREATE OR REPLACE VIEW own_departments AS SELECT d.id FROM departments d JOIN user_departments u ON u.department_code = d.code WHERE u.login = current_user`)
	stmts = append(stmts, tableGrants(db, append(tables, "schema_migrations", "own_departments"))...)
	stmts = append(stmts, policies(db)...)
	for _, s := range stmts {
		if _, err := q.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("setting the server's rights (%s): %w", firstWords(s), err)
		}
	}
	return nil
}

// tableGrants: everyone reads; writers write but the accounts and the
// audit trail; the audit trail takes new rows only.
func tableGrants(db string, tables []string) []string {
	var out []string
	for _, r := range Roles {
		g := quote(Group(db, r))
		for _, t := range tables {
			out = append(out, fmt.Sprintf(`GRANT SELECT ON %s TO %s`, t, g))
			switch {
			case !writer(r) || t == "own_departments":
			case t == "audit_log":
				out = append(out, fmt.Sprintf(`GRANT INSERT ON %s TO %s`, t, g))
			case contains(accountTables, t) && r != domain.RoleAdministrator:
			default:
				out = append(out, fmt.Sprintf(`GRANT INSERT, UPDATE, DELETE ON %s TO %s`, t, g))
			}
		}
		if writer(r) {
			out = append(out, fmt.Sprintf(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO %s`, g))
		}
	}
	return out
}

// policies limit a department head to their departments' rows of the
// preparation; every other role sees every row.
func policies(db string) []string {
	head := quote(Group(db, domain.RoleDeptHead))
	var others []string
	for _, r := range Roles {
		if r != domain.RoleDeptHead {
			others = append(others, quote(Group(db, r)))
		}
	}
	var out []string
	for _, t := range sortedKeys(deptTables) {
		out = append(out, fmt.Sprintf(`ALTER TABLE %s ENABLE ROW LEVEL SECURITY`, t),
			fmt.Sprintf(`DROP POLICY IF EXISTS own_departments ON %s`, t),
			fmt.Sprintf(`CREATE POLICY own_departments ON %s TO %s USING (%s)`, t, head, deptTables[t]),
			fmt.Sprintf(`DROP POLICY IF EXISTS whole_hospital ON %s`, t),
			fmt.Sprintf(`CREATE POLICY whole_hospital ON %s TO %s USING (true)`, t, strings.Join(others, ", ")))
	}
	return out
}

func firstWords(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
