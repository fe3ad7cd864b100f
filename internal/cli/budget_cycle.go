package cli

import (
	"fmt"
	"strings"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// The steps of the two-ups-two-downs cycle from the command line, as the
// 预算编制 screen takes them: the same service calls, the same refusals.
func init() {
	register(command{name: "budget cycle start", summary: "cli.cycle_start.summary", run: runCycleStart})
	for _, s := range cycleSteps {
		register(command{name: "budget cycle " + s.name, summary: "cli.cycle_" + s.name + ".summary", run: s.run})
	}
}

// cycleStep is one department step: the action it takes and the states
// --all picks departments in.
type cycleStep struct {
	name   string
	action domain.PrepAction
	// from lists the positions --all takes; a named department in another
	// position is passed to the service, which says why it refuses.
	from func(p domain.PrepPosition) bool
}

var cycleSteps = []cycleStep{
	{"submit", domain.ActSubmit, func(p domain.PrepPosition) bool {
		return p.State == domain.StateDraft || p.State == domain.StateReturned && p.Round == 1
	}},
	{"return", domain.ActReturn, func(p domain.PrepPosition) bool {
		return p.State == domain.StateSubmitted || p.State == domain.StateRevised
	}},
	{"control", domain.ActIssueControl, func(p domain.PrepPosition) bool { return p.State == domain.StateSubmitted }},
	{"revise", domain.ActSubmit, func(p domain.PrepPosition) bool {
		return p.State == domain.StateControlIssued || p.State == domain.StateReturned && p.Round == 2
	}},
	{"approve", domain.ActApprove, func(p domain.PrepPosition) bool { return p.State == domain.StateRevised }},
}

func (s cycleStep) run(env *Env, args []string) error { return runCycleStep(env, s, args) }

// cycleOutJSON is what a step prints with --json: the departments it moved
// (with their new state) and those refused, each with its reason.
type cycleOutJSON struct {
	Year     int               `json:"year"`
	Step     string            `json:"step"`
	Done     []cycleDeptJSON   `json:"done"`
	Refused  []cycleDeptJSON   `json:"refused"`
	Hospital *hospitalApproved `json:"hospital,omitempty"`
}

type cycleDeptJSON struct {
	Code            string `json:"code"`
	Name            string `json:"name"`
	State           string `json:"state,omitempty"`
	ControlTotalFen *int64 `json:"control_total_fen,omitempty"`
	Message         string `json:"message,omitempty"`
}

type hospitalApproved struct {
	Approved bool `json:"approved"`
	Lines    int  `json:"lines"`
}

// deptList is a repeatable --department: "--department 101 --department
// 102" or "--department 101,102".
type deptList []string

func (d *deptList) String() string { return strings.Join(*d, ",") }
func (d *deptList) Set(s string) error {
	for _, c := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == ' ' }) {
		*d = append(*d, c)
	}
	return nil
}

// runCycleStart opens the year's preparation (开始本年度编制).
func runCycleStart(env *Env, args []string) error {
	f := newFlags(env, "budget cycle start", "", "cli.cycle_start.about")
	year := f.Int("year", 0, "cli.flag.year")
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
	n, err := svc.Budgets.OpenCycle(env.ctx, env.Actor, *year)
	if err != nil {
		return err
	}
	if *asJSON {
		return writeJSON(env.Stdout, struct {
			Year        int `json:"year"`
			Departments int `json:"departments"`
		}{*year, n})
	}
	env.printf("%s\n", i18n.T("cli.cycle_start.done", "Year", *year, "Count", n))
	return nil
}

// cycleArgs are a step's options.
type cycleArgs struct {
	year    int
	depts   deptList
	all     bool
	comment string
	// amount is the control total for every department; amounts per
	// department (--amount CODE=A) override it.
	amount   *money.Amount
	amounts  map[string]money.Amount
	hospital bool
	asJSON   bool
}

