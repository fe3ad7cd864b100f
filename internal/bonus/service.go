// Package bonus computes a year's bonus allocation from the database:
// departments, the latest finalised evaluations and the approved
// performance-pay budget, fed to the pure rules of internal/domain/payout. It owns
// the staff-list import (staff.go) and the pay-sheet workbook
// (export_paysheet.go).
package bonus

import (
	"context"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/store"
)

// DefaultWeights is the product's default scheme: workload 30%, quality
// 25%, efficiency and cost control 20%, public welfare 15%, satisfaction
// 10%. --welfare-weight (or the GUI slider) rescales it.
var DefaultWeights = payout.Weights{
	scoring.BonusWorkload:      0.30,
	scoring.BonusQuality:       0.25,
	scoring.BonusEfficiency:    0.20,
	scoring.BonusPublicWelfare: 0.15,
	scoring.BonusSatisfaction:  0.10,
}

// DefaultWelfareFloor is the lowest public-welfare weight a scheme may have
// until the hospital sets its own floor (setting bonus.welfare_floor): 0,
// so that the effect of the weight can be seen from nothing upwards.
const DefaultWelfareFloor = 0.0

const settingWelfareFloor = "bonus.welfare_floor"

// PerformancePaySubject is the subject whose approved budget caps the pool
// (30107 绩效工资).
const PerformancePaySubject = domain.PerformancePaySubject

// lookBack is how many years before the bonus year an evaluation may come from.
const lookBack = 2

// Service computes bonus allocations.
type Service struct {
	st *store.Store
	ev *evaluation.Service
}

// New returns the service over st, reading evaluations through ev.
func New(st *store.Store, ev *evaluation.Service) *Service { return &Service{st: st, ev: ev} }

// Dept is a department's line of the result.
type Dept struct {
	Code, Name, NameEn string
	Type               domain.DeptType
	Headcount          int
	CoefficientMilli   int64
	Coefficient        float64
	Scores             map[payout.Dimension]float64
	// Entered marks the scores entered by hand rather than taken from the evaluation.
	Entered map[payout.Dimension]bool
	// Unmeasured marks the dimensions with no measurement (no tagged
	// indicator with a value in the evaluation, no score entered): left out
	// of the composite, never scored 0. Effective are the weights the
	// composite was computed with: 0 for those, the others rescaled.
	Unmeasured map[payout.Dimension]bool
	Effective  payout.Weights
	Composite  float64
	Bonus      money.Amount
	// AtZero is the department's bonus with a public-welfare weight of 0,
	// the other weights rescaled: what the weighting changes for it.
	AtZero money.Amount
	// LastPeriod is the department's bonus in the previous year's approved
	// run; nil when there is none or the department was not in it.
	LastPeriod *money.Amount
}

// Result is a year's allocation.
type Result struct {
	Year int
	Pool money.Amount
	// Cap is the reward performance pay available (Limit.Available when
	// computed, as it was at saving for a stored run): the largest pool.
	Cap money.Amount
	// Limit is what the cap comes from now: approved − paid − committed.
	Limit payout.Limit
	// Floor is the lowest public-welfare weight the hospital allows.
	Floor   float64
	Weights payout.Weights
	// Drivers are the indicators that scored the dimensions, all of which
	// passed the compliance guard.
	Drivers     []payout.Driver
	Departments []Dept
	// Steps are the public-welfare weights of the sensitivity curve (0 to
	// 50%) and Sensitivity each department's bonus (by code) at each step.
	Steps       []float64
	Sensitivity map[string][]money.Amount
	// Run is the stored run this result comes from; nil when just computed.
	Run *RunInfo
}

