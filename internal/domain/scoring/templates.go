package scoring

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/assets"
)

// Template files (assets/indicators/*.csv) look like this:
//
//	# code: mch-public-welfare
//	# name_zh: …
//	# name_en: …
//	# kind: department
//	# total: 100
//	# origin: where the scheme comes from
//	level,code,parent,name_zh,name_en,points,unit,direction,rule,target,…
//	1,1,,妇女保健,Women's health,30,,,,…
//	2,1.1,1,孕产期保健,Maternal care,16,,,,…
//	3,1.1.1,1.1,辖区孕产妇系统管理率,…,8,%,higher,proportional,90,…
//
// The "# key: value" lines before the header carry the scheme itself, so a
// file is self-describing and its origin travels with it when a finance
// office copies it into Excel and back. Rows are in tree order: a parent
// comes before its children, and the order of the rows is the order shown.
// Columns are found by name, so their order is free.

// templateColumns are the columns a template may have; the first five are
// required.
var templateColumns = []string{
	"level", "code", "parent", "name_zh", "points",
	"name_en", "unit", "direction", "rule", "target", "low", "high", "deduct_per",
	"perspective", "bonus", "public_welfare", "revenue_linked", "source",
}

const requiredTemplateColumns = 5

// indicatorColumns must be empty on level-1 and level-2 rows: a value there
// almost always means a row shifted by a missing comma.
var indicatorColumns = []string{
	"unit", "direction", "rule", "target", "low", "high", "deduct_per",
	"perspective", "bonus", "public_welfare", "revenue_linked", "source",
}

// templateMetaKeys are the "# key: value" lines a template may carry.
var templateMetaKeys = []string{"code", "name_zh", "name_en", "kind", "total", "origin"}

// TemplateError is a problem in a template file, with the 1-based line it
// was found on (0 when it concerns the whole file).
type TemplateError struct {
	File string
	Line int
	Msg  string
}

func (e *TemplateError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// Templates parses the indicator-library templates embedded in the binary
// (assets.IndicatorTemplates), in file-name order. A broken file does not
// hide the others: the schemes that parsed are returned together with the
// joined errors of those that did not.
func Templates() ([]Scheme, error) {
	files := assets.IndicatorTemplates()
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	slices.Sort(names)
	var (
		out  []Scheme
		errs []error
	)
	for _, name := range names {
		s, err := ParseTemplate(name, files[name])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		out = append(out, s)
	}
	return out, errors.Join(errs...)
}

// ParseTemplate parses one template CSV (format above); name is used in
// error messages only. It checks the file's structure — known columns and
// values, three levels, parents before children, unique codes, scoring
// parameters a rule can use — but not that points add up: that is
// Scheme.Validate's job, and a user's half-finished scheme should still load.
func ParseTemplate(name string, data []byte) (Scheme, error) {
	// Excel saves "CSV UTF-8" with a byte-order mark.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	meta, metaLines, rest, err := templateMeta(name, data)
	if err != nil {
		return Scheme{}, err
	}
	s, err := templateScheme(name, meta)
	if err != nil {
		return Scheme{}, err
	}

	r := csv.NewReader(bytes.NewReader(rest))
	r.Comment = '#'
	col, err := templateHeader(name, metaLines, r)
	if err != nil {
		return Scheme{}, err
	}
	t := templateTree{name: name, s: &s, rootAt: map[string]int{}, groupAt: map[string][2]int{}, codes: map[string]bool{}}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return csvFail(name, metaLines, err)
		}
		ln, _ := r.FieldPos(0)
		get := func(c string) string {
			if i, ok := col[c]; ok {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if err := t.add(metaLines+ln, get); err != nil {
			return Scheme{}, err
		}
	}
	if len(s.Roots) == 0 {
		return Scheme{}, templateErr(name, 0, "no level-1 rows")
	}
	return s, nil
}

// templateErr is a problem on line of template name (0: the whole file).
func templateErr(name string, line int, format string, args ...any) error {
	return &TemplateError{File: name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// templateMeta reads the leading "# key: value" lines (and blank lines)
// that describe the scheme; rest is the CSV after them and metaLines how
// many lines they took, so that CSV lines can be numbered as in the file.
func templateMeta(name string, data []byte) (meta map[string]string, metaLines int, rest []byte, err error) {
	meta = map[string]string{}
	rest = data
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		text := strings.TrimSpace(string(line))
		if text != "" && !strings.HasPrefix(text, "#") {
			break
		}
		metaLines++
		rest = after
		if text == "" {
			continue
		}
		key, value, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(text, "#")), ":")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if !ok || !slices.Contains(templateMetaKeys, key) {
			return nil, 0, nil, templateErr(name, metaLines, "expected a comment line %q with key one of %s", "# key: value", strings.Join(templateMetaKeys, ", "))
		}
		if _, dup := meta[key]; dup {
			return nil, 0, nil, templateErr(name, metaLines, "%q given twice", key)
		}
		meta[key] = value
	}
	return meta, metaLines, rest, nil
}

