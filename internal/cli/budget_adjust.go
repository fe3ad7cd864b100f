package cli

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "budget adjust request", summary: "cli.adjust_request.summary", run: runAdjustRequest})
	register(command{name: "budget adjust approve", summary: "cli.adjust_approve.summary", run: func(env *Env, args []string) error {
		return runAdjustDecide(env, args, true)
	}})
	register(command{name: "budget adjust reject", summary: "cli.adjust_reject.summary", run: func(env *Env, args []string) error {
		return runAdjustDecide(env, args, false)
	}})
	register(command{name: "budget split", summary: "cli.budget_split.summary", run: runBudgetSplit})
}

// adjustJSON is an adjustment request as --json prints it.
type adjustJSON struct {
	ID             int64            `json:"id"`
	Year           int              `json:"year"`
	Number         int              `json:"number"`
	State          string           `json:"state"`
	ReasonCategory string           `json:"reason_category"`
	Reason         string           `json:"reason"`
	Comment        string           `json:"comment,omitempty"`
	ChangeFen      int64            `json:"change_fen"`
	Lines          []adjustLineJSON `json:"lines"`
}

type adjustLineJSON struct {
	Department  string `json:"department"`
	SubjectCode string `json:"subject_code"`
	OldFen      int64  `json:"old_fen"`
	NewFen      int64  `json:"new_fen"`
}

func adjustmentJSON(a domain.Adjustment) adjustJSON {
	out := adjustJSON{ID: a.ID, Year: a.Year, Number: a.Number, State: string(a.State), ReasonCategory: string(a.ReasonCategory),
		Reason: a.Reason, Comment: a.DecisionComment, ChangeFen: a.Change().Fen(), Lines: []adjustLineJSON{}}
	for _, l := range a.Lines {
		out.Lines = append(out.Lines, adjustLineJSON{Department: l.DeptCode, SubjectCode: l.SubjectCode, OldFen: l.Old.Fen(), NewFen: l.New.Fen()})
	}
	return out
}

// lineList is a repeatable --line DEPT/SUBJECT=AMOUNT (the new approved amount in yuan).
type lineList []string

func (l *lineList) String() string     { return strings.Join(*l, " ") }
func (l *lineList) Set(s string) error { *l = append(*l, s); return nil }

func parseAdjustLines(texts lineList) ([]domain.AdjustmentLine, error) {
	var out []domain.AdjustmentLine
	for _, t := range texts {
		key, amount, ok := strings.Cut(t, "=")
		dept, subject, ok2 := strings.Cut(key, "/")
		if !ok || !ok2 || dept == "" || subject == "" {
			return nil, usagef("%s", i18n.T("cli.adjust.bad_line", "Line", t))
		}
		a, err := parseYuan("line", amount)
		if err != nil {
			return nil, err
		}
		out = append(out, domain.AdjustmentLine{DeptCode: strings.TrimSpace(dept), SubjectCode: strings.TrimSpace(subject), New: a})
	}
	return out, nil
}

// runAdjustRequest files a budget adjustment request (调整申请): each
// --line gives a department's subject its new approved amount.
func runAdjustRequest(env *Env, args []string) error {
	f := newFlags(env, "budget adjust request", "", "cli.adjust_request.about")
	year := f.Int("year", 0, "cli.flag.year")
	var lines lineList
	f.Var(&lines, "line", "cli.flag.adjust_line")
	category := f.String("category", string(domain.ReasonOther), "cli.flag.adjust_category")
	reason := f.String("reason", "", "cli.flag.adjust_reason")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	if len(lines) == 0 {
		return usagef("%s", i18n.T("cli.adjust.lines_required"))
	}
	ls, err := parseAdjustLines(lines)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	a, err := svc.Budgets.RequestAdjustment(env.ctx, env.Actor, *year, *category, *reason, ls)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, adjustmentJSON(a))
	}
	env.printf("%s\n", i18n.T("cli.adjust.requested", "Year", a.Year, "Number", a.Number, "ID", a.ID, "Lines", len(a.Lines), "Change", money.FormatPlain(a.Change())))
	return nil
}

// runAdjustDecide approves or rejects a request by its id (the committee's 审批).
func runAdjustDecide(env *Env, args []string, approve bool) error {
	name := "budget adjust reject"
	if approve {
		name = "budget adjust approve"
	}
	f := newFlags(env, name, "", "cli."+strings.ReplaceAll(strings.TrimPrefix(name, "budget "), " ", "_")+".about")
	id := f.Int64("id", 0, "cli.flag.adjust_id")
	comment := f.String("comment", "", "cli.flag.cycle_comment")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if *id <= 0 {
		return usagef("%s", i18n.T("cli.adjust.id_required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	a, err := svc.Budgets.DecideAdjustment(env.ctx, env.Actor, *id, approve, *comment)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, adjustmentJSON(a))
	}
	env.printf("%s\n", i18n.T("cli.adjust.decided", "Year", a.Year, "Number", a.Number, "ID", strconv.FormatInt(a.ID, 10),
		"State", i18n.T(a.State.Term().Key), "Change", money.FormatPlain(a.Change())))
	return nil
}

// runBudgetSplit distributes the year's approved budget over the months
// (月度分解): evenly, or by the prior year's monthly actuals.
func runBudgetSplit(env *Env, args []string) error {
	f := newFlags(env, "budget split", "", "cli.budget_split.about")
	year := f.Int("year", 0, "cli.flag.year")
	method := f.String("method", string(domain.SplitMethodEven), "cli.flag.split_method")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	res, err := svc.Budgets.SplitAll(env.ctx, env.Actor, *year, domain.SplitMethod(*method))
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, struct {
			Year     int    `json:"year"`
			Method   string `json:"method"`
			Lines    int    `json:"lines"`
			FellBack int    `json:"fell_back_even"`
		}{*year, *method, res.Lines, res.FellBack})
	}
	env.printf("%s\n", i18n.T("cli.budget_split.done", "Year", *year, "Lines", res.Lines, "Method", i18n.T("cli.split_method."+*method)))
	if res.FellBack > 0 {
		fmt.Fprintln(env.Stderr, i18n.T("cli.budget_split.fell_back", "Count", res.FellBack))
	}
	return nil
}
