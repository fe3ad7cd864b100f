package cli

import (
	"strings"
	"testing"
)

// bonus score: the source is required; a revenue source is refused with the
// rule; a workload measure is taken and named back.
func TestBonusScoreNeedsASource(t *testing.T) {
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: exit %d, %s", code, stderr)
	}
	base := []string{"--db", db, "--lang", "zh", "bonus", "score", "--year", "2026", "--department", "101", "--dimension", "workload", "--score", "88"}
	code, _, stderr := run(t, base...)
	if code != ExitRefused || !strings.Contains(stderr, "须注明来源") {
		t.Errorf("no source: exit %d %q", code, stderr)
	}
	code, _, stderr = run(t, append(base, "--source", "科室医疗收入完成率")...)
	if code != ExitRefused || !strings.Contains(stderr, "与收入挂钩") || !strings.Contains(stderr, "国办发〔2019〕4号") || !strings.Contains(stderr, "九项准则") {
		t.Errorf("revenue source: exit %d %q", code, stderr)
	}
	code, _, stderr = run(t, append(base, "--source", "医疗收入增幅")...)
	if code != ExitRefused || !strings.Contains(stderr, "国办发〔2019〕4号") {
		t.Errorf("revenue-linked library indicator as source: exit %d %q", code, stderr)
	}
	code, stdout, stderr := run(t, append(base, "--source", "出院人次")...)
	if code != ExitOK || !strings.Contains(stdout, "出院人次") || !strings.Contains(stdout, "88") {
		t.Errorf("workload source: exit %d %q %q", code, stdout, stderr)
	}
	code, stdout, _ = run(t, "--db", db, "--lang", "en", "bonus", "score", "--year", "2026", "--department", "101", "--dimension", "workload", "--clear")
	if code != ExitOK || !strings.Contains(stdout, "Removed") {
		t.Errorf("clear: exit %d %q", code, stdout)
	}
}