// Compute allocates pool among the departments (not the hospital-wide unit
// 000) with a headcount above 0. Each department's dimension scores come
// from its latest finalised evaluation of year, year−1 or year−2: score =
// Σ indicator score ÷ Σ indicator points × 100 over the indicators tagged
// with the dimension. A dimension with no tagged indicator with a value in
// that run (or a department with no finalised evaluation) and no score
// entered by hand is unmeasured: left out of the department's composite,
// its other weights rescaled (payout.EffectiveWeights). welfareWeight, if
// not nil, sets the public-welfare weight, the others rescaled in
// proportion; it may not be below the hospital's floor nor above 1; nil
// takes the hospital's current weight (Settings). The pool may not exceed
// the reward performance pay available now (Limit).
func (s *Service) Compute(ctx context.Context, by domain.Actor, year int, pool money.Amount, welfareWeight *float64) (Result, error) {
	return s.compute(ctx, by, year, pool, welfareWeight, s.floor(ctx))
}

// SetWelfareFloor stores the hospital's floor for the public-welfare
// weight, the other settings kept (SetSettings).
func (s *Service) SetWelfareFloor(ctx context.Context, by domain.Actor, floor float64) error {
	if err := permission.Check(by, permission.BonusCompute, ""); err != nil {
		return err
	}
	set, err := readSettings(ctx, s.st.Q)
	if err != nil {
		return err
	}
	set.Floor = floor
	return s.SetSettings(ctx, by, set)
}

func (s *Service) compute(ctx context.Context, by domain.Actor, year int, pool money.Amount, welfareWeight *float64, floor float64) (Result, error) {
	in, err := s.prepare(ctx, by, year, pool, floor)
	if err != nil {
		return Result{}, err
	}
	w := in.scheme.Weights[scoring.BonusPublicWelfare]
	if welfareWeight != nil {
		if p := payout.CheckWelfareWeight(*welfareWeight, floor); p != nil {
			return Result{}, p
		}
		w = *welfareWeight
	}
	return in.Allocate(w)
}

// Inputs are what a year's allocation is computed from, read once so that
// moving the public-welfare weight (Allocate) needs no database.
type Inputs struct {
	year    int
	viewer  domain.Actor // whose view Allocate returns (visibleResult)
	scheme  payout.Scheme
	depts   []payout.Dept
	names   map[string]domain.Department
	entered map[string]map[payout.Dimension]bool
	last    map[string]money.Amount
}

// Prepare reads the inputs of year's allocation of pool (see Compute).
func (s *Service) Prepare(ctx context.Context, by domain.Actor, year int, pool money.Amount) (*Inputs, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return nil, err
	}
	return s.prepare(ctx, by, year, pool, s.floor(ctx))
}

// Floor is the hospital's lowest public-welfare weight.
func (s *Service) Floor(ctx context.Context, by domain.Actor) (float64, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return 0, err
	}
	return s.floor(ctx), nil
}

func (s *Service) floor(ctx context.Context) float64 { return floorOf(ctx, s.st.Q) }

func floorOf(ctx context.Context, q store.Q) float64 {
	if v, err := q.Setting(ctx, settingWelfareFloor); err == nil {
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 && f <= 1 {
			return f
		}
	}
	return DefaultWelfareFloor
}

func (s *Service) prepare(ctx context.Context, by domain.Actor, year int, pool money.Amount, floor float64) (*Inputs, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return nil, err
	}
	if !domain.ValidYear(year) {
		return nil, domain.YearProblem(year)
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return nil, err
	}
	limit, err := limitOf(ctx, s.st.Q, year)
	if err != nil {
		return nil, err
	}
	latest, err := s.latestFinalised(ctx, by, year)
	if err != nil {
		return nil, err
	}
	typed, err := s.typedScores(ctx, year)
	if err != nil {
		return nil, err
	}

	in := &Inputs{year: year, viewer: by, names: map[string]domain.Department{}, entered: map[string]map[payout.Dimension]bool{}}
	var drivers driverSet
	for _, d := range depts {
		if d.Code == "000" || d.Headcount <= 0 {
			continue
		}
		in.names[d.Code] = d
		scores := map[payout.Dimension]float64{}
		if r, ok := latest[d.Code]; ok {
			evaluatedScores(r, scores, &drivers)
		}
		for dim, v := range typed[d.Code] {
			scores[dim] = v
			if in.entered[d.Code] == nil {
				in.entered[d.Code] = map[payout.Dimension]bool{}
			}
			in.entered[d.Code][dim] = true
		}
		in.depts = append(in.depts, payout.Dept{Code: d.Code, Name: d.Name, Headcount: d.Headcount, CoefficientMilli: d.CoefficientMilli,
			Scores: scores, Unmeasured: unmeasured(scores)})
	}
	in.scheme = payout.Scheme{Pool: pool, Cap: limit.Available(), Limit: &limit, Weights: weightsOf(ctx, s.st.Q), WelfareFloor: floor, Drivers: drivers.list}
	if in.last, err = s.lastPeriod(ctx, year); err != nil {
		return nil, err
	}
	return in, nil
}

