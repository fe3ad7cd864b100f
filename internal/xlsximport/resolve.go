package xlsximport

import (
	"fmt"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// fmtAmt shows an amount exactly in unit u with the unit label.
func fmtAmt(a money.Amount, u money.Unit) string {
	d := 2
	for s := u.Scale(); s > 1; s /= 10 {
		d++
	}
	return money.FormatUnit(a, u, d)
}

// subjectIndex finds catalogue subjects by code and by exact trimmed name.
// A name used by several subjects (诊察收入 under 门急诊收入 and under 住院收入)
// is resolved by its context: the group heading or the parent row above.
type subjectIndex struct {
	byCode map[string]string   // code → code, for lookups of written codes
	byName map[string][]string // name → codes
	parent map[string]string   // code → parent code
	name   map[string]string   // code → name
}

// synonyms map names used in workbooks to the catalogue's names.
var synonyms = map[string]string{
	"门诊收入":   "门急诊收入",
	"门诊医疗收入": "门急诊收入",
	"住院医疗收入": "住院收入",
	"其他门诊收入": "其他门急诊收入",
}

func normName(s string) string {
	s = workbook.Clean(s)
	if v, ok := synonyms[s]; ok {
		return v
	}
	return s
}

func newSubjectIndex(ss []domain.Subject) *subjectIndex {
	x := &subjectIndex{byCode: map[string]string{}, byName: map[string][]string{}, parent: map[string]string{}, name: map[string]string{}}
	for _, s := range ss {
		code := workbook.Clean(s.Code)
		x.byCode[code] = s.Code
		x.parent[s.Code] = workbook.Clean(s.Parent)
		if n := workbook.Clean(s.Name); n != "" {
			x.byName[n] = append(x.byName[n], s.Code)
			x.name[s.Code] = n
		}
	}
	return x
}

// byNameIn resolves a name given context names, nearest first. ok is false
// when the name is unknown; candidates lists the codes when it is ambiguous.
func (x *subjectIndex) byNameIn(name string, context []string) (code string, candidates []string, ok bool) {
	cands := x.byName[workbook.Clean(name)]
	if len(cands) == 0 {
		cands = x.byName[normName(name)]
	}
	switch len(cands) {
	case 0:
		return "", nil, false
	case 1:
		return cands[0], nil, true
	}
	for _, ctx := range context {
		ctx = normName(ctx)
		if ctx == "" {
			continue
		}
		var keep []string
		for _, c := range cands {
			for a, n := x.parent[c], 0; a != "" && n < 20; a, n = x.parent[a], n+1 {
				if x.name[a] == ctx || a == ctx {
					keep = append(keep, c)
					break
				}
			}
		}
		if len(keep) == 1 {
			return keep[0], nil, true
		}
	}
	return "", cands, true
}

// match reads a heading such as "30201", "办公费" or "[30201]办公费", with
// the group heading above it as context.
func (x *subjectIndex) match(text, group string) (string, bool) {
	code, name, ok := splitBracket(text)
	if ok {
		s, found := x.byCode[code]
		return s, found
	}
	if s, found := x.byCode[name]; found {
		return s, true
	}
	s, cands, found := x.byNameIn(name, []string{group})
	return s, found && len(cands) == 0
}

// deptResolver matches department texts against the known departments and
// creates the missing ones when asked to.
type deptResolver struct {
	create  bool
	byCode  map[string]domain.Department
	byName  map[string]domain.Department
	created []domain.Department
	used    map[string]bool
	next    int // where nextCode continues
}

const hospitalWideName = "全院"

func newDeptResolver(opts Options) *deptResolver {
	d := &deptResolver{create: opts.CreateMissing, byCode: map[string]domain.Department{}, byName: map[string]domain.Department{}, used: map[string]bool{}}
	for _, dep := range opts.Departments {
		d.add(dep)
	}
	if _, ok := d.byCode[domain.HospitalWideCode]; !ok {
		d.byCode[domain.HospitalWideCode] = domain.Department{Code: domain.HospitalWideCode, Name: hospitalWideName, Type: domain.Administrative, CoefficientMilli: 1000, BuiltIn: true}
		d.used[domain.HospitalWideCode] = true
		if _, ok := d.byName[hospitalWideName]; !ok {
			d.byName[hospitalWideName] = d.byCode[domain.HospitalWideCode]
		}
	}
	return d
}

func (d *deptResolver) add(dep domain.Department) {
	d.byCode[workbook.Clean(dep.Code)] = dep
	d.used[workbook.Clean(dep.Code)] = true
	if n := workbook.Clean(dep.Name); n != "" {
		d.byName[n] = dep
	}
	if n := workbook.Clean(dep.NameEn); n != "" {
		if _, ok := d.byName[n]; !ok {
			d.byName[n] = dep
		}
	}
}

// lookup finds an existing (or already created) department.
func (d *deptResolver) lookup(text string) (domain.Department, bool) {
	code, name, bracket := splitBracket(text)
	if bracket {
		if dep, ok := d.byCode[code]; ok {
			return dep, true
		}
	} else if dep, ok := d.byCode[name]; ok {
		return dep, true
	}
	dep, ok := d.byName[name]
	return dep, ok
}

// known reports whether text names an existing department.
func (d *deptResolver) known(text string) bool {
	_, ok := d.lookup(text)
	return ok
}

// nextCode is the next free code counting from 101 (three digits while
// they last).
func (d *deptResolver) nextCode() string {
	if d.next < 101 {
		d.next = 101
	}
	for ; ; d.next++ {
		c := fmt.Sprintf("%03d", d.next)
		if !d.used[c] {
			d.next++
			return c
		}
	}
}

// resolve turns raw lines into lines, creating or refusing unknown
// departments. Departments with a code of their own ([001]外科) are created
// first so that generated codes never take theirs.
func (d *deptResolver) resolve(raw []rawLine) ([]Line, domain.Problems) {
	var probs domain.Problems
	reported := map[string]bool{}
	for pass := 0; pass < 2; pass++ {
		for _, r := range raw {
			if _, ok := d.lookup(r.dept.text); ok {
				continue
			}
			code, name, bracket := splitBracket(r.dept.text)
			if bracket != (pass == 0) {
				continue
			}
			if !d.create {
				key := workbook.Clean(r.dept.text)
				if reported[key] {
					continue
				}
				reported[key] = true
				if r.dept.cell == "" {
					probs = append(probs, domain.NewProblem("import.unknown_department_sheet",
						"Sheet {{.Sheet}}: department \"{{.Dept}}\" (taken from the sheet name or --department) does not exist: create it first, import with --create-missing, or give --department.",
						"Sheet", r.dept.sheet, "Dept", r.dept.text))
				} else {
					probs = append(probs, cellProblem("import.unknown_department",
						"department \"{{.Dept}}\" does not exist: correct the name, create the department first, or import with --create-missing.",
						r.dept.sheet, r.dept.cell, "Dept", r.dept.text))
				}
				continue
			}
			if !bracket || d.used[code] {
				code = d.nextCode()
			}
			if name == "" {
				name = code
			}
			dep := domain.Department{Code: code, Name: name, Type: domain.Clinical, CoefficientMilli: 1000}
			d.created = append(d.created, dep)
			d.add(dep)
			if bracket {
				// Also find it again by its written code.
				c, _, _ := splitBracket(r.dept.text)
				if _, ok := d.byCode[c]; !ok {
					d.byCode[c] = dep
				}
			}
		}
	}
	var lines []Line
	for _, r := range raw {
		dep, ok := d.lookup(r.dept.text)
		if !ok {
			continue
		}
		lines = append(lines, Line{DeptCode: dep.Code, DeptName: dep.Name, SubjectCode: r.subject, Amount: r.amount, Sheet: r.sheet, Cell: r.cell})
	}
	return lines, probs
}
