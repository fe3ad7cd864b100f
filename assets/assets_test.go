package assets

import (
	"bytes"
	"encoding/binary"
	"encoding/csv"
	"encoding/json"
	"image"
	"image/png"
	"io/fs"
	"slices"
	"testing"
)

func TestFontIsTrueType(t *testing.T) {
	f := FontRegular()
	if len(f) <= 1<<20 {
		t.Fatalf("font is %d bytes, want > 1 MB", len(f))
	}
	if got := binary.BigEndian.Uint32(f); got != 0x00010000 {
		t.Fatalf("font starts with %#08x, want TrueType magic 0x00010000 (a .ttc starts with 'ttcf')", got)
	}
	// The table directory must name glyf (TrueType outlines, which fpdf can read)
	// and not CFF (which fpdf cannot), plus the tables every loader needs.
	n := int(binary.BigEndian.Uint16(f[4:]))
	if len(f) < 12+16*n {
		t.Fatalf("font table directory truncated: %d tables in %d bytes", n, len(f))
	}
	tables := map[string]bool{}
	for i := 0; i < n; i++ {
		rec := f[12+16*i:]
		tag := string(rec[:4])
		off, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(length) > uint64(len(f)) {
			t.Errorf("table %q (offset %d, length %d) runs past the end of the file", tag, off, length)
		}
		tables[tag] = true
	}
	for _, want := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"} {
		if !tables[want] {
			t.Errorf("font has no %q table", want)
		}
	}
	if tables["CFF "] {
		t.Error("font has CFF outlines; fpdf needs TrueType (glyf) outlines")
	}
}

func TestIcon(t *testing.T) {
	data := Icon()
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("icon is not a PNG: %v", err)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Fatalf("icon is %d×%d, want 512×512", cfg.Width, cfg.Height)
	}
	img, format, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decoding icon: %v", err)
	}
	if format != "png" {
		t.Fatalf("icon format %q, want png", format)
	}
	// Not blank: the centre is opaque and the corner is transparent (rounded square).
	if _, _, _, a := img.At(256, 256).RGBA(); a != 0xffff {
		t.Errorf("icon centre alpha = %#x, want opaque", a)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Errorf("icon corner alpha = %#x, want transparent", a)
	}
}

func readCSV(t *testing.T, name string, data []byte) [][]string {
	t.Helper()
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Errorf("%s starts with a UTF-8 BOM", name)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll() // also checks every row has the header's field count
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(rows) < 2 {
		t.Fatalf("%s: %d rows, want a header and data", name, len(rows))
	}
	return rows
}

func TestCatalogues(t *testing.T) {
	tests := []struct {
		name    string
		data    []byte
		header  []string
		minRows int
	}{
		{"expenditure-economic-classification.csv", ExpenditureClassificationCSV(),
			[]string{"code", "name_zh", "name_en", "parent"}, 60},
		{"hospital-revenue-expense-items.csv", HospitalItemsCSV(),
			[]string{"code", "name_zh", "name_en", "parent", "kind", "code_origin"}, 40},
		{"national-assessment-indicators.csv", AssessmentIndicatorsCSV(),
			[]string{"assessment", "seq", "level1", "level2", "indicator_name", "national_monitoring",
				"unit", "data_source", "attribute", "direction_cn", "direction", "source"}, 150},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := readCSV(t, tt.name, tt.data)
			if !slices.Equal(rows[0], tt.header) {
				t.Fatalf("header = %q, want %q", rows[0], tt.header)
			}
			if got := len(rows) - 1; got < tt.minRows {
				t.Errorf("%d data rows, want at least %d", got, tt.minRows)
			}
		})
	}
}

// Codes are unique and every parent is a code of the same catalogue.
func TestCatalogueHierarchies(t *testing.T) {
	for name, data := range map[string][]byte{
		"expenditure-economic-classification.csv": ExpenditureClassificationCSV(),
		"hospital-revenue-expense-items.csv":      HospitalItemsCSV(),
	} {
		rows := readCSV(t, name, data)
		codes := map[string]bool{}
		for i, r := range rows[1:] {
			if r[0] == "" || r[1] == "" {
				t.Errorf("%s row %d: empty code or name: %q", name, i+2, r)
			}
			if codes[r[0]] {
				t.Errorf("%s row %d: duplicate code %s", name, i+2, r[0])
			}
			codes[r[0]] = true
		}
		for i, r := range rows[1:] {
			if p := r[3]; p != "" && !codes[p] {
				t.Errorf("%s row %d: parent %s of %s is not in the catalogue", name, i+2, p, r[0])
			}
		}
	}
}

func TestTranslations(t *testing.T) {
	for _, name := range []string{"translations/en.json", "translations/zh_Hans.json"} {
		data, err := fs.ReadFile(Translations, name)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Errorf("%s is not a JSON object: %v", name, err)
		}
	}
}
