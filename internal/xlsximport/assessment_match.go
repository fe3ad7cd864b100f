package xlsximport

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"unicode"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// CatalogueIndicator is one indicator of a national assessment list
// (assets.AssessmentIndicatorsCSV).
type CatalogueIndicator struct {
	Assessment string
	Seq        int    // 0 for an indicator added after the list was published
	SeqText    string // as the list writes it: "12", or "增1" for an added one
	Level1     string
	Level2     string
	Name       string
	Unit       string
	Direction  string // higher_better, lower_better, monitor_only
}

// MatchRule says how a row was matched, most certain first.
type MatchRule string

const (
	// MatchName: the cleaned names are equal.
	MatchName MatchRule = "name"
	// MatchSeqName: same number, and the names are equal once bracketed
	// notes and punctuation are dropped (医疗收入中来自医保基金的比例 vs
	// …的比例（包括门诊、住院收入中来自医保基金的比例）).
	MatchSeqName MatchRule = "seq+name"
	// MatchSeqSimilar: same number, and one name (without brackets) contains
	// the other of at least four characters — a renaming that only added or
	// dropped words (专科能力建设 vs 专科能力). Rows without a number are
	// never matched this way: the number is what makes it safe.
	MatchSeqSimilar MatchRule = "seq+similar"
)

// AssessmentMatch pairs a workbook row with its catalogue indicator.
type AssessmentMatch struct {
	Row       AssessmentRow
	Indicator CatalogueIndicator
	Rule      MatchRule
}

// LoadAssessmentCatalogue reads the indicator lists whose assessment name
// starts with prefix ("二级" gives the secondary general-hospital list).
func LoadAssessmentCatalogue(data []byte, prefix string) ([]CatalogueIndicator, error) {
	bad := func(reason string) error {
		return domain.NewProblem("assessment.catalogue_bad",
			"The indicator catalogue could not be read: {{.Reason}}.", "Reason", reason)
	}
	rd := csv.NewReader(bytes.NewReader(data))
	recs, err := rd.ReadAll()
	if err != nil {
		return nil, bad(err.Error())
	}
	if len(recs) == 0 {
		return nil, bad("it is empty")
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = i
	}
	for _, need := range []string{"assessment", "seq", "level1", "level2", "indicator_name", "unit", "direction"} {
		if _, ok := col[need]; !ok {
			return nil, bad("no column " + need)
		}
	}
	var out []CatalogueIndicator
	for i, rec := range recs[1:] {
		get := func(name string) string {
			if j := col[name]; j < len(rec) {
				return strings.TrimSpace(rec[j])
			}
			return ""
		}
		if !strings.HasPrefix(get("assessment"), prefix) {
			continue
		}
		// "增1" numbers an indicator added to a published list.
		seq, err := strconv.Atoi(strings.TrimPrefix(get("seq"), "增"))
		if strings.HasPrefix(get("seq"), "增") {
			seq = 0
		}
		if err != nil {
			return nil, bad("line " + strconv.Itoa(i+2) + ": seq " + strconv.Quote(get("seq")) + " is not a number")
		}
		out = append(out, CatalogueIndicator{Assessment: get("assessment"), Seq: seq, SeqText: get("seq"), Level1: get("level1"),
			Level2: get("level2"), Name: get("indicator_name"), Unit: get("unit"), Direction: get("direction")})
	}
	if len(out) == 0 {
		return nil, domain.NewProblem("assessment.catalogue_empty",
			"The indicator catalogue has no list whose name starts with {{.Prefix}}.", "Prefix", prefix)
	}
	return out, nil
}

// MatchAssessment matches every row to one catalogue indicator. The rules
// are tried in passes, most certain first, so that an exact name is never
// taken away by a looser rule of an earlier row. A row matching nothing, or
// only an indicator already taken, is a problem naming its cell and name.
func MatchAssessment(rows []AssessmentRow, list []CatalogueIndicator) ([]AssessmentMatch, domain.Problems) {
	found := make([]int, len(rows)) // catalogue index+1 per row
	rule := make([]MatchRule, len(rows))
	taken := map[int]int{} // catalogue index → row index
	var probs domain.Problems
	passes := []struct {
		rule MatchRule
		fits func(AssessmentRow, CatalogueIndicator) bool
	}{
		{MatchName, func(r AssessmentRow, c CatalogueIndicator) bool {
			return r.Name == CleanIndicatorName(c.Name) && (r.Seq == 0 || r.Seq == c.Seq || !sameNameElsewhere(r, list))
		}},
		{MatchSeqName, func(r AssessmentRow, c CatalogueIndicator) bool {
			return r.Seq == c.Seq && bareName(r.Name) == bareName(c.Name)
		}},
		{MatchSeqSimilar, func(r AssessmentRow, c CatalogueIndicator) bool {
			if r.Seq == 0 || r.Seq != c.Seq {
				return false
			}
			a, b := bareName(r.Name), bareName(c.Name)
			if len([]rune(a)) > len([]rune(b)) {
				a, b = b, a
			}
			return len([]rune(a)) >= 4 && strings.Contains(b, a)
		}},
	}
	for _, p := range passes {
		for i, r := range rows {
			if found[i] != 0 {
				continue
			}
			for j, c := range list {
				if !p.fits(r, c) {
					continue
				}
				if other, ok := taken[j]; ok {
					probs = append(probs, domain.NewProblem("assessment.matched_twice",
						"{{.Cell}}: \"{{.Name}}\" is indicator {{.Seq}} {{.Indicator}}, which {{.Other}} already is: remove one of the two rows.",
						"Cell", r.Cell, "Name", r.RawName, "Seq", c.Seq, "Indicator", c.Name, "Other", rows[other].Cell))
					found[i] = -1
					break
				}
				found[i], rule[i], taken[j] = j+1, p.rule, i
				break
			}
		}
	}
	var out []AssessmentMatch
	for i, r := range rows {
		switch {
		case found[i] > 0:
			out = append(out, AssessmentMatch{Row: r, Indicator: list[found[i]-1], Rule: rule[i]})
		case found[i] == 0:
			listName := ""
			if len(list) > 0 {
				listName = list[0].Assessment
			}
			probs = append(probs, domain.NewProblem("assessment.unmatched",
				"{{.Cell}}: indicator \"{{.Name}}\" is not in the list {{.List}}: check its name and number against the list.",
				"Cell", r.Cell, "Name", r.RawName, "List", listName))
		}
	}
	return out, probs
}

// sameNameElsewhere: the name appears in the list under the row's own
// number too, so a name match under another number must not win.
func sameNameElsewhere(r AssessmentRow, list []CatalogueIndicator) bool {
	for _, c := range list {
		if c.Seq == r.Seq && CleanIndicatorName(c.Name) == r.Name {
			return true
		}
	}
	return false
}

// bareName drops bracketed notes and keeps only letters and digits, so
// that names differing in punctuation or an added explanation compare equal.
func bareName(s string) string {
	var b strings.Builder
	depth := 0
	for _, r := range CleanIndicatorName(s) {
		switch r {
		case '(', '[', '{', '【', '〔':
			depth++
			continue
		case ')', ']', '}', '】', '〕':
			if depth > 0 {
				depth--
			}
			continue
		}
		if depth == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
