package cli

import (
	"strconv"
	"strings"

	"golang.org/x/text/width"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "budget proposal set", summary: "cli.proposal_set.summary", run: runProposalSet})
	register(command{name: "budget proposal fill", summary: "cli.proposal_fill.summary", run: runProposalFill})
}

// runProposalSet writes lines of a department's proposal, as typing in
// the proposal grid and 保存 does: the first-up figure in round 1, the
// revised figure in round 2. --subject/--amount give one line, each
// --line SUBJECT=AMOUNT another; all are saved together or none. Subjects
// not yet on the proposal are added first (添加科目).
func runProposalSet(env *Env, args []string) error {
	f := newFlags(env, "budget proposal set", "", "cli.proposal_set.about")
	year := f.Int("year", 0, "cli.flag.year")
	dept := f.String("department", "", "cli.flag.department_code")
	subject := f.String("subject", "", "cli.flag.subject_code")
	amountText := f.String("amount", "", "cli.flag.line_amount")
	var lines lineList
	f.Var(&lines, "line", "cli.flag.proposal_line")
	note := f.String("note", "", "cli.flag.line_note")
	file := f.String("file", "", "cli.flag.proposal_file")
	encoding := f.String("encoding", "", "cli.flag.encoding")
	seen := f.Int64("version", 0, "cli.flag.proposal_version")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	if *file != "" {
		if *dept != "" || *subject != "" || len(lines) > 0 {
			return usagef("%s", i18n.T("cli.proposal_set.file_or_lines"))
		}
		return proposalsFromFile(env, *year, *file, *encoding)
	}
	if (*subject == "") != (*amountText == "") || *dept == "" || *subject == "" && len(lines) == 0 {
		return usagef("%s", i18n.T("cli.proposal_set.required"))
	}
	if *subject != "" {
		lines = append(lineList{*subject + "=" + *amountText}, lines...)
	}
	edits, err := proposalEdits(lines, *note)
	if err != nil {
		return err
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
	have := map[string]string{}
	for _, l := range p.Lines {
		have[l.SubjectCode] = l.Note
	}
	var missing []string
	for i, e := range edits {
		if n, ok := have[e.SubjectCode]; !ok {
			missing = append(missing, e.SubjectCode)
		} else if *note == "" {
			edits[i].Note = n
		}
	}
	if len(missing) > 0 {
		if err := svc.Budgets.AddLines(env.ctx, env.Actor, *year, *dept, missing); err != nil {
			return err
		}
	}
	if err := svc.Budgets.SaveProposalAt(env.ctx, env.Actor, *year, *dept, domain.Version(*seen), edits); err != nil {
		return err
	}
	for _, e := range edits {
		env.printf("%s\n", i18n.T("cli.proposal_set.done", "Year", *year, "Dept", p.Dept.DeptName, "Subject", e.SubjectCode, "Amount", money.FormatPlain(e.Amount)))
	}
	return nil
}

// proposalEdits reads SUBJECT=AMOUNT texts (amounts in yuan).
func proposalEdits(lines lineList, note string) ([]budgeting.LineEdit, error) {
	var out []budgeting.LineEdit
	for _, t := range lines {
		code, amount, ok := strings.Cut(t, "=")
		if !ok || strings.TrimSpace(code) == "" {
			return nil, usagef("%s", i18n.T("cli.proposal_set.bad_line", "Line", t))
		}
		a, err := parseYuan("line", amount)
		if err != nil {
			return nil, err
		}
		out = append(out, budgeting.LineEdit{SubjectCode: strings.TrimSpace(code), Amount: a, Note: note})
	}
	return out, nil
}

// runProposalFill fills every line of the chosen proposals with the prior
// year's actual × (1 + growth), as 按上年实际填充 in the proposal grid
// does, and saves them; each department in one transaction.
func runProposalFill(env *Env, args []string) error {
	f := newFlags(env, "budget proposal fill", "", "cli.proposal_fill.about")
	year := f.Int("year", 0, "cli.flag.year")
	var depts deptList
	f.Var(&depts, "department", "cli.flag.cycle_departments")
	all := f.Bool("all", false, "cli.flag.fill_all")
	growthText := f.String("growth", "0", "cli.flag.growth")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	if len(depts) == 0 && !*all || len(depts) > 0 && *all {
		return usagef("%s", i18n.T("cli.cycle.departments_or_all"))
	}
	growth, err := parseGrowth(*growthText)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	st, err := svc.Budgets.Status(env.ctx, env.Actor, *year)
	if err != nil {
		return err
	}
	editable := cycleStep{name: "fill", from: domain.PrepPosition.Editable}
	out := cycleOutJSON{Year: *year, Step: "fill", Done: []cycleDeptJSON{}, Refused: []cycleDeptJSON{}}
	for _, d := range cycleTargets(st, editable, cycleArgs{depts: depts, all: *all}) {
		res := cycleDeptJSON{Code: d.DeptCode, Name: d.DeptName, State: string(d.State)}
		p, err := svc.Budgets.Proposal(env.ctx, env.Actor, *year, d.DeptCode)
		if err == nil {
			res.Name = p.Dept.DeptName
			var edits []budgeting.LineEdit
			for _, l := range p.Lines {
				edits = append(edits, budgeting.LineEdit{SubjectCode: l.SubjectCode, Amount: domain.Baseline(l.PriorActual, growth), Note: l.Note})
			}
			err = svc.Budgets.SaveProposal(env.ctx, env.Actor, *year, d.DeptCode, edits)
		}
		if err != nil {
			res.Message = i18n.Message(err)
			out.Refused = append(out.Refused, res)
			continue
		}
		out.Done = append(out.Done, res)
	}
	return printCycle(env, out, *asJSON)
}

// parseGrowth reads a growth rate as every share on the command line is
// written: "3%" or the fraction "0.03" (negative for a cut). A bare number
// beyond ±1 is refused rather than guessed, as domain.ParseRatio does.
func parseGrowth(text string) (domain.Growth, error) {
	t := strings.TrimSpace(width.Narrow.String(text))
	if strings.HasSuffix(t, "%") || strings.HasSuffix(t, "％") {
		return domain.ParseGrowth(t)
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return domain.ParseGrowth(t) // its refusal says what to type
	}
	if f > 1 || f < -1 {
		return 0, domain.NewProblem("problem.ratio.ambiguous", "\"{{.Text}}\" is more than 1: write {{.Text}}% for a percentage, or a fraction such as 0.15.", "Text", text)
	}
	return domain.ParseGrowth(strconv.FormatFloat(f*100, 'f', -1, 64))
}

// proposalsFromFile fills the proposals of the departments in a budget
// workbook, all in one transaction (budgeting.ImportProposals).
func proposalsFromFile(env *Env, year int, path, encoding string) error {
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	codes, err := svc.Budgets.ImportProposals(env.ctx, env.Actor, year, path, encoding)
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.proposal_set.imported", "Year", year, "Count", len(codes), "File", path, "Departments", strings.Join(codes, ", ")))
	return nil
}