func parseCycleStep(env *Env, s cycleStep, args []string) (cycleArgs, error) {
	var a cycleArgs
	f := newFlags(env, "budget cycle "+s.name, "", "cli.cycle_"+s.name+".about")
	year := f.Int("year", 0, "cli.flag.year")
	f.Var(&a.depts, "department", "cli.flag.cycle_departments")
	all := f.Bool("all", false, "cli.flag.cycle_all")
	comment := f.String("comment", "", "cli.flag.cycle_comment")
	var amounts lineList
	hospital := new(bool)
	if s.action == domain.ActIssueControl {
		f.Var(&amounts, "amount", "cli.flag.control_amount")
	}
	if s.action == domain.ActApprove {
		hospital = f.Bool("hospital", false, "cli.flag.approve_hospital")
	}
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return a, err
	}
	if err := requireYear(*year); err != nil {
		return a, err
	}
	a.year, a.all, a.comment, a.hospital, a.asJSON = *year, *all, *comment, *hospital, *asJSON
	if len(a.depts) == 0 && !a.all && !a.hospital {
		return a, usagef("%s", i18n.T("cli.cycle.departments_required"))
	}
	if len(a.depts) > 0 && a.all {
		return a, usagef("%s", i18n.T("cli.cycle.departments_or_all"))
	}
	return a, a.readAmounts(amounts)
}

// runCycleStep takes step s for each chosen department, each in its own
// transaction (a department is moved whole or not at all); the refusals
// are listed by department and make the exit status 1.
func runCycleStep(env *Env, s cycleStep, args []string) error {
	a, err := parseCycleStep(env, s, args)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	st, err := svc.Budgets.Status(env.ctx, env.Actor, a.year)
	if err != nil {
		return err
	}
	targets := cycleTargets(st, s, a)
	out := cycleOutJSON{Year: a.year, Step: s.name, Done: []cycleDeptJSON{}, Refused: []cycleDeptJSON{}}
	for _, d := range targets {
		res, err := cycleOne(env, svc, s, a, d)
		if err != nil {
			res.Message = i18n.Message(err)
			out.Refused = append(out.Refused, res)
			continue
		}
		out.Done = append(out.Done, res)
	}
	if a.hospital && len(out.Refused) == 0 {
		n, err := svc.Budgets.ApproveHospital(env.ctx, env.Actor, a.year)
		if err != nil {
			return err
		}
		out.Hospital = &hospitalApproved{Approved: true, Lines: n}
	}
	return printCycle(env, out, a.asJSON)
}

// readAmounts reads the control totals: "A" for every department, or
// "CODE=A" for one (repeatable), in yuan.
func (a *cycleArgs) readAmounts(texts lineList) error {
	for _, t := range texts {
		code, text, per := strings.Cut(t, "=")
		if !per {
			text = t
		}
		v, err := parseYuan("amount", text)
		if err != nil {
			return err
		}
		if !per {
			a.amount = &v
			continue
		}
		if a.amounts == nil {
			a.amounts = map[string]money.Amount{}
		}
		a.amounts[strings.TrimSpace(code)] = v
	}
	return nil
}

// cycleTargets are the departments a step acts on: those named (in the
// order given), or with --all every department in a position the step
// takes.
func cycleTargets(st budgeting.Status, s cycleStep, a cycleArgs) []domain.DeptPrep {
	byCode := map[string]domain.DeptPrep{}
	for _, d := range st.Departments {
		byCode[d.DeptCode] = d
	}
	var out []domain.DeptPrep
	if a.all {
		for _, d := range st.Departments {
			if s.from(d.PrepPosition) {
				out = append(out, d)
			}
		}
		return out
	}
	for _, code := range a.depts {
		d, ok := byCode[code]
		if !ok {
			d = domain.DeptPrep{DeptCode: code}
		}
		out = append(out, d)
	}
	return out
}

