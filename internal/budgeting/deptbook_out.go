package budgeting

// Department workbooks going out: one proposal workbook per department
// that may fill in its proposal now, for departments that do not use
// BudgetPerf themselves.

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/deptbook"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// deptbookKeySetting holds the database's key for sealing department
// workbooks: any PC on the same database can check a returned one.
const deptbookKeySetting = "deptbook.seal_key"

// DeptWorkbook is one department workbook written.
type DeptWorkbook struct {
	DeptCode, DeptName, DeptNameEn string
	Round                          int
	Path                           string
}

// DeptWorkbooks writes year's proposal workbook of deptCode, or of every
// department by may fill in and whose proposal is open for it now (a
// draft, returned, or with control figures issued), into dir. It returns
// the workbooks written and the departments left out, which are at a step
// where there is nothing for them to fill in. T words the audit stamp at
// the foot of the pages.
func (s *Service) DeptWorkbooks(ctx context.Context, by domain.Actor, year int, deptCode, dir string, T i18n.Translate) ([]DeptWorkbook, []domain.DeptPrep, error) {
	scope := []string{deptCode}
	if deptCode == "" {
		scope = nil // a department head: their own departments
	}
	if err := permission.CheckEach(by, permission.PrepEditProposal, scope); err != nil {
		return nil, nil, err
	}
	if _, err := openCycle(ctx, s.st.Q, year); err != nil {
		return nil, nil, err
	}
	var depts, skipped []domain.DeptPrep
	if deptCode != "" {
		d, err := checkEditable(ctx, s.st.Q, year, deptCode)
		if err != nil {
			return nil, nil, err
		}
		depts = append(depts, d)
	} else {
		all, err := s.st.DeptPreps(ctx, year)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range all {
			switch {
			case permission.Check(by, permission.PrepEditProposal, d.DeptCode) != nil:
			case d.Editable():
				depts = append(depts, d)
			default:
				skipped = append(skipped, d)
			}
		}
	}
	key, err := s.deptbookKey(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	head, err := s.st.AuditHead(ctx)
	if err != nil {
		return nil, nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, skipped, domain.NewProblem("problem.export.create", "Cannot write {{.Path}}: {{.Err}}", "Path", dir, "Err", err.Error())
	}
	var out []DeptWorkbook
	for _, d := range depts {
		b, err := s.deptBook(ctx, by, year, d.DeptCode)
		if err != nil {
			return out, skipped, err
		}
		b.Stamp = audit.StampText(head, T)
		path := filepath.Join(dir, DeptWorkbookName(b.Year, b.DeptCode, b.DeptName, b.Round))
		if err := deptbook.Save(path, b, key); err != nil {
			return out, skipped, err
		}
		out = append(out, DeptWorkbook{DeptCode: d.DeptCode, DeptName: d.DeptName, DeptNameEn: d.DeptNameEn, Round: b.Round, Path: path})
	}
	return out, skipped, nil
}

// DeptWorkbookName is a department workbook's file name, which says
// whose it is and for which round: 2027年预算建议表_302_儿童保健科_一上.xlsx.
func DeptWorkbookName(year int, code, name string, round int) string {
	r := "一上"
	if round == 2 {
		r = "二上"
	}
	clean := strings.Map(func(c rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, c) || c < ' ' {
			return '_'
		}
		return c
	}, fmt.Sprintf("%d年预算建议表_%s_%s_%s.xlsx", year, code, name, r))
	return clean
}

// deptBook builds a department's workbook from its proposal (the prior
// year's figures and their projection as the proposal screen shows them)
// and its projects.
func (s *Service) deptBook(ctx context.Context, by domain.Actor, year int, code string) (deptbook.Book, error) {
	p, err := s.Proposal(ctx, by, year, code)
	if err != nil {
		return deptbook.Book{}, err
	}
	hospital, err := s.st.Setting(ctx, "hospital_name")
	if err != nil {
		return deptbook.Book{}, err
	}
	subjects, err := s.subjectMap(ctx)
	if err != nil {
		return deptbook.Book{}, err
	}
	projects, err := s.st.Projects(ctx, year, code)
	if err != nil {
		return deptbook.Book{}, err
	}
	b := deptbook.Book{Hospital: hospital, Year: year, Round: p.Dept.Round, DeptCode: code, DeptName: p.Dept.DeptName,
		PriorMonths: p.PriorMonths, ControlTotal: p.Dept.ControlTotal, Projects: projects,
		SubjectNames: map[string]string{}, Issued: time.Now()}
	if b.Round == 0 {
		b.Round = 1
	}
	for _, l := range p.Lines {
		b.Lines = append(b.Lines, deptbook.Line{SubjectCode: l.SubjectCode, SubjectName: l.SubjectName, Revenue: l.Kind == domain.Revenue,
			PriorBudget: l.PriorBudget, PriorToDate: l.PriorToDate, PriorProjected: l.PriorActual,
			Proposal: l.Proposal, Control: l.Control, Revised: l.Revised, Note: l.Note})
	}
	for _, pr := range projects {
		b.SubjectNames[pr.SubjectCode] = subjects[pr.SubjectCode].Name
	}
	return b, nil
}

// deptbookKey reads the database's workbook key; create makes one the
// first time a workbook is written (the first one stored wins when two
// PCs make one at once). Reading without one gives no key, so that every
// returned workbook fails its seal.
func (s *Service) deptbookKey(ctx context.Context, create bool) ([]byte, error) {
	key, err := s.st.Setting(ctx, deptbookKeySetting)
	if err != nil {
		return nil, err
	}
	if key == "" && create {
		buf := make([]byte, 32)
		if _, err := rand.Read(buf); err != nil {
			return nil, err
		}
		if key, err = s.st.SetSettingOnce(ctx, deptbookKeySetting, hex.EncodeToString(buf)); err != nil {
			return nil, err
		}
	}
	return hex.DecodeString(key)
}
