// Package xlsxcells reads the cells of an .xlsx package straight from its
// XML, row by row, with what the spreadsheet shows about each cell: a
// boolean, an error value, a shared string that is missing, a number
// formatted as a date or a percentage, a formula without a saved value.
// excelize's raw values lose exactly those (TRUE is "1", a bad shared
// string is blank), and decoding every cell through reflection is most of
// the time a large sheet takes. Transitional and strict OOXML both read.
package xlsxcells

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
)

// Kind is what a cell holds beyond its text.
type Kind uint8

const (
	Plain     Kind = iota
	Bool           // t="b": the text is TRUE or FALSE
	Error          // t="e": the text is the error value (#DIV/0!)
	BadString      // t="s" whose index is not in the shared-string table: the text is ""
	Date           // a number shown with a date or time format: the text is the serial
	Percent        // a number shown as a percentage: the text is the fraction
	NoValue        // a formula whose value was never saved: the text is ""
)

// Special is a cell of a row that is not Plain.
type Special struct {
	Col  int // 0-based
	Kind Kind
	Ref  int // BadString: the shared-string index the cell refers to
}

// Range is a merged range, 0-based and inclusive.
type Range struct{ R0, C0, R1, C1 int }

// Excel's limits: a reference beyond them is a damaged file.
const (
	MaxRows = 1048576
	MaxCols = 16384
)

// ErrNoPart is returned when a part the workbook names is not in the package.
var ErrNoPart = errors.New("part missing from the workbook package")

// Book is an open .xlsx package.
type Book struct {
	zr       *zip.ReadCloser
	files    map[string]*zip.File // lower-cased part name → file
	names    []string
	parts    map[string]string // sheet name → part name
	sst      []string
	xfKind   []Kind // per cellXfs index: Date, Percent or Plain
	Date1904 bool   // serial dates count from 1904-01-01 (workbookPr date1904)
}

// Open reads the workbook's sheet list, shared strings and styles.
func Open(file string) (*Book, error) {
	zr, err := zip.OpenReader(file)
	if err != nil {
		return nil, err
	}
	b := &Book{zr: zr, files: map[string]*zip.File{}, parts: map[string]string{}}
	for _, f := range zr.File {
		b.files[strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))] = f
	}
	wb := b.workbookPart()
	if err = b.readWorkbook(wb); err == nil {
		err = b.readSharedStrings(wb)
	}
	if err == nil {
		err = b.readStyles(wb)
	}
	if err != nil {
		zr.Close()
		return nil, err
	}
	return b, nil
}

// Close releases the file.
func (b *Book) Close() error { return b.zr.Close() }

// SheetNames lists the worksheets in workbook order.
func (b *Book) SheetNames() []string { return b.names }

func (b *Book) open(name string) (io.ReadCloser, error) {
	f, ok := b.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, ErrNoPart
	}
	return f.Open()
}

// relsOf reads the relationships of a part: Id → (Type, target part name).
func (b *Book) relsOf(part string) map[string][2]string {
	dir, base := path.Split(part)
	out := map[string][2]string{}
	_ = b.scan(dir+"_rels/"+base+".rels", func(t xml.StartElement) {
		if t.Name.Local != "Relationship" {
			return
		}
		var id, typ, target, mode string
		for _, a := range t.Attr {
			switch a.Name.Local {
			case "Id":
				id = a.Value
			case "Type":
				typ = a.Value
			case "Target":
				target = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if mode == "External" {
			return
		}
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(dir, target)
		}
		out[id] = [2]string{typ, target}
	})
	return out
}

// workbookPart is the main part named by the package relationships.
func (b *Book) workbookPart() string {
	for _, r := range b.relsOf("") {
		if strings.HasSuffix(r[0], "/officeDocument") {
			return r[1]
		}
	}
	return "xl/workbook.xml"
}

// scan calls fn for every start element of a part.
func (b *Book) scan(part string, fn func(xml.StartElement)) error {
	rc, err := b.open(part)
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if t, ok := tok.(xml.StartElement); ok {
			fn(t)
		}
	}
}

func (b *Book) readWorkbook(wb string) error {
	rels := b.relsOf(wb)
	err := b.scan(wb, func(t xml.StartElement) {
		switch t.Name.Local {
		case "workbookPr":
			for _, a := range t.Attr {
				if a.Name.Local == "date1904" {
					b.Date1904 = a.Value == "1" || strings.EqualFold(a.Value, "true")
				}
			}
		case "sheet":
			var name, rid string
			for _, a := range t.Attr {
				switch {
				case a.Name.Local == "name":
					name = a.Value
				case a.Name.Local == "id" && a.Name.Space != "":
					rid = a.Value // r:id, whatever the prefix (strict or transitional)
				}
			}
			if r, ok := rels[rid]; ok && strings.HasSuffix(r[0], "/worksheet") {
				b.names = append(b.names, name)
				b.parts[name] = r[1]
			}
		}
	})
	return err
}

// partOfType finds the workbook's related part of a type (sharedStrings,
// styles), else the usual name.
func (b *Book) partOfType(wb, typ, usual string) string {
	for _, r := range b.relsOf(wb) {
		if strings.HasSuffix(r[0], "/"+typ) {
			return r[1]
		}
	}
	return usual
}

// readSharedStrings reads the table: the text of each <si>, its runs
// joined, phonetic hints (<rPh>) left out.
func (b *Book) readSharedStrings(wb string) error {
	rc, err := b.open(b.partOfType(wb, "sharedStrings", "xl/sharedStrings.xml"))
	if errors.Is(err, ErrNoPart) {
		return nil // a workbook without shared strings
	}
	if err != nil {
		return err
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	var sb strings.Builder
	inT, inPh := false, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				sb.Reset()
			case "t":
				inT = inPh == 0
			case "rPh":
				inPh++
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				b.sst = append(b.sst, sb.String())
			case "t":
				inT = false
			case "rPh":
				inPh--
			}
		case xml.CharData:
			if inT {
				sb.Write(t)
			}
		}
	}
}

// readStyles reads which cell formats (cellXfs) show numbers as dates or
// percentages. A damaged styles part only loses that knowledge.
func (b *Book) readStyles(wb string) error {
	custom := map[int]string{}
	var ids []int
	depth := 0 // inside <cellXfs>
	rc, err := b.open(b.partOfType(wb, "styles", "xl/styles.xml"))
	if err != nil {
		return nil
	}
	defer rc.Close()
	dec := xml.NewDecoder(rc)
	for {
		tok, err := dec.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "numFmt":
				custom[atoi(attr(t, "numFmtId"))] = attr(t, "formatCode")
			case "cellXfs":
				depth = 1
			case "xf":
				if depth == 1 {
					ids = append(ids, atoi(attr(t, "numFmtId")))
				}
			}
		case xml.EndElement:
			if t.Name.Local == "cellXfs" {
				depth = 0
			}
		}
	}
	b.xfKind = make([]Kind, len(ids))
	for i, id := range ids {
		b.xfKind[i] = formatKind(id, custom)
	}
	return nil
}

func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