// templateScheme is the scheme the meta lines describe, before its tree:
// every required key given, a known kind and a positive total.
func templateScheme(name string, meta map[string]string) (Scheme, error) {
	for _, key := range []string{"code", "name_zh", "kind", "total", "origin"} {
		if meta[key] == "" {
			return Scheme{}, templateErr(name, 0, "missing comment line \"# %s: …\" before the header", key)
		}
	}
	s := Scheme{Code: meta["code"], Name: meta["name_zh"], NameEn: meta["name_en"], Origin: meta["origin"]}
	switch k := SchemeKind(meta["kind"]); k {
	case ProjectScheme, DepartmentScheme:
		s.Kind = k
	default:
		return Scheme{}, templateErr(name, 0, "kind %q: want %s or %s", meta["kind"], ProjectScheme, DepartmentScheme)
	}
	total, err := parseNumber(meta["total"])
	if err != nil || total <= 0 {
		return Scheme{}, templateErr(name, 0, "total %q: want a positive number", meta["total"])
	}
	s.Total = total
	return s, nil
}

// templateHeader reads the header row into column name → index: only
// known columns, each once, the required ones all there.
func templateHeader(name string, metaLines int, r *csv.Reader) (map[string]int, error) {
	header, err := r.Read()
	if err == io.EOF {
		return nil, templateErr(name, 0, "no header row")
	}
	if err != nil {
		_, err := csvFail(name, metaLines, err)
		return nil, err
	}
	line := metaLines + 1
	col := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		if !slices.Contains(templateColumns, h) {
			return nil, templateErr(name, line, "unknown column %q", h)
		}
		if _, dup := col[h]; dup {
			return nil, templateErr(name, line, "column %q given twice", h)
		}
		col[h] = i
	}
	for _, h := range templateColumns[:requiredTemplateColumns] {
		if _, ok := col[h]; !ok {
			return nil, templateErr(name, line, "missing column %q", h)
		}
	}
	return col, nil
}

// templateTree builds a scheme's tree row by row, a rule per level: it
// knows where each level-1 and level-2 code sits in s.Roots, so that rows
// can be appended in place, and which codes are taken.
type templateTree struct {
	name    string
	s       *Scheme
	rootAt  map[string]int
	groupAt map[string][2]int
	codes   map[string]bool
}

// add checks the row on line ln (its columns read through get) and
// appends it under its parent.
func (t *templateTree) add(ln int, get func(string) string) error {
	level, code, parent := get("level"), get("code"), get("parent")
	n, err := t.node(ln, code, get)
	if err != nil {
		return err
	}
	switch level {
	case "1":
		return t.addRoot(ln, level, parent, n, get)
	case "2":
		return t.addGroup(ln, level, parent, n, get)
	case "3":
		return t.addIndicator(ln, parent, n, get)
	default:
		return templateErr(t.name, ln, "%s: level %q: want 1, 2 or 3", code, level)
	}
}

// node is the row's node without children: a new code, a name and points
// ≥ 0, whatever the level.
func (t *templateTree) node(ln int, code string, get func(string) string) (Node, error) {
	if code == "" {
		return Node{}, templateErr(t.name, ln, "empty code")
	}
	if t.codes[code] {
		return Node{}, templateErr(t.name, ln, "code %q used twice", code)
	}
	t.codes[code] = true
	n := Node{Code: code, Name: get("name_zh"), NameEn: get("name_en")}
	if n.Name == "" {
		return Node{}, templateErr(t.name, ln, "%s: empty name_zh", code)
	}
	var err error
	if n.Points, err = parseNumber(get("points")); err != nil || n.Points < 0 {
		return Node{}, templateErr(t.name, ln, "%s: points %q: want a number ≥ 0", code, get("points"))
	}
	return n, nil
}

// noIndicatorColumns refuses indicator columns on a level-1 or level-2
// row: a value there almost always means a row shifted by a missing comma.
func (t *templateTree) noIndicatorColumns(ln int, level string, n Node, get func(string) string) error {
	for _, c := range indicatorColumns {
		if get(c) != "" {
			return templateErr(t.name, ln, "%s: level-%s row has %s %q (only level-3 indicators have it; a missing comma?)", n.Code, level, c, get(c))
		}
	}
	return nil
}

// addRoot appends a level-1 row, which has no parent.
func (t *templateTree) addRoot(ln int, level, parent string, n Node, get func(string) string) error {
	if err := t.noIndicatorColumns(ln, level, n, get); err != nil {
		return err
	}
	if parent != "" {
		return templateErr(t.name, ln, "%s: a level-1 row has no parent, got %q", n.Code, parent)
	}
	t.rootAt[n.Code] = len(t.s.Roots)
	t.s.Roots = append(t.s.Roots, n)
	return nil
}

