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

// The built-in schemes (codes of assets/indicators/*.csv). StartYear
// assigns a project the MoF scheme and a department the scheme of its
// type (DepartmentSchemeFor); the hospital-wide unit is evaluated on the
// hospital scheme chosen in the library (HospitalScheme).
const (
	ProjectSchemeCode          = "mof-project-self-evaluation"
	ClinicalSchemeCode         = "dept-clinical"
	MedicalTechnicalSchemeCode = "dept-medical-technical"
	PublicHealthSchemeCode     = "dept-public-health"
	AdministrativeSchemeCode   = "dept-administrative"
	LogisticsSchemeCode        = "dept-logistics"
	// The national assessment schemes a hospital evaluation starts from.
	HospitalSecondarySchemeCode = "hospital-secondary-assessment"
	HospitalTertiarySchemeCode  = "tertiary-general-assessment"
	TCMTertiarySchemeCode       = "tcm-tertiary-assessment"
	TCMSecondarySchemeCode      = "tcm-secondary-assessment"
	MCHSchemeCode               = "mch-public-welfare"
	// DepartmentSchemeCode is the scheme every non-public-health
	// department was evaluated on before each type had its own, and the
	// hospital scheme by default; evaluations opened then keep it.
	DepartmentSchemeCode = HospitalSecondarySchemeCode
)

// DepartmentSchemeFor is the built-in scheme of a department type: no
// department is scored on indicators that do not concern it (a finance
// office has no surgery share).
func DepartmentSchemeFor(t domain.DeptType) string {
	switch t {
	case domain.MedicalTechnical:
		return MedicalTechnicalSchemeCode
	case domain.PublicHealth:
		return PublicHealthSchemeCode
	case domain.Administrative:
		return AdministrativeSchemeCode
	case domain.Logistics:
		return LogisticsSchemeCode
	}
	return ClinicalSchemeCode
}

// Service is the evaluation service.
type Service struct {
	st  *store.Store
	mon *execution.Service
}

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st, mon: execution.New(st)} }

// EnsureTemplates adds to the library every built-in scheme whose code it
// does not hold yet (all of them in a new database; in an older one, the
// schemes shipped since). A scheme the library holds is the user's: it is
// never overwritten, so edits survive every start of the program and the
// evaluations that point at a scheme keep scoring as they did.
func (s *Service) EnsureTemplates(ctx context.Context) error {
	// Read first: this runs at every start, and a write transaction would
	// needlessly wait on another program holding the database.
	missing, err := missingTemplates(ctx, s.st.Q)
	if err != nil || len(missing) == 0 {
		return err
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		return EnsureTemplatesIn(ctx, tx.Q, domain.LocalUser)
	})
}

// EnsureTemplatesIn is EnsureTemplates inside a caller's transaction (the
// demo load uses it).
func EnsureTemplatesIn(ctx context.Context, q store.Q, by domain.Actor) error {
	missing, err := missingTemplates(ctx, q)
	if err != nil {
		return err
	}
	for _, sc := range missing {
		if _, err := q.SaveScheme(ctx, by, sc, true); err != nil {
			return err
		}
	}
	return nil
}

// missingTemplates are the built-in schemes whose code the library does
// not hold.
func missingTemplates(ctx context.Context, q store.Q) ([]scoring.Scheme, error) {
	ids, err := q.SchemeIDs(ctx)
	if err != nil {
		return nil, err
	}
	// A broken template file is a build defect that the templates test
	// catches; the schemes that parsed still load.
	schemes, err := scoring.Templates()
	if err != nil && len(schemes) == 0 {
		return nil, err
	}
	var out []scoring.Scheme
	for _, sc := range schemes {
		if _, ok := ids[sc.Code]; !ok {
			out = append(out, sc)
		}
	}
	return out, nil
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
