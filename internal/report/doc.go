package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// A4 portrait in millimetres, with room for the header and footer.
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 16.0
	marginR  = 16.0
	marginT  = 25.0
	marginB  = 20.0
	contentW = pageW - marginL - marginR
	bottom   = pageH - marginB
)

// family is the name the embedded font is registered under; fpdf names
// it "utf8"+family in the file (see subsetName).
const family = "wqymicrohei"

// fpdf cuts the font down to the glyphs used but does not give it the
// subset tag the PDF specification asks of subsets (9.6.4, "ABCDEF+"),
// so readers and pdffonts take it for the whole font. The written file
// gets the tag; both names have the same length, which keeps every byte
// offset of the cross-reference table valid.
var (
	fpdfFontName = []byte("/utf8" + family)
	subsetName   = []byte("/BPWQYA+MicroHei")
)

// Greys of the page furniture and tables: printed on office laser
// printers, so contrast comes from lightness, not hue.
var (
	ink      = [3]int{0x1a, 0x1a, 0x1a}
	muted    = [3]int{0x55, 0x55, 0x55}
	rule     = [3]int{0x99, 0x99, 0x99}
	headFill = [3]int{0xdc, 0xdc, 0xdc}
	sumFill  = [3]int{0xee, 0xee, 0xee}
)

// Meta is what the page furniture prints on every page.
type Meta struct {
	Hospital string
	Title    string
	Period   string
	// Generated is printed as the generation time.
	Generated time.Time
	// Unit is how amounts are shown: money.Yuan or money.TenThousand.
	Unit money.Unit
	Lang string
	// Trail is the audit trail's head when the report was written, printed
	// at the foot of every page: a paper copy proves the trail as it was.
	Trail string
}

// doc is one report being laid out: fpdf with the embedded font, the page
// furniture and the layout helpers the four reports share.
type doc struct {
	pdf  *fpdf.Fpdf
	meta Meta
	ctx  context.Context
	// progress is told each finished step of steps.
	progress    func(done, total int)
	done, steps int
	// pending holds the headings not drawn yet: the next ensure draws
	// them on the page where what follows them starts (keep with next).
	pending []heading
}

// heading is a deferred heading: h millimetres high, to be kept with at
// least keep millimetres of what follows it.
type heading struct {
	h, keep float64
	draw    func()
}

// pageAlias is replaced by the page count when the document is written.
const pageAlias = "{nb}"

// newDoc starts an A4 document. The font is the embedded WenQuanYi Micro
// Hei; fpdf embeds only the glyphs used (a subset), which keeps a report
// of hundreds of pages under a megabyte.
func newDoc(ctx context.Context, meta Meta, steps int, progress func(done, total int)) (*doc, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes(family, "", assets.FontRegular())
	if pdf.Err() {
		// A font fpdf cannot read only fails later, on the first text:
		// say so here, where the cause is known.
		return nil, fmt.Errorf("report: embedded font %s: %w", assets.FontName, pdf.Error())
	}
	d := &doc{pdf: pdf, meta: meta, ctx: ctx, progress: progress, steps: max(steps, 1)}
	pdf.SetMargins(marginL, marginT, marginR)
	pdf.SetAutoPageBreak(true, marginB)
	pdf.AliasNbPages(pageAlias)
	pdf.SetTitle(meta.Title, true)
	pdf.SetAuthor(meta.Hospital, true)
	pdf.SetCreator("BudgetPerf", true)
	pdf.SetSubject(meta.Period, true)
	if meta.Lang == i18n.Chinese {
		pdf.SetLang("zh-CN")
	} else {
		pdf.SetLang("en-GB")
	}
	pdf.SetCreationDate(meta.Generated)
	pdf.SetModificationDate(meta.Generated)
	pdf.SetHeaderFuncMode(d.header, false)
	pdf.SetFooterFunc(d.footer)
	pdf.AddPage()
	return d, nil
}

// header prints the hospital, the report title, the period and the
// generation time above a rule.
func (d *doc) header() {
	p := d.pdf
	d.font(9, muted)
	p.SetXY(marginL, 10)
	p.CellFormat(contentW/2, 5, d.meta.Hospital, "", 0, "L", false, 0, "")
	p.CellFormat(contentW/2, 5, d.meta.Title, "", 0, "R", false, 0, "")
	p.SetXY(marginL, 15)
	p.CellFormat(contentW/2, 5, d.meta.Period, "", 0, "L", false, 0, "")
	p.CellFormat(contentW/2, 5, i18n.T("report.generated", "Time", i18n.Time(d.meta.Generated)), "", 0, "R", false, 0, "")
	d.line(marginL, 20.5, pageW-marginR, 20.5, rule, 0.3)
	p.SetXY(marginL, marginT)
}

