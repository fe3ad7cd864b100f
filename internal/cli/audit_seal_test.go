package cli

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/keyring"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// sealedTrail makes a database whose trail has n rows (hospital renames).
func sealedTrail(t *testing.T, n int) string {
	t.Helper()
	db := tempDB(t)
	svc, err := services.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	for i := 0; i < n; i++ {
		if err := svc.Master.SetHospitalName(context.Background(), domain.LocalUser, "医院"+strconv.Itoa(i), ""); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// tamper runs the attacker's statements on the file, outside the program.
func tamper(t *testing.T, db string, f func(raw *sql.DB)) {
	t.Helper()
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	f(raw)
}

func mustExec(t *testing.T, raw *sql.DB, q string, args ...any) {
	t.Helper()
	if _, err := raw.Exec(q, args...); err != nil {
		t.Fatal(err)
	}
}

// rechain recomputes the chain as an attacker without the key can: plain
// SHA-256 over the edited rows (keyed false clears the key ids as well),
// and moves the head setting to match.
func rechain(t *testing.T, raw *sql.DB, keepKeyIDs bool) {
	t.Helper()
	rows, err := raw.Query(`SELECT seq, at, login, entity, entity_key, field, old_value, new_value, reason, key_id FROM audit_log ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	var es []logbook.Entry
	for rows.Next() {
		var e logbook.Entry
		var at string
		if err := rows.Scan(&e.Seq, &at, &e.Login, &e.Entity, &e.EntityKey, &e.Field, &e.Old, &e.New, &e.Reason, &e.KeyID); err != nil {
			t.Fatal(err)
		}
		e.At, _ = timeParse(at)
		es = append(es, e)
	}
	rows.Close()
	prev := logbook.Genesis
	for _, e := range es {
		if !keepKeyIDs {
			e.KeyID = ""
		}
		e.PrevHash = prev
		e.Hash = logbook.HashOf(e, nil)
		prev = e.Hash
		mustExec(t, raw, `UPDATE audit_log SET key_id = ?, prev_hash = ?, hash = ? WHERE seq = ?`, e.KeyID, e.PrevHash, e.Hash, e.Seq)
	}
	mustExec(t, raw, `UPDATE settings SET value = ? WHERE key = 'audit.head'`, strconv.FormatInt(es[len(es)-1].Seq, 10)+" "+prev)
}

// Each attack on the trail of issue 17 is named by audit verify (exit 1).
func TestAuditVerifyNamesEachAttack(t *testing.T) {
	enginetest.FileOnly(t) // edits the SQLite file behind the program's back
	tests := []struct {
		name, want string
		attack     func(t *testing.T, raw *sql.DB)
	}{
		{"last rows deleted with the head", "row 4", func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `DELETE FROM audit_log WHERE seq > 3`)
			var h string
			if err := raw.QueryRow(`SELECT seq || ' ' || hash FROM audit_log WHERE seq = 3`).Scan(&h); err != nil {
				t.Fatal(err)
			}
			mustExec(t, raw, `UPDATE settings SET value = ? WHERE key = 'audit.head'`, h)
		}},
		{"whole trail wiped with the head", "row 1", func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `DELETE FROM audit_log`)
			mustExec(t, raw, `DELETE FROM settings WHERE key = 'audit.head'`)
		}},
		{"edited and re-chained with SHA-256", "row 1", func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE audit_log SET new_value = '别的医院' WHERE seq = 2`)
			rechain(t, raw, true)
		}},
		{"edited and re-chained as unsealed rows", "row 1", func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE audit_log SET new_value = '别的医院' WHERE seq = 2`)
			rechain(t, raw, false)
			mustExec(t, raw, `DELETE FROM settings WHERE key = 'audit.sealed_from'`)
		}},
		{"re-chained under a made-up key", "row 5", func(t *testing.T, raw *sql.DB) {
			mustExec(t, raw, `UPDATE audit_log SET key_id = 'ffffffffffffffff'`)
			rechain(t, raw, true)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := sealedTrail(t, 5) // one row per rename
			if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify"); code != ExitOK || !strings.Contains(stdout, "5 rows") {
				t.Fatalf("before the attack: %d %s %s", code, stdout, stderr)
			}
			tamper(t, db, func(raw *sql.DB) { tt.attack(t, raw) })
			code, _, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify")
			if code != ExitRefused || !strings.Contains(stderr, "tampered") || !strings.Contains(stderr, tt.want) {
				t.Errorf("verify after the attack: exit %d, %s", code, stderr)
			}
		})
	}
}

// On a PC without the key that sealed the trail, verify says so rather
// than "intact"; once the key is exported there and imported here, it
// verifies. Only an administrator may take the key out.
func TestAuditKeyMovesBetweenPCs(t *testing.T) {
	enginetest.FileOnly(t) // a file's key is the PC's; a server keeps its own (store/transfer tests)
	db := sealedTrail(t, 2)
	keyFile := filepath.Join(t.TempDir(), "audit.key")
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "audit", "key", "export", keyFile); code != ExitOK || !strings.Contains(stdout, "written") {
		t.Fatalf("export: %d %s %s", code, stdout, stderr)
	}
	t.Setenv(keyring.EnvDir, t.TempDir()) // another PC
	code, _, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify")
	if code != ExitRefused || !strings.Contains(stderr, "another PC") {
		t.Fatalf("verify without the key: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "--db", db, "--lang", "en", "audit", "key", "import", keyFile); code != ExitOK {
		t.Fatalf("import: %d %s", code, stderr)
	}
	if code, stdout, stderr := run(t, "--db", db, "--lang", "en", "audit", "verify"); code != ExitOK || !strings.Contains(stdout, "intact") {
		t.Fatalf("verify with the key: %d %s %s", code, stdout, stderr)
	}
	if code, _, _ := run(t, "--db", db, "audit", "key", "import", db); code != ExitRefused {
		t.Errorf("importing a file that is no key: exit %d", code)
	}
}

func timeParse(s string) (time.Time, error) { return time.Parse(logbook.TimeFormat, s) }