// latestFinalised is the latest finalised run of each department, looking
// back lookBack years: the scores a department's dimensions start from.
func (s *Service) latestFinalised(ctx context.Context, by domain.Actor, year int) (map[string]evaluation.Run, error) {
	latest := map[string]evaluation.Run{}
	for y := year; y >= year-lookBack && domain.ValidYear(y); y-- {
		runs, err := s.ev.Runs(ctx, wholeHospital(by), y)
		if err != nil {
			return nil, err
		}
		for _, r := range runs {
			if r.Unit.Kind != scoring.DepartmentScheme || !r.Finalised {
				continue
			}
			if _, ok := latest[r.Unit.Code]; !ok {
				latest[r.Unit.Code] = r
			}
		}
	}
	return latest, nil
}

// typedScores are the scores entered by hand for year, by department and
// dimension: they override the evaluated ones.
func (s *Service) typedScores(ctx context.Context, year int) (map[string]map[payout.Dimension]float64, error) {
	entered, err := s.st.BonusScores(ctx, year)
	if err != nil {
		return nil, err
	}
	if err := s.checkEnteredSources(ctx, year, entered); err != nil {
		return nil, err
	}
	typed := map[string]map[payout.Dimension]float64{}
	for _, e := range entered {
		if typed[e.DeptCode] == nil {
			typed[e.DeptCode] = map[payout.Dimension]float64{}
		}
		typed[e.DeptCode][e.Dimension] = e.Score
	}
	return typed, nil
}

// driverSet collects the indicators that drive a dimension, each once, in
// the order first met.
type driverSet struct {
	seen map[string]bool
	list []payout.Driver
}

func (ds *driverSet) add(code string, ind scoring.Indicator) {
	if ds.seen == nil {
		ds.seen = map[string]bool{}
	}
	if !ds.seen[code] {
		ds.seen[code] = true
		ds.list = append(ds.list, payout.Driver{Dimension: ind.Bonus, Indicator: ind})
	}
}

// evaluatedScores sets each measured dimension's score from run r: the
// share of the points of its tagged indicators that r scored, 0–100; the
// tagged indicators join drivers. A dimension is measured when one of its
// tagged indicators with points has a value; one left without a value
// beside it scores 0, as in the evaluation itself. A dimension without
// any is left out of scores: unmeasured.
func evaluatedScores(r evaluation.Run, scores map[payout.Dimension]float64, drivers *driverSet) {
	tags := tagged(r.Scheme)
	points := map[payout.Dimension]float64{}
	got := map[payout.Dimension]float64{}
	valued := map[payout.Dimension]bool{}
	for _, is := range r.Result.Indicators {
		ind, ok := tags[is.Code]
		if !ok {
			continue
		}
		points[ind.Bonus] += is.Points
		got[ind.Bonus] += is.Score
		valued[ind.Bonus] = valued[ind.Bonus] || (is.Value.Has && is.Points > 0)
		drivers.add(is.Code, ind)
	}
	for dim, p := range points {
		if p > 0 && valued[dim] {
			scores[dim] = min(max(got[dim]/p*100, 0), 100)
		}
	}
}

// unmeasured marks the dimensions that have no score: no measurement.
func unmeasured(scores map[payout.Dimension]float64) map[payout.Dimension]bool {
	var out map[payout.Dimension]bool
	for _, dim := range payout.Dimensions {
		if _, ok := scores[dim]; !ok {
			if out == nil {
				out = map[payout.Dimension]bool{}
			}
			out[dim] = true
		}
	}
	return out
}

