package cli

import (
	"net/url"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// Two PCs (two processes of the real program) save the same proposal from
// the same version on one server: one save lands, the other is refused,
// told who saved it and when, and changes nothing (issue 22).
func TestTwoPCsSaveTheSameProposal(t *testing.T) {
	db := enginetest.NewDatabase(t)
	baseDemo(t, db)
	y := yearRun{t: t, db: db}
	y.ok("budget", "cycle", "start", "--year", "2027")
	var p proposalJSON
	y.json(&p, "budget", "proposal", "--year", "2027", "--department", "101")
	subject := ""
	for _, l := range p.Lines {
		if l.Kind == "expenditure" {
			subject = l.SubjectCode
			break
		}
	}
	bin := ProgramUnderTest(t, t.TempDir())
	amounts, fen := []string{"1111.11", "2222.22"}, []int64{111111, 222222}
	outs := make([]string, 2)
	codes := make([]int, 2)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, "--db", db, "--lang", "zh", "budget", "proposal", "set", "--year", "2027", "--department", "101",
				"--subject", subject, "--amount", amounts[i], "--version", strconv.FormatInt(p.Version, 10))
			out, err := cmd.CombinedOutput()
			outs[i] = string(out)
			if ee, ok := err.(*exec.ExitError); ok {
				codes[i] = ee.ExitCode()
			}
		}()
	}
	wg.Wait()
	won, lost := 0, 1
	if codes[0] != 0 {
		won, lost = 1, 0
	}
	if codes[won] != 0 || codes[lost] != ExitRefused {
		t.Fatalf("exits %v, want one 0 and one %d:\n%s\n%s", codes, ExitRefused, outs[0], outs[1])
	}
	// Both PCs signed in as the server login in the address: it is who saved.
	who := ""
	if u, err := url.Parse(db); err == nil {
		who = u.User.Username()
	}
	if who == "" || !strings.Contains(outs[lost], who+" 于") || !strings.Contains(outs[lost], "保存了预算建议") {
		t.Errorf("the second PC is not told who saved first: %s", outs[lost])
	}
	var after proposalJSON
	y.json(&after, "budget", "proposal", "--year", "2027", "--department", "101")
	for _, l := range after.Lines {
		if l.SubjectCode == subject && l.ProposalFen != fen[won] {
			t.Errorf("the line holds %d fen, the saved amount was %s", l.ProposalFen, amounts[won])
		}
	}
	if after.Version <= p.Version {
		t.Errorf("version %d after a save from %d", after.Version, p.Version)
	}
}
