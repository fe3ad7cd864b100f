// Package xlsbiff reads the cell values of legacy Excel 97–2003 (BIFF8)
// workbooks, the .xls files older finance software still writes, into
// sheets of text cells and merged ranges, for the importers to read like
// any other sheet. It is pure: no SQL, no GUI.
package xlsbiff

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"unicode/utf16"

	"github.com/richardlehane/mscfb"

	"github.com/budgetperf/budgetperf/internal/workbook/textsheet"
)

// Read reads the cell values of a legacy Excel 97–2003 (BIFF8) workbook
// into sheets: numbers as raw values (like excelize's RawCellValue), shared
// and inline strings, cached formula results and merged ranges. Anything it
// does not understand is an error, and the caller then refuses the file with
// the conversion advice.
func Read(path string) (gs []textsheet.Sheet, err error) {
	defer func() {
		if r := recover(); r != nil {
			gs, err = nil, fmt.Errorf("malformed .xls: %v", r)
		}
	}()
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	doc, err := mscfb.New(fh)
	if err != nil {
		return nil, err
	}
	var stream []byte
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		if e.Name == "Workbook" {
			if e.Size > 256<<20 {
				return nil, errors.New("workbook stream too large")
			}
			stream, err = io.ReadAll(e)
			if err != nil {
				return nil, err
			}
			break
		}
	}
	if stream == nil {
		return nil, errors.New("no BIFF8 Workbook stream (encrypted, or older than Excel 97)")
	}
	return parseBIFF(stream)
}

type biffRecord struct {
	typ  uint16
	data []byte
}

func biffRecords(b []byte, off int) []biffRecord {
	var out []biffRecord
	for off+4 <= len(b) {
		typ := binary.LittleEndian.Uint16(b[off:])
		n := int(binary.LittleEndian.Uint16(b[off+2:]))
		if off+4+n > len(b) {
			break
		}
		out = append(out, biffRecord{typ, b[off+4 : off+4+n]})
		off += 4 + n
		if typ == 0x000A { // EOF of this substream
			break
		}
	}
	return out
}

const (
	biffBOF         = 0x0809
	biffBoundSheet  = 0x0085
	biffSST         = 0x00FC
	biffContinue    = 0x003C
	biffFilePass    = 0x002F
	biffNumber      = 0x0203
	biffRK          = 0x027E
	biffMulRK       = 0x00BD
	biffLabelSST    = 0x00FD
	biffLabel       = 0x0204
	biffFormula     = 0x0006
	biffString      = 0x0207
	biffBoolErr     = 0x0205
	biffMergedCells = 0x00E5
)

func parseBIFF(b []byte) ([]textsheet.Sheet, error) {
	globals := biffRecords(b, 0)
	if len(globals) == 0 || globals[0].typ != biffBOF || len(globals[0].data) < 4 ||
		binary.LittleEndian.Uint16(globals[0].data) != 0x0600 {
		return nil, errors.New("not a BIFF8 workbook")
	}
	type sheetInfo struct {
		name string
		pos  int
	}
	var sheets []sheetInfo
	var sst []string
	for i := 0; i < len(globals); i++ {
		r := globals[i]
		switch r.typ {
		case biffFilePass:
			return nil, errors.New("the workbook is encrypted")
		case biffBoundSheet:
			if len(r.data) < 8 {
				return nil, errors.New("short BOUNDSHEET")
			}
			pos := int(binary.LittleEndian.Uint32(r.data))
			if r.data[5] != 0 { // not a worksheet (chart, macro)
				continue
			}
			cr := &chunkReader{chunks: [][]byte{r.data[6:]}}
			n := int(cr.u8())
			name := cr.chars(n)
			sheets = append(sheets, sheetInfo{name, pos})
		case biffSST:
			chunks := [][]byte{r.data}
			for i+1 < len(globals) && globals[i+1].typ == biffContinue {
				i++
				chunks = append(chunks, globals[i].data)
			}
			cr := &chunkReader{chunks: chunks}
			cr.u32()
			unique := int(cr.u32())
			for k := 0; k < unique && !cr.eof(); k++ {
				sst = append(sst, cr.unicodeString16())
			}
		}
	}
	var out []textsheet.Sheet
	for _, s := range sheets {
		if s.pos <= 0 || s.pos >= len(b) {
			return nil, fmt.Errorf("sheet %s: bad offset", s.name)
		}
		g, err := parseBIFFSheet(s.name, b, s.pos, sst)
		if err != nil {
			return nil, err
		}
		out = append(out, *g)
	}
	return out, nil
}

