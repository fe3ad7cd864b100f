package masterdata

// The part of the budget and actuals imports that is master data: what a
// workbook is matched against, what happens to the departments a file names
// that the database lacks, and the totals per department that a preview shows.

import (
	"context"
	"sort"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

// DeptTotal is one department's totals in the file: revenue and
// expenditure apart, never one sum of both sides.
type DeptTotal struct {
	Code, Name           string
	New                  bool
	Lines                int
	Revenue, Expenditure money.Amount
}

// ImportReference is what a workbook is matched against.
func ImportReference(ctx context.Context, q store.Q) ([]domain.Department, []domain.Subject, error) {
	depts, err := q.Departments(ctx)
	if err != nil {
		return nil, nil, err
	}
	subjects, err := q.Subjects(ctx)
	return depts, subjects, err
}

// SubjectKinds maps each subject code to revenue or expenditure.
func SubjectKinds(subjects []domain.Subject) map[string]domain.SubjectKind {
	kind := make(map[string]domain.SubjectKind, len(subjects))
	for _, sb := range subjects {
		kind[sb.Code] = sb.Kind
	}
	return kind
}

// DepartmentPlan is what happens to the departments a file names that the
// database lacks: booked to an existing department, or created.
type DepartmentPlan struct {
	remap  map[string]string // code given by the reader → existing code
	Create []domain.Department
	names  map[string]string // code → name, existing and created
	isNew  map[string]bool
}

// PlanDepartments applies the user's mapping to the reader's new departments.
func PlanDepartments(found []domain.Department, mapping map[string]string, createMissing bool, depts []domain.Department) (DepartmentPlan, error) {
	p := DepartmentPlan{remap: map[string]string{}, names: map[string]string{}, isNew: map[string]bool{}}
	for _, d := range depts {
		p.names[d.Code] = d.Name
	}
	var unmapped domain.Problems
	for _, nd := range found {
		if to, ok := mapping[nd.Name]; ok && to != "" {
			if _, known := p.names[to]; !known {
				unmapped = append(unmapped, domain.NewProblem("import.map_unknown", "Department \"{{.Name}}\" is mapped to {{.Code}}, which does not exist.", "Name", nd.Name, "Code", to))
				continue
			}
			p.remap[nd.Code] = to
			continue
		}
		if !createMissing {
			unmapped = append(unmapped, domain.NewProblem("import.unknown_department_unmapped",
				"Department \"{{.Name}}\" is not in the database: map it to an existing department or let the import create it (--create-missing).", "Name", nd.Name))
			continue
		}
		p.Create = append(p.Create, nd)
		p.names[nd.Code] = nd.Name
		p.isNew[nd.Code] = true
	}
	if len(unmapped) > 0 {
		return p, unmapped
	}
	return p, nil
}

// Code is where lines of department code go.
func (p DepartmentPlan) Code(code string) string {
	if to, ok := p.remap[code]; ok {
		return to
	}
	return code
}

// Name is the name of department code, existing or created.
func (p DepartmentPlan) Name(code string) string { return p.names[code] }

// DeptTotaller sums lines per department.
type DeptTotaller struct {
	Plan   DepartmentPlan
	byDept map[string]*DeptTotal
}

// Add counts a line of a for department code; false when the
// department's total would overflow.
func (t *DeptTotaller) Add(code string, a money.Amount, k domain.SubjectKind) bool {
	if t.byDept == nil {
		t.byDept = map[string]*DeptTotal{}
	}
	d := t.byDept[code]
	if d == nil {
		d = &DeptTotal{Code: code, Name: t.Plan.names[code], New: t.Plan.isNew[code]}
		t.byDept[code] = d
	}
	d.Lines++
	if k == domain.Revenue {
		return money.AddTo(&d.Revenue, a)
	}
	return money.AddTo(&d.Expenditure, a)
}

func (t *DeptTotaller) Totals() []DeptTotal {
	out := make([]DeptTotal, 0, len(t.byDept))
	for _, d := range t.byDept {
		out = append(out, *d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// ImportReason is the reason an import's audit entries give.
func ImportReason(file string) string { return "import " + file }

// SaveNewDepartments creates the departments an import adds, each
// recorded in the audit trail.
func SaveNewDepartments(ctx context.Context, tx *store.Tx, by domain.Actor, depts []domain.Department, reason string) error {
	for _, d := range depts {
		if err := SaveDepartmentAudited(ctx, tx, by, d, reason); err != nil {
			return err
		}
	}
	return nil
}
