package xlsximport

import (
	"testing"

	"github.com/budgetperf/budgetperf/assets"
)

func secondaryList(t *testing.T) []CatalogueIndicator {
	t.Helper()
	list, err := LoadAssessmentCatalogue(assets.AssessmentIndicatorsCSV(), "二级")
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestLoadAssessmentCatalogue(t *testing.T) {
	list := secondaryList(t)
	if len(list) != 28 || list[0].Name != "出院患者手术占比" || list[0].Direction != "higher_better" || list[27].Seq != 28 {
		t.Errorf("secondary list: %d, %+v", len(list), list[0])
	}
	tert, err := LoadAssessmentCatalogue(assets.AssessmentIndicatorsCSV(), "三级公立医院")
	if err != nil || len(tert) != 56 || tert[55].SeqText != "增1" || tert[55].Seq != 0 {
		t.Errorf("tertiary list: %d, %v", len(tert), err)
	}
	for _, bad := range []string{"", "a,b\n1,2\n", "assessment,seq,level1,level2,indicator_name,unit,direction\n二级,x,a,b,c,d,e\n", "\"unterminated"} {
		if _, err := LoadAssessmentCatalogue([]byte(bad), "二级"); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if _, err := LoadAssessmentCatalogue(assets.AssessmentIndicatorsCSV(), "四级"); err == nil {
		t.Error("unknown prefix: no error")
	}
}

// TestMatchAssessmentRealWorkbook: every indicator row of the real workbook
// matches one indicator of the secondary list, none twice. 26 match by name;
// 18 (the list adds a bracketed note) by number and name; 26 专科能力建设
// (the list says 专科能力) by number and similarity.
func TestMatchAssessmentRealWorkbook(t *testing.T) {
	a, err := ReadAssessment(realAssessment)
	if err != nil {
		t.Fatal(err)
	}
	ms, probs := MatchAssessment(a.Rows, secondaryList(t))
	if len(probs) != 0 {
		t.Fatal(probs)
	}
	if len(ms) != len(a.Rows) || len(ms) != 28 {
		t.Fatalf("%d matches for %d rows", len(ms), len(a.Rows))
	}
	used := map[int]string{}
	rules := map[MatchRule]int{}
	for _, m := range ms {
		if prev, ok := used[m.Indicator.Seq]; ok {
			t.Errorf("indicator %d matched by %s and %s", m.Indicator.Seq, prev, m.Row.Cell)
		}
		used[m.Indicator.Seq] = m.Row.Cell
		if m.Indicator.Seq != m.Row.Seq {
			t.Errorf("%s %q numbered %d matched indicator %d %q", m.Row.Cell, m.Row.Name, m.Row.Seq, m.Indicator.Seq, m.Indicator.Name)
		}
		rules[m.Rule]++
		switch m.Row.Cell {
		case "医院!A69":
			if m.Rule != MatchSeqName {
				t.Errorf("A69 by %s", m.Rule)
			}
		case "医院!A138":
			if m.Rule != MatchSeqSimilar || m.Indicator.Name != "专科能力" {
				t.Errorf("A138 by %s to %q", m.Rule, m.Indicator.Name)
			}
		}
	}
	if rules[MatchName] != 26 || rules[MatchSeqName] != 1 || rules[MatchSeqSimilar] != 1 {
		t.Errorf("rules %v", rules)
	}
}

func TestMatchAssessmentProblems(t *testing.T) {
	list := secondaryList(t)
	rows := []AssessmentRow{
		{Cell: "S!A2", Seq: 1, RawName: "1.出院患者手术占比▲", Name: "出院患者手术占比"},
		{Cell: "S!A3", Seq: 0, RawName: "出院患者手术占比", Name: "出院患者手术占比"},
		{Cell: "S!A4", Seq: 3, RawName: "3.不存在的指标", Name: "不存在的指标"},
		// Similarity needs the number: without it 专科能力建设 stays unmatched.
		{Cell: "S!A5", Seq: 0, RawName: "专科能力建设", Name: "专科能力建设"},
		// A name differing in punctuation with the wrong number is not taken.
		{Cell: "S!A6", Seq: 5, RawName: "5.医护比!", Name: "医护比!"},
	}
	ms, probs := MatchAssessment(rows, list)
	if len(ms) != 1 || ms[0].Row.Cell != "S!A2" {
		t.Errorf("matches %+v", ms)
	}
	want := map[string]string{"S!A3": "assessment.matched_twice", "S!A4": "assessment.unmatched",
		"S!A5": "assessment.unmatched", "S!A6": "assessment.unmatched"}
	if len(probs) != len(want) {
		t.Fatalf("problems %v", probs)
	}
	for _, p := range probs {
		if want[p.Args["Cell"].(string)] != p.Key {
			t.Errorf("problem %s: %s", p.Key, p.Error())
		}
	}
	if probs[0].Args["Other"] != "S!A2" {
		t.Errorf("matched twice names %v", probs[0].Args)
	}
}

// TestMatchAssessmentOddCases: the odd-case workbook's invented indicator is
// reported with its cell; (2) and 23 match despite brackets and spacing.
func TestMatchAssessmentOddCases(t *testing.T) {
	a, err := ReadAssessment("testdata/assessment_odd_cases.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	ms, probs := MatchAssessment(a.Rows, secondaryList(t))
	if len(ms) != 3 || len(probs) != 1 || probs[0].Key != "assessment.unmatched" || probs[0].Args["Cell"] != "指标!B7" {
		t.Errorf("matches %d, problems %v", len(ms), probs)
	}
}