func parseBIFFSheet(name string, b []byte, pos int, sst []string) (*textsheet.Sheet, error) {
	s := &biffSheet{g: &textsheet.Sheet{Name: name}, sst: sst}
	recs := biffRecords(b, pos)
	for i, r := range recs {
		var next *biffRecord
		if i+1 < len(recs) {
			next = &recs[i+1]
		}
		s.record(r, next)
	}
	g := s.g
	for len(g.Rows) > 0 && len(g.Rows[len(g.Rows)-1]) == 0 {
		g.Rows = g.Rows[:len(g.Rows)-1]
	}
	return g, nil
}

// biffSheet is a worksheet being read from its records, a method per
// kind of cell record; sst is the workbook's shared strings.
type biffSheet struct {
	g   *textsheet.Sheet
	sst []string
}

var biffU16 = binary.LittleEndian.Uint16

// set writes v at row r, column c, growing the grid.
func (s *biffSheet) set(r, c int, v string) {
	if r >= 65536 || c >= 256 { // beyond the .xls format: a damaged record
		return
	}
	g := s.g
	for len(g.Rows) <= r {
		g.Rows = append(g.Rows, nil)
	}
	for len(g.Rows[r]) <= c {
		g.Rows[r] = append(g.Rows[r], "")
	}
	g.Rows[r][c] = v
}

// record reads one record of the sheet's stream; next is the record after
// it (nil at the end), where a string formula keeps its result.
func (s *biffSheet) record(r biffRecord, next *biffRecord) {
	d := r.data
	switch r.typ {
	case biffNumber:
		s.number(d)
	case biffRK:
		s.rk(d)
	case biffMulRK:
		s.mulRK(d)
	case biffLabelSST:
		s.labelSST(d)
	case biffLabel:
		s.label(d)
	case biffBoolErr:
		s.boolErr(d)
	case biffFormula:
		s.formula(d, next)
	case biffMergedCells:
		s.mergedCells(d)
	}
}

// number is a NUMBER record: a cell's 8-byte float.
func (s *biffSheet) number(d []byte) {
	if len(d) >= 14 {
		s.set(int(biffU16(d)), int(biffU16(d[2:])), fmtNumber(math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
	}
}

// rk is an RK record: a cell's number in the compressed RK form.
func (s *biffSheet) rk(d []byte) {
	if len(d) >= 10 {
		s.set(int(biffU16(d)), int(biffU16(d[2:])), fmtNumber(rkValue(binary.LittleEndian.Uint32(d[6:]))))
	}
}

// mulRK is a MULRK record: RK numbers of consecutive cells of a row.
func (s *biffSheet) mulRK(d []byte) {
	if len(d) < 6 {
		return
	}
	row, col := int(biffU16(d)), int(biffU16(d[2:]))
	for off := 4; off+6 <= len(d)-2; off += 6 {
		s.set(row, col, fmtNumber(rkValue(binary.LittleEndian.Uint32(d[off+2:]))))
		col++
	}
}

// labelSST is a LABELSST record: a cell's text from the shared strings.
func (s *biffSheet) labelSST(d []byte) {
	if len(d) >= 10 {
		k := int(binary.LittleEndian.Uint32(d[6:]))
		if k < len(s.sst) {
			s.set(int(biffU16(d)), int(biffU16(d[2:])), s.sst[k])
		}
	}
}

// label is a LABEL record: a cell's text in the record itself.
func (s *biffSheet) label(d []byte) {
	if len(d) >= 8 {
		cr := &chunkReader{chunks: [][]byte{d[6:]}}
		s.set(int(biffU16(d)), int(biffU16(d[2:])), cr.unicodeString16())
	}
}

// boolErr is a BOOLERR record: a cell's TRUE/FALSE or error.
func (s *biffSheet) boolErr(d []byte) {
	if len(d) >= 8 {
		v := "#ERROR!"
		if d[7] == 0 {
			v = map[bool]string{true: "TRUE", false: "FALSE"}[d[6] != 0]
		}
		s.set(int(biffU16(d)), int(biffU16(d[2:])), v)
	}
}

// formula is a FORMULA record: its cached result, a number, a boolean,
// an error, or a string held in the STRING record that follows.
func (s *biffSheet) formula(d []byte, next *biffRecord) {
	if len(d) < 14 {
		return
	}
	row, col := int(biffU16(d)), int(biffU16(d[2:]))
	res := d[6:14]
	if biffU16(res[6:]) != 0xFFFF {
		s.set(row, col, fmtNumber(math.Float64frombits(binary.LittleEndian.Uint64(res))))
		return
	}
	switch res[0] {
	case 0: // string: the next STRING record
		if next != nil && next.typ == biffString {
			cr := &chunkReader{chunks: [][]byte{next.data}}
			s.set(row, col, cr.unicodeString16())
		}
	case 1:
		s.set(row, col, map[bool]string{true: "TRUE", false: "FALSE"}[res[2] != 0])
	case 2:
		s.set(row, col, "#ERROR!")
	}
}

// mergedCells is a MERGEDCELLS record: the merged ranges it lists.
func (s *biffSheet) mergedCells(d []byte) {
	if len(d) < 2 {
		return
	}
	n := int(biffU16(d))
	for k := 0; k < n && 2+8*k+8 <= len(d); k++ {
		m := d[2+8*k:]
		s.g.Merges = append(s.g.Merges, textsheet.Merge{R0: int(biffU16(m)), C0: int(biffU16(m[4:])), R1: int(biffU16(m[2:])), C1: int(biffU16(m[6:]))})
	}
}

// fmtNumber writes a cell number as Excel shows its raw value: at most 15
// significant digits, so 0.1+0.2 reads back as 0.3.
func fmtNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "#NUM!"
	}
	return strconv.FormatFloat(v, 'g', 15, 64)
}

