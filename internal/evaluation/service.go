// Package evaluation runs performance evaluations over the store: the
// indicator library, evaluation runs of departments and projects, their
// finalisation, the result-application suggestions for the next budget and
// the national assessment values. The scoring rules themselves live in the
// pure package scoring; this package only reads, checks and stores.
package evaluation

import (
	"context"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/store"
)

// The built-in schemes StartYear assigns (codes of assets/indicators/*.csv).
const (
	ProjectSchemeCode      = "mof-project-self-evaluation"
	DepartmentSchemeCode   = "hospital-secondary-assessment"
	PublicHealthSchemeCode = "mch-public-welfare"
)

// Service is the evaluation service.
type Service struct {
	st  *store.Store
	mon *execution.Service
}

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st, mon: execution.New(st)} }

// EnsureTemplates loads the built-in schemes into the library when it is
// empty. A library that holds anything is the user's: it is never
// overwritten, so edits survive every start of the program.
func (s *Service) EnsureTemplates(ctx context.Context) error {
	// Read first: this runs at every start, and a write transaction would
	// needlessly wait on another program holding the database.
	if n, err := s.st.CountSchemes(ctx); err != nil || n > 0 {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		return EnsureTemplatesIn(ctx, tx.Q, domain.LocalUser)
	})
}

// EnsureTemplatesIn is EnsureTemplates inside a caller's transaction (the
// demo load uses it).
func EnsureTemplatesIn(ctx context.Context, q store.Q, by domain.Actor) error {
	n, err := q.CountSchemes(ctx)
	if err != nil || n > 0 {
		return err
	}
	// A broken template file is a build defect that the templates test
	// catches; the schemes that parsed still load.
	schemes, err := scoring.Templates()
	if err != nil && len(schemes) == 0 {
		return err
	}
	for _, sc := range schemes {
		if _, err := q.SaveScheme(ctx, by, sc, true); err != nil {
			return err
		}
	}
	return nil
}

// Schemes lists the indicator library, ordered by code.
func (s *Service) Schemes(ctx context.Context, by domain.Actor) ([]scoring.Scheme, error) {
	if err := permission.SignedIn(by); err != nil {
		return nil, err
	}
	return s.st.Schemes(ctx)
}

// Scheme reads one scheme by code.
func (s *Service) Scheme(ctx context.Context, by domain.Actor, code string) (scoring.Scheme, error) {
	if err := permission.SignedIn(by); err != nil {
		return scoring.Scheme{}, err
	}
	sc, _, err := s.st.Scheme(ctx, code)
	if store.IsNotFound(err) {
		return sc, noScheme(code)
	}
	return sc, err
}

// SaveScheme stores a scheme (new or edited, matched by code) after
// Validate finds nothing wrong. A scheme that scored a finalised
// evaluation is refused: its locked results must stay reproducible.
func (s *Service) SaveScheme(ctx context.Context, by domain.Actor, sc scoring.Scheme) error {
	if err := permission.Check(by, permission.IndicatorsEdit, ""); err != nil {
		return err
	}
	sc.Code = strings.TrimSpace(sc.Code)
	if sc.Code == "" {
		return domain.NewProblem("problem.evaluation.scheme_code", "The indicator system has no code: give it one.")
	}
	if ps := sc.Validate(); len(ps) > 0 {
		return ps
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		n, err := tx.SchemeFinalisedUses(ctx, sc.Code)
		if err != nil {
			return err
		}
		if n > 0 {
			return domain.NewProblem("problem.evaluation.scheme_in_use",
				"The indicator system {{.Scheme}} scored {{.Count}} finalised evaluations, which are locked; it cannot change. Save your edits under a new code instead.",
				"Scheme", sc.Name, "Count", n)
		}
		_, err = tx.SaveScheme(ctx, by, sc, false)
		return err
	})
}

func noScheme(code string) error {
	return domain.NewProblem("problem.evaluation.no_scheme", "There is no indicator system with code {{.Code}}.", "Code", code)
}
