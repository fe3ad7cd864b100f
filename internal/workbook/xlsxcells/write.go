package xlsxcells

import (
	"archive/zip"
	"fmt"
	"os"
	"strings"
)

// RawBook is a workbook given as XML, for tests and benchmark files that
// need what no spreadsheet writer produces on purpose: a shared-string
// index out of range, strict namespaces, cells without references.
type RawBook struct {
	Sheets        []RawSheet
	SharedStrings []string
	Date1904      bool
	NumFmts       map[int]string // custom number formats by id
	CellXfs       []int          // number format id of each cell style (style 0 first)
	Strict        bool           // ISO/IEC 29500 strict namespaces
}

// RawSheet is a worksheet: Body is what goes inside <worksheet>
// (<sheetData>…</sheetData> and <mergeCells> after it).
type RawSheet struct {
	Name, Body string
}

// Namespaces of the two OOXML flavours.
const (
	nsMain        = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsMainStrict  = "http://purl.oclc.org/ooxml/spreadsheetml/main"
	nsRelStrict   = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	nsPackageRels = "http://schemas.openxmlformats.org/package/2006/relationships"
)

// WriteBook writes rb as an .xlsx package at path.
func WriteBook(path string, rb RawBook) error {
	main, rel := nsMain, nsRel
	if rb.Strict {
		main, rel = nsMainStrict, nsRelStrict
	}
	parts := map[string]string{}
	var sheets, rels, types strings.Builder
	for i, sh := range rb.Sheets {
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlEscape(sh.Name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, rel, i+1)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, i+1)
		parts[fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)] = fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="%s" xmlns:r="%s">%s</worksheet>`, main, rel, sh.Body)
	}
	n := len(rb.Sheets)
	fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId%d" Type="%s/styles" Target="styles.xml"/>`, n+1, rel, n+2, rel)
	pr := ""
	if rb.Date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	parts["xl/workbook.xml"] = fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s">%s<sheets>%s</sheets></workbook>`, main, rel, pr, sheets.String())
	parts["xl/_rels/workbook.xml.rels"] = fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s">%s</Relationships>`, nsPackageRels, rels.String())
	parts["_rels/.rels"] = fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>`, nsPackageRels, rel)
	parts["[Content_Types].xml"] = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` + types.String() + `</Types>`
	parts["xl/sharedStrings.xml"] = sharedStringsXML(main, rb.SharedStrings)
	parts["xl/styles.xml"] = stylesXML(main, rb.NumFmts, rb.CellXfs)
	return writeZip(path, parts)
}

func sharedStringsXML(ns string, ss []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="%s" count="%d" uniqueCount="%d">`, ns, len(ss), len(ss))
	for _, s := range ss {
		fmt.Fprintf(&b, `<si><t xml:space="preserve">%s</t></si>`, xmlEscape(s))
	}
	return b.String() + `</sst>`
}

func stylesXML(ns string, fmts map[int]string, xfs []int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="%s">`, ns)
	if len(fmts) > 0 {
		fmt.Fprintf(&b, `<numFmts count="%d">`, len(fmts))
		for id, code := range fmts {
			fmt.Fprintf(&b, `<numFmt numFmtId="%d" formatCode="%s"/>`, id, xmlEscape(code))
		}
		b.WriteString(`</numFmts>`)
	}
	b.WriteString(`<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>`)
	if len(xfs) == 0 {
		xfs = []int{0}
	}
	fmt.Fprintf(&b, `<cellXfs count="%d">`, len(xfs))
	for _, id := range xfs {
		fmt.Fprintf(&b, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, id)
	}
	return b.String() + `</cellXfs></styleSheet>`
}

func writeZip(path string, parts map[string]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"} {
		if err := addPart(zw, name, parts[name]); err != nil {
			f.Close()
			return err
		}
		delete(parts, name)
	}
	for name, body := range parts {
		if err := addPart(zw, name, body); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func addPart(zw *zip.Writer, name, body string) error {
	w, err := zw.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write([]byte(body))
	return err
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
