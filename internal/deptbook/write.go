package deptbook

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/workbook"
)

// The proposal sheet's columns.
const (
	colCode, colName, colKind                    = "A", "B", "C"
	colPriorBudget, colPriorToDate, colProjected = "D", "E", "F"
	colProposal, colControl, colRevised, colNote = "G", "H", "I", "J"
	headRow                                      = 4
	firstLineRow                                 = headRow + 1
	lastCol                                      = colNote
	roundFirst, roundSecond                      = 1, 2
	inputNoteFirst                               = "请只在黄色单元格中填写"
)

// RoundName is a round as the workbook names it.
func RoundName(round int) string {
	if round == roundSecond {
		return "二上（按控制数调整）"
	}
	return "一上（预算建议数）"
}

// Write writes b as a department workbook sealed with key. Input cells
// are unlocked and every other cell is protected; the protected cells'
// values go into the hidden sheet with an HMAC over them.
func Write(out io.Writer, b Book, key []byte) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	w := &sheetWriter{f: f, st: st}
	if err := f.SetSheetName("Sheet1", ProposalSheet); err != nil {
		return err
	}
	for _, name := range []string{ProjectSheet, MetaSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	projectAmounts, layout := writeProjects(w, b)
	lines := writeProposal(w, b, projectAmounts)
	if w.err != nil {
		return w.err
	}
	if err := finish(f, b); err != nil {
		return err
	}
	if err := writeMeta(f, b, append(lines, layout...), w.sealed, key); err != nil {
		return err
	}
	_, err = f.WriteTo(out)
	return err
}

// Save writes the workbook to path, whole or not at all.
func Save(path string, b Book, key []byte) error {
	return workbook.Save(path, func(out io.Writer) error { return Write(out, b, key) })
}

// writeProposal writes the subjects sheet and returns the hidden sheet's
// rows that say which row holds which subject.
func writeProposal(w *sheetWriter, b Book, projectAmounts []string) [][]string {
	sh := ProposalSheet
	writeProposalTop(w, b)
	var layout [][]string
	row := firstLineRow
	var subtotals []int
	for _, revenue := range []bool{true, false} {
		first := row
		for _, l := range b.Lines {
			if l.Revenue != revenue {
				continue
			}
			writeLine(w, b, l, row)
			layout = append(layout, []string{"line", fmt.Sprint(row), l.SubjectCode})
			row++
		}
		label := "收入小计"
		if !revenue {
			label = "基本支出小计"
		}
		writeSum(w, row, label, first, row-1, hasControl(b), b.Round == roundSecond)
		subtotals = append(subtotals, row)
		row++
	}
	writeTotals(w, b, row, subtotals[1], projectAmounts)
	w.fail(w.f.SetColWidth(sh, "A", "A", 12))
	w.fail(w.f.SetColWidth(sh, "B", "B", 26))
	w.fail(w.f.SetColWidth(sh, "C", "C", 6))
	w.fail(w.f.SetColWidth(sh, "D", "I", 17))
	w.fail(w.f.SetColWidth(sh, "J", "J", 30))
	return layout
}

// writeProposalTop writes the title, the particulars, how to fill the
// sheet and the column heads.
func writeProposalTop(w *sheetWriter, b Book) {
	sh, st := ProposalSheet, w.st
	w.text(sh, "A1", fmt.Sprintf("%d年度科室预算建议表", b.Year), st.title)
	w.merge(sh, "A1", lastCol+"1")
	w.text(sh, "A2", fmt.Sprintf("编制单位：%s　　科室：[%s] %s　　预算年度：%d年　　填报阶段：%s　　金额单位：元",
		b.Hospital, b.DeptCode, b.DeptName, b.Year, RoundName(b.Round)), st.info)
	w.merge(sh, "A2", lastCol+"2")
	what := "本年建议数（G列）和说明（J列）"
	if b.Round == roundSecond {
		what = "调整后建议数（I列）和说明（J列）"
	}
	note := inputNoteFirst + what + "，项目表中填写项目金额、资金来源、负责人、年度目标和绩效目标；其余单元格受保护，改动后本表将不能导入。金额以元为单位，最多两位小数，不得为负数。"
	if b.PriorMonths > 0 && b.PriorMonths < 12 {
		note += fmt.Sprintf("上年预计执行数按上年1–%d月实际数推算全年。", b.PriorMonths)
	}
	w.text(sh, "A3", note, st.info)
	w.merge(sh, "A3", lastCol+"3")
	toDate := "上年实际数"
	if b.PriorMonths > 0 && b.PriorMonths < 12 {
		toDate = fmt.Sprintf("上年实际数（1–%d月）", b.PriorMonths)
	}
	heads := []string{"科目编码", "科目名称", "收支", "上年预算数", toDate, "上年预计执行数", "本年建议数（一上）", "控制数（一下）", "调整后建议数（二上）", "说明"}
	for i, h := range heads {
		w.text(sh, fmt.Sprintf("%c%d", 'A'+i, headRow), h, st.head)
	}
	w.fail(w.f.SetRowHeight(sh, 3, 48))
	w.fail(w.f.SetRowHeight(sh, 2, 22))
	w.fail(w.f.SetRowHeight(sh, 1, 28))
	w.fail(w.f.SetRowHeight(sh, headRow, 34))
	w.fail(w.f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: headRow, XSplit: 2, TopLeftCell: "C5", ActivePane: "bottomRight"}))
}

