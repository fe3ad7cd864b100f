package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/xlsximport"
)

// What the import screen shows of a preview: the sheets with their checks,
// the totals by department, warnings and refusals, the department mapping.

// importView is what the screen shows of a budget or an actuals preview.
type importView struct {
	Year   int
	Sheets []xlsximport.SheetReport
	Lines  int
	Totals []masterdata.DeptTotal
	// Revenue and Expenditure are shown apart, never summed.
	Revenue, Expenditure money.Amount
	NewDepartments       []domain.Department
	Warnings             domain.Problems
	Replaces             bool
	Note                 string // what kind of file it was, in words
	Ledger               bool   // actuals: a ledger, which has no month to replace
	// ReplacesMonth says, one line each, which summaries a summary
	// import replaces (with "Replace the month's summary").
	ReplacesMonth []string
	Encoding      string // the encoding a CSV or HTML export was read in
}

func budgetView(p budgeting.BudgetPreview) importView {
	return importView{Year: p.Year, Sheets: p.Sheets, Lines: len(p.Lines), Totals: p.Totals, Revenue: p.Revenue, Expenditure: p.Expenditure,
		NewDepartments: p.NewDepartments, Warnings: p.Warnings, Replaces: p.Replaces, Encoding: p.Encoding}
}

func actualsView(p execution.ActualsPreview) importView {
	kind := i18n.T("import.summary_of_year", "Year", p.Year)
	switch {
	case p.Ledger:
		kind = i18n.T("cli.import_actuals.ledger_kind")
	case p.Month > 0:
		kind = i18n.T("import.summary_of_month", "Year", p.Year, "Month", p.Month)
	}
	v := importView{Year: p.Year, Sheets: p.Sheets, Lines: p.Lines, Totals: p.Totals, Revenue: p.Revenue, Expenditure: p.Expenditure,
		NewDepartments: p.NewDepartments, Warnings: p.Warnings, Ledger: p.Ledger, Encoding: p.Encoding,
		Note: i18n.T("import.actuals_note", "Kind", kind, "Revenue", money.Format(p.Revenue), "Expenditure", money.Format(p.Expenditure))}
	for _, r := range p.Replaced {
		v.ReplacesMonth = append(v.ReplacesMonth, i18n.T("import.will_replace_month", "Period", fmt.Sprintf("%d/%d", p.Year, r.LineMonth),
			"File", r.FileName, "Lines", r.Lines, "Amount", money.Format(r.Total)))
	}
	return v
}

func (im *ImportScreen) showPreview(err error) {
	im.totals.Refresh()
	im.showReplaceMonth()
	if err != nil {
		im.summary.SetText(i18n.T("import.refused"))
		im.problems.Importance = widget.DangerImportance
		im.problems.SetText(i18n.Message(err))
		im.problems.Show()
		im.mapping.Objects = nil
		im.mapping.Refresh()
		return
	}
	p := im.preview
	var b strings.Builder
	if line := encodingLine(p.Encoding, im.encoding.value()); line != "" {
		b.WriteString(line + "\n")
	}
	for _, sh := range p.Sheets {
		col := sh.AmountColumn
		if strings.HasPrefix(col, "(") { // no single column: amounts stand under each item
			col = i18n.T("import.amount_across")
		}
		if sh.Used {
			b.WriteString(i18n.T("import.sheet_used", "Sheet", sh.Name, "Row", sh.HeaderRow, "Unit", sh.Unit.String(), "Layout", i18n.T("import.layout."+sh.Layout), "Column", col))
			b.WriteString("\n" + i18n.SheetReconciled(sh.Name, sh.CellTotal, sh.Imported, sh.LeftOut, money.Format))
		} else {
			// why it was skipped is in the warnings below, in the user's language
			b.WriteString(i18n.T("import.preview.sheet_skipped", "Sheet", sh.Name))
		}
		b.WriteString("\n")
	}
	b.WriteString(i18n.T("import.summary", "Lines", p.Lines, "Depts", len(p.Totals), "Revenue", money.Format(p.Revenue), "Expenditure", money.Format(p.Expenditure)))
	if p.Note != "" {
		b.WriteString("\n" + p.Note)
	}
	if p.Replaces {
		b.WriteString("\n" + i18n.T("import.will_replace", "Year", p.Year))
	}
	for _, r := range p.ReplacesMonth {
		b.WriteString("\n" + r)
	}

	im.summary.SetText(b.String())
	if len(p.Warnings) > 0 {
		im.problems.Importance = widget.WarningImportance
		im.problems.SetText(i18n.T("import.warnings") + "\n" + i18n.Message(p.Warnings))
		im.problems.Show()
	} else {
		im.problems.Hide()
	}
	im.showMapping()
	im.confirm.Enable()
}

// showReplaceMonth offers to replace the month's summary for actuals,
// unless the file turned out to be a ledger: a ledger has no month to
// replace, its vouchers are checked instead.
func (im *ImportScreen) showReplaceMonth() {
	if im.kindOf() != importActuals {
		return
	}
	if im.preview != nil && im.preview.Ledger {
		im.replaceMonth.Hide()
		return
	}
	im.replaceMonth.Show()
}

// showMapping offers, for each department the file has and the database
// lacks, to create it or to book its lines to an existing department.
func (im *ImportScreen) showMapping() {
	s := im.shell
	im.mapping.Objects = nil
	if len(im.preview.NewDepartments) > 0 {
		depts, _ := s.svc.Master.Departments(s.ctx, s.actor)
		create := i18n.T("import.map_create")
		options := []string{create}
		codes := map[string]string{create: ""}
		for _, d := range depts {
			label := d.Code + " " + d.Name
			options = append(options, label)
			codes[label] = d.Code
		}
		im.mapping.Add(widget.NewLabelWithStyle(i18n.T("import.map_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, nd := range im.preview.NewDepartments {
			name := nd.Name
			sel := kit.NewSelect(options, func(v string) {
				if im.mapChoices[name] != codes[v] {
					im.mapChoices[name] = codes[v]
					im.runPreview()
				}
			})
			sel.SetSelected(create)
			im.mapping.Add(container.NewBorder(nil, nil, widget.NewLabel(name+" →"), nil, sel))
		}
	}
	im.mapping.Refresh()
}

func (im *ImportScreen) totalCell(r, c int) (string, fyne.TextAlign) {
	p := im.preview
	if r == len(p.Totals) {
		return []string{"", i18n.T("col.total"), strconv.Itoa(p.Lines), money.FormatPlain(p.Revenue), money.FormatPlain(p.Expenditure)}[c],
			[]fyne.TextAlign{fyne.TextAlignLeading, fyne.TextAlignLeading, fyne.TextAlignTrailing, fyne.TextAlignTrailing, fyne.TextAlignTrailing}[c]
	}
	t := p.Totals[r]
	switch c {
	case 0:
		return t.Code, fyne.TextAlignLeading
	case 1:
		if t.New {
			return t.Name + " " + i18n.T("cli.import.new_mark"), fyne.TextAlignLeading
		}
		return t.Name, fyne.TextAlignLeading
	case 2:
		return strconv.Itoa(t.Lines), fyne.TextAlignTrailing
	case 3:
		return money.FormatPlain(t.Revenue), fyne.TextAlignTrailing
	}
	return money.FormatPlain(t.Expenditure), fyne.TextAlignTrailing
}
