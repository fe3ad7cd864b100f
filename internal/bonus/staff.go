package bonus

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// StaffImport says what a staff-list import did.
type StaffImport struct {
	Departments, People int
	Total               money.Amount
	// Missing are the departments of the run the list has nobody for:
	// their amount stays undivided.
	Missing []string
	// Reconciliation checks every department of the run after the import:
	// people listed against its headcount, parts against its amount.
	Reconciliation []payout.Reconciliation
}

// ImportStaff reads a staff list (科室, 工号, 姓名, 岗位, 岗位系数, 出勤天数,
// 应出勤天数) and splits each listed department's amount of year's draft
// run among its people in proportion to post coefficient × attendance ÷
// work days, exact to the fen. Without a work-days column a department's
// longest attendance counts as full. Everything is checked first and
// written in one transaction, replacing the earlier split of the listed
// departments; any problem names its cell and nothing is written.
func (s *Service) ImportStaff(ctx context.Context, by domain.Actor, year int, path string) (StaffImport, error) {
	if err := permission.Check(by, permission.BonusCompute, ""); err != nil {
		return StaffImport{}, err
	}
	if err := inputfile.Check(path); err != nil {
		return StaffImport{}, err
	}
	rows, probs, err := xlsximport.ReadStaff(path)
	if err != nil {
		return StaffImport{}, err
	}
	draftID, run, err := s.staffDraft(ctx, year)
	if err != nil {
		return StaffImport{}, err
	}
	byKey := staffDeptKeys(run.Departments)
	groups, order, gprobs := groupStaff(rows, byKey, year)
	probs = append(probs, gprobs...)
	out, sum, sprobs, err := splitStaff(byKey, groups, order)
	if err != nil {
		return StaffImport{}, err
	}
	probs = append(probs, sprobs...)
	if len(probs) > 0 {
		return StaffImport{}, probs
	}
	for _, d := range run.Departments {
		if _, ok := groups[d.Code]; !ok {
			sum.Missing = append(sum.Missing, d.Name)
		}
	}
	if err := s.saveStaff(ctx, by, year, draftID, out); err != nil {
		return StaffImport{}, err
	}
	if sum.Reconciliation, err = s.Reconciliation(ctx, by, year); err != nil {
		return StaffImport{}, err
	}
	return sum, nil
}

// staffDraft is year's draft run with its departments, which the staff
// list splits; a problem when there is none (or the year is locked).
func (s *Service) staffDraft(ctx context.Context, year int) (int64, store.BonusRun, error) {
	draft, ok, err := runOf(ctx, s.st.Q, year, store.BonusDraft)
	if err != nil {
		return 0, store.BonusRun{}, err
	}
	if !ok {
		if err := lockedProblem(ctx, s.st.Q, year); err != nil {
			return 0, store.BonusRun{}, err
		}
		return 0, store.BonusRun{}, domain.NewProblem("problem.bonusrun.staff_no_draft", "Save the {{.Year}} allocation first: the staff list splits each department's saved amount.", "Year", year)
	}
	run, err := s.st.BonusRun(ctx, draft.ID)
	if err != nil {
		return 0, store.BonusRun{}, err
	}
	return draft.ID, run, nil
}

// staffDeptKeys indexes the run's departments by every way a staff list
// may write one: by code, by name or by English name (lower case).
func staffDeptKeys(depts []store.BonusRunDept) map[string]store.BonusRunDept {
	byKey := map[string]store.BonusRunDept{}
	for _, d := range depts {
		byKey[d.Code], byKey[d.Name] = d, d
		if d.NameEn != "" {
			byKey[strings.ToLower(d.NameEn)] = d
		}
	}
	return byKey
}

// groupStaff puts the people under their departments (code, name or
// "[code]name"), in the order the departments first appear; a department
// the run does not have is a problem at its cell.
func groupStaff(rows []xlsximport.StaffRow, byKey map[string]store.BonusRunDept, year int) (map[string][]xlsximport.StaffRow, []string, domain.Problems) {
	groups := map[string][]xlsximport.StaffRow{}
	var order []string
	var probs domain.Problems
	for _, r := range rows {
		key := r.Dept
		if i := strings.Index(key, "]"); strings.HasPrefix(key, "[") && i > 0 {
			key = key[1:i]
		}
		d, ok := byKey[key]
		if !ok {
			d, ok = byKey[strings.ToLower(key)]
		}
		if !ok {
			probs = append(probs, domain.NewProblem("import.staff.unknown_dept", "{{.Sheet}}!{{.Cell}}: \"{{.Dept}}\" is not a department of the {{.Year}} allocation: write its name or code as in Settings › General › Departments.",
				"Sheet", r.Sheet, "Cell", r.DeptCell, "Dept", r.Dept, "Year", year))
			continue
		}
		if _, seen := groups[d.Code]; !seen {
			order = append(order, d.Code)
		}
		groups[d.Code] = append(groups[d.Code], r)
	}
	return groups, order, probs
}

// splitStaff splits each listed department's amount among its people;
// the problems name the people whose figures cannot be split.
func splitStaff(byKey map[string]store.BonusRunDept, groups map[string][]xlsximport.StaffRow, order []string) ([]store.BonusStaff, StaffImport, domain.Problems, error) {
	var out []store.BonusStaff
	var probs domain.Problems
	sum := StaffImport{}
	for _, code := range order {
		list := groups[code]
		staff := staffOf(list)
		parts, err := payout.SplitDepartment(byKey[code].Bonus, staff)
		if err != nil {
			var ps domain.Problems
			if !errors.As(err, &ps) {
				return nil, StaffImport{}, nil, err
			}
			probs = append(probs, ps...) // each names the person
			continue
		}
		for i, r := range list {
			out = append(out, store.BonusStaff{DeptCode: code, StaffNo: r.StaffNo, Name: r.Name, Post: postWithManagement(r),
				PostCoefficientMilli: staff[i].PostCoefficientMilli, AttendanceDays: r.AttendanceDays, WorkDays: staff[i].WorkDays, Amount: parts[i]})
			sum.Total += parts[i]
		}
		sum.Departments++
		sum.People += len(list)
	}
	return out, sum, probs, nil
}

