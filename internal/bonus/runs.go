package bonus

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/store"
)

// RunInfo describes a stored bonus run.
type RunInfo struct {
	ID                     int64
	Approved               bool
	CreatedBy, CreatedAt   string
	ApprovedBy, ApprovedAt string
	Note                   string
	Version                domain.Version // of the draft, moving on with every save
}

// Save stores res as the year's draft run, replacing an earlier draft
// (and the staff split imported for it). A year whose run is approved is
// locked: saving is refused, and so is a pool above the reward
// performance pay available now (Limit), with the figures.
func (s *Service) Save(ctx context.Context, by domain.Actor, res Result, note string) (RunInfo, error) {
	return s.SaveAt(ctx, by, res, note, 0)
}

// SaveAt is Save from the draft as read at version seen (SeenOf): refused
// with who and when if someone saved a draft since. 0 does not check.
func (s *Service) SaveAt(ctx context.Context, by domain.Actor, res Result, note string, seen domain.Version) (RunInfo, error) {
	if err := permission.Check(by, permission.BonusCompute, ""); err != nil {
		return RunInfo{}, err
	}
	if len(res.Departments) == 0 {
		return RunInfo{}, domain.NewProblem("problem.bonusrun.empty_run", "There is no allocation to save: compute the {{.Year}} bonus first.", "Year", res.Year)
	}
	run := store.BonusRun{Year: res.Year, Pool: res.Pool, Cap: res.Cap, WelfareFloor: res.Floor, Weights: res.Weights,
		Drivers: driversText(res.Drivers), Note: strings.TrimSpace(note), CreatedBy: by.Login, Seen: seen}
	for _, d := range res.Departments {
		run.Departments = append(run.Departments, store.BonusRunDept{Code: d.Code, Name: d.Name, NameEn: d.NameEn,
			Headcount: d.Headcount, CoefficientMilli: d.CoefficientMilli, Scores: d.Scores, Unmeasured: d.Unmeasured,
			Composite: d.Composite, Bonus: d.Bonus, AtZero: d.AtZero})
	}
	var id int64
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := lockedProblem(ctx, tx.Q, res.Year); err != nil {
			return err
		}
		if err := checkPool(ctx, tx.Q, res.Year, res.Pool); err != nil {
			return err
		}
		var prev *store.BonusRun
		if d, ok, err := runOf(ctx, tx.Q, res.Year, store.BonusDraft); err != nil {
			return err
		} else if ok {
			full, err := tx.BonusRun(ctx, d.ID)
			if err != nil {
				return err
			}
			prev = &full
		}
		var err error
		if id, err = tx.ReplaceBonusDraft(ctx, run); err != nil {
			return changedDraft(err, res.Year)
		}
		return runTrail(prev, run).record(ctx, tx, by)
	})
	if err != nil {
		return RunInfo{}, err
	}
	return s.info(ctx, id)
}

// Approve approves year's draft run: from then on the year's allocation
// and its staff split are locked, and it is what the next year compares to.
func (s *Service) Approve(ctx context.Context, by domain.Actor, year int) (RunInfo, error) {
	if err := permission.Check(by, permission.BonusApprove, ""); err != nil {
		return RunInfo{}, err
	}
	var id int64
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := lockedProblem(ctx, tx.Q, year); err != nil {
			return err
		}
		draft, ok, err := runOf(ctx, tx.Q, year, store.BonusDraft)
		if err != nil {
			return err
		}
		if !ok {
			return domain.NewProblem("problem.bonusrun.no_draft", "There is no saved {{.Year}} allocation to approve: save the allocation first.", "Year", year)
		}
		id = draft.ID
		if err := checkPool(ctx, tx.Q, year, draft.Pool); err != nil {
			return err // actuals booked since saving may have used the room
		}
		done, err := tx.ApproveBonusRun(ctx, id, by.Login)
		if err == nil && !done {
			err = domain.NewProblem("problem.bonusrun.changed", "The {{.Year}} allocation was changed by someone else meanwhile: look at it again, then approve.", "Year", year)
		}
		if err != nil {
			return err
		}
		var t trail
		t.add(logbook.EntityBonusRun, strconv.Itoa(year), "status", store.BonusDraft, store.BonusApproved)
		return t.record(ctx, tx, by)
	})
	if err != nil {
		return RunInfo{}, err
	}
	return s.info(ctx, id)
}

// Current is year's stored allocation: the approved run, else the draft;
// ok is false when neither exists.
func (s *Service) Current(ctx context.Context, by domain.Actor, year int) (res Result, ok bool, err error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return Result{}, false, err
	}
	for _, status := range []string{store.BonusApproved, store.BonusDraft} {
		run, found, err := runOf(ctx, s.st.Q, year, status)
		if err != nil || !found {
			if err != nil {
				return Result{}, false, err
			}
			continue
		}
		full, err := s.st.BonusRun(ctx, run.ID)
		if err != nil {
			return Result{}, false, err
		}
		res, err := s.fromRun(ctx, full)
		if l, lerr := limitOf(ctx, s.st.Q, year); lerr == nil {
			res.Limit = l // what is left now, beside the cap saved with the run
		}
		return visibleResult(by, res), err == nil, err
	}
	return Result{}, false, nil
}

