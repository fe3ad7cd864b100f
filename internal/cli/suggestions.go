package cli

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "evaluate suggestions", summary: "cli.suggestions.summary", run: runSuggestions})
}

type suggestionJSON struct {
	Kind  string  `json:"kind"`
	Code  string  `json:"code"`
	Name  string  `json:"name"`
	Grade string  `json:"grade"`
	Score float64 `json:"score"`
	// BaseSubjects are the subject codes a department's base sums; empty
	// for a project, whose base is its amount.
	BaseSubjects []string `json:"base_subjects"`
	BaseFen      int64    `json:"base_fen"`
	ChangePct    float64  `json:"change_pct"`
	SuggestedFen int64    `json:"suggested_fen"`
	State        string   `json:"state"`
	DecidedFen   *int64   `json:"decided_fen,omitempty"`
	Reason       string   `json:"reason,omitempty"`
}

// runSuggestions lists the budget changes the latest finalised
// evaluations suggest for budget year --year, each with its base: the
// subjects it sums and the amount.
func runSuggestions(env *Env, args []string) error {
	svc, year, _, asJSON, u, err := unitReport(env, "evaluate suggestions", "cli.suggestions.about", "", args, true)
	if err != nil {
		return err
	}
	defer svc.Close()
	sugg, err := svc.Evaluation.Suggestions(env.ctx, env.Actor, year)
	if err != nil {
		return err
	}
	if asJSON {
		out := struct {
			Year        int              `json:"year"`
			Suggestions []suggestionJSON `json:"suggestions"`
		}{Year: year, Suggestions: []suggestionJSON{}}
		for _, s := range sugg {
			out.Suggestions = append(out.Suggestions, suggestionOut(s))
		}
		return writeJSON(env.Stdout, out)
	}
	lang := i18n.Current()
	var rows [][]string
	for _, s := range sugg {
		name := s.Unit.Name
		if lang == i18n.English && s.Unit.NameEn != "" {
			name = s.Unit.NameEn
		}
		rows = append(rows, []string{s.Unit.Code, name, i18n.T("grade." + string(s.Grade)), baseText(s.BaseSubjects, lang),
			u.format(s.Base), i18n.SignedPercent(s.Application.ChangePct / 100), u.format(s.Suggested), i18n.T("suggest.state." + s.State)})
	}
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.name"), i18n.T("col.grade"), i18n.T("col.base_subjects"),
		u.header("col.base_in"), i18n.T("col.change"), u.header("col.suggested_in"), i18n.T("col.state")}, rows)
}

func suggestionOut(s evaluation.Suggestion) suggestionJSON {
	j := suggestionJSON{Kind: string(s.Unit.Kind), Code: s.Unit.Code, Name: s.Unit.Name, Grade: string(s.Grade), Score: s.Score,
		BaseSubjects: []string{}, BaseFen: s.Base.Fen(), ChangePct: s.Application.ChangePct, SuggestedFen: s.Suggested.Fen(),
		State: s.State, Reason: s.Reason}
	for _, sub := range s.BaseSubjects {
		j.BaseSubjects = append(j.BaseSubjects, sub.Code)
	}
	if s.Decided != nil {
		f := s.Decided.Fen()
		j.DecidedFen = &f
	}
	return j
}

// baseText names the subjects of a department's base, or says a
// project's base is its amount.
func baseText(subs []domain.Subject, lang string) string {
	if len(subs) == 0 {
		return i18n.T("suggest.base_project")
	}
	var names []string
	for _, s := range subs {
		names = append(names, s.Code+" "+s.DisplayName(lang))
	}
	return strings.Join(names, i18n.T("report.list_sep"))
}
