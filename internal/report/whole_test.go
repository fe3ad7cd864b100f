package report

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// TestReportsPrintDataWhole is issue 16's check that the text in the PDFs
// is the text in the database: every name, reason and description the
// four Chinese reports of the demo draw from their data is found whole
// in the extracted text, white space removed. pdftotext -raw keeps the
// order of the content stream, in which a table cell's lines follow each
// other, so a name wrapped over lines reads whole and a name that lost a
// character does not.
func TestReportsPrintDataWhole(t *testing.T) {
	useLang(t, "zh")
	svc := demo(t)
	by := domain.LocalUser
	total, long := 0, 0
	check := func(req Request, want []string) {
		t.Helper()
		text := bodyText(t, generate(t, req))
		seen := map[string]bool{}
		for _, w := range want {
			w = squeeze(w)
			if w == "" || seen[w] {
				continue
			}
			seen[w] = true
			total++
			if utf8.RuneCountInString(w) >= 12 {
				long++
			}
			if !strings.Contains(text, w) {
				t.Errorf("%s report: %q is not printed whole", req.Kind, w)
			}
		}
	}

	b, err := loadBudget(ctx, svc, by, 2026)
	if err != nil {
		t.Fatal(err)
	}
	check(Request{Kind: Budget, Year: 2026}, budgetTexts(b))
	ex, err := loadExecution(ctx, svc, by, 2026, 9)
	if err != nil {
		t.Fatal(err)
	}
	check(Request{Kind: Execution, Year: 2026, Month: 9}, executionTexts(ex))
	ev, err := loadEvaluation(ctx, svc, by, 2025)
	if err != nil {
		t.Fatal(err)
	}
	check(Request{Kind: Evaluation, Year: 2025}, evaluationTexts(ev))
	bo, err := loadBonus(ctx, svc, by, 2026)
	if err != nil {
		t.Fatal(err)
	}
	var bt []string
	for _, dep := range bo.Res.Departments {
		bt = append(bt, dep.Name)
	}
	for _, dr := range bo.Res.Drivers {
		bt = append(bt, dr.Indicator.Name)
	}
	check(Request{Kind: Bonus, Year: 2026}, bt)
	t.Logf("%d texts of the data checked, %d of them of 12 characters or more", total, long)
	if long < 100 {
		t.Errorf("only %d long texts checked: the demo should print hundreds", long)
	}
}

func budgetTexts(b budgetData) []string {
	var out []string
	for _, dep := range b.View.Departments {
		out = append(out, dep.Name)
		for _, l := range dep.Lines {
			out = append(out, l.SubjectName)
		}
	}
	for _, a := range b.Adjusted {
		out = append(out, a.Reason)
	}
	for _, p := range b.Projects {
		out = append(out, p.Name, p.Description, b.Depts[p.DeptCode].Name)
		for _, tg := range p.Targets {
			out = append(out, tg.Indicator)
		}
	}
	return out
}

func executionTexts(ex executionData) []string {
	var out []string
	for _, dep := range ex.Ex.Departments {
		out = append(out, dep.Name)
	}
	for _, a := range ex.Ex.Alerts {
		out = append(out, i18n.Message(a.Text))
	}
	for _, p := range ex.Projects {
		out = append(out, p.Name)
		for _, tg := range p.Targets {
			out = append(out, tg.Target.Indicator)
		}
	}
	return out
}

// evaluationTexts are the units, their indicators and groups, and each
// row of the reasons table whole: indicator, score and reason in a row,
// so that a name cut in that table is caught even when the indicator
// table above prints it whole.
func evaluationTexts(ev evaluationData) []string {
	var out []string
	for _, r := range ev.Runs {
		out = append(out, r.Unit.Name, r.Scheme.Name)
		names := map[string]string{}
		var walk func(ns []scoring.Node)
		walk = func(ns []scoring.Node) {
			for _, n := range ns {
				if n.Indicator == nil {
					out = append(out, n.Name)
					walk(n.Children)
					continue
				}
				code := nameOr(n.Code, n.Indicator.Code)
				names[code] = nameOr(n.Name, n.Indicator.Name)
				out = append(out, names[code])
			}
		}
		walk(r.Scheme.Roots)
		for _, is := range r.Result.Indicators {
			if !is.Short || r.Reasons[is.Code] == "" {
				continue
			}
			name := nameOr(names[is.Code], is.Name)
			out = append(out, name+score(is.Score)+"/"+i18n.Number(is.Points)+r.Reasons[is.Code])
		}
		for _, txt := range r.Texts {
			out = append(out, txt)
		}
	}
	return out
}

// bodyText is the text of a PDF without the page furniture, white space
// removed: a paragraph or row that goes on over a page reads on.
func bodyText(t *testing.T, path string) string {
	t.Helper()
	out, err := exec.Command(tool(t, "pdftotext"), "-raw", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	head := regexp.MustCompile(`^.*?生成时间：\d{4}-\d\d-\d\d\d\d:\d\d`)
	foot := regexp.MustCompile(regexp.QuoteMeta(squeeze(i18n.T("report.confidential"))) + `第\d+页/共\d+页$`)
	var b strings.Builder
	for _, page := range strings.Split(string(out), "\f") {
		page = squeeze(page)
		page = head.ReplaceAllString(page, "")
		b.WriteString(foot.ReplaceAllString(page, ""))
	}
	return b.String()
}
