package report

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A table's last row never starts a page alone: when only it would move
// on, the row before it goes along.
func TestTableLastRowNotAloneOnAPage(t *testing.T) {
	useLang(t, "zh")
	d, err := newDoc(ctx, Meta{Title: "t", Lang: "zh"}, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	tb := d.newTable("", []column{{"A", 50, "L"}, {"B", 50, "R"}})
	var rs []row
	for i := range 6 {
		rs = append(rs, row{cells: []string{"row" + strconv.Itoa(i+1), "x"}})
	}
	d.font(tb.size, ink)
	_, hh := tb.lines(headsOf(tb.cols))
	_, h := tb.lines(rs[0].cells)
	// Room for the header and five rows, not six.
	d.pdf.SetY(bottom - hh - 5.5*h)
	tb.rows(rs)
	path := filepath.Join(t.TempDir(), "t.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.write(f); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if n := pages(t, path); n != 2 {
		t.Fatalf("%d pages, want 2", n)
	}
	out, err := exec.Command(tool(t, "pdftotext"), "-f", "2", "-l", "2", "-raw", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if p2 := string(out); !strings.Contains(p2, "row5") || !strings.Contains(p2, "row6") || strings.Contains(p2, "row4") {
		t.Errorf("page 2 holds:\n%s\nwant rows 5 and 6", p2)
	}
}
