package store

import (
	"context"
	"strconv"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/keyring"
)

// verifyTrail checks the trail of s as the audit service does.
func verifyTrail(t *testing.T, s *Store) logbook.Result {
	t.Helper()
	ctx := context.Background()
	var r logbook.Result
	err := s.InTx(ctx, func(tx *Tx) error {
		rows, err := tx.AuditEntries(ctx, AuditFilter{})
		if err != nil {
			return err
		}
		m, err := s.AuditMarks(ctx, tx)
		r = logbook.VerifyTrail(rows, m, s.AuditKeys(ctx))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// unseal turns the trail of s into what schema 9 wrote: no key column,
// a plain SHA-256 chain, no sealing setting and migration 10 not applied.
// edit, when set, changes the content of a row first (a trail already
// tampered with before the upgrade).
func unseal(t *testing.T, s *Store, edit string) {
	t.Helper()
	ctx := context.Background()
	rows, err := s.AuditEntries(ctx, AuditFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		rows[i].KeyID = ""
	}
	plain := logbook.Chain(0, "", logbook.Key{}, rows)
	for _, e := range plain {
		exec(t, s, `UPDATE audit_log SET prev_hash = '`+e.PrevHash+`', hash = '`+e.Hash+`' WHERE seq = `+itoa(e.Seq))
	}
	last := plain[len(plain)-1]
	exec(t, s, `UPDATE settings SET value = '`+itoa(last.Seq)+` `+last.Hash+`' WHERE key = 'audit.head'`)
	if edit != "" {
		exec(t, s, edit)
	}
	exec(t, s, `ALTER TABLE audit_log DROP COLUMN key_id`)
	exec(t, s, `DELETE FROM settings WHERE key IN ('audit.sealed_from', 'db.id')`)
	exec(t, s, `DELETE FROM schema_migrations WHERE version = 10`)
	undo11(t, s)
}

// undo11 takes back migrations 13 (record versions), 12 (bonus measured) and 11 (project
// forms), which come after the sealing and would otherwise keep the schema
// version above 9.
func undo11(t *testing.T, s *Store) {
	t.Helper()
	for _, tc := range [][2]string{{"prep_departments", "version"}, {"projects", "version"}, {"evaluations", "version"},
		{"evaluations", "updated_at"}, {"evaluations", "updated_by"}, {"bonus_runs", "version"}} {
		exec(t, s, `ALTER TABLE `+tc[0]+` DROP COLUMN `+tc[1])
	}
	exec(t, s, `DELETE FROM schema_migrations WHERE version = 13`)
	exec(t, s, `ALTER TABLE bonus_run_departments DROP COLUMN measured`)
	exec(t, s, `DELETE FROM schema_migrations WHERE version = 12`)
	exec(t, s, `DROP INDEX projects_code`)
	for table, cols := range map[string][]string{
		"projects":          {"code", "attribute", "responsible", "long_term_goal", "annual_goal", "fiscal_fen", "business_fen", "carryover_fen", "other_fen"},
		"indicator_schemes": {"project_id"},
		"indicator_nodes":   {"over_factor", "over_deduct", "target_text"},
	} {
		for _, c := range cols {
			exec(t, s, `ALTER TABLE `+table+` DROP COLUMN `+c)
		}
	}
	exec(t, s, `DELETE FROM schema_migrations WHERE version = 11`)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func reopen(t *testing.T, s *Store, path string) *Store {
	t.Helper()
	s.Close()
	s2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	return s2
}

// The upgrade to schema 10 seals an intact older trail with this PC's key.
func TestUpgradeSealsAnIntactTrail(t *testing.T) {
	s, path := openTemp(t)
	appendN(t, s, 5)
	unseal(t, s, "")
	s = reopen(t, s, path)
	if r := verifyTrail(t, s); !r.OK {
		t.Fatalf("upgraded trail: %+v", r)
	}
	rows, _ := s.AuditEntries(context.Background(), AuditFilter{})
	if rows[0].KeyID != s.seal.key.ID || rows[4].KeyID != s.seal.key.ID {
		t.Errorf("rows not sealed: %+v", rows)
	}
	if id, _ := s.DatabaseID(context.Background()); len(id) != 32 {
		t.Errorf("database identity %q", id)
	}
	appendN(t, s, 1)
	if r := verifyTrail(t, s); !r.OK {
		t.Fatalf("after a new row: %+v", r)
	}
}

// A trail already broken at the upgrade is not laundered: it keeps naming
// the edited row, and rows written afterwards are sealed.
func TestUpgradeKeepsABrokenTrailBroken(t *testing.T) {
	s, path := openTemp(t)
	appendN(t, s, 5)
	unseal(t, s, `UPDATE audit_log SET new_value = '999' WHERE seq = 3`)
	s = reopen(t, s, path)
	appendN(t, s, 1)
	if r := verifyTrail(t, s); r.OK || r.Breach != logbook.Edited || r.BadSeq != 3 {
		t.Fatalf("broken older trail: %+v", r)
	}
	if v, _ := s.Setting(context.Background(), sealedFromKey); v != "6" {
		t.Errorf("sealed from %q", v)
	}
}

// Re-chaining a sealed trail as an older, unkeyed one and removing the
// setting that says where sealing began does not get it re-sealed.
func TestDowngradeIsNotResealed(t *testing.T) {
	s, path := openTemp(t)
	appendN(t, s, 4)
	ctx := context.Background()
	rows, _ := s.AuditEntries(ctx, AuditFilter{})
	rows[1].New = "forged"
	for i := range rows {
		rows[i].KeyID = ""
	}
	plain := logbook.Chain(0, "", logbook.Key{}, rows)
	for _, e := range plain {
		exec(t, s, `UPDATE audit_log SET key_id = '', new_value = '`+e.New+`', prev_hash = '`+e.PrevHash+`', hash = '`+e.Hash+`' WHERE seq = `+itoa(e.Seq))
	}
	last := plain[len(plain)-1]
	exec(t, s, `UPDATE settings SET value = '`+itoa(last.Seq)+` `+last.Hash+`' WHERE key = 'audit.head'`)
	exec(t, s, `DELETE FROM settings WHERE key = 'audit.sealed_from'`)
	s = reopen(t, s, path)
	if r := verifyTrail(t, s); r.OK || r.Breach != logbook.Unsealed || r.BadSeq != 1 {
		t.Fatalf("downgraded trail: %+v", r)
	}
}

// The anchor outside the file catches a trail wiped together with its
// head, and is moved by a restore, which legitimately goes back in time.
func TestAnchorCatchesWipeAndFollowsRestore(t *testing.T) {
	s, path := openTemp(t)
	ctx := context.Background()
	appendN(t, s, 2)
	bak := path + ".bpbak"
	if err := s.BackupTo(ctx, bak); err != nil {
		t.Fatal(err)
	}
	appendN(t, s, 3)
	exec(t, s, `DELETE FROM audit_log`)
	exec(t, s, `DELETE FROM settings WHERE key = 'audit.head'`)
	if r := verifyTrail(t, s); r.OK || r.Breach != logbook.Truncated || r.BadSeq != 1 {
		t.Fatalf("wiped trail: %+v", r)
	}
	id := s.seal.dbID
	s.Close()
	if _, _, err := Restore(ctx, path, bak, ""); err != nil {
		t.Fatal(err)
	}
	if a, ok, _ := keyring.ReadAnchor(id, path); !ok || a.Seq != 2 {
		t.Fatalf("anchor after restore: %+v %v", a, ok)
	}
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if r := verifyTrail(t, s2); !r.OK {
		t.Fatalf("restored trail: %+v", r)
	}
}