// staffOf is one department's people as the split reads them: without a
// work-days column the department's longest attendance counts as full.
func staffOf(list []xlsximport.StaffRow) []payout.Staff {
	full := 0
	for _, r := range list {
		full = max(full, r.AttendanceDays)
	}
	staff := make([]payout.Staff, len(list))
	for i, r := range list {
		wd := r.WorkDays
		if wd == 0 {
			wd = max(full, 1)
		}
		// A 科主任's or 护士长's management extra adds to the post coefficient.
		staff[i] = payout.Staff{Name: r.Name, Post: r.Post, PostCoefficientMilli: r.PostCoefficientMilli + r.ManagementMilli, AttendanceDays: r.AttendanceDays, WorkDays: wd}
	}
	return staff
}

// postWithManagement is the post as stored: with a management extra, the
// role and the extra follow it ("主治医师（科主任+0.500）"), so that the pay
// sheet shows why the coefficient is the post's plus the extra.
func postWithManagement(r xlsximport.StaffRow) string {
	if r.ManagementMilli == 0 {
		return r.Post
	}
	role := r.ManagementRole
	if role == "" {
		role = "管理"
	}
	return strings.TrimSpace(r.Post + "（" + role + "+" + domain.FormatCoefficient(r.ManagementMilli) + "）")
}

// saveStaff replaces the draft's split with out in one transaction, after
// checking that the year is not locked and the draft is still the one read.
func (s *Service) saveStaff(ctx context.Context, by domain.Actor, year int, draftID int64, out []store.BonusStaff) error {
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := lockedProblem(ctx, tx.Q, year); err != nil {
			return err
		}
		cur, ok, err := runOf(ctx, tx.Q, year, store.BonusDraft)
		if err != nil {
			return err
		}
		if !ok || cur.ID != draftID {
			return domain.NewProblem("problem.bonusrun.changed", "The {{.Year}} allocation was changed by someone else meanwhile: look at it again, then approve.", "Year", year)
		}
		before, err := tx.BonusStaff(ctx, draftID)
		if err != nil {
			return err
		}
		if err := tx.ReplaceBonusStaff(ctx, draftID, out); err != nil {
			return err
		}
		return staffTrail(year, before, out).record(ctx, tx, by)
	})
}

// StaffLine is a person's part of the year's stored run.
type StaffLine struct {
	DeptCode, DeptName   string
	StaffNo, Name, Post  string
	PostCoefficientMilli int64
	AttendanceDays       int
	WorkDays             int
	Amount               money.Amount
}

// Staff lists the staff split of year's current run (approved, else draft).
func (s *Service) Staff(ctx context.Context, by domain.Actor, year int) ([]StaffLine, error) {
	if err := permission.Check(by, permission.Read, ""); err != nil {
		return nil, err
	}
	var run store.BonusRun
	found := false
	for _, status := range []string{store.BonusApproved, store.BonusDraft} {
		r, ok, err := runOf(ctx, s.st.Q, year, status)
		if err != nil {
			return nil, err
		}
		if ok {
			run, found = r, true
			break
		}
	}
	if !found {
		return nil, nil
	}
	full, err := s.st.BonusRun(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, d := range full.Departments {
		names[d.Code] = d.Name
	}
	rows, err := s.st.BonusStaff(ctx, run.ID)
	if err != nil {
		return nil, err
	}
	out := make([]StaffLine, len(rows))
	for i, r := range rows {
		out[i] = StaffLine{DeptCode: r.DeptCode, DeptName: names[r.DeptCode], StaffNo: r.StaffNo, Name: r.Name, Post: r.Post,
			PostCoefficientMilli: r.PostCoefficientMilli, AttendanceDays: r.AttendanceDays, WorkDays: r.WorkDays, Amount: r.Amount}
	}
	return visibleStaff(by, out), nil
}

// staffTrail records, per department of the new split, how many people
// it pays and how much, against the split it replaces.
func staffTrail(year int, before, after []store.BonusStaff) trail {
	type sum struct {
		n int
		a money.Amount
	}
	count := func(rows []store.BonusStaff) map[string]sum {
		m := map[string]sum{}
		for _, r := range rows {
			s := m[r.DeptCode]
			s.n++
			s.a += r.Amount
			m[r.DeptCode] = s
		}
		return m
	}
	old, now := count(before), count(after)
	var t trail
	var codes []string
	for _, r := range after {
		if len(codes) == 0 || codes[len(codes)-1] != r.DeptCode {
			codes = append(codes, r.DeptCode)
		}
	}
	for _, c := range codes {
		key := fmt.Sprintf("%d/%s", year, c)
		o, had := old[c]
		oldN, oldA := "", ""
		if had {
			oldN, oldA = strconv.Itoa(o.n), o.a.String()
		}
		t.add(logbook.EntityBonusStaff, key, "people", oldN, strconv.Itoa(now[c].n))
		t.add(logbook.EntityBonusStaff, key, "amount", oldA, now[c].a.String())
	}
	return t
}
