package assets

import (
	"bytes"
	"encoding/csv"
	"regexp"
	"strings"
	"testing"
)

// revenueWording is the rule of README.md, "Revenue-linked", as wording: any
// revenue amount, share, growth, per-head revenue, revenue completion or
// surplus (收入, 结余, 盈余, revenue, surplus, income).
var revenueWording = regexp.MustCompile(`(?i)收入|结余|盈余|营收|创收|revenue|surplus|income`)

// TestRevenueLinkedFollowsTheRule parses every template: each indicator whose
// name reads as revenue is flagged revenue_linked, every indicator decides the
// flag (true or false, never empty), and no flagged one carries a bonus tag.
func TestRevenueLinkedFollowsTheRule(t *testing.T) {
	files := IndicatorTemplates()
	if len(files) == 0 {
		t.Fatal("no templates")
	}
	flagged := 0
	for name, data := range files {
		var body []string
		for _, ln := range strings.Split(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\n") {
			if !strings.HasPrefix(ln, "#") {
				body = append(body, ln)
			}
		}
		rows, err := csv.NewReader(strings.NewReader(strings.Join(body, "\n"))).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		col := map[string]int{}
		for i, h := range rows[0] {
			col[h] = i
		}
		for _, r := range rows[1:] {
			if r[col["level"]] != "3" {
				continue
			}
			label := name + " " + r[col["code"]] + " " + r[col["name_zh"]]
			linked := r[col["revenue_linked"]]
			if linked != "true" && linked != "false" {
				t.Errorf("%s: revenue_linked %q, want true or false", label, linked)
			}
			if revenueWording.MatchString(r[col["name_zh"]]+" "+r[col["name_en"]]) && linked != "true" {
				t.Errorf("%s: reads as revenue but is not flagged revenue_linked", label)
			}
			if linked == "true" {
				flagged++
				if b := r[col["bonus"]]; b != "" {
					t.Errorf("%s: revenue-linked but tagged for the bonus dimension %q", label, b)
				}
			}
		}
	}
	if flagged < 40 {
		t.Errorf("%d revenue-linked indicators in the templates, want the 40 or more the national lists hold", flagged)
	}
}