// ForReport is the allocation the bonus report prints for year: the
// approved run, else the saved draft, else all the reward performance pay
// available (Limit) under the hospital's weights.
func (s *Service) ForReport(ctx context.Context, by domain.Actor, year int) (Result, error) {
	res, ok, err := s.Current(ctx, by, year)
	if err != nil || ok {
		return res, err
	}
	l, err := limitOf(ctx, s.st.Q, year)
	if err != nil {
		return Result{}, err
	}
	if p := l.Check(max(l.Available(), 1)); p != nil {
		return Result{}, p // nothing left to allocate
	}
	return s.Compute(ctx, by, year, l.Available(), nil)
}

// SetScore enters a department's score in a dimension for year (0–100),
// used instead of the evaluation's; nil removes it. A locked year refuses.
// source names where the score comes from: an indicator of the library
// (code or name) or a named workload measure (payout.WorkloadMeasures); a
// score without one, or from a revenue-linked indicator or a revenue
// measure, is refused citing the rule (payout.CheckScoreSource). The
// source is kept in a setting (store.BonusScoreSourceKey), audited with
// the score.
func (s *Service) SetScore(ctx context.Context, by domain.Actor, year int, dept string, dim payout.Dimension, score *float64, source string) error {
	if err := permission.Check(by, permission.BonusCompute, ""); err != nil {
		return err
	}
	if score != nil && (*score < 0 || *score > 100 || *score != *score) {
		return domain.NewProblem("problem.bonusrun.score_range", "A dimension score is out of 100: enter 0 to 100.")
	}
	if !knownDimension(dim) {
		return domain.NewProblem("problem.bonusrun.dimension", "\"{{.Dimension}}\" is not a bonus dimension: choose workload, quality, efficiency, public welfare or satisfaction.", "Dimension", string(dim))
	}
	src := ""
	if score != nil {
		lookup, err := s.libraryLookup(ctx)
		if err != nil {
			return err
		}
		checked, p := payout.CheckScoreSource(source, lookup)
		if p != nil {
			return p
		}
		src = checked.Text
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := lockedProblem(ctx, tx.Q, year); err != nil {
			return err
		}
		t, err := scoreTrail(ctx, tx, year, dept, dim, score, src)
		if err != nil {
			return err
		}
		if err := tx.SetBonusScore(ctx, year, dept, dim, score, by.Login); err != nil {
			return err
		}
		if err := tx.SetBonusScoreSource(ctx, year, dept, dim, src); err != nil {
			return err
		}
		return t.record(ctx, tx, by)
	})
}

// ScoreSource is the source recorded for an entered score ("" when none).
func (s *Service) ScoreSource(ctx context.Context, by domain.Actor, year int, dept string, dim payout.Dimension) (string, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return "", err
	}
	return s.st.BonusScoreSource(ctx, year, dept, dim)
}

// scoreTrail records the score and its source against what they were.
func scoreTrail(ctx context.Context, tx *store.Tx, year int, dept string, dim payout.Dimension, score *float64, src string) (trail, error) {
	old := ""
	scores, err := tx.BonusScores(ctx, year)
	if err != nil {
		return nil, err
	}
	for _, sc := range scores {
		if sc.DeptCode == dept && sc.Dimension == dim {
			old = weightText(sc.Score)
		}
	}
	oldSrc, err := tx.BonusScoreSource(ctx, year, dept, dim)
	if err != nil {
		return nil, err
	}
	now := ""
	if score != nil {
		now = weightText(*score)
	}
	var t trail
	t.add(logbook.EntityBonusScore, fmt.Sprintf("%d/%s/%s", year, dept, dim), "score", old, now)
	t.add(logbook.EntitySetting, store.BonusScoreSourceKey(year, dept, dim), "value", oldSrc, src)
	return t, nil
}

func knownDimension(d payout.Dimension) bool {
	for _, x := range payout.Dimensions {
		if x == d {
			return true
		}
	}
	return false
}

// lockedProblem refuses a change to a year whose run is approved.
func lockedProblem(ctx context.Context, q store.Q, year int) error {
	run, ok, err := runOf(ctx, q, year, store.BonusApproved)
	if err != nil || !ok {
		return err
	}
	return domain.NewProblem("problem.bonusrun.locked", "The {{.Year}} bonus allocation was approved by {{.By}} on {{.At}} and is locked: it cannot be changed.",
		"Year", year, "By", run.ApprovedBy, "At", shortTime(run.ApprovedAt))
}

// shortTime shows a stored RFC 3339 time as 2026-01-15 09:30.
func shortTime(t string) string {
	if len(t) >= 16 {
		return t[:10] + " " + t[11:16]
	}
	return t
}

func runOf(ctx context.Context, q store.Q, year int, status string) (store.BonusRun, bool, error) {
	runs, err := q.BonusRuns(ctx, year)
	if err != nil {
		return store.BonusRun{}, false, err
	}
	for _, r := range runs {
		if r.Status == status {
			return r, true, nil
		}
	}
	return store.BonusRun{}, false, nil
}

