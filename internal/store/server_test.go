package store

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

// An office's server speaks TLS: BudgetPerf connects with the server's
// certificate checked (sslmode=verify-full), the connection is encrypted,
// and a certificate it cannot check is refused in words.
func TestServerOverTLS(t *testing.T) {
	enginetest.RequireServer(t)
	ca := os.Getenv("BUDGETPERF_TEST_PG_CA")
	if ca == "" {
		t.Skip("the test server was started without a certificate (openssl missing)")
	}
	plain := enginetest.NewDatabase(t)
	secure := strings.Replace(plain, "sslmode=disable", "sslmode=verify-full&sslrootcert="+ca, 1)
	ctx := context.Background()
	s, err := Open(ctx, secure)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ssl bool
	if err := s.db.QueryRowContext(ctx, `SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()`).Scan(&ssl); err != nil || !ssl {
		t.Fatalf("the connection is not encrypted (%v)", err)
	}
	wrongCA := t.TempDir() + "/other.crt"
	if err := os.WriteFile(wrongCA, []byte("not a certificate"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Open(ctx, strings.Replace(plain, "sslmode=disable", "sslmode=verify-full&sslrootcert="+wrongCA, 1))
	if problemKey(err) != "problem.server.connect" {
		t.Errorf("an unchecked certificate: %v", err)
	}
}
