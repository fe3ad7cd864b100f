package scoring

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
)

// FormatTemplate writes s in the template format ParseTemplate reads (see
// templates.go): the "# key: value" lines, the header with every column,
// then the rows in tree order. ParseTemplate(FormatTemplate(s)) gives s
// back, except what the format has no column for (a project target's
// OverFactor, OverDeduct and TargetText, which the project rules and the
// project's own targets supply). A scheme without an origin is written
// with origin "-", since the format requires one.
func FormatTemplate(s Scheme) []byte {
	var b bytes.Buffer
	origin := strings.TrimSpace(strings.ReplaceAll(s.Origin, "\n", " "))
	if origin == "" {
		origin = "-"
	}
	for _, kv := range [][2]string{{"code", s.Code}, {"name_zh", s.Name}, {"name_en", s.NameEn}, {"kind", string(s.Kind)},
		{"total", number(s.Total)}, {"origin", origin}} {
		if kv[1] != "" {
			b.WriteString("# " + kv[0] + ": " + strings.ReplaceAll(kv[1], "\n", " ") + "\n")
		}
	}
	w := csv.NewWriter(&b)
	_ = w.Write(templateColumns)
	for _, d := range s.Roots {
		_ = w.Write(templateRow("1", d, ""))
		for _, g := range d.Children {
			_ = w.Write(templateRow("2", g, d.Code))
			for _, n := range g.Children {
				_ = w.Write(templateRow("3", n, g.Code))
			}
		}
	}
	w.Flush()
	return b.Bytes()
}

// templateRow is one row in the order of templateColumns.
func templateRow(level string, n Node, parent string) []string {
	row := []string{level, n.Code, parent, n.Name, number(n.Points), n.NameEn}
	in := n.Indicator
	if in == nil {
		return append(row, make([]string, len(templateColumns)-len(row))...)
	}
	opt := func(v float64) string {
		if v == 0 {
			return ""
		}
		return number(v)
	}
	return append(row, in.Unit, string(in.Direction), string(in.Rule), opt(in.Target), opt(in.Low), opt(in.High), opt(in.DeductPer),
		string(in.Perspective), string(in.Bonus), strconv.FormatBool(in.PublicWelfare), strconv.FormatBool(in.RevenueLinked), in.Source)
}

// number is v as the shortest text that reads back exactly.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
