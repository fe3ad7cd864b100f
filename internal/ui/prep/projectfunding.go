package prep

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// fundingSourceKeys name the four sources in the forms' column order
// (domain.Funding.Parts): 财政拨款, 事业收入, 上年结转, 其他资金.
var fundingSourceKeys = []string{"projects.funding.fiscal", "projects.funding.business", "projects.funding.carryover", "projects.funding.other"}

// fundingFields are where a project's money comes from, in yuan, with a
// line comparing their sum with the project amount as it is typed, so a
// split that no longer adds up is seen before the service refuses it.
type fundingFields struct {
	parts                  [4]*widget.Entry
	total                  *widget.Label // 合计 X 元 / 项目金额 Y 元
	msg                    *widget.Label // the problems of a save
	allFiscal, allBusiness *widget.Button
	// amount is the project amount as the editor reads it; ok is false
	// while it is empty or no amount.
	amount func() (a money.Amount, ok bool)
	// message shows a field message (the editor's, which lays the dialog
	// out again when one appears).
	message func(l *widget.Label, text string, imp widget.Importance)
}

func newFundingFields(f domain.Funding, amount func() (money.Amount, bool)) *fundingFields {
	ff := &fundingFields{amount: amount, msg: newFieldMessage(), message: showFieldMessage}
	for i, a := range f.Parts() {
		e := widget.NewEntry()
		if a != 0 {
			e.SetText(money.FormatPlain(a))
		}
		e.SetPlaceHolder("0.00")
		ff.parts[i] = e
	}
	ff.total = widget.NewLabel("")
	ff.total.Wrapping = fyne.TextWrapWord
	ff.allFiscal = widget.NewButton(i18n.T("projects.funding.all_fiscal"), func() { ff.putAll(0) })
	ff.allBusiness = widget.NewButton(i18n.T("projects.funding.all_business"), func() { ff.putAll(1) })
	return ff
}

// onChanged calls fn when any part is edited.
func (ff *fundingFields) onChanged(fn func()) {
	for _, e := range ff.parts {
		e.OnChanged = func(string) { fn() }
	}
}

// putAll puts the whole project amount in source i and clears the others.
func (ff *fundingFields) putAll(i int) {
	a, ok := ff.amount()
	if !ok {
		ff.message(ff.msg, i18n.T("projects.funding.amount_first"), widget.WarningImportance)
		return
	}
	ff.message(ff.msg, "", widget.LowImportance)
	for k, e := range ff.parts {
		if k == i {
			e.SetText(money.FormatPlain(a))
		} else {
			e.SetText("")
		}
	}
}

// read is the split typed; an empty entry is nothing from that source.
func (ff *fundingFields) read() (domain.Funding, domain.Problems) {
	var v [4]money.Amount
	var ps domain.Problems
	for i, e := range ff.parts {
		text := strings.TrimSpace(e.Text)
		if text == "" {
			continue
		}
		r, err := money.Parse(text, money.Yuan)
		if err != nil {
			ps = append(ps, domain.NewProblem("problem.project.funding_text", "{{.Source}}: \"{{.Text}}\" is not an amount; type it in yuan, e.g. 1,234.5 or 12.3万.",
				"Source", i18n.T(fundingSourceKeys[i]), "Text", text))
			continue
		}
		v[i] = r.Amount
	}
	return domain.Funding{Fiscal: v[0], Business: v[1], Carryover: v[2], Other: v[3]}, ps
}

// showTotal compares the split's sum (domain.Funding.Total) with the
// project amount: red while they differ, green when they agree.
func (ff *fundingFields) showTotal() {
	f, ps := ff.read()
	a, amountOK := ff.amount()
	total, ok := f.Total()
	switch {
	case len(ps) > 0:
		ff.setTotal(i18n.Message(ps[0]), widget.DangerImportance)
	case !f.Given():
		ff.setTotal(i18n.T("projects.funding.none"), widget.LowImportance)
	case !ok:
		ff.setTotal(i18n.T("projects.funding.overflow"), widget.DangerImportance)
	case !amountOK:
		ff.setTotal(i18n.T("projects.funding.total_only", "Sum", money.FormatPlain(total)), widget.WarningImportance)
	case total != a:
		ff.setTotal(i18n.T("projects.funding.total", "Sum", money.FormatPlain(total), "Amount", money.FormatPlain(a)), widget.DangerImportance)
	default:
		ff.setTotal(i18n.T("projects.funding.total", "Sum", money.FormatPlain(total), "Amount", money.FormatPlain(a)), widget.SuccessImportance)
	}
}

func (ff *fundingFields) setTotal(text string, imp widget.Importance) {
	ff.total.Importance = imp
	ff.total.TextStyle.Bold = imp == widget.DangerImportance
	ff.total.SetText(text)
}

func (ff *fundingFields) disable() {
	for _, e := range ff.parts {
		e.Disable()
	}
	ff.allFiscal.Hide()
	ff.allBusiness.Hide()
}

// formItems are the rows the block adds to the editor's form: the four
// sources ("其中：财政拨款" first, as the bureau's forms write it), the
// total line, and the helpers with the problems of a save.
func (ff *fundingFields) formItems() []*widget.FormItem {
	items := make([]*widget.FormItem, 0, len(ff.parts)+2)
	for i, e := range ff.parts {
		label := i18n.T(fundingSourceKeys[i])
		if i == 0 {
			label = i18n.T("projects.funding.of_which", "Source", label)
		}
		items = append(items, widget.NewFormItem(label, e))
	}
	return append(items,
		widget.NewFormItem(i18n.T("projects.funding.sum"), ff.total),
		widget.NewFormItem("", container.NewVBox(container.NewHBox(ff.allFiscal, ff.allBusiness), ff.msg)))
}
