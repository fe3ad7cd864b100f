package budgeting

import (
	"errors"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// changedSince turns a save refused because someone else saved the record
// first (domain.Changed) into the office's words: what, who, when, and
// that reloading shows their version. Other errors pass unchanged.
func changedSince(err error, kind domain.Term, name string) error {
	var c *domain.Changed
	if !errors.As(err, &c) {
		return err
	}
	return domain.ChangedProblem(c, kind, name)
}
