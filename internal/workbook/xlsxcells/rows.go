package xlsxcells

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Rows streams the rows of one worksheet. Rows absent from the file come
// back empty, so row numbers stay true. After Next returns false, Merges
// holds the sheet's merged ranges (they follow the cells in the XML).
type Rows struct {
	b        *Book
	rc       io.ReadCloser
	dec      *xml.Decoder
	row      int // 1-based number of the current row
	next     rowBuf
	nextRow  int
	havePend bool
	cur      rowBuf
	done     bool
	err      error
	merges   []Range
	nMerges  int // merged ranges in the sheet, kept or not
	MaxMerge int // merged ranges kept (0: 1<<20); NMerges counts them all
}

type rowBuf struct {
	cols []string
	spec []Special
}

// Rows opens the worksheet called name.
func (b *Book) Rows(name string) (*Rows, error) {
	part, ok := b.parts[name]
	if !ok {
		return nil, fmt.Errorf("sheet %q: %w", name, ErrNoPart)
	}
	rc, err := b.open(part)
	if err != nil {
		return nil, err
	}
	return &Rows{b: b, rc: rc, dec: xml.NewDecoder(rc)}, nil
}

// Next moves to the next row; false at the end or on an error.
func (s *Rows) Next() bool {
	if s.err != nil {
		return false
	}
	s.row++
	if !s.havePend && !s.done {
		s.next, s.nextRow, s.havePend, s.err = s.readRow()
		if s.err != nil {
			return false
		}
		s.done = !s.havePend
	}
	if !s.havePend {
		return false
	}
	if s.nextRow > s.row { // a row the file leaves out
		s.cur = rowBuf{}
		return true
	}
	s.cur, s.next, s.havePend = s.next, rowBuf{}, false
	return true
}

// Row is the 1-based number of the current row.
func (s *Rows) Row() int { return s.row }

// Columns is the current row's text by column position, trailing blanks
// trimmed; the caller may keep it.
func (s *Rows) Columns() []string { return s.cur.cols }

// Specials lists the current row's cells that are not Plain, by column.
func (s *Rows) Specials() []Special { return s.cur.spec }

// Err is the first error met.
func (s *Rows) Err() error { return s.err }

// Merges are the merged ranges, complete once Next has returned false.
func (s *Rows) Merges() []Range { return s.merges }

// NMerges counts every merged range met, including those beyond MaxMerge.
func (s *Rows) NMerges() int { return s.nMerges }

// Close releases the part.
func (s *Rows) Close() { s.rc.Close() }

// cellState is the cell being read.
type cellState struct {
	col            int
	typ, style     string
	val            strings.Builder
	inV, inIs, inT bool
	formula        bool
	inRPh          int
}

// readRow reads the next <row>; ok is false at the end of the sheet data.
func (s *Rows) readRow() (rb rowBuf, num int, ok bool, err error) {
	var c cellState
	inRow := false
	for {
		tok, err := s.dec.RawToken()
		if err == io.EOF {
			return rowBuf{}, 0, false, nil
		}
		if err != nil {
			return rowBuf{}, 0, false, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if num, err = s.rowNumber(t); err != nil {
					return rowBuf{}, 0, false, err
				}
				inRow, c.col, rb = true, -1, rowBuf{cols: make([]string, 0, 16)}
			case "c":
				if err := c.start(t); err != nil {
					return rowBuf{}, 0, false, fmt.Errorf("row %d: %w", num, err)
				}
			case "v":
				c.inV = true
			case "is":
				c.inIs = true
			case "t":
				c.inT = true
			case "rPh":
				c.inRPh++
			case "f":
				c.formula = true
			case "mergeCell":
				s.addMerge(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				c.inV = false
			case "is":
				c.inIs = false
			case "t":
				c.inT = false
			case "rPh":
				c.inRPh--
			case "c":
				s.endCell(&c, &rb)
			case "row":
				if inRow {
					for len(rb.cols) > 0 && rb.cols[len(rb.cols)-1] == "" {
						rb.cols = rb.cols[:len(rb.cols)-1]
					}
					return rb, num, true, nil
				}
			}
		case xml.CharData:
			if c.inV || c.inIs && c.inT && c.inRPh == 0 {
				c.val.Write(t)
			}
		}
	}
}

