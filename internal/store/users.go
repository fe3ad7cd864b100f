package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// CountUsers is the number of accounts; zero means the database runs as
// the built-in local administrator.
func (q Q) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := q.db.QueryRowContext(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n, err
}

const userSelect = `SELECT login, name, role, password_hash, failed_attempts, locked_until, disabled, created_at FROM users`

func scanUser(sc interface{ Scan(...any) error }) (domain.User, error) {
	var u domain.User
	var role, locked, created string
	var disabled int
	if err := sc.Scan(&u.Login, &u.Name, &role, &u.PasswordHash, &u.FailedAttempts, &locked, &disabled, &created); err != nil {
		return u, err
	}
	u.Role, u.Disabled = domain.Role(role), disabled != 0
	u.LockedUntil, u.CreatedAt = parseTime(locked), parseTime(created)
	return u, nil
}

// Users lists every account by login, with their departments.
func (q Q) Users(ctx context.Context) ([]domain.User, error) {
	rows, err := q.db.QueryContext(ctx, userSelect+` ORDER BY login`)
	if err != nil {
		return nil, fmt.Errorf("reading the users: %w", err)
	}
	var out []domain.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	depts, err := q.userDepartments(ctx, "")
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Departments = depts[out[i].Login]
	}
	return out, nil
}

// User reads one account; IsNotFound when there is none.
func (q Q) User(ctx context.Context, login string) (domain.User, error) {
	u, err := scanUser(q.db.QueryRowContext(ctx, userSelect+` WHERE login = ?`, login))
	if err == sql.ErrNoRows {
		return u, errNotFound
	}
	if err != nil {
		return u, fmt.Errorf("reading user %s: %w", login, err)
	}
	depts, err := q.userDepartments(ctx, login)
	u.Departments = depts[login]
	return u, err
}

func (q Q) userDepartments(ctx context.Context, login string) (map[string][]string, error) {
	query, args := `SELECT login, department_code FROM user_departments`, []any{}
	if login != "" {
		query += ` WHERE login = ?`
		args = append(args, login)
	}
	rows, err := q.db.QueryContext(ctx, query+` ORDER BY login, department_code`, args...)
	if err != nil {
		return nil, fmt.Errorf("reading the users' departments: %w", err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var l, code string
		if err := rows.Scan(&l, &code); err != nil {
			return nil, err
		}
		out[l] = append(out[l], code)
	}
	return out, rows.Err()
}

// InsertUser adds an account with its departments.
func (q Q) InsertUser(ctx context.Context, u domain.User) error {
	at := now()
	_, err := q.db.ExecContext(ctx, `INSERT INTO users (login, name, role, password_hash, failed_attempts, locked_until, disabled, created_at, updated_at)
		VALUES (?, ?, ?, ?, 0, '', ?, ?, ?)`, u.Login, u.Name, string(u.Role), u.PasswordHash, boolInt(u.Disabled), at, at)
	if err != nil {
		return fmt.Errorf("adding user %s: %w", u.Login, err)
	}
	return q.setUserDepartments(ctx, u.Login, u.Departments)
}

// UpdateUser changes an account's name, role, departments and
// administrator lock; the password and the lock-out count are kept.
func (q Q) UpdateUser(ctx context.Context, u domain.User) error {
	_, err := q.db.ExecContext(ctx, `UPDATE users SET name = ?, role = ?, disabled = ?, updated_at = ? WHERE login = ?`,
		u.Name, string(u.Role), boolInt(u.Disabled), now(), u.Login)
	if err != nil {
		return fmt.Errorf("changing user %s: %w", u.Login, err)
	}
	return q.setUserDepartments(ctx, u.Login, u.Departments)
}

func (q Q) setUserDepartments(ctx context.Context, login string, codes []string) error {
	if _, err := q.db.ExecContext(ctx, `DELETE FROM user_departments WHERE login = ?`, login); err != nil {
		return err
	}
	for _, c := range codes {
		if _, err := q.db.ExecContext(ctx, `INSERT INTO user_departments (login, department_code) VALUES (?, ?)`, login, c); err != nil {
			return fmt.Errorf("giving %s department %s: %w", login, c, err)
		}
	}
	return nil
}

// SetPassword stores a new password hash and clears the lock-out.
func (q Q) SetPassword(ctx context.Context, login, hash string) error {
	_, err := q.db.ExecContext(ctx, `UPDATE users SET password_hash = ?, failed_attempts = 0, locked_until = '', updated_at = ? WHERE login = ?`,
		hash, now(), login)
	return err
}

// SetSignInAttempts stores the lock-out state after a sign-in attempt.
func (q Q) SetSignInAttempts(ctx context.Context, login string, failures int, lockedUntil time.Time) error {
	until := ""
	if !lockedUntil.IsZero() {
		until = lockedUntil.Format(time.RFC3339)
	}
	_, err := q.db.ExecContext(ctx, `UPDATE users SET failed_attempts = ?, locked_until = ? WHERE login = ?`, failures, until, login)
	return err
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
