// Package domain holds the plain types and rules of BudgetPerf. It imports
// neither the GUI toolkit nor SQL so that rules can be table-tested alone.
package domain

// Actor is the person on whose behalf a service call reads or changes data.
// Every service takes one so that roles and an audit trail can be added
// without changing the services' signatures.
type Actor struct {
	Login string
	Name  string
}

// LocalUser is the built-in account used until user management exists.
var LocalUser = Actor{Login: "local", Name: "本机用户"}

// Valid reports whether the actor identifies someone.
func (a Actor) Valid() bool { return a.Login != "" }
