package textsheet

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// readCSV reads delimited text into one sheet. Row numbers follow the
// lines as a spreadsheet shows them: an empty line is an empty row (the
// csv package skips it, so it is put back), a quoted line break stays in
// its cell.
func readCSV(text, name string) (Sheet, error) {
	s := Sheet{Name: name}
	delim := sniffDelimiter(text)
	if row, ok := fieldsWithin(text, delim, MaxCols); !ok {
		return s, tooManyCols(name, row)
	}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = delim, true, -1
	next, cells := 1, 0 // the line the next record starts on if no empty line comes first
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return s, domain.Problems{domain.NewProblem("import.csv_malformed",
				"{{.File}}, line {{.Line}} cannot be read as CSV: save the file again from the program that wrote it.",
				"File", name, "Line", line)}
		}
		line, _ := r.FieldPos(0)
		if line > MaxRows {
			return s, tooManyRows(name)
		}
		for ; next < line; next++ {
			s.Rows = append(s.Rows, nil)
		}
		next = line + 1
		for i, f := range rec {
			next += strings.Count(f, "\n")
			rec[i] = unwrapFormulaText(f)
		}
		rec = trimRow(rec)
		if cells += len(rec); cells > MaxCells {
			return s, tooManyCells(name)
		}
		s.Rows = append(s.Rows, rec)
		if len(s.Rows) > MaxRows {
			return s, tooManyRows(name)
		}
	}
	s.Rows = trimRows(s.Rows)
	return s, nil
}

// unwrapFormulaText undoes ="00123", which exports write so that a
// spreadsheet keeps a code's leading zeros.
func unwrapFormulaText(f string) string {
	if len(f) >= 3 && strings.HasPrefix(f, `="`) && strings.HasSuffix(f, `"`) {
		return strings.ReplaceAll(f[2:len(f)-1], `""`, `"`)
	}
	return f
}

// sniffDelimiter picks tab, comma or semicolon: the one that splits most of
// the first lines into the same number of fields (title rows have none;
// amounts like 1,234.56 add commas to some lines of a tab file only).
func sniffDelimiter(text string) rune {
	lines := firstLines(text, 30)
	best, bestScore := ',', -1
	for _, d := range []rune{'\t', ',', ';'} {
		counts := map[int]int{}
		for _, l := range lines {
			if n := countOutsideQuotes(l, d); n > 0 {
				counts[n]++
			}
		}
		mode, lines := 0, 0
		for n, k := range counts {
			if k > lines || k == lines && n > mode {
				mode, lines = n, k
			}
		}
		if score := lines*1000 + min(mode, 999); lines > 0 && score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

func firstLines(text string, n int) []string {
	var out []string
	for len(out) < n && text != "" {
		l := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

func countOutsideQuotes(line string, d rune) int {
	n, quoted := 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == d && !quoted:
			n++
		}
	}
	return n
}

// fieldsWithin checks, before the csv package splits a record into a slice
// (a line of a million delimiters would take gigabytes), that no record has
// more than limit fields; otherwise it returns the record's row. It follows
// the csv package's lazy-quote rules: a quote opens a quoted field only at
// the field's start, and closes it before a delimiter or a line end.
func fieldsWithin(text string, delim rune, limit int) (int, bool) {
	fields, row, start, quoted := 1, 1, true, false
	d := byte(delim)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if quoted {
			if c == '"' {
				switch {
				case i+1 < len(text) && text[i+1] == '"':
					i++
				case i+1 == len(text) || text[i+1] == d || text[i+1] == '\n' || text[i+1] == '\r':
					quoted = false
				}
			}
			continue
		}
		switch {
		case c == '"' && start:
			quoted, start = true, false
		case c == d:
			if fields++; fields > limit {
				return row, false
			}
			start = true
		case c == '\n':
			fields, start = 1, true
			row++
		default:
			start = false
		}
	}
	return 0, true
}

// trimRow drops trailing empty cells, as a workbook does not store them.
func trimRow(r []string) []string {
	n := len(r)
	for n > 0 && strings.TrimSpace(r[n-1]) == "" {
		n--
	}
	if n == 0 {
		return nil
	}
	return r[:n:n]
}

func trimRows(rows [][]string) [][]string {
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows
}
