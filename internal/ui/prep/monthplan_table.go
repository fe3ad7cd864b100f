package prep

import (
	"strconv"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// mpView is what the monthly table shows of each line: the twelve months
// in 万元 (the year at a glance on a 1366-pixel screen), or a half year in
// 元 exact to the fen. Either way the stored split is the exact one; the
// manual split edits it in 元.
type mpView int

const (
	mpYear mpView = iota
	mpFirstHalf
	mpSecondHalf
)

// mpViewLabels are the view picker's choices, in mpView order.
func mpViewLabels() []string {
	return []string{i18n.T("monthly.view.year"), i18n.T("monthly.view.first_half"), i18n.T("monthly.view.second_half")}
}

// months are the first month (1–12) and how many the view shows.
func (v mpView) months() (first, n int) {
	switch v {
	case mpFirstHalf:
		return 1, 6
	case mpSecondHalf:
		return 7, 6
	}
	return 1, 12
}

// amount formats a of the view: 万元 with two decimals for the year, 元
// exact to the fen for a half year.
func (v mpView) amount(a money.Amount) string {
	if v == mpYear {
		return kit.Wan(a)
	}
	return money.FormatPlain(a)
}

// Columns of the monthly table: the line and its annual budget (both kept
// in view while the months scroll), the view's months, the split method.
const (
	mpColLine = iota
	mpColAnnual
	mpColMonth // the view's first month
)

// mpTotalRows are the pinned totals rows above the lines.
const mpTotalRows = 2

// curView is the chosen view.
func (m *MonthlyTab) curView() mpView {
	if m.view == nil || m.view.SelectedIndex() < 0 {
		return mpYear
	}
	return mpView(m.view.SelectedIndex())
}

// colMethod is the split method's column, after the view's months.
func (m *MonthlyTab) colMethod() int {
	_, n := m.curView().months()
	return mpColMonth + n
}

func (m *MonthlyTab) newTable() *widget.Table {
	t := widget.NewTable(func() (int, int) { return len(m.shown) + mpTotalRows, m.colMethod() + 1 },
		func() fyne.CanvasObject {
			amount := canvas.NewText("", theme.Color(theme.ColorNameForeground))
			amount.Alignment = fyne.TextAlignTrailing
			return container.New(mpCellLayout{}, kit.NewElidedLabel(""), amount)
		}, m.updateCell)
	t.ShowHeaderRow = true
	t.StickyRowCount = mpTotalRows
	t.StickyColumnCount = mpColMonth
	t.CreateHeader = func() fyne.CanvasObject {
		return kit.NewElidedLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		o.(*kit.ElidedLabel).SetText(m.header(id.Col))
	}
	return t
}

// setView shows the chosen months and refits the columns.
func (m *MonthlyTab) setView() {
	if m.table != nil {
		m.fitColumns()
	}
}

func (m *MonthlyTab) header(col int) string {
	switch {
	case col == mpColLine:
		return i18n.T("monthly.col.line")
	case col == mpColAnnual && m.curView() == mpYear:
		return i18n.T("monthly.col.annual_wan")
	case col == mpColAnnual:
		return i18n.T("monthly.col.annual")
	case col == m.colMethod():
		return i18n.T("monthly.col.method")
	}
	first, _ := m.curView().months()
	return i18n.T("month.short." + strconv.Itoa(first+col-mpColMonth))
}

// cell is the text of table row r (the totals first) and column c.
func (m *MonthlyTab) cell(r, c int) (string, fyne.TextAlign) {
	v := m.curView()
	first, _ := v.months()
	if r < mpTotalRows {
		t, label := m.expenditure, i18n.T("monthly.total_expenditure")
		if r == 1 {
			t, label = m.revenue, i18n.T("monthly.total_revenue")
		}
		switch {
		case c == mpColLine:
			return label, fyne.TextAlignLeading
		case c == mpColAnnual:
			return v.amount(t.Annual), fyne.TextAlignTrailing
		case c == m.colMethod():
			return "", fyne.TextAlignLeading
		}
		return v.amount(t.Months[first-1+c-mpColMonth]), fyne.TextAlignTrailing
	}
	l := m.shown[r-mpTotalRows]
	switch {
	case c == mpColLine:
		return m.lineText(l, v), fyne.TextAlignLeading
	case c == mpColAnnual:
		return v.amount(l.Annual), fyne.TextAlignTrailing
	case c == m.colMethod():
		return splitMethodLabel(l.Method), fyne.TextAlignLeading
	}
	return v.amount(l.Months[first-1+c-mpColMonth]), fyne.TextAlignTrailing
}

// lineText names line l: department and subject, by name only in the
// year view (the twelve months leave the line a narrow column), and the
// subject alone while one department is picked.
func (m *MonthlyTab) lineText(l budgeting.MonthlyLine, v mpView) string {
	subject := kit.PickName(l.SubjectName, l.SubjectNameEn)
	dept := kit.PickName(l.DeptName, l.DeptNameEn)
	if v != mpYear {
		subject, dept = l.SubjectCode+" "+subject, l.DeptCode+" "+dept
	}
	if m.oneDept {
		return subject
	}
	return dept + " · " + subject
}

// updateCell shows a line or a method in a label (whole on hover when
// cut), an amount in a plain text with a narrow margin: thirteen amount
// columns with a label's padding would not fit beside the line.
func (m *MonthlyTab) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	box := o.(*fyne.Container)
	l, amount := box.Objects[0].(*kit.ElidedLabel), box.Objects[1].(*canvas.Text)
	text, align := "", fyne.TextAlignLeading
	if id.Row >= 0 && id.Row < len(m.shown)+mpTotalRows && id.Col <= m.colMethod() {
		text, align = m.cell(id.Row, id.Col)
	}
	bold := fyne.TextStyle{Bold: id.Row < mpTotalRows}
	if id.Col == mpColLine || id.Col == m.colMethod() {
		amount.Hide()
		l.Alignment, l.TextStyle = align, bold
		l.SetText(text)
		l.Show()
		return
	}
	l.Hide()
	amount.Text, amount.TextStyle = text, bold
	amount.Color = theme.Color(theme.ColorNameForeground)
	amount.TextSize = theme.TextSize()
	amount.Show()
	amount.Refresh()
}

