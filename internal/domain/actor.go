// Package domain holds the plain types and rules of BudgetPerf. It imports
// neither the GUI toolkit nor SQL so that rules can be table-tested alone.
package domain

import (
	"slices"
	"time"
)

// Role is what a user may do; the permissions of each role are in package permission.
type Role string

// The roles of issue 10: who prepares, who reviews, who approves, who only reads.
const (
	RoleAdministrator Role = "administrator"
	RoleBudgetOffice  Role = "budget_office"
	RoleDeptHead      Role = "department_head"
	RoleCommittee     Role = "committee"
	RoleAuditor       Role = "auditor"
)

// Roles lists every role in the order screens offer them.
var Roles = []Role{RoleAdministrator, RoleBudgetOffice, RoleDeptHead, RoleCommittee, RoleAuditor}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { return slices.Contains(Roles, r) }

// Term is the role's name for messages, translated by the interface.
func (r Role) Term() Term {
	defaults := map[Role]string{RoleAdministrator: "administrator", RoleBudgetOffice: "budget office",
		RoleDeptHead: "department head", RoleCommittee: "budget committee", RoleAuditor: "auditor"}
	def, ok := defaults[r]
	if !ok {
		def = string(r)
	}
	return Term{Key: "role." + string(r), Default: def}
}

// Actor is the person on whose behalf a service call reads or changes data.
// Every service takes one so that roles and an audit trail apply to every
// call without changing the services' signatures.
type Actor struct {
	Login string
	Name  string
	// Role decides what the actor may do (package permission).
	Role Role
	// Departments are the codes a department head heads; other roles ignore it.
	Departments []string
}

// LocalUser is the built-in account of a database that has no users yet:
// it administers everything, so a new database, the demo and scripts work
// before anyone sets up accounts.
var LocalUser = Actor{Login: "local", Name: "本机用户", Role: RoleAdministrator}

// Valid reports whether the actor identifies someone.
func (a Actor) Valid() bool { return a.Login != "" }

// Heads reports whether the actor is a department head of deptCode.
func (a Actor) Heads(deptCode string) bool {
	return a.Role == RoleDeptHead && slices.Contains(a.Departments, deptCode)
}

// User is a stored account. The password hash is opaque here (package credential).
type User struct {
	Login       string
	Name        string
	Role        Role
	Departments []string
	// PasswordHash is the encoded argon2id hash with its salt and parameters.
	PasswordHash string
	// FailedAttempts counts wrong passwords since the last good sign-in.
	FailedAttempts int
	// LockedUntil is set after too many wrong passwords; zero when not locked.
	LockedUntil time.Time
	// Disabled is an administrator's lock: no sign-in until unlocked.
	Disabled  bool
	CreatedAt time.Time
}

// Actor is the user as services see them after signing in.
func (u User) Actor() Actor {
	return Actor{Login: u.Login, Name: u.Name, Role: u.Role, Departments: slices.Clone(u.Departments)}
}

// UserTerm names a login in a message: the built-in account by its name
// in words (key user.local), any other login as it is.
func UserTerm(login string) any {
	if login == LocalUser.Login {
		return Term{Key: "user.local", Default: "System administrator"}
	}
	return login
}
