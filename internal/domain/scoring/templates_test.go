package scoring

import (
	"bytes"
	"encoding/csv"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/assets"
)

// The scheme codes of the shipped templates (the "# code:" lines).
const (
	mofCode       = "mof-project-self-evaluation"
	secondaryCode = "hospital-secondary-assessment"
	mchCode       = "mch-public-welfare"
)

func loadTemplates(t *testing.T) map[string]Scheme {
	t.Helper()
	list, err := Templates()
	if err != nil {
		t.Fatalf("Templates: %v", err)
	}
	if got, want := len(list), len(assets.IndicatorTemplates()); got != want {
		t.Fatalf("Templates returned %d schemes for %d files", got, want)
	}
	byCode := map[string]Scheme{}
	for _, s := range list {
		if _, dup := byCode[s.Code]; dup {
			t.Fatalf("scheme code %q used by two templates", s.Code)
		}
		byCode[s.Code] = s
	}
	for _, c := range []string{mofCode, secondaryCode, mchCode} {
		if _, ok := byCode[c]; !ok {
			t.Fatalf("no template with code %q (have %v)", c, byCode)
		}
	}
	return byCode
}

// leaves lists a scheme's level-3 nodes in order.
func leaves(s Scheme) []Node {
	var out []Node
	for _, d := range s.Roots {
		for _, g := range d.Children {
			out = append(out, g.Children...)
		}
	}
	return out
}

