package execution

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// TargetEntry is the value of one target for a month as typed; an empty
// Value clears what was reported.
type TargetEntry struct {
	Position    int
	Value, Note string
}

// maxNote is the longest note kept with a value, in characters.
const maxNote = 200

// RecordTargetValue records the value of target position of a project at
// the end of month: the year-to-date figure for quantities, the current
// rate for rates, or achieved/partly/not (达成/部分/未达成) for qualitative
// targets. An empty value clears the month's report.
func (s *Service) RecordTargetValue(ctx context.Context, by domain.Actor, projectID int64, position, month int, value, note string) error {
	return s.RecordTargetValues(ctx, by, projectID, month, []TargetEntry{{Position: position, Value: value, Note: note}})
}

// RecordTargetValues records several targets of one project for month in
// one transaction; every problem is reported and then nothing is written.
// A department head records only for their own departments' projects. The
// old and new value and note of each target are recorded in the audit trail.
func (s *Service) RecordTargetValues(ctx context.Context, by domain.Actor, projectID int64, month int, entries []TargetEntry) error {
	if err := checkRecordRole(by); err != nil {
		return err
	}
	if month < 1 || month > 12 {
		return monthProblem(month)
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		p, err := existingProject(ctx, tx.Q, projectID)
		if err != nil {
			return err
		}
		if err := permission.Check(by, permission.TargetsRecord, p.DeptCode); err != nil {
			return err
		}
		var probs domain.Problems
		for _, e := range entries {
			if e.Position < 1 || e.Position > len(p.Targets) {
				probs = append(probs, domain.NewProblem("problem.progress.position",
					"Project \"{{.Project}}\" has no target row {{.Position}}; its table has {{.Count}} rows. Reload the list: the table may have been changed meanwhile.",
					"Project", p.Name, "Position", e.Position, "Count", len(p.Targets)))
				continue
			}
			if pr := entryProblem(p.Targets[e.Position-1], strings.TrimSpace(e.Value), e.Note); pr != nil {
				probs = append(probs, pr)
			}
		}
		if len(probs) > 0 {
			return probs
		}
		var trail []logbook.Entry
		for _, e := range entries {
			v := store.TargetValue{ProjectID: projectID, Position: e.Position, Month: month,
				Value: strings.TrimSpace(e.Value), Note: strings.TrimSpace(e.Note)}
			old, _, err := tx.TargetValueAt(ctx, projectID, e.Position, month)
			if err != nil {
				return err
			}
			if v.Value == "" {
				v.Note = "" // clearing the report clears its note
				err = tx.DeleteTargetValue(ctx, projectID, e.Position, month)
			} else {
				err = tx.SaveTargetValue(ctx, by, v)
			}
			if err != nil {
				return err
			}
			trail = append(trail, targetValueTrail(p.Year, old, v, "")...)
		}
		return tx.AppendAudit(ctx, by.Login, trail...)
	})
}

// checkRecordRole refuses roles that may not record target values or
// spending for any department, before anything is read; the project's own
// department is checked once the project is read.
func checkRecordRole(by domain.Actor) error {
	return permission.CheckEach(by, permission.TargetsRecord, nil)
}

// targetValueKey is the audit key of one target's value for a month:
// YEAR/project ID/position/month.
func targetValueKey(year int, v store.TargetValue) string {
	return fmt.Sprintf("%d/%d/%d/%d", year, v.ProjectID, v.Position, v.Month)
}

// targetValueTrail is the audit trail of replacing old with v (either may
// be empty: nothing reported before, or the report cleared).
func targetValueTrail(year int, old, v store.TargetValue, reason string) []logbook.Entry {
	var out []logbook.Entry
	k := targetValueKey(year, v)
	if e, ok := logbook.Change(logbook.EntityTargetValue, k, "value", old.Value, v.Value, reason); ok {
		out = append(out, e)
	}
	if e, ok := logbook.Change(logbook.EntityTargetValue, k, "note", old.Note, v.Note, reason); ok {
		out = append(out, e)
	}
	return out
}

// entryFault is what is wrong with a typed value, if anything.
type entryFault int

const (
	faultNone entryFault = iota
	faultNote
	faultWords
	faultNumber
)

// checkEntry checks a typed value against its target: a number for
// quantitative targets, an achievement word for qualitative ones.
func checkEntry(t domain.Target, value, note string) entryFault {
	switch {
	case utf8.RuneCountInString(strings.TrimSpace(note)) > maxNote:
		return faultNote
	case value == "":
		return faultNone
	case t.Direction == domain.DirQualitative:
		if _, ok := domain.ParseAchievement(value); !ok {
			return faultWords
		}
	default:
		if _, ok := domain.TargetNumber(value); !ok {
			return faultNumber
		}
	}
	return faultNone
}

