// Package permission decides who may do what: the roles of domain.Role, the
// operations of the services, and the matrix between them. It is pure so
// that the whole matrix is table-tested, and the services call Check
// rather than the screens hiding buttons, so the GUI and the CLI refuse alike.
package permission

import (
	"slices"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Op is one kind of service operation that a role may or may not perform.
type Op string

// The operations. Read covers every screen and report (a department head
// reading their own departments only, see CanSee); UsersView and AuditView
// are the reads of the accounts and the audit trail; the others change data.
const (
	Read                  Op = "read"
	PrepOpen              Op = "prep.open"
	PrepCancel            Op = "prep.cancel"
	PrepEditProposal      Op = "prep.edit_proposal"
	PrepSubmit            Op = "prep.submit"
	PrepReturn            Op = "prep.return"
	PrepIssueControl      Op = "prep.issue_control"
	PrepApproveDepartment Op = "prep.approve_department"
	PrepApproveHospital   Op = "prep.approve_hospital"
	BudgetAdjustRequest   Op = "budget.adjust.request"
	BudgetAdjustDecide    Op = "budget.adjust.decide"
	BudgetPlan            Op = "budget.plan"
	BudgetImport          Op = "budget.import"
	ActualsImport         Op = "actuals.import"
	TargetsRecord         Op = "targets.record"
	IndicatorsEdit        Op = "indicators.edit"
	EvaluationEnterValues Op = "evaluation.enter_values"
	EvaluationFinalise    Op = "evaluation.finalise"
	BonusCompute          Op = "bonus.compute"
	BonusApprove          Op = "bonus.approve"
	MasterdataEdit        Op = "masterdata.edit"
	UsersManage           Op = "users.manage"
	UsersView             Op = "users.view"
	AuditView             Op = "audit.view"
	BackupRestore         Op = "backup.restore"
)

// Ops lists every operation, for the matrix test and the documentation.
var Ops = []Op{Read, PrepOpen, PrepCancel, PrepEditProposal, PrepSubmit, PrepReturn, PrepIssueControl, PrepApproveDepartment,
	PrepApproveHospital, BudgetAdjustRequest, BudgetAdjustDecide, BudgetPlan, BudgetImport, ActualsImport,
	TargetsRecord, IndicatorsEdit, EvaluationEnterValues, EvaluationFinalise, BonusCompute, BonusApprove,
	MasterdataEdit, UsersManage, UsersView, AuditView, BackupRestore}

// deptScoped operations concern one department: a department head may do
// them for the departments they head and nowhere else.
var deptScoped = map[Op]bool{Read: true, PrepEditProposal: true, PrepSubmit: true, BudgetAdjustRequest: true,
	TargetsRecord: true, EvaluationEnterValues: true}

// matrix is role × operation → allowed. The administrator may do
// everything because the built-in local user (a database without
// accounts) is one. Otherwise duties are separated as internal control
// asks: the budget office prepares and reviews, the committee decides,
// department heads work on their own departments, the auditor only reads.
var matrix = map[domain.Role][]Op{
	domain.RoleAdministrator: Ops,
	domain.RoleBudgetOffice: {Read, PrepOpen, PrepCancel, PrepEditProposal, PrepSubmit, PrepReturn, PrepIssueControl, PrepApproveDepartment,
		BudgetAdjustRequest, BudgetPlan, BudgetImport, ActualsImport, TargetsRecord, IndicatorsEdit, EvaluationEnterValues,
		BonusCompute, MasterdataEdit, AuditView},
	domain.RoleDeptHead:  {Read, PrepEditProposal, PrepSubmit, BudgetAdjustRequest, TargetsRecord, EvaluationEnterValues},
	domain.RoleCommittee: {Read, PrepReturn, PrepApproveDepartment, PrepApproveHospital, BudgetAdjustDecide, EvaluationFinalise, BonusApprove},
	domain.RoleAuditor:   {Read, UsersView, AuditView},
}

// Allowed reports whether role may perform op at all (for some department).
func Allowed(role domain.Role, op Op) bool { return slices.Contains(matrix[role], op) }

// Term is the operation's name for messages.
func (op Op) Term() domain.Term {
	name, ok := opNames[op]
	if !ok {
		name = string(op)
	}
	return domain.Term{Key: "op." + string(op), Default: name}
}

// opNames are the operations' English names, the defaults of their terms.
var opNames = map[Op]string{
	"read":                    "see data",
	"prep.open":               "open a budget preparation cycle",
	"prep.cancel":             "cancel a budget preparation cycle",
	"prep.edit_proposal":      "change budget proposals",
	"prep.submit":             "submit budget proposals",
	"prep.return":             "return proposals for revision",
	"prep.issue_control":      "set and issue control figures",
	"prep.approve_department": "approve department budgets",
	"prep.approve_hospital":   "approve the hospital budget",
	"budget.adjust.request":   "request budget adjustments",
	"budget.adjust.decide":    "approve or reject budget adjustments",
	"budget.plan":             "split the budget into months",
	"budget.import":           "import budgets",
	"actuals.import":          "import actuals",
	"targets.record":          "record performance target values",
	"indicators.edit":         "change indicators and schemes",
	"evaluation.enter_values": "enter evaluation values",
	"evaluation.finalise":     "finalise evaluations",
	"bonus.compute":           "compute bonus allocations",
	"bonus.approve":           "approve bonus allocations",
	"masterdata.edit":         "change departments and settings",
	"users.manage":            "manage users",
	"users.view":              "see the user accounts",
	"audit.view":              "view the audit trail",
	"backup.restore":          "restore backups",
}

// DeptScoped reports whether op concerns one department.
func (op Op) DeptScoped() bool { return deptScoped[op] }

// SignedIn refuses an empty actor: every service call is made by someone,
// the built-in local administrator when the database has no accounts.
func SignedIn(a domain.Actor) error {
	if !a.Valid() {
		return domain.NewProblem("problem.no_actor", "No user is signed in; this action needs one.")
	}
	return nil
}

// Check refuses op for a when a's role does not allow it, or when a is a
// department head and deptCode is not one of theirs. deptCode "" means the
// operation concerns the whole hospital: a department head may read such
// data (the hospital's approved budget) but change none of it.
func Check(a domain.Actor, op Op, deptCode string) error {
	if err := SignedIn(a); err != nil {
		return err
	}
	if !Allowed(a.Role, op) {
		return domain.NewProblem("problem.access.denied", "{{.User}} ({{.Role}}) may not {{.Op}}. Ask an administrator to change the role, or ask someone whose role allows it.",
			"User", userName(a), "Role", a.Role.Term(), "Op", op.Term())
	}
	if a.Role != domain.RoleDeptHead || !op.DeptScoped() {
		return nil
	}
	if deptCode == "" {
		if op == Read {
			return nil
		}
		return domain.NewProblem("problem.access.whole_hospital", "{{.User}} is a department head and may {{.Op}} only for their own departments, not for the whole hospital.",
			"User", userName(a), "Op", op.Term())
	}
	if !a.Heads(deptCode) {
		return notOwn(a, op, deptCode)
	}
	return nil
}

// CanSee reports whether a may see deptCode's own data (proposals,
// values): everyone but a department head sees every department.
func CanSee(a domain.Actor, deptCode string) bool {
	return a.Role != domain.RoleDeptHead || a.Heads(deptCode)
}

func notOwn(a domain.Actor, op Op, deptCode string) error {
	own := strings.Join(a.Departments, ", ")
	if own == "" {
		own = "-"
	}
	return domain.NewProblem("problem.access.not_own_dept", "{{.User}} heads department(s) {{.Own}} only and may not {{.Op}} for department {{.Dept}}. Ask the budget office or an administrator.",
		"User", userName(a), "Own", own, "Dept", deptCode, "Op", op.Term())
}

func userName(a domain.Actor) string {
	if a.Name != "" && a.Name != a.Login {
		return a.Name + " (" + a.Login + ")"
	}
	return a.Login
}

// CheckEach is Check for an operation that touches several departments
// at once (an adjustment request with lines of several departments): a
// department head must head every one. With no departments only the role
// is checked, and the caller's own validation refuses the empty request.
func CheckEach(a domain.Actor, op Op, deptCodes []string) error {
	if len(deptCodes) == 0 {
		if err := Check(a, op, ""); err != nil && (a.Role != domain.RoleDeptHead || !Allowed(a.Role, op)) {
			return err
		}
		return nil
	}
	for _, d := range deptCodes {
		if err := Check(a, op, d); err != nil {
			return err
		}
	}
	return nil
}
