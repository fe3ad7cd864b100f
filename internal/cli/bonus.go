package cli

import (
	"strconv"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "bonus", summary: "cli.bonus.summary", run: runBonus})
}

// dimsJSON is a value per bonus dimension, in design.md's key order.
type dimsJSON struct {
	Workload      float64 `json:"workload"`
	Quality       float64 `json:"quality"`
	Efficiency    float64 `json:"efficiency"`
	PublicWelfare float64 `json:"public_welfare"`
	Satisfaction  float64 `json:"satisfaction"`
}

func dims(m map[payout.Dimension]float64) dimsJSON {
	return dimsJSON{
		Workload: m[scoring.BonusWorkload], Quality: m[scoring.BonusQuality], Efficiency: m[scoring.BonusEfficiency],
		PublicWelfare: m[scoring.BonusPublicWelfare], Satisfaction: m[scoring.BonusSatisfaction],
	}
}

// round2 rounds scores to 2 decimals for JSON, as the evaluation shows
// them; the composite keeps 4 (rate4), the precision its share is taken at.
func round2(m map[payout.Dimension]float64) map[payout.Dimension]float64 {
	out := make(map[payout.Dimension]float64, len(m))
	for d, v := range m {
		out[d] = scoring.Round2(v)
	}
	return out
}

type bonusJSON struct {
	Year        int             `json:"year"`
	PoolFen     int64           `json:"pool_fen"`
	Weights     dimsJSON        `json:"weights"`
	Departments []bonusDeptJSON `json:"departments"`
	Cap         capJSON         `json:"cap"`
}

// capJSON is what caps the pool now: available = approved − paid −
// committed (payout.Limit), paid through the latest month with actuals.
type capJSON struct {
	ApprovedFen  int64 `json:"approved_fen"`
	PaidFen      int64 `json:"paid_fen"`
	PaidThrough  int   `json:"paid_through_month"`
	CommittedFen int64 `json:"committed_fen"`
	AvailableFen int64 `json:"available_fen"`
}

func capOf(l payout.Limit) capJSON {
	return capJSON{ApprovedFen: l.Approved.Fen(), PaidFen: l.Paid.Fen(), PaidThrough: l.PaidThrough, CommittedFen: l.Committed.Fen(), AvailableFen: l.Available().Fen()}
}

type bonusDeptJSON struct {
	Code           string   `json:"code"`
	Name           string   `json:"name"`
	Headcount      int      `json:"headcount"`
	Coefficient    float64  `json:"coefficient"`
	Scores         dimsJSON `json:"scores"`
	CompositeScore float64  `json:"composite_score"`
	BonusFen       int64    `json:"bonus_fen"`
	// Dimensions say, in payout.Dimensions order, what the composite was
	// computed from (issue 20): an unmeasured dimension has no score
	// (null), measured false and effective_weight 0, the others the
	// department's rescaled weights.
	Dimensions []dimensionJSON `json:"dimensions"`
}

type dimensionJSON struct {
	Key             string   `json:"key"`
	Score           *float64 `json:"score"`
	Measured        bool     `json:"measured"`
	EffectiveWeight float64  `json:"effective_weight"`
}

// dimensionsOf is a department's dimensions for JSON.
func dimensionsOf(d bonus.Dept) []dimensionJSON {
	out := make([]dimensionJSON, 0, len(payout.Dimensions))
	for _, dim := range payout.Dimensions {
		j := dimensionJSON{Key: string(dim), Measured: !d.Unmeasured[dim], EffectiveWeight: d.Effective[dim]}
		if j.Measured {
			v := scoring.Round2(d.Scores[dim])
			j.Score = &v
		}
		out = append(out, j)
	}
	return out
}

// bonusRequest is the allocation a bonus command asks for.
type bonusRequest struct {
	year    int
	pool    money.Amount
	welfare *float64
	json    bool
	note    string
	unit    moneyUnit // of the table; the pool is typed in yuan
}

