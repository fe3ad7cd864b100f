package payui

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// The columns of the allocation table: department, headcount and
// coefficient, a score per dimension, composite, bonus, and the two
// comparisons the public-welfare weighting is judged by.
const (
	bcCode = iota
	bcName
	bcHeads
	bcCoef
	bcScores // first of len(payout.Dimensions) score columns
)

// The last column shows the weights the department's composite was
// computed with: a dimension it has no measurement of (未计量) weighs 0 and
// the others are rescaled (payout.EffectiveWeights).
var bonusTail = []string{"bonus.col.composite", "col.bonus_yuan", "bonus.col.vs_zero", "bonus.col.vs_last", "bonus.col.eff_weights"}

func bonusHeaderKeys() []string {
	keys := []string{"col.code", "col.department", "bonus.col.heads", "bonus.col.coef"}
	for _, d := range payout.Dimensions {
		keys = append(keys, "bonus.col.dim."+string(d)) // short: the full names are in the weights line
	}
	return append(keys, bonusTail...)
}

func (b *BonusScreen) newTable() *widget.Table {
	keys := bonusHeaderKeys()
	widths := []float32{52, 150, 52, 58}
	for range payout.Dimensions {
		widths = append(widths, 70)
	}
	widths = append(widths, 76, 124, 108, 108, 170)
	t := widget.NewTable(
		func() (int, int) { return len(b.rows()), len(keys) },
		func() fyne.CanvasObject { return kit.NewElidedLabel("") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*kit.ElidedLabel)
			text, align, imp := b.cell(id.Row, id.Col)
			l.Alignment = align
			l.Importance = imp
			l.SetText(text)
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		return kit.NewElidedLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*kit.ElidedLabel).SetText(i18n.T(keys[id.Col]))
		}
	}
	for c, w := range widths {
		t.SetColumnWidth(c, w)
	}
	// Selecting a score cell lets the user enter that score by hand.
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Col >= bcScores && id.Col < bcScores+len(payout.Dimensions) && id.Row < len(b.rows()) {
			b.enterScore(b.rows()[id.Row], payout.Dimensions[id.Col-bcScores])
		}
	}
	return t
}

func (b *BonusScreen) rows() []bonus.Dept {
	if !b.hasRes {
		return nil
	}
	return b.res.Departments
}

// cell is the text of a table cell; changes are signed and coloured.
func (b *BonusScreen) cell(r, c int) (string, fyne.TextAlign, widget.Importance) {
	rows := b.rows()
	if r >= len(rows) {
		return "", fyne.TextAlignLeading, widget.MediumImportance
	}
	d := rows[r]
	right := fyne.TextAlignTrailing
	switch {
	case c == bcCode:
		return d.Code, fyne.TextAlignLeading, widget.MediumImportance
	case c == bcName:
		name := d.Name
		if i18n.Current() == i18n.English && d.NameEn != "" {
			name = d.NameEn
		}
		return name, fyne.TextAlignLeading, widget.MediumImportance
	case c == bcHeads:
		return strconv.Itoa(d.Headcount), right, widget.MediumImportance
	case c == bcCoef:
		return strconv.FormatFloat(d.Coefficient, 'f', 2, 64), right, widget.MediumImportance
	case c < bcScores+len(payout.Dimensions):
		dim := payout.Dimensions[c-bcScores]
		if d.Unmeasured[dim] {
			return i18n.T("bonus.unmeasured"), right, widget.WarningImportance
		}
		text := strconv.FormatFloat(d.Scores[dim], 'f', 2, 64)
		if d.Entered[dim] {
			return text + "*", right, widget.HighImportance
		}
		return text, right, widget.MediumImportance
	}
	switch c - bcScores - len(payout.Dimensions) {
	case 0:
		return strconv.FormatFloat(d.Composite, 'f', 2, 64), right, widget.MediumImportance
	case 1:
		return money.FormatPlain(d.Bonus), right, widget.MediumImportance
	case 2:
		return signedChange(d.Bonus - d.AtZero)
	case 4:
		return effectiveText(d), right, widget.MediumImportance
	default:
		if d.LastPeriod == nil {
			return "—", right, widget.LowImportance
		}
		return signedChange(d.Bonus - *d.LastPeriod)
	}
}