// cycleOne takes the step for one department.
func cycleOne(env *Env, svc *services.Services, s cycleStep, a cycleArgs, d domain.DeptPrep) (cycleDeptJSON, error) {
	res := cycleDeptJSON{Code: d.DeptCode, Name: d.DeptName}
	if d.DeptName == "" {
		res.Name = d.DeptCode
	}
	if err := checkRound(s, d); err != nil {
		return res, err
	}
	var err error
	switch s.action {
	case domain.ActIssueControl:
		total := a.amount
		if v, ok := a.amounts[d.DeptCode]; ok {
			total = &v
		}
		if total == nil {
			t, terr := proposedControl(env, svc, a.year, d.DeptCode)
			if terr != nil {
				return res, terr
			}
			total = &t
		}
		v := total.Fen()
		res.ControlTotalFen = &v
		err = svc.Budgets.IssueControl(env.ctx, env.Actor, a.year, d.DeptCode, total, a.comment)
	default:
		err = svc.Budgets.Transition(env.ctx, env.Actor, a.year, d.DeptCode, s.action, a.comment)
	}
	if err != nil {
		return res, err
	}
	p, err := svc.Budgets.Proposal(env.ctx, env.Actor, a.year, d.DeptCode)
	if err == nil {
		res.State, res.Name = string(p.Dept.State), p.Dept.DeptName
	}
	return res, nil
}

// checkRound keeps submit (first up) and revise (second up) apart: both
// are the department's submission, in different rounds.
func checkRound(s cycleStep, d domain.DeptPrep) error {
	if d.DeptName == "" || s.action != domain.ActSubmit || d.State == domain.StateSubmitted || d.State == domain.StateRevised || d.State == domain.StateApproved {
		return nil
	}
	switch {
	case s.name == "submit" && d.Round == 2:
		return domain.NewProblem("problem.cli.cycle_use_revise", "It has its control figures: submit its revised proposal with budget cycle revise.")
	case s.name == "revise" && d.Round != 2:
		return domain.NewProblem("problem.cli.cycle_use_submit", "It has no control figures yet: submit its proposal first with budget cycle submit.")
	}
	return nil
}

// proposedControl is the control total the 下达控制数 dialog proposes: the
// total already set, else the per-line figures plus projects, else the
// department's expenditure as submitted.
func proposedControl(env *Env, svc *services.Services, year int, dept string) (money.Amount, error) {
	p, err := svc.Budgets.Proposal(env.ctx, env.Actor, year, dept)
	if err != nil {
		return 0, err
	}
	switch {
	case p.Dept.ControlTotal != nil:
		return *p.Dept.ControlTotal, nil
	case p.Expenditure.HasControl:
		return p.Expenditure.Control + p.Projects, nil
	}
	return p.ExpenditureFinal(), nil
}

// printCycle reports a step: what was done on stdout, each refusal on
// stderr with its department, and exit 1 when any was refused.
func printCycle(env *Env, out cycleOutJSON, asJSON bool) error {
	if asJSON {
		if err := writeJSON(env.Stdout, out); err != nil {
			return err
		}
	} else {
		for _, d := range out.Done {
			state := i18n.T("prep.state." + d.State)
			if d.ControlTotalFen != nil {
				state += "  " + i18n.T("cli.cycle.control_total", "Amount", money.FormatPlain(money.Amount(*d.ControlTotalFen)))
			}
			env.printf("%s %s: %s\n", d.Code, d.Name, state)
		}
		if out.Hospital != nil {
			env.printf("%s\n", i18n.T("cli.cycle.hospital_approved", "Year", out.Year, "Lines", out.Hospital.Lines))
		}
		if len(out.Done) == 0 && out.Hospital == nil && len(out.Refused) == 0 {
			env.printf("%s\n", i18n.T("cli.cycle.nothing"))
		}
	}
	if len(out.Refused) == 0 {
		return nil
	}
	for _, d := range out.Refused {
		fmt.Fprintf(env.Stderr, "%s %s: %s\n", d.Code, d.Name, d.Message)
	}
	return domain.NewProblem("problem.cli.cycle_refused", "{{.Refused}} of {{.Count}} departments were refused (listed above); the others were done.",
		"Refused", len(out.Refused), "Count", len(out.Refused)+len(out.Done))
}
