package dialect

import "testing"

func TestRebindNumbersPlaceholdersOutsideText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`SELECT 1`, `SELECT 1`},
		{`SELECT a FROM t WHERE x = ? AND y = ?`, `SELECT a FROM t WHERE x = $1 AND y = $2`},
		{`SELECT '?' , "a?" FROM t WHERE x = ?`, `SELECT '?' , "a?" FROM t WHERE x = $1`},
		{`SELECT 'it''s ?', ?`, `SELECT 'it''s ?', $1`},
		{"-- what? it's\nSELECT ?", "-- what? it's\nSELECT $1"},
		{`SELECT sum(amount_fen), coalesce(sum(x), 0), checksum(y) FROM t`, `SELECT bpsum(amount_fen), coalesce(bpsum(x), 0), checksum(y) FROM t`},
		{`SELECT 'sum(' FROM t`, `SELECT 'sum(' FROM t`},
		{`SELECT 'unterminated ?`, `SELECT 'unterminated ?`},
	} {
		if got := Rebind(c.in); got != c.want {
			t.Errorf("Rebind(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzRebindKeepsTextAndCountsPlaceholders(f *testing.F) {
	f.Add(`SELECT ? FROM t WHERE a = '?' -- ?`)
	f.Fuzz(func(t *testing.T, q string) {
		out := Rebind(q)
		if len(out) < len(q) {
			t.Fatalf("rebind shortened %q to %q", q, out)
		}
	})
}

func TestServerTargets(t *testing.T) {
	for in, want := range map[string]bool{
		"postgres://u@h/db": true, "POSTGRESQL://h/db": true, " postgres://h": true,
		"/tmp/x.db": false, "C:\\data\\budgetperf.db": false, "postgres.db": false,
	} {
		if IsServer(in) != want {
			t.Errorf("IsServer(%q) = %v", in, !want)
		}
	}
	if got := RedactURL("postgres://ann:secret@db.hospital:5432/bp?sslmode=require&password=x"); got != "postgres://ann:xxxxx@db.hospital:5432/bp?password=xxxxx&sslmode=require" {
		t.Errorf("redacted: %s", got)
	}
}