func rkValue(rk uint32) float64 {
	var v float64
	if rk&2 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&1 != 0 {
		v /= 100
	}
	return v
}

// chunkReader reads a record continued over CONTINUE records; a string's
// characters that cross into a new chunk are preceded by a new flags byte.
type chunkReader struct {
	chunks  [][]byte
	ci, off int
}

func (c *chunkReader) eof() bool {
	for c.ci < len(c.chunks) && c.off >= len(c.chunks[c.ci]) {
		c.ci++
		c.off = 0
	}
	return c.ci >= len(c.chunks)
}

func (c *chunkReader) u8() byte {
	if c.eof() {
		panic("record too short")
	}
	v := c.chunks[c.ci][c.off]
	c.off++
	return v
}

func (c *chunkReader) u16() uint16 { return uint16(c.u8()) | uint16(c.u8())<<8 }
func (c *chunkReader) u32() uint32 { return uint32(c.u16()) | uint32(c.u16())<<16 }

func (c *chunkReader) skip(n int) {
	for ; n > 0; n-- {
		c.u8()
	}
}

// charsFlag reads n characters, compressed (one byte each) or UTF-16.
func (c *chunkReader) charsFlag(n int, high bool) string {
	u := make([]uint16, 0, n)
	for k := 0; k < n; k++ {
		if c.off >= len(c.chunks[c.ci]) {
			// Continued: a new flags byte starts the next chunk.
			c.ci++
			c.off = 0
			if c.ci >= len(c.chunks) {
				panic("string crosses the end of the record")
			}
			high = c.u8()&1 != 0
		}
		if high {
			u = append(u, c.u16())
		} else {
			u = append(u, uint16(c.u8()))
		}
	}
	return string(utf16.Decode(u))
}

// chars reads a ShortXLUnicodeString body after its length byte.
func (c *chunkReader) chars(n int) string {
	flags := c.u8()
	return c.charsFlag(n, flags&1 != 0)
}

// unicodeString16 reads an XLUnicodeRichExtendedString with a 16-bit length.
func (c *chunkReader) unicodeString16() string {
	n := int(c.u16())
	flags := c.u8()
	runs, ext := 0, 0
	if flags&8 != 0 {
		runs = int(c.u16())
	}
	if flags&4 != 0 {
		ext = int(c.u32())
	}
	s := c.charsFlag(n, flags&1 != 0)
	c.skip(4*runs + ext)
	return s
}