// rowNumber reads a row's r attribute; a row without one follows the last.
func (s *Rows) rowNumber(t xml.StartElement) (int, error) {
	num := s.row
	if v := attr(t, "r"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxRows {
			return 0, fmt.Errorf("row number %q is not between 1 and %d", v, MaxRows)
		}
		num = max(n, s.row) // rows out of order: keep going forward
	}
	return num, nil
}

// start begins a <c>; a cell without r follows the previous one.
func (c *cellState) start(t xml.StartElement) error {
	c.col++
	c.typ, c.style = "", ""
	c.val.Reset()
	c.inV, c.inIs, c.inT, c.formula, c.inRPh = false, false, false, false, 0
	for _, a := range t.Attr {
		switch a.Name.Local {
		case "r":
			col, ok := ColumnOf(a.Value)
			if !ok {
				return fmt.Errorf("cell reference %q is not a cell of a sheet (A1 to XFD%d)", a.Value, MaxRows)
			}
			c.col = col
		case "t":
			c.typ = a.Value
		case "s":
			c.style = a.Value
		}
	}
	if c.col >= MaxCols {
		return fmt.Errorf("a cell lies beyond column XFD, the last a sheet can have")
	}
	return nil
}

// endCell stores the cell's text and kind in the row.
func (s *Rows) endCell(c *cellState, rb *rowBuf) {
	v := c.val.String()
	kind, ref := Plain, 0
	switch c.typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		switch {
		case v == "":
		case err == nil && i >= 0 && i < len(s.b.sst):
			v = s.b.sst[i]
		default:
			kind, ref, v = BadString, i, ""
			if err != nil {
				ref = -1
			}
		}
	case "b":
		if v != "" {
			kind = Bool
			if t := strings.TrimSpace(v); t == "1" || strings.EqualFold(t, "true") {
				v = "TRUE"
			} else {
				v = "FALSE"
			}
		}
	case "e":
		kind = Error
	case "str", "inlineStr":
	default: // a number
		if v != "" && c.style != "" {
			if i := atoi(c.style); i >= 0 && i < len(s.b.xfKind) {
				kind = s.b.xfKind[i]
			}
		}
	}
	if v == "" && c.formula && kind == Plain {
		kind = NoValue
	}
	for len(rb.cols) < c.col {
		rb.cols = append(rb.cols, "")
	}
	if c.col >= 0 {
		rb.cols = append(rb.cols[:c.col], v)
	}
	if kind != Plain && c.col >= 0 {
		rb.spec = append(rb.spec, Special{Col: c.col, Kind: kind, Ref: ref})
	}
}

// addMerge records <mergeCell ref="A1:B2">; a reference that is not a
// range is ignored, as spreadsheet programs do.
func (s *Rows) addMerge(t xml.StartElement) {
	s.nMerges++
	limit := s.MaxMerge
	if limit == 0 {
		limit = 1 << 20
	}
	if len(s.merges) >= limit {
		return
	}
	a, b, ok := strings.Cut(attr(t, "ref"), ":")
	if !ok {
		return
	}
	c0, r0, ok0 := CellOf(a)
	c1, r1, ok1 := CellOf(b)
	if !ok0 || !ok1 {
		return
	}
	if r1 < r0 {
		r0, r1 = r1, r0
	}
	if c1 < c0 {
		c0, c1 = c1, c0
	}
	s.merges = append(s.merges, Range{r0, c0, r1, c1})
}

// ColumnOf turns the letters of a cell reference ("AB12", "$AB$12") into a
// 0-based column; ok is false when there are none or beyond XFD.
func ColumnOf(ref string) (int, bool) {
	c, i := 0, 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start := i
	for ; i < len(ref); i++ {
		ch := ref[i]
		if ch >= 'a' && ch <= 'z' {
			ch -= 'a' - 'A'
		}
		if ch < 'A' || ch > 'Z' {
			break
		}
		if c = c*26 + int(ch-'A'+1); c > MaxCols {
			return 0, false
		}
	}
	return c - 1, i > start
}

// CellOf reads an A1 reference as a 0-based column and row.
func CellOf(ref string) (col, row int, ok bool) {
	col, ok = ColumnOf(ref)
	if !ok {
		return 0, 0, false
	}
	i := strings.IndexAny(ref, "0123456789")
	if i < 0 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil || n < 1 || n > MaxRows {
		return 0, 0, false
	}
	return col, n - 1, true
}
