package ui

import (
	"bytes"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/workbook/textsheet"
)

// encodingChoice offers, once a CSV or HTML export is picked, to read it in
// another encoding than the detected one: a GBK file that happens to be
// valid UTF-8, or a page whose meta charset is wrong, is otherwise garbled.
type encodingChoice struct {
	sel    *widget.Select
	row    *fyne.Container
	values map[string]string // option label → encoding ("" detects)
	quiet  bool              // set while the choice is reset, so it does not re-preview
}

func newEncodingChoice(changed func()) *encodingChoice {
	ec := &encodingChoice{values: map[string]string{}}
	var opts []string
	for _, enc := range textsheet.Encodings {
		label := i18n.T("import.encoding.auto")
		if enc != "" {
			label = strings.ToUpper(enc)
		}
		if enc == textsheet.GB18030 {
			label += " (GBK)"
		}
		ec.values[label] = enc
		opts = append(opts, label)
	}
	ec.sel = kit.NewSelect(opts, func(string) {
		if !ec.quiet {
			changed()
		}
	})
	ec.sel.SetSelectedIndex(0)
	ec.row = container.NewBorder(nil, nil, widget.NewLabel(i18n.T("import.encoding")), nil, ec.sel)
	ec.row.Hide()
	return ec
}

// value is the chosen encoding, "" to detect.
func (ec *encodingChoice) value() string { return ec.values[ec.sel.Selected] }

// follow shows the choice when path is a text or HTML export and hides
// (and resets) it otherwise: workbooks carry their own encoding.
func (ec *encodingChoice) follow(path string) {
	if isTextExport(path) {
		ec.row.Show()
		return
	}
	ec.row.Hide()
	ec.quiet = true
	ec.sel.SetSelectedIndex(0)
	ec.quiet = false
}

// isTextExport sniffs the file's first bytes as the importer does.
func isTextExport(path string) bool {
	fh, err := os.Open(strings.TrimSpace(path))
	if err != nil {
		return false
	}
	defer fh.Close()
	head := make([]byte, 8192)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	if bytes.HasPrefix(head, []byte("PK")) || bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return false
	}
	return textsheet.Sniff(head) != textsheet.Unknown
}

// encodingLine is the preview's line naming the encoding a text export was
// read in ("" for workbooks).
func encodingLine(used, chosen string) string {
	if used == "" {
		return ""
	}
	key := "import.preview.encoding_detected"
	if chosen != "" {
		key = "import.preview.encoding"
	}
	return i18n.T(key, "Encoding", strings.ToUpper(used))
}
