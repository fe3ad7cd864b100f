package textsheet

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"golang.org/x/net/html"
)

// tableBuilder lays out one <table> as the HTML table model does: a cell
// takes the next column no rowspan from above covers; colspan and rowspan
// become merged ranges with the text in their top-left cell.
type tableBuilder struct {
	idx       int // index of the sheet in document order of <table>
	sheet     Sheet
	caption   strings.Builder
	heading   string // the heading just before the table (LibreOffice names sheets so)
	inCaption bool
	row, col  int
	inRow     bool
	cover     []int // cover[c]: the last row a rowspan from above covers in column c
	inCell    bool
	cellR     int
	cellC     int
	text      strings.Builder
}

// htmlReader walks the tokens of an HTML export, one tableBuilder per open
// table (nested tables are sheets of their own).
type htmlReader struct {
	sheets      []Sheet
	stack       []*tableBuilder
	inHeading   bool
	heading     strings.Builder
	lastHeading string
	cells       int
	merges      int
	mergedArea  int // cells under colspan/rowspan: bounds the work of laying them out
	err         error
}

// readHTML reads every <table> of an HTML export into a sheet.
func readHTML(text, file string) ([]Sheet, error) {
	hr := &htmlReader{}
	z := html.NewTokenizer(strings.NewReader(text))
	for hr.err == nil {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.TextToken:
			hr.addText(string(z.Text()))
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			cs, rs := 1, 1
			if hasAttr && (string(name) == "td" || string(name) == "th") {
				cs, rs = spans(z)
			}
			hr.start(string(name), cs, rs)
		case html.EndTagToken:
			name, _ := z.TagName()
			hr.end(string(name))
		}
	}
	for hr.err == nil && len(hr.stack) > 0 {
		hr.end("table")
	}
	if hr.err != nil {
		return nil, hr.err
	}
	if len(hr.sheets) == 0 {
		return nil, domain.Problems{domain.NewProblem("import.html_no_table",
			"{{.File}} is a web page (HTML) without a table: export the report from its program as Excel or CSV again.",
			"File", file)}
	}
	return hr.sheets, nil
}

// spans reads colspan and rowspan, bounded as browsers bound them.
func spans(z *html.Tokenizer) (cs, rs int) {
	cs, rs = 1, 1
	for {
		k, v, more := z.TagAttr()
		n, err := strconv.Atoi(strings.TrimSpace(string(v)))
		if err == nil && n > 1 {
			switch string(k) {
			case "colspan":
				cs = min(n, 1000)
			case "rowspan":
				rs = min(n, 65534)
			}
		}
		if !more {
			return cs, rs
		}
	}
}

func (hr *htmlReader) top() *tableBuilder {
	if len(hr.stack) == 0 {
		return nil
	}
	return hr.stack[len(hr.stack)-1]
}

func (hr *htmlReader) addText(s string) {
	t := hr.top()
	switch {
	case t != nil && t.inCell:
		t.text.WriteString(s)
	case t != nil && t.inCaption:
		t.caption.WriteString(s)
	case t == nil && hr.inHeading:
		hr.heading.WriteString(s)
	}
}

func (hr *htmlReader) start(name string, cs, rs int) {
	t := hr.top()
	switch name {
	case "table":
		hr.stack = append(hr.stack, &tableBuilder{idx: len(hr.sheets), row: -1, heading: hr.lastHeading})
		hr.sheets = append(hr.sheets, Sheet{})
		hr.lastHeading = ""
	case "h1", "h2", "h3", "h4", "h5", "h6":
		hr.inHeading = t == nil
		hr.heading.Reset()
	}
	if t == nil {
		return
	}
	switch name {
	case "caption":
		t.inCaption = true
	case "tr":
		hr.endCell(t)
		t.endRow()
		hr.err = t.startRow()
	case "td", "th":
		hr.endCell(t)
		if !t.inRow {
			if hr.err = t.startRow(); hr.err != nil {
				return
			}
		}
		hr.err = hr.startCell(t, cs, rs)
	case "br":
		if t.inCell {
			t.text.WriteByte(0) // a kept line break; collapse folds "\n"
		}
	case "thead", "tbody", "tfoot":
		hr.endCell(t)
		t.endRow()
	}
}