// entryProblem explains checkEntry's fault to the person typing.
func entryProblem(t domain.Target, value, note string) *domain.Problem {
	switch checkEntry(t, value, note) {
	case faultNote:
		return domain.NewProblem("problem.progress.note_long", "The note on \"{{.Indicator}}\" is longer than {{.Max}} characters; shorten it.",
			"Indicator", t.Indicator, "Max", maxNote)
	case faultWords:
		return domain.NewProblem("problem.progress.words",
			"\"{{.Indicator}}\" is a qualitative target: write 达成, 部分 or 未达成 (achieved, partly or not), not \"{{.Value}}\".",
			"Indicator", t.Indicator, "Value", value)
	case faultNumber:
		return domain.NewProblem("problem.progress.number",
			"\"{{.Value}}\" is not a number for \"{{.Indicator}}\": write the figure to date or the current rate, such as 1,200 or 95%.",
			"Indicator", t.Indicator, "Value", value)
	}
	return nil
}

// cellEntryProblem explains checkEntry's fault with the workbook cell.
func cellEntryProblem(t domain.Target, r xlsximport.TargetValueRow) *domain.Problem {
	switch checkEntry(t, r.Value, r.Note) {
	case faultNote:
		return domain.NewProblem("problem.progress.import_note_long", "{{.Sheet}}!{{.Cell}}: the note is longer than {{.Max}} characters; shorten it.",
			"Sheet", r.Sheet, "Cell", r.ValueCell, "Max", maxNote)
	case faultWords:
		return domain.NewProblem("problem.progress.import_words",
			"{{.Sheet}}!{{.Cell}}: \"{{.Indicator}}\" is a qualitative target: write 达成, 部分 or 未达成 (achieved, partly or not), not \"{{.Value}}\".",
			"Sheet", r.Sheet, "Cell", r.ValueCell, "Indicator", t.Indicator, "Value", r.Value)
	case faultNumber:
		return domain.NewProblem("problem.progress.import_number",
			"{{.Sheet}}!{{.Cell}}: \"{{.Value}}\" is not a number for \"{{.Indicator}}\": write the figure to date or the current rate, such as 1,200 or 95%.",
			"Sheet", r.Sheet, "Cell", r.ValueCell, "Indicator", t.Indicator, "Value", r.Value)
	}
	return nil
}

// maxMonthSpending bounds one month's project spending (¥1 trillion
// either way): far beyond any hospital project, and small enough that
// twelve months always add up without overflowing.
const maxMonthSpending = money.Amount(100_000_000_000_000)

// RecordProjectSpending records what a project spent in month (that month
// alone), replacing the month's earlier figure. A negative amount is a
// month whose refunds exceed its payments.
//
// A department head records only for their own departments' projects; the
// month's old and new figure are recorded in the audit trail (entity
// project, key YEAR/DEPT/project/ID as budgeting records the project,
// field spending.MONTH).
func (s *Service) RecordProjectSpending(ctx context.Context, by domain.Actor, projectID int64, month int, amount money.Amount) error {
	if err := checkRecordRole(by); err != nil {
		return err
	}
	if month < 1 || month > 12 {
		return monthProblem(month)
	}
	if amount > maxMonthSpending || amount < -maxMonthSpending {
		return domain.NewProblem("problem.progress.spending_large",
			"{{.Amount}} yuan is more than a project can spend in one month: check the figure and its unit (元 or 万元).",
			"Amount", money.FormatPlain(amount))
	}
	return s.st.InTx(ctx, func(tx *store.Tx) error {
		p, err := existingProject(ctx, tx.Q, projectID)
		if err != nil {
			return err
		}
		if err := permission.Check(by, permission.TargetsRecord, p.DeptCode); err != nil {
			return err
		}
		before, recorded, err := tx.ProjectSpendingAt(ctx, projectID, month)
		if err != nil {
			return err
		}
		if err := tx.SaveProjectSpending(ctx, by, projectID, month, amount); err != nil {
			return err
		}
		old := ""
		if recorded {
			old = before.String()
		}
		key := fmt.Sprintf("%d/%s/project/%d", p.Year, p.DeptCode, p.ID)
		if e, ok := logbook.Change(logbook.EntityProject, key, fmt.Sprintf("spending.%d", month), old, amount.String(), ""); ok {
			return tx.AppendAudit(ctx, by.Login, e)
		}
		return nil
	})
}