// addGroup appends a level-2 row under a level-1 code of an earlier row.
func (t *templateTree) addGroup(ln int, level, parent string, n Node, get func(string) string) error {
	if err := t.noIndicatorColumns(ln, level, n, get); err != nil {
		return err
	}
	i, ok := t.rootAt[parent]
	if !ok {
		return templateErr(t.name, ln, "%s: parent %q is not a level-1 code on an earlier row", n.Code, parent)
	}
	t.groupAt[n.Code] = [2]int{i, len(t.s.Roots[i].Children)}
	t.s.Roots[i].Children = append(t.s.Roots[i].Children, n)
	return nil
}

// addIndicator appends a level-3 row, an indicator with its scoring
// columns, under a level-2 code of an earlier row.
func (t *templateTree) addIndicator(ln int, parent string, n Node, get func(string) string) error {
	at, ok := t.groupAt[parent]
	if !ok {
		return templateErr(t.name, ln, "%s: parent %q is not a level-2 code on an earlier row", n.Code, parent)
	}
	ind, msg := parseIndicator(n, get)
	if msg != "" {
		return templateErr(t.name, ln, "%s: %s", n.Code, msg)
	}
	n.Indicator = ind
	g := &t.s.Roots[at[0]].Children[at[1]]
	g.Children = append(g.Children, n)
	return nil
}

// parseIndicator reads the indicator columns of a level-3 row; msg is empty
// when they are all right.
func parseIndicator(n Node, get func(string) string) (ind *Indicator, msg string) {
	in := &Indicator{
		Code: n.Code, Name: n.Name, NameEn: n.NameEn,
		Unit:        get("unit"),
		Direction:   Direction(get("direction")),
		Rule:        Rule(get("rule")),
		Source:      get("source"),
		Perspective: Perspective(get("perspective")),
		Bonus:       BonusDimension(get("bonus")),
	}
	switch in.Direction {
	case Higher, Lower, InRange, Monitor:
	default:
		return nil, fmt.Sprintf("direction %q: want higher, lower, range or monitor", in.Direction)
	}
	// Even a monitor-only indicator, whose rule is never applied, names one
	// (the templates use qualitative): Scheme.Validate asks for a valid rule
	// on every indicator, so the user can switch it to scored in one step.
	if !slices.Contains(Rules, in.Rule) {
		return nil, fmt.Sprintf("rule %q: want one of %v", in.Rule, Rules)
	}
	if in.Perspective != "" && !slices.Contains(Perspectives, in.Perspective) {
		return nil, fmt.Sprintf("perspective %q: want one of %v", in.Perspective, Perspectives)
	}
	switch in.Bonus {
	case BonusNone, BonusWorkload, BonusQuality, BonusEfficiency, BonusPublicWelfare, BonusSatisfaction:
	default:
		return nil, fmt.Sprintf("bonus %q: want workload, quality, efficiency, public_welfare, satisfaction or empty", in.Bonus)
	}
	for _, f := range []struct {
		col string
		dst *float64
	}{{"target", &in.Target}, {"low", &in.Low}, {"high", &in.High}, {"deduct_per", &in.DeductPer}} {
		v, err := parseNumber(get(f.col))
		if err != nil {
			return nil, fmt.Sprintf("%s %q: want a number", f.col, get(f.col))
		}
		*f.dst = v
	}
	for _, f := range []struct {
		col string
		dst *bool
	}{{"public_welfare", &in.PublicWelfare}, {"revenue_linked", &in.RevenueLinked}} {
		if v := get(f.col); v != "" {
			b, err := strconv.ParseBool(v)
			if err != nil {
				return nil, fmt.Sprintf("%s %q: want true or false", f.col, v)
			}
			*f.dst = b
		}
	}
	// Parameters the rule divides by or interpolates between: catching them
	// here gives the user a line number instead of a NaN score later.
	switch in.Rule {
	case Proportional, Inverse:
		if in.Target <= 0 {
			return nil, fmt.Sprintf("rule %s needs a target > 0", in.Rule)
		}
	case LinearBand:
		if in.Low == in.High {
			return nil, "rule linear_band needs low ≠ high"
		}
	case Deduction:
		if in.DeductPer <= 0 {
			return nil, "rule deduction needs deduct_per > 0"
		}
	}
	if in.Direction == InRange && in.Low > in.High {
		return nil, "direction range needs low ≤ high"
	}
	if get("revenue_linked") == "" {
		// The revenue question is decided on every indicator, never by default.
		return nil, "revenue_linked is empty: write true or false (linked to revenue or not; see assets/README.md)"
	}
	return in, ""
}

// parseNumber reads an optional number: empty is 0; NaN and ±Inf are
// refused because no score can come of them.
func parseNumber(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a finite number", s)
	}
	return v, nil
}

// csvFail reports an encoding/csv error with its line counted from the top
// of the file rather than from the header.
func csvFail(name string, metaLines int, err error) (Scheme, error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return Scheme{}, &TemplateError{File: name, Line: metaLines + pe.Line, Msg: pe.Err.Error()}
	}
	return Scheme{}, &TemplateError{File: name, Msg: err.Error()}
}
