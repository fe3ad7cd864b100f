package keyring

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/logbook"
)

// The installation key is made once and then found again; only a file
// holding a real key is imported.
func TestKeyIsMadeOnceAndMovesBetweenPCs(t *testing.T) {
	t.Setenv(EnvDir, t.TempDir())
	k, err := Current()
	if err != nil || len(k.Secret) != 32 || k.ID != IDOf(k.Secret) {
		t.Fatalf("first key %+v %v", k, err)
	}
	again, err := Current()
	if err != nil || again.ID != k.ID {
		t.Fatalf("a second key was made: %s then %s (%v)", k.ID, again.ID, err)
	}
	file := filepath.Join(t.TempDir(), "audit.key")
	if err := Export(k.ID, file); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("exported key is readable by others: %v", fi.Mode())
	}
	t.Setenv(EnvDir, t.TempDir()) // another PC
	if _, ok := Lookup(k.ID); ok {
		t.Fatal("the other PC has the key before importing it")
	}
	if id, err := Import(file); err != nil || id != k.ID {
		t.Fatalf("import: %s %v", id, err)
	}
	if s, ok := Lookup(k.ID); !ok || string(s) != string(k.Secret) {
		t.Error("the imported key is not found")
	}
	if own, _ := Current(); own.ID == k.ID {
		t.Error("the other PC seals with the imported key instead of its own")
	}
	bad := filepath.Join(t.TempDir(), "bad.key")
	os.WriteFile(bad, []byte("not a key\n"), 0o600)
	if _, err := Import(bad); err == nil {
		t.Error("a file that is no key was imported")
	}
	if _, ok := Lookup("../../etc/passwd"); ok {
		t.Error("a key id that is a path was looked up")
	}
}

// Anchors are kept per database file: the same database at another path
// has its own, and an unreadable anchor counts as tampered.
func TestAnchorsPerFile(t *testing.T) {
	t.Setenv(EnvDir, t.TempDir())
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.db"), filepath.Join(dir, "copy.db")
	if _, ok, err := ReadAnchor("id1", a); ok || err != nil {
		t.Fatalf("an anchor before any was written: %v %v", ok, err)
	}
	h := logbook.Head{Seq: 12, Hash: "abc"}
	if err := WriteAnchor("id1", a, h); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := ReadAnchor("id1", a); !ok || got != h {
		t.Errorf("anchor read back %+v %v", got, ok)
	}
	if _, ok, _ := ReadAnchor("id1", b); ok {
		t.Error("a copy at another path shares the anchor")
	}
	if _, ok, _ := ReadAnchor("id2", a); ok {
		t.Error("another database at the same path shares the anchor")
	}
	f, _ := anchorFile("id1", a)
	os.WriteFile(f, []byte("garbage"), 0o600)
	if got, ok, _ := ReadAnchor("id1", a); !ok || got.Seq != -1 {
		t.Errorf("unreadable anchor read as %+v", got)
	}
}