// writeLine writes one subject: its figures protected, the round's figure
// and the note to fill in.
func writeLine(w *sheetWriter, b Book, l Line, row int) {
	sh, st := ProposalSheet, w.st
	at := func(col string) string { return fmt.Sprintf("%s%d", col, row) }
	kind := "支出"
	if l.Revenue {
		kind = "收入"
	}
	w.text(sh, at(colCode), l.SubjectCode, st.text)
	w.text(sh, at(colName), l.SubjectName, st.text)
	w.text(sh, at(colKind), kind, st.text)
	w.amount(sh, at(colPriorBudget), l.PriorBudget, st.amount)
	w.amount(sh, at(colPriorToDate), l.PriorToDate, st.amount)
	w.amount(sh, at(colProjected), l.PriorProjected, st.amount)
	if b.Round == roundSecond {
		w.amount(sh, at(colProposal), l.Proposal, st.amount)
		w.optAmount(sh, at(colControl), l.Control, st.amount)
		revised := l.Revised
		if revised == nil {
			revised = &l.Proposal
		}
		w.inputAmount(sh, at(colRevised), revised, st.inAmount)
	} else {
		w.inputAmount(sh, at(colProposal), &l.Proposal, st.inAmount)
		w.text(sh, at(colControl), "", st.blank)
		w.text(sh, at(colRevised), "", st.blank)
	}
	w.inputText(sh, at(colNote), l.Note, st.inText)
}

// writeSum writes a subtotal row over rows first..last (none when last <
// first) as formulas, so the department sees its totals as it types; the
// control column only when lines have control figures, the revised one
// only in round 2.
func writeSum(w *sheetWriter, row int, label string, first, last int, control, revised bool) {
	sh, st := ProposalSheet, w.st
	w.text(sh, fmt.Sprintf("A%d", row), label, st.totalLabel)
	w.merge(sh, fmt.Sprintf("A%d", row), fmt.Sprintf("C%d", row))
	for c := 'D'; c <= 'I'; c++ {
		ref := fmt.Sprintf("%c%d", c, row)
		if string(c) == colControl && !control || string(c) == colRevised && !revised {
			w.text(sh, ref, "", st.totalLabel)
			continue
		}
		if last < first {
			w.amount(sh, ref, 0, st.total)
			continue
		}
		w.formula(sh, ref, fmt.Sprintf("SUM(%c%d:%c%d)", c, first, c, last), st.total)
	}
	w.text(sh, fmt.Sprintf("J%d", row), "", st.totalLabel)
}

// hasControl reports whether any line has a control figure of its own.
func hasControl(b Book) bool {
	for _, l := range b.Lines {
		if l.Control != nil {
			return true
		}
	}
	return false
}

// writeTotals writes the project expenditure (from the project sheet),
// the expenditure total and, in round 2, the control figure and what
// is left of it.
func writeTotals(w *sheetWriter, b Book, row, basic int, projectAmounts []string) {
	sh, st := ProposalSheet, w.st
	col := colProposal
	if b.Round == roundSecond {
		col = colRevised
	}
	label := func(r int, s string) {
		w.text(sh, fmt.Sprintf("A%d", r), s, st.totalLabel)
		w.merge(sh, fmt.Sprintf("A%d", r), fmt.Sprintf("C%d", r))
		for _, c := range []string{"D", "E", "F", "G", "H", "I", "J"} {
			if c != col {
				w.text(sh, fmt.Sprintf("%s%d", c, r), "", st.totalLabel)
			}
		}
	}
	label(row, "项目支出（见“"+ProjectSheet+"”表）")
	if len(projectAmounts) == 0 {
		w.amount(sh, fmt.Sprintf("%s%d", col, row), 0, st.total)
	} else {
		sum := ""
		for i, ref := range projectAmounts {
			if i > 0 {
				sum += "+"
			}
			sum += quoted(ProjectSheet) + "!" + ref
		}
		w.formula(sh, fmt.Sprintf("%s%d", col, row), sum, st.total)
	}
	label(row+1, "支出合计（含项目）")
	w.formula(sh, fmt.Sprintf("%s%d", col, row+1), fmt.Sprintf("%s%d+%s%d", col, basic, col, row), st.total)
	if b.Round != roundSecond || b.ControlTotal == nil {
		return
	}
	label(row+2, "支出控制数（含项目）")
	w.amount(sh, fmt.Sprintf("%s%d", col, row+2), *b.ControlTotal, st.total)
	label(row+3, "控制数余额（负数为超出控制数）")
	w.formula(sh, fmt.Sprintf("%s%d", col, row+3), fmt.Sprintf("%s%d-%s%d", col, row+2, col, row+1), st.total)
}

// finish protects the visible sheets, sets them up for A4 printing and
// asks the spreadsheet to compute the totals on opening.
func finish(f *excelize.File, b Book) error {
	for _, sh := range []string{ProposalSheet, ProjectSheet} {
		size, landscape, one, tall := 9, "landscape", 1, 0
		if err := f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}); err != nil {
			return err
		}
		fit := true
		if err := f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
			return err
		}
		if err := f.ProtectSheet(sh, &excelize.SheetProtectionOptions{SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true}); err != nil {
			return err
		}
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("%s!$1:$%d", quoted(ProposalSheet), headRow), Scope: ProposalSheet}); err != nil {
		return err
	}
	calc := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &calc}); err != nil {
		return err
	}
	if err := f.SetSheetVisible(MetaSheet, false, true); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	f.SetDocProps(&excelize.DocProperties{Title: fmt.Sprintf("%d年度科室预算建议表 %s %s", b.Year, b.DeptCode, b.DeptName), Creator: "BudgetPerf"})
	return workbook.Stamp(f, b.Stamp)
}
