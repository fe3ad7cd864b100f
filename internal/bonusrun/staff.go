package bonusrun

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/access"
	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/inputfile"
	"github.com/budgetperf/budgetperf/internal/money"
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
}

// ImportStaff reads a staff list (科室, 工号, 姓名, 岗位, 岗位系数, 出勤天数,
// 应出勤天数) and splits each listed department's amount of year's draft
// run among its people in proportion to post coefficient × attendance ÷
// work days, exact to the fen. Without a work-days column a department's
// longest attendance counts as full. Everything is checked first and
// written in one transaction, replacing the earlier split of the listed
// departments; any problem names its cell and nothing is written.
func (s *Service) ImportStaff(ctx context.Context, by domain.Actor, year int, path string) (StaffImport, error) {
	if err := access.Check(by, access.BonusCompute, ""); err != nil {
		return StaffImport{}, err
	}
	if err := inputfile.Check(path); err != nil {
		return StaffImport{}, err
	}
	rows, probs, err := xlsximport.ReadStaff(path)
	if err != nil {
		return StaffImport{}, err
	}
	draft, ok, err := runOf(ctx, s.st.Q, year, store.BonusDraft)
	if err != nil {
		return StaffImport{}, err
	}
	if !ok {
		if err := lockedProblem(ctx, s.st.Q, year); err != nil {
			return StaffImport{}, err
		}
		return StaffImport{}, domain.NewProblem("problem.bonusrun.staff_no_draft", "Save the {{.Year}} allocation first: the staff list splits each department's saved amount.", "Year", year)
	}
	run, err := s.st.BonusRun(ctx, draft.ID)
	if err != nil {
		return StaffImport{}, err
	}
	// A department is written by code, by name or as "[code]name".
	byKey := map[string]store.BonusRunDept{}
	for _, d := range run.Departments {
		byKey[d.Code], byKey[d.Name] = d, d
		if d.NameEn != "" {
			byKey[strings.ToLower(d.NameEn)] = d
		}
	}
	groups := map[string][]xlsximport.StaffRow{}
	var order []string
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
			probs = append(probs, domain.NewProblem("import.staff.unknown_dept", "{{.Sheet}}!{{.Cell}}: \"{{.Dept}}\" is not a department of the {{.Year}} allocation: write its name or code as in Settings › Departments.",
				"Sheet", r.Sheet, "Cell", r.DeptCell, "Dept", r.Dept, "Year", year))
			continue
		}
		if _, seen := groups[d.Code]; !seen {
			order = append(order, d.Code)
		}
		groups[d.Code] = append(groups[d.Code], r)
	}
	var out []store.BonusStaff
	sum := StaffImport{}
	for _, code := range order {
		d := byKey[code]
		list := groups[code]
		full := 0
		for _, r := range list {
			full = max(full, r.AttendanceDays)
		}
		staff := make([]bonus.Staff, len(list))
		for i, r := range list {
			wd := r.WorkDays
			if wd == 0 {
				wd = max(full, 1)
			}
			staff[i] = bonus.Staff{Name: r.Name, Post: r.Post, PostCoefficientMilli: r.PostCoefficientMilli, AttendanceDays: r.AttendanceDays, WorkDays: wd}
		}
		parts, err := bonus.SplitDepartment(d.Bonus, staff)
		if err != nil {
			var ps domain.Problems
			if !errors.As(err, &ps) {
				return StaffImport{}, err
			}
			probs = append(probs, ps...) // each names the person
			continue
		}
		for i, r := range list {
			out = append(out, store.BonusStaff{DeptCode: code, StaffNo: r.StaffNo, Name: r.Name, Post: r.Post,
				PostCoefficientMilli: r.PostCoefficientMilli, AttendanceDays: r.AttendanceDays, WorkDays: staff[i].WorkDays, Amount: parts[i]})
			sum.Total += parts[i]
		}
		sum.Departments++
		sum.People += len(list)
	}
	if len(probs) > 0 {
		return StaffImport{}, probs
	}
	for _, d := range run.Departments {
		if _, ok := groups[d.Code]; !ok {
			sum.Missing = append(sum.Missing, d.Name)
		}
	}
	err = s.st.InTx(ctx, func(tx *store.Tx) error {
		if err := lockedProblem(ctx, tx.Q, year); err != nil {
			return err
		}
		cur, ok, err := runOf(ctx, tx.Q, year, store.BonusDraft)
		if err != nil {
			return err
		}
		if !ok || cur.ID != draft.ID {
			return domain.NewProblem("problem.bonusrun.changed", "The {{.Year}} allocation was changed by someone else meanwhile: look at it again, then approve.", "Year", year)
		}
		before, err := tx.BonusStaff(ctx, draft.ID)
		if err != nil {
			return err
		}
		if err := tx.ReplaceBonusStaff(ctx, draft.ID, out); err != nil {
			return err
		}
		return staffTrail(year, before, out).record(ctx, tx, by)
	})
	if err != nil {
		return StaffImport{}, err
	}
	return sum, nil
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
	if err := access.Check(by, access.Read, ""); err != nil {
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
		t.add(audit.EntityBonusStaff, key, "people", oldN, strconv.Itoa(now[c].n))
		t.add(audit.EntityBonusStaff, key, "amount", oldA, now[c].a.String())
	}
	return t
}
