package demo

import (
	"context"
	"hash/fnv"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/store"
)

// evalLevel is how well each demo department did in the prior year: the
// share of each target it reached, in thousandths, before a small
// per-indicator jitter. Most are good; the public-health departments and
// finance excel; obstetrics (births keep falling), pharmacy and IT are
// fair; medical equipment, whose purchases slipped by a year, is poor.
// What a department writes where it fell short is in reasons.go.
var evalLevel = map[string]int64{
	"101": 780, "103": 1000, "104": 930, "108": 880, "203": 870, "205": 760,
	"301": 1000, "302": 990, "305": 985, "402": 995, "502": 520, "503": 740,
}

// defaultEvalLevel is a good year: targets nearly all met.
const defaultEvalLevel = 900

// evalDay dates a department's prior-year evaluation: its values entered
// from early January of year+1, and finalised between the 15th and the
// 28th, a different day for each department.
func evalDay(year int, dept string, finalised bool) time.Time {
	h := fnv.New32a()
	h.Write([]byte("final/" + dept))
	day := 15 + int(h.Sum32()%14)
	if !finalised {
		day -= 8
	}
	return time.Date(year+1, 1, day, 10+int(h.Sum32()%7), int(h.Sum32()%60), 0, 0, beijing)
}

// insertEvaluations opens, fills and finalises the prior year's evaluation
// of every demo department, on the scheme the evaluation service gives its
// type, inside the demo's transaction, so that the ranking, history and
// next-year suggestions have something to show. The values are dated from
// early January and each evaluation is finalised on a day of its own
// between the 15th and the 28th.
func insertEvaluations(ctx context.Context, tx *store.Tx, by domain.Actor, year int) error {
	if err := evaluation.EnsureTemplatesIn(ctx, tx.Q, by); err != nil {
		return err
	}
	ids, err := tx.SchemeIDs(ctx)
	if err != nil {
		return err
	}
	defer tx.StampAt(time.Time{})
	schemes := map[string]scoring.Scheme{}
	for _, d := range deptSpecs {
		code := evaluation.DepartmentSchemeFor(d.typ)
		sc, ok := schemes[code]
		if !ok {
			if sc, err = tx.SchemeByID(ctx, ids[code]); err != nil {
				return err
			}
			schemes[code] = sc
		}
		tx.StampAt(evalDay(year, d.code, false))
		id, _, err := tx.InsertEvaluation(ctx, by, year, string(scoring.DepartmentScheme), d.code, ids[code])
		if err != nil {
			return err
		}
		level, ok := evalLevel[d.code]
		if !ok {
			level = defaultEvalLevel
		}
		for _, v := range demoValues(d.code, level, sc) {
			if err := evaluation.SetValueIn(ctx, tx.Q, by, id, v.code, v.actual, v.occurrences, v.reason); err != nil {
				return err
			}
		}
		tx.StampAt(evalDay(year, d.code, true))
		if err := evaluation.FinaliseIn(ctx, tx.Q, by, id); err != nil {
			return err
		}
	}
	return nil
}

type demoValue struct {
	code, actual string
	occurrences  int
	reason       string
}

// demoValues invents the actual of every scored indicator of sc for a
// department, and a reason wherever it falls short. It knows no scheme:
// values follow each indicator's rule, direction and target.
func demoValues(dept string, level int64, sc scoring.Scheme) []demoValue {
	var out []demoValue
	var walk func(ns []scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			walk(n.Children)
			if n.Indicator == nil || n.Indicator.Direction == scoring.Monitor {
				continue
			}
			in := *n.Indicator
			v := demoValue{code: n.Code}
			v.actual, v.occurrences = actualFor(in, n.Points, reached(dept, n.Code, level))
			val, _ := evaluation.ParseActual(in, v.actual, v.occurrences)
			if _, short := scoring.Score(in, n.Points, val); short {
				v.reason = reasonFor(dept, n, v.actual)
			}
			out = append(out, v)
		}
	}
	walk(sc.Roots)
	return out
}

// reached is the share of its target a department reached on an
// indicator: level ± up to 4%, from a hash so that it never changes.
func reached(dept, code string, level int64) float64 {
	h := fnv.New32a()
	h.Write([]byte(dept + "/" + code))
	jitter := int64(h.Sum32()%81) - 40 // −40…+40 thousandths
	return math.Max(0, math.Min(1, float64(level+jitter)/1000))
}

// actualFor turns a reached share f into an actual (as a user would type
// it) under the indicator's rule, for any indicator: a higher-is-better
// value is f of its target, a lower-is-better one the target over f, a
// threshold met or missed, a band f of the way from worst to best.
func actualFor(in scoring.Indicator, points, f float64) (string, int) {
	switch in.Rule {
	case scoring.Qualitative:
		switch {
		case f >= 0.95:
			return "达成", 0
		case f >= 0.75:
			return "部分达成", 0
		}
		return "未达成", 0
	case scoring.Deduction:
		if !(in.DeductPer > 0) {
			return "0", 0
		}
		n := int(math.Round((1 - f) * points / in.DeductPer))
		return strconv.Itoa(n), n
	case scoring.Threshold:
		return thresholdActual(in, f >= 0.9), 0
	case scoring.Inverse:
		return num(in, in.Target/math.Max(f, 0.05)), 0
	case scoring.LinearBand:
		return num(in, in.Low+f*(in.High-in.Low)), 0
	}
	return num(in, in.Target*f), 0
}

// thresholdActual is a value that meets (or misses) a threshold.
func thresholdActual(in scoring.Indicator, met bool) string {
	switch {
	case in.Direction == scoring.Lower && met:
		return num(in, in.Target*0.8)
	case in.Direction == scoring.Lower:
		return num(in, math.Max(in.Target*1.3, in.Target+1))
	case in.Direction == scoring.InRange && met:
		return num(in, (in.Low+in.High)/2)
	case in.Direction == scoring.InRange:
		return num(in, in.High+math.Max(math.Abs(in.High)*0.2, 1))
	case met:
		return num(in, in.Target)
	}
	return num(in, in.Target*0.8)
}

// countUnits are the units whose values are whole numbers.
var countUnits = []string{"级", "次", "人", "例", "项", "个", "篇", "台", "场", "份", "家"}

// num formats an actual: whole numbers for counts and levels, percentages
// at most 100, two decimals otherwise.
func num(in scoring.Indicator, x float64) string {
	if strings.Contains(in.Unit, "%") {
		x = math.Min(x, math.Max(100, in.Target))
	}
	for _, u := range countUnits {
		if strings.Contains(in.Unit, u) && !strings.Contains(in.Unit, "%") && !strings.Contains(in.Unit, "/万") {
			return strconv.FormatFloat(math.Round(x), 'f', -1, 64)
		}
	}
	return trimFloat(x)
}

// trimFloat writes x with at most two decimals and no trailing zeros.
func trimFloat(x float64) string { return strconv.FormatFloat(scoring.Round2(x), 'f', -1, 64) }