// footer prints the confidentiality line, "page X of Y" and the audit
// trail's head.
func (d *doc) footer() {
	p := d.pdf
	d.line(marginL, pageH-15, pageW-marginR, pageH-15, rule, 0.3)
	d.font(8, muted)
	p.SetXY(marginL, pageH-14)
	p.CellFormat(contentW*0.7, 5, i18n.T("report.confidential"), "", 0, "L", false, 0, "")
	// The page count is filled in when the file is written, so the text
	// cannot be right-aligned by fpdf: place it by the width of the
	// widest count it will likely show.
	text := i18n.T("report.page", "Page", p.PageNo(), "Pages", pageAlias)
	w := p.GetStringWidth(strings.Replace(text, pageAlias, "999", 1)) + 2
	p.SetXY(pageW-marginR-w, pageH-14)
	p.CellFormat(w, 5, text, "", 0, "L", false, 0, "")
	if d.meta.Trail != "" {
		d.font(7, muted)
		p.SetXY(marginL, pageH-9.5)
		p.CellFormat(contentW, 4, d.meta.Trail, "", 0, "L", false, 0, "")
	}
}

// font sets the font size (points) and text colour. The font has no
// bold face: cell draws bold by also stroking the glyph outlines, which
// prints well and keeps the text extractable.
func (d *doc) font(size float64, col [3]int) {
	d.pdf.SetFont(family, "", size)
	d.pdf.SetTextColor(col[0], col[1], col[2])
}

// cell writes text in a w×h box at the current position, moving right
// (ln 0) or to the next line (ln 1); bold strokes the glyphs as well.
func (d *doc) cell(w, h float64, text, align string, bold bool, ln int) {
	p := d.pdf
	if bold {
		r, g, b := p.GetTextColor()
		p.SetDrawColor(r, g, b)
		lw := p.GetLineWidth()
		// Proportional to the size, so small dense glyphs (重, 额) stay open.
		pt, _ := p.GetFontSize()
		p.SetLineWidth(pt * 0.009)
		p.SetTextRenderingMode(2)
		p.CellFormat(w, h, text, "", ln, align, false, 0, "")
		p.SetTextRenderingMode(0)
		p.SetLineWidth(lw)
		return
	}
	p.CellFormat(w, h, text, "", ln, align, false, 0, "")
}

func (d *doc) line(x1, y1, x2, y2 float64, col [3]int, width float64) {
	p := d.pdf
	p.SetDrawColor(col[0], col[1], col[2])
	p.SetLineWidth(width)
	p.Line(x1, y1, x2, y2)
}

// ensure starts a new page unless h millimetres are left on this one,
// together with the headings waiting to be drawn above them, which it
// then draws: a heading never ends a page.
func (d *doc) ensure(h float64) {
	need, above := h, 0.0
	for _, k := range d.pending {
		above += k.h
		need = max(need, above+k.keep)
	}
	need = max(need, above+h)
	// On a fresh page a new page would only add a blank one.
	if d.pdf.GetY()+need > bottom && d.pdf.GetY() > marginT+0.5 {
		d.pdf.AddPage()
	}
	d.flush()
}

// flush draws the pending headings, leaving the font as it was.
func (d *doc) flush() {
	if len(d.pending) == 0 {
		return
	}
	p := d.pdf
	pt, _ := p.GetFontSize()
	r, g, b := p.GetTextColor()
	for _, k := range d.pending {
		k.draw()
	}
	d.pending = nil
	p.SetFontSize(pt)
	p.SetTextColor(r, g, b)
}

// wrap breaks text into lines that fit a cell w wide in the current font
// (the cell's margins left out).
func (d *doc) wrap(text string, w float64) []string {
	return breakLines(text, w-2*d.pdf.GetCellMargin(), d.pdf.GetStringWidth)
}

// space moves down h millimetres.
func (d *doc) space(h float64) {
	p := d.pdf
	p.SetXY(marginL, p.GetY()+h)
}

// step checks for cancellation and reports one more step done.
func (d *doc) step() error {
	if err := d.ctx.Err(); err != nil {
		return err
	}
	if d.done < d.steps {
		d.done++
	}
	if d.progress != nil {
		d.progress(d.done, d.steps)
	}
	return nil
}

// write finishes the document into w.
func (d *doc) write(w io.Writer) error {
	if err := d.ctx.Err(); err != nil {
		return err
	}
	d.ensure(0)
	if d.pdf.Err() {
		return fmt.Errorf("report: %w", d.pdf.Error())
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if _, err := w.Write(bytes.ReplaceAll(buf.Bytes(), fpdfFontName, subsetName)); err != nil {
		return err
	}
	if d.progress != nil {
		d.progress(d.steps, d.steps)
	}
	return nil
}
