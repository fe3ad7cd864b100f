package cli

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// The text audit list reads as the window's audit tab does: states, users,
// fields, keys and the services' own reasons by their display names; the
// --json list keeps the stored values for scripts, and the filters take
// the words the text shows.
func TestAuditListShowsDisplayNamesAndJSONKeepsStoredValues(t *testing.T) {
	enginetest.FileOnly(t) // the built-in user of a file; on a server the login is the server's
	db := tempDB(t)
	if code, _, stderr := run(t, "--db", db, "demo", "--year", "2026"); code != ExitOK {
		t.Fatalf("demo: %d %s", code, stderr)
	}
	code, text, stderr := run(t, "--db", db, "--lang", "zh", "audit", "list", "--entity", "adjustment")
	if code != ExitOK {
		t.Fatalf("audit list: %d %s", code, stderr)
	}
	for _, want := range []string{"系统管理员", "预算调整", "2026/调整/1", "状态", "待审批", "已批准", "执行偏差："} {
		if !strings.Contains(text, want) {
			t.Errorf("the Chinese list lacks %q:\n%s", want, text)
		}
	}
	for _, internal := range []string{"local", "adjustment", "state", "requested", "approved", "deviation"} {
		if strings.Contains(text, internal) {
			t.Errorf("the Chinese list shows the internal word %q:\n%s", internal, text)
		}
	}

	// the words shown filter too: 系统管理员 and 2026/调整/1 as typed
	code, one, stderr := run(t, "--db", db, "--lang", "zh", "audit", "list", "--login", "系统管理员", "--entity", "预算调整", "--key", "2026/调整/1")
	if code != ExitOK || !strings.Contains(one, "2026/调整/1") || strings.Contains(one, "2026/调整/2") {
		t.Errorf("filter by the shown words: %d %s\n%s", code, stderr, one)
	}

	code, js, stderr := run(t, "--db", db, "--lang", "zh", "audit", "list", "--entity", "adjustment", "--json")
	if code != ExitOK {
		t.Fatalf("audit list --json: %d %s", code, stderr)
	}
	var got struct {
		Entries []struct {
			User, Entity, Field, New string
			Key                      string `json:"entity_key"`
		} `json:"entries"`
	}
	if err := json.Unmarshal([]byte(js), &got); err != nil || len(got.Entries) == 0 {
		t.Fatalf("json: %v %s", err, js)
	}
	e := got.Entries[0]
	if e.User != "local" || e.Entity != "adjustment" || e.Key != "2026/adjustment/1" || e.Field != "state" || e.New != "requested" {
		t.Errorf("--json keeps the stored values, got %+v", e)
	}
}