// mpAmountPad is the margin of an amount in its cell.
const mpAmountPad = 4

// mpCellLayout gives the label the whole cell and the amount the cell
// less a narrow margin.
type mpCellLayout struct{}

func (mpCellLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
	objs[1].Move(fyne.NewPos(mpAmountPad, 0))
	objs[1].Resize(fyne.NewSize(size.Width-2*mpAmountPad, size.Height))
}

func (mpCellLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

// fitColumns makes every column as wide as its widest text (amounts of
// the lines shown and the totals, headers) and gives the line what is
// left of the table's width, so that the twelve months of the year view
// show beside the line and its annual budget on a 1366-pixel screen. A
// line cut short shows whole on hover.
func (m *MonthlyTab) fitColumns() {
	v := m.curView()
	_, n := v.months()
	rows := len(m.shown) + mpTotalRows
	widest := func(col int) float32 {
		pad := float32(2 * mpAmountPad)
		if col == mpColLine || col == m.colMethod() {
			pad = 2 * theme.InnerPadding()
		}
		w := m.measure(m.header(col), true, 2*theme.InnerPadding())
		for r := 0; r < mpTotalRows; r++ { // the totals are bold
			s, _ := m.cell(r, col)
			w = max(w, m.measure(s, true, pad))
		}
		longest := ""
		for r := mpTotalRows; r < rows; r++ {
			if s, _ := m.cell(r, col); utf8.RuneCountInString(s) > utf8.RuneCountInString(longest) {
				longest = s
			}
		}
		return max(w, m.measure(longest, false, pad))
	}
	annual := widest(mpColAnnual)
	var month float32
	for c := mpColMonth; c < mpColMonth+n; c++ {
		month = max(month, widest(c))
	}
	// The table puts a padding between columns.
	line := m.lineWidth(widest(mpColLine), annual+float32(n)*month+float32(n+2)*theme.Padding())
	m.table.SetColumnWidth(mpColLine, line)
	m.table.SetColumnWidth(mpColAnnual, annual)
	for c := mpColMonth; c < mpColMonth+n; c++ {
		m.table.SetColumnWidth(c, month)
	}
	m.table.SetColumnWidth(m.colMethod(), widest(m.colMethod()))
	m.widths = append([]float32{line, annual}, month)
	m.table.Refresh()
}

// lineWidth is the line column's width in pixels: what the table has
// left beside the figure columns (figuresWidth pixels), at least
// mpLineMin, at most as wide as the longest line.
func (m *MonthlyTab) lineWidth(natural, figuresWidth float32) float32 {
	room := m.fitWidth - figuresWidth - theme.ScrollBarSize() - 2
	if m.fitWidth <= 0 {
		room = natural
	}
	return max(mpLineMin, min(natural, room))
}

// mpLineMin keeps a department and subject name readable.
const mpLineMin = 140

// measure is the width of a cell showing s (bold: the totals and the
// headings) with pad around it.
func (m *MonthlyTab) measure(s string, bold bool, pad float32) float32 {
	return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{Bold: bold}).Width + pad + 2
}

// mpFitLayout gives the table its whole space and refits the columns
// when the table's width changes.
type mpFitLayout struct{ m *MonthlyTab }

func (l *mpFitLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != l.m.fitWidth {
		l.m.fitWidth = size.Width
		l.m.fitColumns()
	}
}

func (l *mpFitLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}
