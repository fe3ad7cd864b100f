package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

func openCycle(t *testing.T, db string, year int) {
	t.Helper()
	svc, err := services.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.Budgets.OpenCycle(context.Background(), domain.LocalUser, year); err != nil {
		t.Fatal(err)
	}
}

func TestAuditListVerifyExport(t *testing.T) {
	enginetest.FileOnly(t) // reads the SQLite file directly
	db := tempDB(t)
	baseDemo(t, db)
	openCycle(t, db, 2027)
	svc, err := services.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	p, err := svc.Budgets.Proposal(context.Background(), domain.LocalUser, 2027, "103")
	if err != nil {
		t.Fatal(err)
	}
	subject := p.Lines[0].SubjectCode
	if err := svc.Budgets.SaveProposal(context.Background(), domain.LocalUser, 2027, "103", []budgeting.LineEdit{{SubjectCode: subject, Amount: 50000000}}); err != nil {
		t.Fatal(err)
	}
	svc.Close()

	code, stdout, stderr := run(t, "--db", db, "audit", "list", "--entity", "prep_line", "--key", "2027/103", "--json")
	if code != ExitOK {
		t.Fatalf("audit list: %d %s", code, stderr)
	}
	var got struct {
		Entries []struct {
			Seq      int64  `json:"seq"`
			User     string `json:"user"`
			Key      string `json:"entity_key"`
			Field    string `json:"field"`
			Old, New string
		} `json:"entries"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || len(got.Entries) != 1 {
		t.Fatalf("entries: %v %s", err, stdout)
	}
	e := got.Entries[0]
	if e.User != "local" || e.Key != "2027/103/"+subject || e.Field != "proposal" || e.New != "500000.00" {
		t.Errorf("entry %+v", e)
	}
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify"); code != ExitOK || !strings.Contains(stdout, "intact") {
		t.Fatalf("verify: %d %s %s", code, stdout, stderr)
	}
	xlsx := filepath.Join(t.TempDir(), "audit.xlsx")
	if code, _, stderr := run(t, "--db", db, "audit", "export", "-o", xlsx); code != ExitOK {
		t.Fatalf("export: %d %s", code, stderr)
	}
	if fi, err := os.Stat(xlsx); err != nil || fi.Size() == 0 {
		t.Fatalf("export file: %v", err)
	}

	// Someone edits the trail in the file: verify fails and names the row.
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`UPDATE audit_log SET new_value = '1.00' WHERE seq = ?`, e.Seq); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	code, _, stderr = run(t, "--db", db, "--lang", "en", "audit", "verify")
	if code != ExitRefused || !strings.Contains(stderr, "row "+strconv.FormatInt(e.Seq, 10)) {
		t.Fatalf("tampered verify: %d %s", code, stderr)
	}
}
