package cli

import (
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "budget proposal", summary: "cli.budget_proposal.summary", run: runBudgetProposal})
}

type proposalJSON struct {
	Year            int                `json:"year"`
	Code            string             `json:"code"`
	Name            string             `json:"name"`
	State           string             `json:"state"`
	Round           int                `json:"round"`
	Version         int64              `json:"version"`
	ControlTotalFen *int64             `json:"control_total_fen"`
	ProjectsFen     int64              `json:"projects_fen"`
	Lines           []proposalLineJSON `json:"lines"`
}

type proposalLineJSON struct {
	SubjectCode    string `json:"subject_code"`
	SubjectName    string `json:"subject_name"`
	Kind           string `json:"kind"`
	PriorBudgetFen int64  `json:"prior_budget_fen"`
	PriorActualFen int64  `json:"prior_actual_fen"`
	ProposalFen    int64  `json:"proposal_fen"`
	ControlFen     *int64 `json:"control_fen"`
	RevisedFen     *int64 `json:"revised_fen"`
	FinalFen       int64  `json:"final_fen"`
	Note           string `json:"note"`
}

func fenPtr(a *money.Amount) *int64 {
	if a == nil {
		return nil
	}
	v := a.Fen()
	return &v
}

// runBudgetProposal prints one department's proposal in the preparation
// cycle; a department head may read only their own departments'.
func runBudgetProposal(env *Env, args []string) error {
	f := newFlags(env, "budget proposal", "", "cli.budget_proposal.about")
	year := f.Int("year", 0, "cli.flag.year")
	dept := f.String("department", "", "cli.flag.department_code")
	asJSON := f.Bool("json", false, "cli.flag.json")
	unitText := yuanUnitFlag(f)
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	u, err := parseYuanUnit(*unitText)
	if err != nil {
		return err
	}
	if *dept == "" {
		return usagef("%s", i18n.T("cli.department_required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	p, err := svc.Budgets.Proposal(env.ctx, env.Actor, *year, *dept)
	if err != nil {
		return err
	}
	out := proposalJSON{Year: p.Year, Code: p.Dept.DeptCode, Name: p.Dept.DeptName, State: string(p.Dept.State), Round: p.Dept.Round, Version: int64(p.Dept.Version),
		ControlTotalFen: fenPtr(p.Dept.ControlTotal), ProjectsFen: p.Projects.Fen(), Lines: []proposalLineJSON{}}
	var rows [][]string
	for _, l := range p.Lines {
		out.Lines = append(out.Lines, proposalLineJSON{SubjectCode: l.SubjectCode, SubjectName: l.SubjectName, Kind: string(l.Kind),
			PriorBudgetFen: l.PriorBudget.Fen(), PriorActualFen: l.PriorActual.Fen(), ProposalFen: l.Proposal.Fen(),
			ControlFen: fenPtr(l.Control), RevisedFen: fenPtr(l.Revised), FinalFen: l.Final().Fen(), Note: l.Note})
		name := l.SubjectName
		if i18n.Current() == i18n.English && l.SubjectNameEn != "" {
			name = l.SubjectNameEn
		}
		rows = append(rows, []string{l.SubjectCode, name, u.format(l.PriorBudget), u.format(l.Proposal), u.format(l.Final())})
	}
	if *asJSON {
		return writeJSON(env.Stdout, out)
	}
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.subject"), u.header("col.prior_budget_in"), u.header("col.proposal_in"), u.header("col.final_in")}, rows)
}
