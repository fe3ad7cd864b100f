package xlsximport

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// sheetStream reads the rows of one worksheet straight from the package's
// XML with raw tokens. excelize decodes every cell through reflection, which
// is most of the time a million-line ledger takes; the values returned here
// are the same raw values (shared strings resolved, numbers as written).
// Rows absent from the file come back empty, so row numbers stay true.
type sheetStream struct {
	zr      *zip.ReadCloser
	rc      io.ReadCloser
	dec     *xml.Decoder
	sst     []string
	row     int      // 1-based number of the row Columns returns
	next    []string // the row read ahead, numbered nextRow
	nextRow int
	cols    []string
	done    bool
	err     error
}

var errNoSheet = errors.New("sheet not found in the workbook package")

// openSheetStream opens the worksheet called name in the .xlsx at file.
func openSheetStream(file, name string) (*sheetStream, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	s := &sheetStream{zr: zr}
	part, err := s.sheetPart(name)
	if err == nil {
		s.sst, err = s.sharedStrings()
	}
	if err == nil {
		s.rc, err = s.open(part)
	}
	if err != nil {
		zr.Close()
		return nil, err
	}
	s.dec = xml.NewDecoder(s.rc)
	return s, nil
}

func (s *sheetStream) open(name string) (io.ReadCloser, error) {
	for _, f := range s.zr.File {
		if strings.EqualFold(f.Name, name) {
			return f.Open()
		}
	}
	return nil, errNoSheet
}

// sheetPart finds the XML part of sheet name through workbook.xml and its relationships.
func (s *sheetStream) sheetPart(name string) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := s.decodePart("xl/workbook.xml", &wb); err != nil {
		return "", err
	}
	if err := s.decodePart("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", err
	}
	for _, sh := range wb.Sheets {
		if sh.Name != name {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == sh.RID {
				if strings.HasPrefix(r.Target, "/") {
					return strings.TrimPrefix(r.Target, "/"), nil
				}
				return path.Join("xl", r.Target), nil
			}
		}
	}
	return "", errNoSheet
}

func (s *sheetStream) decodePart(name string, v any) error {
	rc, err := s.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return xml.NewDecoder(rc).Decode(v)
}

// sharedStrings reads the shared-string table: the text of each <si>, its
// runs joined, phonetic hints (<rPh>) left out.
func (s *sheetStream) sharedStrings() ([]string, error) {
	rc, err := s.open("xl/sharedStrings.xml")
	if errors.Is(err, errNoSheet) {
		return nil, nil // a workbook without shared strings
	}
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	var out []string
	var b strings.Builder
	inT, inPh := false, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				b.Reset()
			case "t":
				inT = inPh == 0
			case "rPh":
				inPh++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				out = append(out, b.String())
			case "t":
				inT = false
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if inT {
				b.Write(t)
			}
		}
	}
}

// Next moves to the next row; false at the end or on an error.
func (s *sheetStream) Next() bool {
	if s.err != nil {
		return false
	}
	s.row++
	if s.next == nil && !s.done {
		s.next, s.nextRow, s.err = s.readRow()
		if s.err != nil {
			return false
		}
		if s.next == nil {
			s.done = true
		}
	}
	if s.next == nil {
		return false
	}
	if s.nextRow > s.row { // a row the file leaves out
		s.cols = nil
		return true
	}
	s.cols, s.next = s.next, nil
	return true
}

// Columns is the current row's raw values, by column position.
func (s *sheetStream) Columns() []string { return s.cols }

// Error is the first error met.
func (s *sheetStream) Error() error { return s.err }

// Close releases the file.
func (s *sheetStream) Close() {
	if s.rc != nil {
		s.rc.Close()
	}
	s.zr.Close()
}

// readRow reads the next <row> element; cols is nil at the end of the sheet.
func (s *sheetStream) readRow() (cols []string, num int, err error) {
	var (
		inRow        bool
		col          = -1
		typ          string
		val          strings.Builder
		inV, inInlin bool
	)
	for {
		tok, err := s.dec.RawToken()
		if err == io.EOF {
			return nil, 0, nil
		}
		if err != nil {
			return nil, 0, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				inRow, num, cols = true, s.row, make([]string, 0, 16)
				for _, a := range t.Attr {
					if a.Name.Local == "r" {
						if n, err := strconv.Atoi(a.Value); err == nil {
							num = n
						}
					}
				}
				if num < s.row {
					num = s.row
				}
			case "c":
				col++
				typ = ""
				val.Reset()
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "r":
						if c, ok := columnOf(a.Value); ok {
							col = c
						}
					case "t":
						typ = a.Value
					}
				}
			case "v":
				inV = true
			case "is":
				inInlin = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v":
				inV = false
			case "is":
				inInlin = false
			case "c":
				v := val.String()
				if typ == "s" {
					if i, err := strconv.Atoi(v); err == nil && i >= 0 && i < len(s.sst) {
						v = s.sst[i]
					}
				}
				for len(cols) < col {
					cols = append(cols, "")
				}
				if col >= 0 {
					cols = append(cols[:col], v)
				}
			case "row":
				if inRow {
					for len(cols) > 0 && cols[len(cols)-1] == "" {
						cols = cols[:len(cols)-1]
					}
					return cols, num, nil
				}
			}
		case xml.CharData:
			if inV || inInlin {
				val.Write(t)
			}
		}
	}
}

// columnOf turns the letters of a cell reference ("AB12") into a 0-based column.
func columnOf(ref string) (int, bool) {
	c := 0
	i := 0
	for ; i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z'; i++ {
		c = c*26 + int(ref[i]-'A'+1)
	}
	return c - 1, i > 0
}
