package domain

import "time"

// Version is how far a record that several people may edit has come: it
// moves on with every save, and a save that started from an older version
// is refused (Changed) instead of overwriting what another saved unseen.
type Version int64

// Changed is the refusal of a save made from an old version of a record:
// By changed it At, after the one saving had read it.
type Changed struct {
	By string
	At time.Time
}

func (c *Changed) Error() string {
	return "changed by " + c.By + " at " + c.At.Format(time.RFC3339) + " since it was read"
}

// ChangedProblem is the refusal of a save made from an old version.
func ChangedProblem(c *Changed, kind Term, name string) *Problem {
	return NewProblem(ChangedKey,
		"{{.Who}} saved the {{.Kind}} \"{{.Name}}\" at {{.At}}, after you opened it; your changes were not saved, so as not to overwrite theirs. Reload to see their version, then make your changes again.",
		"Who", UserTerm(c.By), "At", c.At, "Kind", kind, "Name", name)
}

// ChangedKey is the problem key of a save refused for an old version:
// screens that see it offer to reload.
const ChangedKey = "problem.record.changed"
