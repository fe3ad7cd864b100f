package ui

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/budgetperf/budgetperf/internal/backup"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Opening the window with a backup (a double-clicked .bpbak file) shows
// Settings › Data with the restore confirmation naming the file, and does
// not offer the demo on top of it.
func TestOpeningWithABackupOffersToRestoreIt(t *testing.T) {
	src := demoDB(t, 2025)
	bak := filepath.Join(t.TempDir(), "hospital.bpbak")
	st, err := store.Open(context.Background(), src)
	if err != nil {
		t.Fatal(err)
	}
	_, err = backup.Create(context.Background(), st, domain.LocalUser, bak)
	st.Close()
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	s := Start(a, Options{DBPath: filepath.Join(t.TempDir(), "empty.db"), Lang: "zh", Version: "test", RestoreFile: bak})
	t.Cleanup(func() { s.win.Close() })
	if s.section != SectionSettings || s.settings.tabs.SelectedIndex() != 1 {
		t.Errorf("section %q, tab %d: want Settings › 数据与备份", s.section, s.settings.tabs.SelectedIndex())
	}
	overlays := s.win.Canvas().Overlays().List()
	if len(overlays) != 1 || !hasText(overlays[0], bak) {
		t.Fatalf("want one dialog naming %s, got %d", bak, len(overlays))
	}
	if hasText(overlays[0], "示范医院") {
		t.Error("the demo was offered instead of the restore")
	}
}