func (s *Service) info(ctx context.Context, id int64) (RunInfo, error) {
	r, err := s.st.BonusRun(ctx, id)
	if err != nil {
		return RunInfo{}, err
	}
	return infoOf(r), nil
}

func infoOf(r store.BonusRun) RunInfo {
	return RunInfo{ID: r.ID, Approved: r.Status == store.BonusApproved, CreatedBy: r.CreatedBy, CreatedAt: r.CreatedAt,
		ApprovedBy: r.ApprovedBy, ApprovedAt: r.ApprovedAt, Note: r.Note, Version: r.Version}
}

// SeenOf is the version a save from stored starts from: the stored
// draft's, or NoDraft when the screen had none (nil) or an approved run.
func SeenOf(stored *Result) domain.Version {
	if stored == nil || stored.Run == nil || stored.Run.Approved {
		return store.NoDraft
	}
	return stored.Run.Version
}

// changedDraft words a draft saved by someone else first.
func changedDraft(err error, year int) error {
	var c *domain.Changed
	if !errors.As(err, &c) {
		return err
	}
	return domain.ChangedProblem(c, domain.Term{Key: "record.bonus_draft", Default: "bonus allocation draft"}, strconv.Itoa(year))
}

// fromRun rebuilds a Result from a stored run; the sensitivity curve is
// recomputed from the stored scores, which gives the same amounts.
func (s *Service) fromRun(ctx context.Context, r store.BonusRun) (Result, error) {
	info := infoOf(r)
	res := Result{Year: r.Year, Pool: r.Pool, Cap: r.Cap, Floor: r.WelfareFloor, Weights: payout.Weights(r.Weights),
		Drivers: parseDrivers(r.Drivers), Steps: payout.DefaultSteps, Run: &info}
	last, err := s.lastPeriod(ctx, r.Year)
	if err != nil {
		return Result{}, err
	}
	depts, err := s.st.Departments(ctx)
	if err != nil {
		return Result{}, err
	}
	types := map[string]domain.DeptType{}
	for _, d := range depts {
		types[d.Code] = d.Type
	}
	// Entered scores are locked with an approved run; a score entered
	// after a draft was saved differs from the draft's and is not marked.
	typed, err := s.st.BonusScores(ctx, r.Year)
	if err != nil {
		return Result{}, err
	}
	entered := map[string]map[payout.Dimension]bool{}
	for _, d := range r.Departments {
		for _, e := range typed {
			if e.DeptCode == d.Code && d.Scores[e.Dimension] == e.Score {
				if entered[d.Code] == nil {
					entered[d.Code] = map[payout.Dimension]bool{}
				}
				entered[d.Code][e.Dimension] = true
			}
		}
	}
	var in []payout.Dept
	for _, d := range r.Departments {
		line := Dept{Code: d.Code, Name: d.Name, NameEn: d.NameEn, Type: types[d.Code], Headcount: d.Headcount, CoefficientMilli: d.CoefficientMilli,
			Coefficient: float64(d.CoefficientMilli) / 1000, Scores: d.Scores, Entered: entered[d.Code], Composite: d.Composite, Bonus: d.Bonus, AtZero: d.AtZero,
			Unmeasured: d.Unmeasured, Effective: payout.EffectiveWeights(res.Weights, d.Unmeasured)}
		if v, ok := last[d.Code]; ok {
			line.LastPeriod = &v
		}
		res.Departments = append(res.Departments, line)
		in = append(in, payout.Dept{Code: d.Code, Name: d.Name, Headcount: d.Headcount, CoefficientMilli: d.CoefficientMilli, Scores: d.Scores, Unmeasured: d.Unmeasured})
	}
	sens, err := payout.Sensitivity(payout.Scheme{Pool: r.Pool, Cap: r.Cap, Weights: res.Weights}, in, res.Steps)
	if err != nil {
		return Result{}, err
	}
	res.Sensitivity = sens
	return res, nil
}

// lastPeriod is each department's bonus in the previous year's approved run.
func (s *Service) lastPeriod(ctx context.Context, year int) (map[string]money.Amount, error) {
	out := map[string]money.Amount{}
	run, ok, err := runOf(ctx, s.st.Q, year-1, store.BonusApproved)
	if err != nil || !ok {
		return out, err
	}
	full, err := s.st.BonusRun(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	for _, d := range full.Departments {
		out[d.Code] = d.Bonus
	}
	return out, nil
}

// driversText records the drivers one per line: code, name, dimension.
func driversText(ds []payout.Driver) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(strings.ReplaceAll(d.Indicator.Code, "\t", " ") + "\t" + strings.ReplaceAll(d.Indicator.Name, "\t", " ") + "\t" + string(d.Dimension) + "\n")
	}
	return b.String()
}

func parseDrivers(s string) []payout.Driver {
	var out []payout.Driver
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			continue
		}
		out = append(out, payout.Driver{Dimension: scoring.BonusDimension(f[2]), Indicator: scoring.Indicator{Code: f[0], Name: f[1], Bonus: scoring.BonusDimension(f[2])}})
	}
	return out
}