// effectiveText is the department's own weights in dimension order, in
// percent, — for a dimension not measured: "30/25/20/15/10" with all
// measured, "35.3/29.4/23.5/—/11.8" without public welfare.
func effectiveText(d bonus.Dept) string {
	parts := make([]string, 0, len(payout.Dimensions))
	for _, dim := range payout.Dimensions {
		if d.Unmeasured[dim] {
			parts = append(parts, "—")
			continue
		}
		parts = append(parts, strconv.FormatFloat(math.Round(d.Effective[dim]*1000)/10, 'f', -1, 64))
	}
	return strings.Join(parts, "/")
}

// unmeasuredNote says how many departments lack a measurement in some
// dimension, or "" when none does.
func unmeasuredNote(res bonus.Result) string {
	n := 0
	for _, d := range res.Departments {
		if len(d.Unmeasured) > 0 {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return i18n.T("bonus.unmeasured_note", "Count", n)
}

// signedChange shows +1,234.00 in green and -1,234.00 in red.
func signedChange(a money.Amount) (string, fyne.TextAlign, widget.Importance) {
	switch {
	case a > 0:
		return "+" + money.FormatPlain(a), fyne.TextAlignTrailing, widget.SuccessImportance
	case a < 0:
		return money.FormatPlain(a), fyne.TextAlignTrailing, widget.DangerImportance
	}
	return "0.00", fyne.TextAlignTrailing, widget.MediumImportance
}

// enterScore asks for a department's score in a dimension; an empty
// entry (or 恢复评价得分) goes back to the evaluation's score.
func (b *BonusScreen) enterScore(d bonus.Dept, dim payout.Dimension) {
	s := b.host
	if b.inputs == nil || !permission.Allowed(s.Actor().Role, permission.BonusCompute) {
		return // locked, not computable, or not the user's to change
	}
	e := widget.NewEntry()
	if !d.Unmeasured[dim] {
		e.SetText(strconv.FormatFloat(d.Scores[dim], 'f', 2, 64))
	}
	name := d.Name
	if i18n.Current() == i18n.English && d.NameEn != "" {
		name = d.NameEn
	}
	// The source is required: an indicator of the library or a workload
	// measure; a revenue source is refused by the service, citing the rule.
	src := widget.NewSelectEntry(payout.WorkloadMeasures)
	if cur, err := s.Services().Bonus.ScoreSource(s.Ctx(), s.Actor(), s.Year(), d.Code, dim); err == nil {
		src.SetText(cur)
	}
	src.SetPlaceHolder(i18n.T("bonus.score.source_hint"))
	apply := func(score *float64) {
		if err := s.Services().Bonus.SetScore(s.Ctx(), s.Actor(), s.Year(), d.Code, dim, score, src.Text); err != nil {
			s.ShowError(err)
			return
		}
		b.reload()
	}
	var dlg dialog.Dialog
	clear := widget.NewButton(i18n.T("bonus.score.clear"), func() {
		dlg.Hide()
		apply(nil)
	})
	if !d.Entered[dim] {
		clear.Disable()
	}
	content := widget.NewForm(widget.NewFormItem(i18n.T("indui.bonus."+string(dim)), e),
		widget.NewFormItem(i18n.T("bonus.score.source"), src))
	hint := widget.NewLabel(i18n.T("bonus.score.hint"))
	hint.Wrapping = fyne.TextWrapWord
	dlg = dialog.NewCustomConfirm(i18n.T("bonus.score.title", "Dept", name), i18n.T("action.save"), i18n.T("action.cancel"),
		container.NewVBox(content, hint, clear), func(ok bool) {
			if !ok {
				return
			}
			v, err := strconv.ParseFloat(e.Text, 64)
			if err != nil {
				dialog.ShowError(errors.New(i18n.T("bonus.score.not_number", "Text", e.Text)), s.Window())
				return
			}
			apply(&v)
		}, s.Window())
	dlg.Resize(fyne.NewSize(480, 300))
	dlg.Show()
}

// reload re-reads the inputs (after a score changed) and keeps the
// slider's weight and the typed pool.
func (b *BonusScreen) reload() {
	s := b.host
	pool := b.inputs.Pool()
	in, err := s.Services().Bonus.Prepare(s.Ctx(), s.Actor(), s.Year(), pool)
	if err != nil {
		b.fail(err)
		return
	}
	b.inputs = in
	b.reallocate()
}
