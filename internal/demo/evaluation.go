package demo

import (
	"context"
	"hash/fnv"
	"math"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/store"
)

// evalSpec is how well a department did in the prior year: level is the
// share of each target it reached, in thousandths, before a small
// per-indicator jitter; cause and measure fill the "reason for deviation
// and corrective measure" of every indicator that fell short.
type evalSpec struct {
	level          int64
	cause, measure string
}

// evalSpecs gives every demo department a prior-year result. Most are
// good; the public-health departments and finance excel; obstetrics (births
// keep falling), pharmacy and IT are fair; medical equipment, whose
// purchases slipped by a year, is poor.
var evalSpecs = map[string]evalSpec{
	"101": {780, "出生人口持续下降，分娩量减少", "拓展产后康复与孕前保健服务，调整床位配置"},
	"103": {1000, "", ""},
	"104": {930, "危重新生儿转入增加", "加强产儿科联合查房"},
	"205": {760, "集采品种切换期间基本药物占比下降", "按季度通报各科用药结构，纳入处方点评"},
	"301": {1000, "", ""},
	"302": {990, "", ""},
	"305": {985, "", ""},
	"402": {995, "", ""},
	"502": {520, "大型设备采购项目延期至次年招标，预算执行率偏低，全面预算管理未达要求", "设备采购按月排期，采购进度纳入科室考核，每月向预算管理办公室报告执行进度"},
	"503": {740, "信息系统升级延期，电子病历评级未达目标", "成立电子病历评级专班，按季度验收"},
}

// defaultEvalSpec is a good year: targets nearly all met.
var defaultEvalSpec = evalSpec{900, "", ""}

const (
	genericCause   = "实际完成低于年度目标"
	genericMeasure = "下年度按月监测，偏差超过10%时由科室提交说明并整改"
)

// insertEvaluations opens, fills and finalises the prior year's evaluation
// of every demo department inside the demo's transaction, so that the
// ranking, history and next-year suggestions have something to show.
func insertEvaluations(ctx context.Context, tx *store.Tx, by domain.Actor, year int) error {
	if err := evaluation.EnsureTemplatesIn(ctx, tx.Q, by); err != nil {
		return err
	}
	ids, err := tx.SchemeIDs(ctx)
	if err != nil {
		return err
	}
	schemes := map[string]scoring.Scheme{}
	for _, d := range deptSpecs {
		code := evaluation.DepartmentSchemeCode
		if d.typ == domain.PublicHealth {
			code = evaluation.PublicHealthSchemeCode
		}
		sc, ok := schemes[code]
		if !ok {
			if sc, err = tx.SchemeByID(ctx, ids[code]); err != nil {
				return err
			}
			schemes[code] = sc
		}
		id, _, err := tx.InsertEvaluation(ctx, by, year, string(scoring.DepartmentScheme), d.code, ids[code])
		if err != nil {
			return err
		}
		spec, ok := evalSpecs[d.code]
		if !ok {
			spec = defaultEvalSpec
		}
		for _, v := range demoValues(d.code, spec, sc) {
			if err := evaluation.SetValueIn(ctx, tx.Q, by, id, v.code, v.actual, v.occurrences, v.reason); err != nil {
				return err
			}
		}
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
// department, and a reason wherever it falls short.
func demoValues(dept string, spec evalSpec, sc scoring.Scheme) []demoValue {
	var out []demoValue
	var walk func(ns []scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			walk(n.Children)
			if n.Indicator == nil || n.Indicator.Direction == scoring.Monitor {
				continue
			}
			in := *n.Indicator
			f := reached(dept, n.Code, spec.level)
			v := demoValue{code: n.Code}
			v.actual, v.occurrences = actualFor(in, n.Points, f)
			val, _ := evaluation.ParseActual(in, v.actual, v.occurrences)
			if _, short := scoring.Score(in, n.Points, val); short {
				cause, measure := spec.cause, spec.measure
				if cause == "" {
					cause, measure = genericCause, genericMeasure
				}
				v.reason = "偏差原因：" + cause + "。改进措施：" + measure + "。"
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
// it) under the indicator's rule.
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
		n := int(math.Round((1 - f) * points / in.DeductPer))
		return strconv.Itoa(n), n
	case scoring.Threshold:
		met := f >= 0.9
		switch {
		case in.Direction == scoring.Lower && met:
			return num(in, in.Target*0.8), 0
		case in.Direction == scoring.Lower:
			return num(in, in.Target*1.3), 0
		case in.Direction == scoring.InRange && met:
			return num(in, (in.Low+in.High)/2), 0
		case in.Direction == scoring.InRange:
			return num(in, in.High*1.2), 0
		case met:
			return num(in, in.Target), 0
		}
		return num(in, in.Target*0.8), 0
	case scoring.Inverse:
		return num(in, in.Target/math.Max(f, 0.05)), 0
	case scoring.LinearBand:
		return num(in, in.Low+f*(in.High-in.Low)), 0
	}
	return num(in, in.Target*f), 0
}

// num formats an actual: whole numbers for counts and levels, two
// decimals otherwise.
func num(in scoring.Indicator, x float64) string {
	switch in.Unit {
	case "级", "次/年", "人次/年", "例":
		return strconv.FormatFloat(math.Round(x), 'f', -1, 64)
	}
	return strconv.FormatFloat(scoring.Round2(x), 'f', -1, 64)
}
