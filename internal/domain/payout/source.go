package payout

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// WorkloadMeasures are the named workload measures a score entered by hand
// may come from besides the indicators of the library: volumes and work
// points, never money.
var WorkloadMeasures = []string{
	"门急诊人次", "门诊人次", "急诊人次", "出院人次", "入院人次", "住院床日", "实际占用总床日数",
	"手术台次", "手术例数", "四级手术台次", "麻醉例数", "分娩例数", "检查人次", "检验标本数",
	"RBRVS点数", "工作量点数", "DRG总权重", "CMI", "家庭医生签约人数", "公卫服务人次",
}

// ScoreSource is what an entered score comes from, as checked.
type ScoreSource struct {
	// Text is the source as entered, trimmed.
	Text string
	// Indicator is the library indicator named, when the source is one.
	Indicator *scoring.Indicator
}

// CheckScoreSource checks the source of a score entered by hand for a
// department's dimension: it must name an indicator of the library (code,
// name, or "code name") or one of WorkloadMeasures; an indicator linked
// to revenue, or a source that reads as revenue, is refused with the rule.
// lookup finds a library indicator by code or name.
func CheckScoreSource(text string, lookup func(string) (scoring.Indicator, bool)) (ScoreSource, *domain.Problem) {
	text = strings.TrimSpace(text)
	if text == "" {
		return ScoreSource{}, domain.NewProblem("problem.bonus.score_source_missing", "A score entered by hand must say where it comes from: name the indicator of the library (code or name) or the workload measure (such as {{.Examples}}).", "Examples", "门急诊人次, 出院人次, 手术台次, RBRVS点数")
	}
	ind, ok := lookup(text)
	if !ok {
		if code, _, cut := strings.Cut(text, " "); cut {
			ind, ok = lookup(code)
		}
	}
	if ok {
		label := strings.TrimSpace(ind.Code + " " + ind.Name)
		if ind.RevenueLinked || scoring.ReadsAsRevenueTarget(ind.Name) {
			return ScoreSource{}, domain.NewProblem("problem.bonus.score_source_revenue", "The entered score comes from {{.Source}}, which is linked to revenue: it cannot set a performance-pay score under {{.Rule}}. Enter a score from a workload, quality, efficiency, public-welfare or satisfaction measure.", "Source", label, "Rule", scoring.RevenueRule)
		}
		return ScoreSource{Text: label, Indicator: &ind}, nil
	}
	if scoring.ReadsAsRevenueTarget(text) {
		return ScoreSource{}, domain.NewProblem("problem.bonus.score_source_revenue", "The entered score comes from {{.Source}}, which is linked to revenue: it cannot set a performance-pay score under {{.Rule}}. Enter a score from a workload, quality, efficiency, public-welfare or satisfaction measure.", "Source", text, "Rule", scoring.RevenueRule)
	}
	for _, m := range WorkloadMeasures {
		if strings.EqualFold(strings.ReplaceAll(text, " ", ""), m) {
			return ScoreSource{Text: m}, nil
		}
	}
	return ScoreSource{}, domain.NewProblem("problem.bonus.score_source_unknown", "\"{{.Source}}\" is neither an indicator of the library nor a named workload measure: enter an indicator's code or name, or one of {{.Measures}}.", "Source", text, "Measures", strings.Join(WorkloadMeasures, ", "))
}

// EnteredSourceProblem re-checks, at the allocation, the source recorded
// for a score entered by hand for dept in dim: a score without a source is
// refused (to be entered again with one), and so is one whose source is
// linked to revenue now (the library may have flagged it since). A source
// that is no longer in the library passed when it was entered and stands.
func EnteredSourceProblem(dept string, dim Dimension, source string, lookup func(string) (scoring.Indicator, bool)) *domain.Problem {
	_, p := CheckScoreSource(source, lookup)
	switch {
	case p == nil || p.Key == "problem.bonus.score_source_unknown":
		return nil
	case p.Key == "problem.bonus.score_source_missing":
		return domain.NewProblem("problem.bonus.entered_score_unsourced", "The {{.Dimension}} score of department {{.Dept}} was entered by hand without saying where it comes from: enter it again with its source (an indicator of the library or a workload measure such as 门急诊人次).", "Dimension", dimTerm(dim), "Dept", dept)
	}
	return domain.NewProblem("problem.bonus.entered_score_revenue", "The {{.Dimension}} score of department {{.Dept}} was entered by hand from {{.Source}}, which is linked to revenue: it cannot set performance pay under {{.Rule}}. Remove the score or enter it from a workload measure.", "Dimension", dimTerm(dim), "Dept", dept, "Source", strings.TrimSpace(source), "Rule", scoring.RevenueRule)
}