// indicators lists a scheme's level-3 indicators in order.
func indicators(s Scheme) []*Indicator {
	var out []*Indicator
	for _, n := range leaves(s) {
		out = append(out, n.Indicator)
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// TestTemplatesShape checks the points arithmetic itself rather than relying
// on Scheme.Validate, so that the data is held to it whatever Validate does.
func TestTemplatesShape(t *testing.T) {
	for code, s := range loadTemplates(t) {
		t.Run(code, func(t *testing.T) {
			if s.Total != 100 {
				t.Errorf("Total = %v, want 100", s.Total)
			}
			if s.Name == "" || s.NameEn == "" || s.Origin == "" {
				t.Errorf("name %q, English name %q, origin %q: all must be set", s.Name, s.NameEn, s.Origin)
			}
			wantKind := DepartmentScheme
			if code == mofCode {
				wantKind = ProjectScheme
			}
			if s.Kind != wantKind {
				t.Errorf("Kind = %q, want %q", s.Kind, wantKind)
			}
			var sum1 float64
			for _, d := range s.Roots {
				sum1 += d.Points
				if d.Indicator != nil || len(d.Children) == 0 {
					t.Errorf("level-1 %s: want groups and no indicator", d.Code)
				}
				var sum2 float64
				for _, g := range d.Children {
					sum2 += g.Points
					if g.Indicator != nil || len(g.Children) == 0 {
						t.Errorf("level-2 %s: want indicators and no indicator of its own", g.Code)
					}
					var sum3 float64
					for _, n := range g.Children {
						sum3 += n.Points
						if n.Indicator == nil || len(n.Children) != 0 {
							t.Errorf("level-3 %s: want an indicator and no children", n.Code)
						}
					}
					if !near(sum3, g.Points) {
						t.Errorf("%s %s: indicators add up to %v, group has %v", g.Code, g.Name, sum3, g.Points)
					}
				}
				if !near(sum2, d.Points) {
					t.Errorf("%s %s: groups add up to %v, dimension has %v", d.Code, d.Name, sum2, d.Points)
				}
			}
			if !near(sum1, 100) {
				t.Errorf("level-1 points add up to %v, want 100", sum1)
			}
			// The same rules as Scheme.Validate sees them, plus its own
			// (rules consistent with directions, bands, unique codes…).
			for _, p := range s.Validate() {
				t.Errorf("Validate: %v", p)
			}
			for _, n := range leaves(s) {
				in := n.Indicator
				if in == nil {
					continue // reported above
				}
				if in.Direction == Monitor && n.Points != 0 {
					t.Errorf("%s %s: monitor indicator has %v points, want 0", in.Code, in.Name, n.Points)
				}
				if in.Perspective == "" {
					t.Errorf("%s %s: no balanced-scorecard perspective", in.Code, in.Name)
				}
				if in.Source == "" {
					t.Errorf("%s %s: no source", in.Code, in.Name)
				}
				// Revenue-linked indicators may never drive pay, so the
				// templates give them no bonus dimension.
				if in.RevenueLinked && in.Bonus != BonusNone {
					t.Errorf("%s %s: revenue-linked but tagged for bonus %q", in.Code, in.Name, in.Bonus)
				}
			}
		})
	}
}

func TestSecondaryCoversNationalList(t *testing.T) {
	s := loadTemplates(t)[secondaryCode]
	count := map[string]int{}
	byName := map[string]*Indicator{}
	for _, in := range indicators(s) {
		count[in.Name]++
		byName[in.Name] = in
	}
	r := csv.NewReader(bytes.NewReader(assets.AssessmentIndicatorsCSV()))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	dir := map[string]Direction{"higher_better": Higher, "lower_better": Lower, "monitor_only": Monitor}
	national := map[string]bool{}
	for _, row := range rows[1:] {
		if !strings.HasPrefix(row[col["assessment"]], "二级公立医院") {
			continue
		}
		name := row[col["indicator_name"]]
		national[name] = true
		if count[name] != 1 {
			t.Errorf("national secondary indicator %q appears %d times, want 1", name, count[name])
			continue
		}
		if want, ok := dir[row[col["direction"]]]; !ok {
			t.Errorf("%q: catalogue direction %q not mapped", name, row[col["direction"]])
		} else if got := byName[name].Direction; got != want {
			t.Errorf("%q: direction %q, catalogue says %q", name, got, want)
		}
	}
	if len(national) != 28 {
		t.Errorf("catalogue has %d secondary indicators, want 28", len(national))
	}
	// The one addition, with its origin stated.
	for name := range count {
		if !national[name] && name != "全面预算管理" {
			t.Errorf("indicator %q is neither in the national secondary list nor the documented addition", name)
		}
	}
	if in := byName["全面预算管理"]; in == nil || !strings.Contains(in.Source, "三级") {
		t.Errorf("全面预算管理 missing or its source does not say it comes from the tertiary list: %+v", in)
	}
	linked := 0
	for _, in := range indicators(s) {
		if in.RevenueLinked {
			linked++
		}
	}
	if linked == 0 {
		t.Error("no revenue-linked indicator flagged")
	}
	for _, name := range []string{"重点监控药品收入占比", "重点监控高值医用耗材收入占比"} {
		if in := byName[name]; in == nil || !in.RevenueLinked {
			t.Errorf("%s: want revenue_linked", name)
		}
	}
}

func TestMCHAllPublicWelfare(t *testing.T) {
	s := loadTemplates(t)[mchCode]
	for _, in := range indicators(s) {
		if !in.PublicWelfare || in.Bonus != BonusPublicWelfare {
			t.Errorf("%s %s: public_welfare %v, bonus %q; want true, public_welfare", in.Code, in.Name, in.PublicWelfare, in.Bonus)
		}
		if in.RevenueLinked {
			t.Errorf("%s %s: revenue-linked in the public-welfare scheme", in.Code, in.Name)
		}
	}
}

const goodHead = "# code: x\n# name_zh: 测试\n# kind: project\n# total: 100\n# origin: test\n" +
	"level,code,parent,name_zh,points,direction,rule,target\n"

// goodHeadRL has the revenue_linked column, which every indicator row must fill.
var goodHeadRL = strings.Replace(goodHead, "target\n", "target,revenue_linked\n", 1)

func TestParseTemplateGood(t *testing.T) {
	s, err := ParseTemplate("t.csv", []byte("\xef\xbb\xbf"+goodHeadRL+
		"1,1,,一,100,,,,\n2,1.1,1,一一,100,,,,\n3,1.1.1,1.1,甲,100,higher,proportional,100,false\n3,1.1.2,1.1,乙,0,monitor,qualitative,,true\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Code != "x" || s.Kind != ProjectScheme || s.Total != 100 || s.Origin != "test" {
		t.Errorf("scheme header: %+v", s)
	}
	got := s.Roots[0].Children[0].Children
	if len(got) != 2 || got[0].Indicator.Target != 100 || got[1].Indicator.Direction != Monitor {
		t.Errorf("indicators: %+v", got)
	}
}

func TestParseTemplateErrors(t *testing.T) {
	ok1 := "1,1,,一,100,,,\n2,1.1,1,一一,100,,,\n"
	for _, c := range []struct{ name, data, want string }{
		{"no meta", "level,code,parent,name_zh,points\n1,1,,一,100\n", "t.csv: missing comment line \"# code"},
		{"bad meta key", "# colour: red\n", "t.csv:1: expected a comment line"},
		{"bad kind", strings.Replace(goodHead, "project", "programme", 1), "kind \"programme\""},
		{"unknown column", strings.Replace(goodHead, "target", "tagret", 1), "t.csv:6: unknown column \"tagret\""},
		{"field count", goodHead + "1,1,,一,100\n", "t.csv:7: wrong number of fields"},
		{"bad level", goodHead + "4,1,,一,100,,,\n", "t.csv:7: 1: level \"4\""},
		{"orphan group", goodHead + "2,1.1,9,一一,100,,,\n", "t.csv:7: 1.1: parent \"9\""},
		{"indicator under dimension", goodHead + "1,1,,一,100,,,\n3,1.1.1,1,甲,100,higher,proportional,1\n", "t.csv:8: 1.1.1: parent \"1\" is not a level-2"},
		{"dup code", goodHead + "1,1,,一,50,,,\n1,1,,二,50,,,\n", "t.csv:8: code \"1\" used twice"},
		{"bad points", goodHead + "1,1,,一,lots,,,\n", "t.csv:7: 1: points \"lots\""},
		{"negative points", goodHead + "1,1,,一,-5,,,\n", "t.csv:7: 1: points \"-5\""},
		{"shifted row", goodHead + "1,1,,一,100,higher,,\n", "t.csv:7: 1: level-1 row has direction"},
		{"bad direction", goodHead + ok1 + "3,1.1.1,1.1,甲,100,up,proportional,1\n", "t.csv:9: 1.1.1: direction \"up\""},
		{"no rule", goodHead + ok1 + "3,1.1.1,1.1,甲,100,monitor,,\n", "t.csv:9: 1.1.1: rule \"\""},
		{"bad rule", goodHead + ok1 + "3,1.1.1,1.1,甲,100,higher,magic,1\n", "t.csv:9: 1.1.1: rule \"magic\""},
		{"zero target", goodHead + ok1 + "3,1.1.1,1.1,甲,100,higher,proportional,0\n", "t.csv:9: 1.1.1: rule proportional needs a target > 0"},
		{"NaN target", goodHead + ok1 + "3,1.1.1,1.1,甲,100,higher,proportional,NaN\n", "t.csv:9: 1.1.1: target \"NaN\""},
		{"bare quote", goodHead + ok1 + "3,1.1.1,1.1,\"甲,100,higher,proportional,1\n", "t.csv:9"},
		{"empty", goodHead, "no level-1 rows"},
		{"revenue undecided", goodHeadRL + "1,1,,一,100,,,,\n2,1.1,1,一一,100,,,,\n3,1.1.1,1.1,甲,100,higher,proportional,1,\n", "t.csv:9: 1.1.1: revenue_linked is empty: write true or false"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseTemplate("t.csv", []byte(c.data))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			var te *TemplateError
			if !errors.As(err, &te) {
				t.Errorf("error %T is not a *TemplateError", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q, want it to contain %q", err, c.want)
			}
		})
	}
}

// deptCodes are the department-type schemes; every one scores the
// department's budget execution from monitoring.
var deptCodes = []string{"dept-clinical", "dept-medical-technical", "dept-public-health", "dept-administrative", "dept-logistics"}

func TestDepartmentSchemesScoreBudgetExecution(t *testing.T) {
	all := loadTemplates(t)
	for _, code := range deptCodes {
		s, ok := all[code]
		if !ok {
			t.Fatalf("no template %s", code)
		}
		var rate, dev *Node
		for _, n := range leaves(s) {
			switch n.Name {
			case "预算执行率":
				rate = &n
			case "预算偏差率":
				dev = &n
			}
		}
		if rate == nil || dev == nil {
			t.Fatalf("%s: want both 预算执行率 and 预算偏差率", code)
		}
		// Execution rate ÷ time progress, in percent: proportional to 100%,
		// capped at full points.
		for _, c := range []struct{ actual, share float64 }{{100, 1}, {96, 0.96}, {112, 1}, {50, 0.5}} {
			got, _ := Score(*rate.Indicator, rate.Points, Value{Actual: c.actual, Has: true})
			if !near(got, c.share*rate.Points) {
				t.Errorf("%s 预算执行率 %v%%: %v points, want %v", code, c.actual, got, c.share*rate.Points)
			}
		}
		// Deviation: full points up to 5%, none from 20%, straight between.
		for _, c := range []struct{ actual, share float64 }{{0, 1}, {4, 1}, {5, 1}, {12.5, 0.5}, {20, 0}, {35, 0}} {
			got, _ := Score(*dev.Indicator, dev.Points, Value{Actual: c.actual, Has: true})
			if !near(got, c.share*dev.Points) {
				t.Errorf("%s 预算偏差率 %v%%: %v points, want %v", code, c.actual, got, c.share*dev.Points)
			}
		}
		for _, in := range []*Indicator{rate.Indicator, dev.Indicator} {
			if in.RevenueLinked || in.Unit != "%" {
				t.Errorf("%s %s: revenue_linked %v, unit %q; want false, %%", code, in.Name, in.RevenueLinked, in.Unit)
			}
		}
	}
}

// TestNationalSchemesFollowTheCatalogue: each national scheme holds the
// catalogue's list under its name, once each, in the catalogue's direction.
func TestNationalSchemesFollowTheCatalogue(t *testing.T) {
	all := loadTemplates(t)
	r := csv.NewReader(bytes.NewReader(assets.AssessmentIndicatorsCSV()))
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	dir := map[string]Direction{"higher_better": Higher, "lower_better": Lower, "monitor_only": Monitor, "qualitative_improve": Higher}
	for _, c := range []struct {
		code, assessment string
		want             int
	}{
		{"tertiary-general-assessment", "三级公立医院绩效考核(综合)", 56},
		{"tcm-tertiary-assessment", "三级公立中医医院绩效考核", 67},
	} {
		byName := map[string]*Indicator{}
		for _, in := range indicators(all[c.code]) {
			if byName[in.Name] != nil {
				t.Errorf("%s: %s twice", c.code, in.Name)
			}
			byName[in.Name] = in
		}
		n := 0
		for _, row := range rows[1:] {
			if row[0] != c.assessment {
				continue
			}
			n++
			in := byName[row[4]]
			if in == nil {
				t.Errorf("%s: catalogue indicator %s missing", c.code, row[4])
				continue
			}
			// A composite judged achieved / partly / not (单病种质量控制)
			// is higher-is-better whatever its parts.
			composite := in.Rule == Qualitative && in.Direction == Higher
			if in.Direction != dir[row[10]] && !composite {
				t.Errorf("%s %s: direction %s, catalogue %s", c.code, in.Name, in.Direction, row[10])
			}
		}
		if n != c.want || len(byName) != c.want {
			t.Errorf("%s: catalogue %d, scheme %d indicators; want %d", c.code, n, len(byName), c.want)
		}
	}
	if in := indicators(all["tertiary-general-assessment"]); len(in) != 56 {
		t.Errorf("tertiary: %d indicators", len(in))
	}
	for _, name := range []string{"重点监控高值医用耗材收入占比", "医疗收入增幅", "中药收入占药品收入比例"} {
		for _, code := range []string{"tertiary-general-assessment", "tcm-tertiary-assessment", "tcm-secondary-assessment"} {
			for _, in := range indicators(all[code]) {
				if in.Name == name && !in.RevenueLinked {
					t.Errorf("%s %s: want revenue_linked", code, name)
				}
			}
		}
	}
}