// parseBonus reads --year, --pool and --welfare-weight (and --json, or
// --note for saving) of a bonus command.
func parseBonus(env *Env, name, about string, args []string, saving bool) (bonusRequest, error) {
	f := newFlags(env, name, "", about)
	y := f.Int("year", 0, "cli.flag.year")
	poolText := f.String("pool", "", "cli.flag.bonus_pool")
	ww := f.String("welfare-weight", "", "cli.flag.welfare_weight")
	var j *bool
	var note *string
	if saving {
		note = f.String("note", "", "cli.flag.bonus_note")
	} else {
		j = f.Bool("json", false, "cli.flag.json")
	}
	unitText := new(string)
	if !saving {
		unitText = yuanUnitFlag(f)
	}
	if err := f.parseNone(args); err != nil {
		return bonusRequest{}, err
	}
	if err := requireYear(*y); err != nil {
		return bonusRequest{}, err
	}
	u, err := parseYuanUnit(*unitText)
	if err != nil {
		return bonusRequest{}, err
	}
	if *poolText == "" {
		return bonusRequest{}, usagef("%s", i18n.T("cli.bonus.pool_required"))
	}
	req := bonusRequest{year: *y, unit: u}
	if *ww != "" {
		w, err := domain.ParseRatio(*ww)
		if err != nil {
			return bonusRequest{}, err
		}
		req.welfare = &w
	}
	p, err := money.Parse(*poolText, money.Yuan)
	if err != nil {
		return bonusRequest{}, domain.NewProblem("problem.bonus.pool_text", "The bonus pool \"{{.Text}}\" is not an amount in yuan: write it like 10000000.01.", "Text", *poolText)
	}
	req.pool = p.Amount
	if j != nil {
		req.json = *j
	}
	if note != nil {
		req.note = *note
	}
	return req, nil
}

func runBonus(env *Env, args []string) error {
	req, err := parseBonus(env, "bonus", "cli.bonus.about", args, false)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	res, err := svc.Bonus.Compute(env.ctx, env.Actor, req.year, req.pool, req.welfare)
	if err != nil {
		return err
	}
	j := &req.json
	out := bonusJSON{Year: res.Year, PoolFen: res.Pool.Fen(), Weights: dims(res.Weights), Departments: []bonusDeptJSON{}, Cap: capOf(res.Limit)}
	rows := [][]string{}
	for _, d := range res.Departments {
		out.Departments = append(out.Departments, bonusDeptJSON{
			Code: d.Code, Name: d.Name, Headcount: d.Headcount, Coefficient: d.Coefficient,
			Scores: dims(round2(d.Scores)), CompositeScore: rate4(d.Composite), BonusFen: d.Bonus.Fen(),
			Dimensions: dimensionsOf(d),
		})
		name := d.Name
		if i18n.Current() == i18n.English && d.NameEn != "" {
			name = d.NameEn
		}
		row := []string{d.Code, name, strconv.Itoa(d.Headcount), strconv.FormatFloat(d.Coefficient, 'f', 3, 64)}
		for _, dim := range payout.Dimensions {
			row = append(row, dimCell(d, dim))
		}
		rows = append(rows, append(row, strconv.FormatFloat(d.Composite, 'f', 2, 64), req.unit.format(d.Bonus)))
	}
	if *j {
		return writeJSON(env.Stdout, out)
	}
	header := []string{i18n.T("col.code"), i18n.T("col.department"), i18n.T("col.headcount"), i18n.T("col.coefficient")}
	for _, dim := range payout.Dimensions {
		header = append(header, i18n.T("indui.bonus."+string(dim)))
	}
	return table(env.Stdout, append(header, i18n.T("col.composite_score"), req.unit.header("col.bonus_in")), rows)
}

// dimCell is a dimension's score in the table, or 未计量 when it was not
// measured (left out of the composite, the other weights rescaled).
func dimCell(d bonus.Dept, dim payout.Dimension) string {
	if d.Unmeasured[dim] {
		return i18n.T("bonus.unmeasured")
	}
	return strconv.FormatFloat(d.Scores[dim], 'f', 2, 64)
}