// Pool is the pool the inputs split.
func (in *Inputs) Pool() money.Amount { return in.scheme.Pool }

// Cap is the reward performance pay available: the largest pool.
func (in *Inputs) Cap() money.Amount { return in.scheme.Cap }

// Limit is what the cap comes from: approved − paid − committed.
func (in *Inputs) Limit() payout.Limit { return *in.scheme.Limit }

// Floor is the lowest public-welfare weight the hospital allows.
func (in *Inputs) Floor() float64 { return in.scheme.WelfareFloor }

// Weights are the hospital's current weights, before any slider move.
func (in *Inputs) Weights() payout.Weights { return in.scheme.Weights }

// CheckPool refuses a pool above the reward performance pay available,
// with the figures it comes from; nil when p may be allocated.
func (in *Inputs) CheckPool(p money.Amount) error {
	if pr := in.scheme.Limit.Check(p); pr != nil {
		return pr
	}
	return nil
}

// WithPool returns the inputs with another pool.
func (in *Inputs) WithPool(p money.Amount) *Inputs {
	c := *in
	c.scheme.Pool = p
	return &c
}

// Allocate splits the pool with the public-welfare weight w, the other
// default weights rescaled in proportion. It reads nothing, so a slider
// can call it as it moves.
func (in *Inputs) Allocate(w float64) (Result, error) {
	sch := in.scheme
	sch.Weights = sch.Weights.WithPublicWelfare(w)
	out, err := payout.Allocate(sch, in.depts)
	if err != nil {
		return Result{}, err
	}
	sens, err := payout.Sensitivity(sch, in.depts, payout.DefaultSteps)
	if err != nil {
		return Result{}, err
	}
	zero, err := payout.Sensitivity(sch, in.depts, []float64{0})
	if err != nil {
		return Result{}, err
	}
	res := Result{Year: in.year, Pool: sch.Pool, Cap: sch.Cap, Limit: *sch.Limit, Floor: sch.WelfareFloor, Weights: sch.Weights, Drivers: sch.Drivers,
		Steps: payout.DefaultSteps, Sensitivity: sens}
	for _, l := range out {
		d := in.names[l.Code]
		line := Dept{
			Code: l.Code, Name: l.Name, NameEn: d.NameEn, Type: d.Type, Headcount: l.Headcount, CoefficientMilli: l.CoefficientMilli,
			Coefficient: d.Coefficient(), Scores: l.Scores, Entered: in.entered[l.Code], Composite: l.Composite, Bonus: l.Bonus,
			AtZero: zero[l.Code][0], Unmeasured: l.Unmeasured, Effective: l.Effective,
		}
		if v, ok := in.last[l.Code]; ok {
			line.LastPeriod = &v
		}
		res.Departments = append(res.Departments, line)
	}
	return visibleResult(in.viewer, res), nil
}

// Cap is the approved budget of reward performance pay (30107 or the
// configured subjects) of year; what is left of it for a pool is Limit.
func (s *Service) Cap(ctx context.Context, by domain.Actor, year int) (money.Amount, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return 0, err
	}
	subjects, err := rewardSubjects(ctx, s.st.Q)
	if err != nil {
		return 0, err
	}
	return approvedPay(ctx, s.st.Q, year, subjects)
}

// tagged maps the code of each indicator of sc tagged with a bonus
// dimension to the indicator.
func tagged(sc scoring.Scheme) map[string]scoring.Indicator {
	out := map[string]scoring.Indicator{}
	var walk func(ns []scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			if n.Indicator != nil && n.Indicator.Bonus != scoring.BonusNone {
				code := n.Code // as the result names it (evaluate's leafCode)
				if code == "" {
					code = n.Indicator.Code
				}
				out[code] = *n.Indicator
			}
			walk(n.Children)
		}
	}
	walk(sc.Roots)
	return out
}
