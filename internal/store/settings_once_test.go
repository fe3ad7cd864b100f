package store

import (
	"context"
	"path/filepath"
	"testing"
)

// The first value stored under a key stays: a second SetSettingOnce gets
// the first back, as two PCs making the workbook key at once would.
func TestSetSettingOnceKeepsTheFirst(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "once.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, v := range []string{"first", "second"} {
		got, err := s.SetSettingOnce(ctx, "deptbook.seal_key", v)
		if err != nil || got != "first" {
			t.Fatalf("SetSettingOnce(%s) = %q, %v", v, got, err)
		}
	}
}