func (hr *htmlReader) end(name string) {
	t := hr.top()
	switch name {
	case "h1", "h2", "h3", "h4", "h5", "h6":
		if hr.inHeading {
			hr.lastHeading = collapse(hr.heading.String())
		}
		hr.inHeading = false
	}
	if t == nil {
		return
	}
	switch name {
	case "table":
		hr.endCell(t)
		t.endRow()
		hr.sheets[t.idx] = t.finish()
		hr.stack = hr.stack[:len(hr.stack)-1]
	case "caption":
		t.inCaption = false
	case "td", "th":
		hr.endCell(t)
	case "tr", "thead", "tbody", "tfoot":
		hr.endCell(t)
		t.endRow()
	}
}

func (t *tableBuilder) startRow() error {
	t.row = len(t.sheet.Rows)
	t.sheet.Rows = append(t.sheet.Rows, nil)
	t.col, t.inRow = 0, true
	if len(t.sheet.Rows) > MaxRows {
		return tooManyRows(t.name())
	}
	return nil
}

func (t *tableBuilder) endRow() {
	t.inCell, t.inRow = false, false
}

// startCell places a cell at the next free column of the row.
func (hr *htmlReader) startCell(t *tableBuilder, cs, rs int) error {
	for t.col < len(t.cover) && t.cover[t.col] >= t.row {
		t.col++
	}
	if t.col+cs > MaxCols {
		return tooManyCols(t.name(), t.row+1)
	}
	if rs > 1 {
		for len(t.cover) < t.col+cs {
			t.cover = append(t.cover, -1)
		}
		for c := t.col; c < t.col+cs; c++ {
			t.cover[c] = t.row + rs - 1
		}
	}
	if cs > 1 || rs > 1 {
		hr.mergedArea += cs * rs
		if hr.merges++; hr.merges > MaxMerges || hr.mergedArea > MaxCells {
			return tooManyMerges(t.name())
		}
		t.sheet.Merges = append(t.sheet.Merges, Merge{t.row, t.col, t.row + rs - 1, t.col + cs - 1})
	}
	t.inCell, t.cellR, t.cellC = true, t.row, t.col
	t.text.Reset()
	t.col += cs
	return nil
}

// endCell stores the open cell's text; empty cells are not stored, so a
// row ends at its last cell with text, as in a workbook.
func (hr *htmlReader) endCell(t *tableBuilder) {
	if !t.inCell {
		return
	}
	t.inCell = false
	s := collapse(t.text.String())
	if s == "" || hr.err != nil {
		return
	}
	r := t.sheet.Rows[t.cellR]
	if n := t.cellC + 1 - len(r); n > 0 {
		if hr.cells += n; hr.cells > MaxCells {
			hr.err = tooManyCells(t.name())
			return
		}
		r = append(r, make([]string, n)...)
	}
	r[t.cellC] = s
	t.sheet.Rows[t.cellR] = r
}

// finish names the sheet and cuts rowspans that run past the last row.
func (t *tableBuilder) finish() Sheet {
	s := t.sheet
	s.Name = t.name()
	last := len(s.Rows) - 1
	ms := s.Merges[:0]
	for _, m := range s.Merges {
		m.R1 = min(m.R1, last)
		if m.R1 > m.R0 || m.C1 > m.C0 {
			ms = append(ms, m)
		}
	}
	s.Merges = ms
	s.Rows = trimRows(s.Rows)
	return s
}

// sheetHeading strips LibreOffice's "Sheet 2: " before the sheet's name.
var sheetHeading = regexp.MustCompile(`^(?i:sheet|工作表)\s*\d+\s*[:：]\s*`)

// name is the table's caption, else the heading before it, else its number.
func (t *tableBuilder) name() string {
	if c := collapse(t.caption.String()); c != "" {
		return c
	}
	if h := sheetHeading.ReplaceAllString(t.heading, ""); h != "" {
		return h
	}
	return fmt.Sprintf("Table%d", t.idx+1)
}

// collapse folds runs of HTML white space into one space, as a browser
// shows them, keeping the line breaks of <br>; &nbsp; is kept.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\r', '\f', '\n':
			space = true
			continue
		case 0:
			b.WriteByte('\n')
			space = false
			continue
		}
		if space && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return strings.Trim(b.String(), "\n")
}
