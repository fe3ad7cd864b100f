// Package deptbook writes and reads the proposal workbook a department
// without BudgetPerf fills in ("two ups, two downs" by workbook): one
// sheet of subjects with last year's figures, the control figure and the
// cells to fill, one sheet of projects with their performance target
// tables, and a very hidden sheet that says whose workbook it is (year,
// department, round) and seals every protected cell with an HMAC, so that
// a returned workbook whose protected cells were changed is refused with
// the cells named. The budgeting service builds the Book and imports what
// Read returns; this package knows the layout only.
package deptbook

import (
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// The sheets of a department workbook.
const (
	ProposalSheet = "预算建议表"
	ProjectSheet  = "项目及绩效目标"
	// MetaSheet is very hidden: Excel and LibreOffice do not list it
	// under "Unhide".
	MetaSheet = "BudgetPerf"
)

// Format names the layout in the hidden sheet, so that a later layout can
// still tell this one.
const Format = "budgetperf-deptbook-1"

// Line is one subject of the department's proposal as sent out.
type Line struct {
	SubjectCode, SubjectName string
	Revenue                  bool
	// PriorBudget is last year's budget; PriorToDate its actuals so far
	// (PriorMonths of them) and PriorProjected the full-year projection
	// the budgeting service makes of them (equal when the year is closed).
	PriorBudget, PriorToDate, PriorProjected money.Amount
	Proposal                                 money.Amount  // first up
	Control                                  *money.Amount // first down, per line
	Revised                                  *money.Amount // second up
	Note                                     string
}

// Book is what a department's workbook shows.
type Book struct {
	Hospital           string
	Year, Round        int
	DeptCode, DeptName string
	// PriorMonths is how many months of last year's actuals there are.
	PriorMonths int
	// ControlTotal is the expenditure control figure (projects included)
	// when one was issued.
	ControlTotal *money.Amount
	Lines        []Line
	Projects     []domain.Project
	// SubjectNames names the projects' subjects.
	SubjectNames map[string]string
	Issued       time.Time
	// Stamp is printed at the foot of every page (the audit trail's head).
	Stamp string
}

// Entry is a subject's figure and note as the department filled them in.
type Entry struct {
	SubjectCode string
	Amount      money.Amount
	Note        string
}

// ProjectEntry is what the department filled in for one project.
type ProjectEntry struct {
	Code        string
	Cell        string // the project's title cell, e.g. 项目及绩效目标!A3
	Amount      money.Amount
	Funding     domain.Funding
	Responsible string
	AnnualGoal  string
	Targets     []domain.Target
}

// Returned is a filled-in workbook as read back: whose it is and what
// was entered in its input cells.
type Returned struct {
	Year, Round        int
	DeptCode, DeptName string
	Issued             string
	Lines              []Entry
	Projects           []ProjectEntry
}

// MetaCell names the hidden sheet's cell holding a fact, for messages:
// "BudgetPerf!B3".
func MetaCell(fact string) string {
	for i, k := range metaKeys {
		if k == fact {
			return cellRef(MetaSheet, "B", i+2)
		}
	}
	return MetaSheet
}

// metaKeys are the facts of the hidden sheet, one a row from row 2.
var metaKeys = []string{"format", "department", "department_name", "year", "round", "issued"}
