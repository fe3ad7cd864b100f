package report

import (
	"context"
	"strings"
	"testing"
)

// Every page of every report carries the audit trail's head at its foot,
// so a printed page proves the trail as it was when it was printed.
func TestEveryPageCarriesTheTrailHead(t *testing.T) {
	useLang(t, "zh")
	head, err := demo(t).Audit.Head(context.Background())
	if err != nil {
		t.Fatalf("the demo's trail head: %+v %v", head, err)
	}
	want := "审计链 " + head.String()
	for _, req := range []Request{{Kind: Budget, Year: 2026}, {Kind: Execution, Year: 2026, Month: 9},
		{Kind: Evaluation, Year: 2025}, {Kind: Bonus, Year: 2026}} {
		pages := strings.Split(strings.TrimRight(pdfText(t, generate(t, req)), "\f"), "\f")
		for i, p := range pages {
			if !strings.Contains(p, want) {
				t.Errorf("%s report, page %d of %d: no %q at its foot", req.Kind, i+1, len(pages), want)
				break
			}
		}
	}
}
