// Package textsheet reads the "Excel exports" that finance and hospital
// systems actually write — CSV or tab-separated text (UTF-8, GBK/GB18030,
// UTF-16) and HTML tables saved under an .xls name — into sheets of rows of
// strings with merged ranges, like a workbook. Cells keep their text exactly
// (never through float): the importer parses the amounts. It is pure: no
// SQL and no GUI. Problems are domain problems naming the file or sheet.
package textsheet

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Limits that bound memory; a file beyond one is refused, never cut short.
const (
	MaxBytes  = 200 << 20 // a text export larger than this is refused
	MaxRows   = 1 << 20   // Excel's row limit
	MaxCols   = 1 << 14   // Excel's column limit
	MaxCells  = 1 << 25   // cells kept in all sheets (about 1M rows × 32 columns)
	MaxMerges = 1 << 20   // merged ranges (colspan/rowspan cells) in all tables; they cover at most MaxCells
)

// Kind is what a file's first bytes say it is.
type Kind int

// Kinds of content.
const (
	Unknown Kind = iota
	CSV          // comma, tab or semicolon separated text
	HTML         // an HTML page with tables
)

// Merge is a merged range, 0-based and inclusive.
type Merge struct{ R0, C0, R1, C1 int }

// Sheet is one CSV file or one HTML table.
type Sheet struct {
	Name   string
	Rows   [][]string // trailing empty cells and rows trimmed
	Merges []Merge
}

// Book is what a text file holds.
type Book struct {
	Kind     Kind
	Encoding string // the encoding the text was read in: utf-8, gb18030, utf-16le, utf-16be
	Sheets   []Sheet
}

// ErrUnknown is returned for content that is neither text nor HTML; the
// caller refuses it as it refuses any other unknown file.
var ErrUnknown = errors.New("textsheet: not a text or HTML table file")

// ReadFile reads the CSV or HTML file at path. encoding overrides detection
// when not "" (see Encodings). A file over MaxBytes is refused by its size
// before it is read.
func ReadFile(path, encoding string) (*Book, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	base := filepath.Base(path)
	if fi, err := fh.Stat(); err == nil && fi.Size() > MaxBytes {
		return nil, tooLarge(base, fi.Size())
	}
	// Sniff first, so that binary content (or /dev/zero) is refused
	// without being read; then read one byte past the limit, as a device
	// or pipe has no size to stat.
	head := make([]byte, 8192)
	n, err := io.ReadFull(fh, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, err
	}
	if Sniff(head[:n]) == Unknown {
		return nil, ErrUnknown
	}
	rest, err := io.ReadAll(io.LimitReader(fh, MaxBytes+1-int64(n)))
	if err != nil {
		return nil, err
	}
	data := append(head[:n], rest...)
	if len(data) > MaxBytes {
		return nil, tooLarge(base, int64(len(data)))
	}
	return Parse(data, base, encoding)
}

// Parse reads data, the content of a file named name. The CSV sheet is
// named after the file without its extension.
func Parse(data []byte, name, encoding string) (*Book, error) {
	kind := Sniff(data)
	if kind == Unknown {
		return nil, ErrUnknown
	}
	text, used, err := decode(data, encoding, kind == HTML, name)
	if err != nil {
		return nil, err
	}
	book := &Book{Kind: kind, Encoding: used}
	if kind == HTML {
		book.Sheets, err = readHTML(text, name)
	} else {
		var s Sheet
		s, err = readCSV(text, strings.TrimSuffix(name, filepath.Ext(name)))
		book.Sheets = []Sheet{s}
	}
	if err != nil {
		return nil, err
	}
	return book, nil
}

// htmlStarts are how the HTML exports of HIS and finance software begin.
var htmlStarts = []string{"<html", "<table", "<!doctype html", "<head", "<meta", "<body", "<style", "<title", "<!--"}

// Sniff tells from the first bytes (a few KB are enough) what data is.
func Sniff(data []byte) Kind {
	head := data[:min(len(data), 8192)]
	enc, n := bomOf(head)
	body := head[n:]
	if strings.HasPrefix(enc, "utf-16") {
		body = []byte(decodeUTF16(body[:len(body)&^1], enc))
	}
	t := bytes.TrimLeft(body, " \t\r\n\f")
	lower := bytes.ToLower(t[:min(len(t), 1024)])
	for _, p := range htmlStarts {
		if bytes.HasPrefix(lower, []byte(p)) {
			return HTML
		}
	}
	if bytes.HasPrefix(lower, []byte("<?xml")) {
		// XHTML is HTML; an Excel 2003 XML workbook or any other XML is not.
		if bytes.Contains(bytes.ToLower(t), []byte("<html")) {
			return HTML
		}
		return Unknown
	}
	if len(t) == 0 || bytes.HasPrefix(t, []byte("%PDF")) || !looksText(body) {
		return Unknown
	}
	return CSV
}

// looksText reports whether b is text: no NUL, and control characters
// (other than tab, line and form feeds) rare, as they are in no export.
func looksText(b []byte) bool {
	ctl := 0
	for _, c := range b {
		switch {
		case c == 0:
			return false
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1a, c == 0x7f:
			ctl++
		}
	}
	return ctl*100 <= len(b)
}

func tooLarge(file string, size int64) error {
	return domain.Problems{domain.NewProblem("import.text_too_large",
		"{{.File}} is {{.MB}} MB, more than the {{.Limit}} MB a CSV or HTML export may have: export it in parts (by month or by department) and import each.",
		"File", file, "MB", (size+(1<<20)-1)>>20, "Limit", MaxBytes>>20)}
}

// tooManyRows refuses a sheet longer than Excel's row limit.
func tooManyRows(sheet string) error {
	return domain.Problems{domain.NewProblem("import.text_too_many_rows",
		"Sheet {{.Sheet}} has more than {{.Limit}} rows, more than a workbook can hold: export it in parts and import each.",
		"Sheet", sheet, "Limit", MaxRows)}
}

// tooManyCols refuses a row wider than Excel's column limit.
func tooManyCols(sheet string, row int) error {
	return domain.Problems{domain.NewProblem("import.text_too_many_columns",
		"Sheet {{.Sheet}}, row {{.Row}} has more than {{.Limit}} columns, more than a workbook can hold: check that this is a table export.",
		"Sheet", sheet, "Row", row, "Limit", MaxCols)}
}

// tooManyCells refuses a file whose cells would not fit in memory.
func tooManyCells(sheet string) error {
	return domain.Problems{domain.NewProblem("import.text_too_many_cells",
		"Sheet {{.Sheet}} has more than {{.Limit}} cells, more than can be read at once: export it in parts and import each.",
		"Sheet", sheet, "Limit", MaxCells)}
}

// tooManyMerges refuses a table with more merged cells than can be indexed.
func tooManyMerges(sheet string) error {
	return domain.Problems{domain.NewProblem("import.text_too_many_merges",
		"Sheet {{.Sheet}} has more than {{.Limit}} merged cells (colspan/rowspan), more than can be read at once: export it in parts and import each.",
		"Sheet", sheet, "Limit", MaxMerges)}
}
