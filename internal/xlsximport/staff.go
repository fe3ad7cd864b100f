package xlsximport

import (
	"math"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// StaffRow is a person read from a staff-list workbook for the second
// level of the bonus: who, in which department, their post coefficient
// (thousandths) and attendance. WorkDays is 0 when the sheet has no
// work-days column; the caller then takes the department's longest
// attendance as full attendance. Department is the text as written.
type StaffRow struct {
	Dept, StaffNo, Name, Post string
	PostCoefficientMilli      int64
	// ManagementMilli is the extra coefficient of a 科主任/护士长 (0 for
	// others), ManagementRole the role word it came from ("" for a number).
	ManagementMilli          int64
	ManagementRole           string
	AttendanceDays, WorkDays int
	Sheet                    string
	DeptCell, NameCell       string
}

// staffCols are the columns of a staff-list header, -1 when absent.
type staffCols struct{ dept, no, name, post, coef, days, workDays, mgmt int }

var staffWords = struct{ dept, no, name, post, coef, days, workDays, mgmt []string }{
	// The optional management column: 科主任/护士长 or an extra coefficient
	// (payout.ManagementMilli), added to the post coefficient.
	mgmt:     []string{"管理系数", "管理岗位", "管理职务", "管理岗位系数", "管理津贴系数", "职务系数", "managementcoefficient", "management"},
	dept:     []string{"科室", "部门", "科室名称", "部门名称", "所在科室", "核算单元", "科室编码", "科室代码", "department", "dept"},
	no:       []string{"工号", "职工编号", "人员编号", "员工编号", "编号", "staffno", "staffid", "no", "id"},
	name:     []string{"姓名", "职工姓名", "人员姓名", "员工姓名", "name"},
	post:     []string{"岗位", "岗位名称", "职务", "职称", "post", "position"},
	coef:     []string{"岗位系数", "系数", "分配系数", "岗位分配系数", "postcoefficient", "coefficient"},
	days:     []string{"出勤天数", "实际出勤天数", "实出勤天数", "出勤", "实际出勤", "attendancedays", "attendance", "daysattended"},
	workDays: []string{"应出勤天数", "应出勤", "应勤天数", "工作日", "工作日数", "workdays", "workingdays"},
}

// staffHeader reads one row as a staff-list header: it must name the
// department, the person, the post coefficient and the attendance days.
func staffHeader(row []string) (staffCols, bool) {
	h := staffCols{-1, -1, -1, -1, -1, -1, -1, -1}
	for c, text := range row {
		core := strings.ToLower(strings.ReplaceAll(strings.TrimRight(headerCore(text), ":"), " ", ""))
		set := func(col *int, words []string) bool {
			if *col < 0 && containsWord(words, core) {
				*col = c
				return true
			}
			return false
		}
		// Work days before attendance: 应出勤天数 also contains 出勤.
		_ = set(&h.mgmt, staffWords.mgmt) || set(&h.workDays, staffWords.workDays) || set(&h.days, staffWords.days) || set(&h.dept, staffWords.dept) ||
			set(&h.no, staffWords.no) || set(&h.name, staffWords.name) || set(&h.coef, staffWords.coef) || set(&h.post, staffWords.post)
	}
	return h, h.dept >= 0 && h.name >= 0 && h.coef >= 0 && h.days >= 0
}

// ReadStaff reads every sheet of the workbook at path whose header (in its
// first 20 rows) names the department, name, post coefficient and
// attendance days (科室, 姓名, 岗位系数, 出勤天数; 工号, 岗位 and 应出勤天数
// are optional). Problems name their cell; with problems, rows still
// holds what could be read and must not be written.
func ReadStaff(path string) (rows []StaffRow, problems domain.Problems, err error) {
	defer workbook.RecoverUnreadable(path, &err, func() { rows, problems = nil, nil })
	grids, _, closeBook, err := workbook.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer closeBook()
	sheets := 0
	for _, g := range grids {
		rs, ps, ok := readStaffGrid(g)
		if !ok {
			continue
		}
		sheets++
		rows = append(rows, rs...)
		problems = append(problems, ps...)
	}
	if sheets == 0 {
		problems = append(problems, domain.NewProblem("import.staff.no_header",
			"No sheet of the workbook has a header row naming the department, the name, the post coefficient and the attendance days (科室, 姓名, 岗位系数, 出勤天数) in its first 20 rows: check that this is the staff list."))
	} else if len(rows) == 0 && len(problems) == 0 {
		problems = append(problems, domain.NewProblem("import.staff.empty", "The staff list has a header but nobody under it: fill in one row per person."))
	}
	return rows, problems, nil
}

func readStaffGrid(g *workbook.Grid) (rows []StaffRow, probs domain.Problems, ok bool) {
	hr, h := workbook.FindHeaderRow(g, staffHeader)
	if hr < 0 {
		return nil, nil, false
	}
	text := g.FilledText
	for r := hr + 1; r < len(g.Rows) && len(probs) < maxSheetProblems; r++ {
		name := workbook.Clean(g.Cell(r, h.name))
		if name == "" || isSubtotalWord(name) {
			continue // blank lines and 合计 rows
		}
		row := StaffRow{Dept: text(r, h.dept), StaffNo: text(r, h.no), Name: name, Post: text(r, h.post),
			Sheet: g.Name, DeptCell: workbook.CellName(r, h.dept), NameCell: workbook.CellName(r, h.name)}
		bad := false
		if row.Dept == "" {
			probs = append(probs, cellProblem("import.staff.no_dept", "{{.Name}} has no department: write the department's name or code.", g.Name, row.DeptCell, "Name", name))
			bad = true
		}
		coef, okc := parseCoefficient(g.Cell(r, h.coef))
		if !okc {
			probs = append(probs, cellProblem("import.staff.bad_coefficient", "\"{{.Text}}\" is not a post coefficient for {{.Name}}: write a number such as 1.2.",
				g.Name, workbook.CellName(r, h.coef), "Text", workbook.Clean(g.Cell(r, h.coef)), "Name", name))
			bad = true
		}
		days, okd := parseDays(g.Cell(r, h.days))
		if !okd {
			probs = append(probs, cellProblem("import.staff.bad_days", "\"{{.Text}}\" is not a number of days for {{.Name}}: write whole days such as 22.",
				g.Name, workbook.CellName(r, h.days), "Text", workbook.Clean(g.Cell(r, h.days)), "Name", name))
			bad = true
		}
		work := 0
		if h.workDays >= 0 && workbook.Clean(g.Cell(r, h.workDays)) != "" {
			w, okw := parseDays(g.Cell(r, h.workDays))
			if !okw || w == 0 {
				probs = append(probs, cellProblem("import.staff.bad_work_days", "\"{{.Text}}\" is not the number of work days for {{.Name}}: write whole days such as 22.",
					g.Name, workbook.CellName(r, h.workDays), "Text", workbook.Clean(g.Cell(r, h.workDays)), "Name", name))
				bad = true
			}
			work = w
		}
		mgmt, p := readManagement(g, r, h.mgmt, name)
		if p != nil {
			probs = append(probs, p)
			bad = true
		}
		if bad {
			continue
		}
		row.PostCoefficientMilli, row.AttendanceDays, row.WorkDays = coef, days, work
		row.ManagementMilli, row.ManagementRole = mgmt.milli, mgmt.role
		rows = append(rows, row)
	}
	return rows, probs, true
}

type management struct {
	milli int64
	role  string
}

// readManagement reads the optional management column of row r (col -1
// when the list has none): 科主任/护士长 or an extra coefficient.
func readManagement(g *workbook.Grid, r, col int, name string) (management, *domain.Problem) {
	if col < 0 {
		return management{}, nil
	}
	m, role, ok := payout.ManagementMilli(workbook.Clean(g.Cell(r, col)), parseCoefficient)
	if !ok {
		return management{}, cellProblem("import.staff.bad_management", "\"{{.Text}}\" is not a management post for {{.Name}}: write 科主任, 副主任, 护士长 or 副护士长, or the extra coefficient such as 0.3.",
			g.Name, workbook.CellName(r, col), "Text", workbook.Clean(g.Cell(r, col)), "Name", name)
	}
	return management{m, role}, nil
}

// parseCoefficient reads a post coefficient (1.2, 1, 0.85) into
// thousandths; more than three decimals are refused rather than rounded.
func parseCoefficient(s string) (int64, bool) {
	t := strings.ReplaceAll(workbook.Clean(s), ",", "")
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 || f > 100 {
		return 0, false
	}
	m := math.Round(f * 1000)
	if math.Abs(f*1000-m) > 1e-6 {
		return 0, false
	}
	return int64(m), true
}

// parseDays reads whole days (22, "22", 22.0, "22天"); half days are refused.
func parseDays(s string) (int, bool) {
	t := strings.TrimSuffix(workbook.Clean(s), "天")
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || f > 366 || f != math.Trunc(f) {
		return 0, false
	}
	return int(f), true
}
