package permission

import (
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// The whole matrix, written out independently of the code: one column per
// role in the order administrator, budget office, department head,
// committee, auditor; Y allowed, - refused.
var want = map[Op]string{
	Read:                  "YYYYY",
	PrepOpen:              "YY---",
	PrepCancel:            "YY---",
	PrepEditProposal:      "YYY--",
	PrepSubmit:            "YYY--",
	PrepReturn:            "YY-Y-",
	PrepIssueControl:      "YY---",
	PrepApproveDepartment: "YY-Y-",
	PrepApproveHospital:   "Y--Y-",
	BudgetAdjustRequest:   "YYY--",
	BudgetAdjustDecide:    "Y--Y-",
	BudgetPlan:            "YY---",
	BudgetImport:          "YY---",
	ActualsImport:         "YY---",
	TargetsRecord:         "YYY--",
	IndicatorsEdit:        "YY---",
	EvaluationEnterValues: "YYY--",
	EvaluationFinalise:    "Y--Y-",
	BonusCompute:          "YY---",
	BonusApprove:          "Y--Y-",
	MasterdataEdit:        "YY---",
	UsersManage:           "Y----",
	UsersView:             "Y---Y",
	AuditView:             "YY--Y",
	BackupRestore:         "Y----",
}

var roles = []domain.Role{domain.RoleAdministrator, domain.RoleBudgetOffice, domain.RoleDeptHead, domain.RoleCommittee, domain.RoleAuditor}

func TestMatrix(t *testing.T) {
	if len(want) != len(Ops) {
		t.Fatalf("the test lists %d operations, the code %d", len(want), len(Ops))
	}
	for _, op := range Ops {
		row, ok := want[op]
		if !ok {
			t.Errorf("%s: missing from the test", op)
			continue
		}
		for i, role := range roles {
			a := domain.Actor{Login: "u", Role: role, Departments: []string{"101"}}
			err := Check(a, op, "101")
			if got, exp := err == nil, row[i] == 'Y'; got != exp {
				t.Errorf("%s × %s: allowed=%v, want %v (%v)", role, op, got, exp, err)
			}
			if err != nil {
				ps := domain.AsProblems(err)
				if len(ps) != 1 || ps[0].Key != "problem.access.denied" {
					t.Errorf("%s × %s: refusal %v, want problem.access.denied", role, op, err)
				}
			}
		}
	}
}

func TestDepartmentScope(t *testing.T) {
	head := domain.Actor{Login: "zhang", Name: "张主任", Role: domain.RoleDeptHead, Departments: []string{"101", "102"}}
	finance := domain.Actor{Login: "li", Role: domain.RoleBudgetOffice}
	tests := []struct {
		name    string
		a       domain.Actor
		op      Op
		dept    string
		wantKey string
	}{
		{"head edits own", head, PrepEditProposal, "102", ""},
		{"head edits another", head, PrepEditProposal, "201", "problem.access.not_own_dept"},
		{"head reads own", head, Read, "101", ""},
		{"head reads another", head, Read, "201", "problem.access.not_own_dept"},
		{"head reads hospital-wide", head, Read, "", ""},
		{"head submits for the hospital", head, PrepSubmit, "", "problem.access.whole_hospital"},
		{"head issues control", head, PrepIssueControl, "101", "problem.access.denied"},
		{"finance edits any", finance, PrepEditProposal, "201", ""},
		{"nobody", domain.Actor{}, Read, "", "problem.no_actor"},
		{"unknown role", domain.Actor{Login: "x", Role: "janitor"}, Read, "", "problem.access.denied"},
		{"local user", domain.LocalUser, BackupRestore, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(tt.a, tt.op, tt.dept)
			got := ""
			if ps := domain.AsProblems(err); ps != nil {
				got = ps[0].Key
			} else if err != nil {
				t.Fatalf("not a problem: %v", err)
			}
			if got != tt.wantKey {
				t.Errorf("got %q (%v), want %q", got, err, tt.wantKey)
			}
		})
	}
}

// A refusal names the user, the role and what is refused.
func TestRefusalNamesWhoAndWhat(t *testing.T) {
	head := domain.Actor{Login: "zhang", Name: "张主任", Role: domain.RoleDeptHead, Departments: []string{"101"}}
	msg := Check(head, PrepEditProposal, "201").Error()
	for _, part := range []string{"张主任", "zhang", "101", "201", "change budget proposals"} {
		if !strings.Contains(msg, part) {
			t.Errorf("%q lacks %q", msg, part)
		}
	}
	msg = Check(domain.Actor{Login: "wang", Role: domain.RoleAuditor}, BudgetImport, "").Error()
	for _, part := range []string{"wang", "auditor", "import budgets"} {
		if !strings.Contains(msg, part) {
			t.Errorf("%q lacks %q", msg, part)
		}
	}
}

func TestCanSee(t *testing.T) {
	head := domain.Actor{Login: "h", Role: domain.RoleDeptHead, Departments: []string{"101"}}
	if !CanSee(head, "101") || CanSee(head, "102") || !CanSee(domain.Actor{Login: "a", Role: domain.RoleAuditor}, "102") {
		t.Error("CanSee")
	}
}

func TestCheckEach(t *testing.T) {
	head := domain.Actor{Login: "h", Role: domain.RoleDeptHead, Departments: []string{"101", "102"}}
	tests := []struct {
		name  string
		a     domain.Actor
		depts []string
		ok    bool
	}{
		{"own departments", head, []string{"101", "102"}, true},
		{"one foreign", head, []string{"101", "201"}, false},
		{"none", head, nil, true},
		{"auditor none", domain.Actor{Login: "u", Role: domain.RoleAuditor}, nil, false},
		{"finance any", domain.Actor{Login: "f", Role: domain.RoleBudgetOffice}, []string{"201"}, true},
	}
	for _, tt := range tests {
		if err := CheckEach(tt.a, BudgetAdjustRequest, tt.depts); (err == nil) != tt.ok {
			t.Errorf("%s: %v", tt.name, err)
		}
	}
}

// Every operation has a name for messages (translated as op.<name>).
func TestEveryOpIsNamed(t *testing.T) {
	for _, op := range Ops {
		if _, ok := opNames[op]; !ok {
			t.Errorf("%s has no name", op)
		}
		if op.Term().Key != "op."+string(op) {
			t.Errorf("%s: term key %s", op, op.Term().Key)
		}
	}
}
