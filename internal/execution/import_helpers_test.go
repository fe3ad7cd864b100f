package execution

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/masterdata"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/enginetest"
)

const samples = "../xlsximport/testdata"

func newStore(t *testing.T) (*store.Store, *Service) {
	return newStoreAt(t, filepath.Join(t.TempDir(), "i.db"))
}

func newStoreAt(t testing.TB, path string) (*store.Store, *Service) {
	t.Helper()
	st, err := store.Open(context.Background(), enginetest.File(t, path))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if err := masterdata.New(st).EnsureCatalogue(context.Background()); err != nil {
		t.Fatal(err)
	}
	return st, New(st)
}
