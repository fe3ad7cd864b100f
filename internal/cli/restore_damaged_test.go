package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// damages are the ways the current database cannot be read: not a
// database at all, a broken header, a page overwritten (found only by the
// integrity check).
var damages = []struct {
	what   string
	damage func(t *testing.T, path string)
}{
	{"not a database", func(t *testing.T, path string) {
		os.WriteFile(path, []byte("this is not a database, it was overwritten by a text editor\n"), 0o644)
	}},
	{"broken header", func(t *testing.T, path string) { overwrite(t, path, 0, bytes.Repeat([]byte{'x'}, 16)) }},
	{"overwritten page", func(t *testing.T, path string) {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		overwrite(t, path, fi.Size()/2/4096*4096, bytes.Repeat([]byte{0xA5}, 4096))
	}},
}

func overwrite(t *testing.T, path string, at int64, b []byte) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(b, at); err != nil {
		t.Fatal(err)
	}
}

// A database that cannot be read is restored by an administrator of the
// backup, signing in against the backup's accounts; a department head or
// a wrong password is refused with the damaged file unchanged, and the
// restore keeps the damaged file aside as .damaged-….
func TestRestoreOverADamagedDatabase(t *testing.T) {
	for _, d := range damages {
		t.Run(d.what, func(t *testing.T) {
			db, _ := demoWithBackup(t, "2025")
			as(t, "", "")
			addUser(t, db, "admin", "administrator", "Admin-pass-1")
			as(t, "admin", "Admin-pass-1")
			addUser(t, db, "keshi", "department_head", "Keshi-pass-1", "--departments", "103")
			bak := filepath.Join(t.TempDir(), "with-users.bpbak")
			if code, _, stderr := run(t, "--db", db, "backup", "-o", bak); code != ExitOK {
				t.Fatalf("backup: %s", stderr)
			}
			d.damage(t, db)
			damaged, _ := os.ReadFile(db)
			// Opening checks the header only: an overwritten page is found
			// by the integrity check the restore runs.
			if code, _, _ := run(t, "--db", db, "departments", "list"); code == ExitOK && d.what != "overwritten page" {
				t.Fatal("the damaged database still opens")
			}
			refusals := []struct{ login, password, want string }{
				{"keshi", "Keshi-pass-1", "may not back up or restore"},
				{"admin", "wrong-pass", "wrong"},
				{"nobody", "Admin-pass-1", "wrong"},
				{"", "", "--user"},
			}
			for _, r := range refusals {
				as(t, r.login, r.password)
				code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", bak)
				if code != ExitRefused || !strings.Contains(stderr, r.want) || !strings.Contains(stderr, db) {
					t.Errorf("%q restoring: exit %d, %q", r.login, code, stderr)
				}
			}
			if now, _ := os.ReadFile(db); !bytes.Equal(now, damaged) {
				t.Fatal("a refused restore changed the damaged file")
			}
			if left, _ := filepath.Glob(db + ".*"); len(left) != 0 {
				t.Fatalf("a refused restore left %v", left)
			}
			as(t, "admin", "Admin-pass-1")
			code, stdout, stderr := run(t, "--db", db, "--lang", "en", "restore", bak)
			if code != ExitOK || !strings.Contains(stdout, ".damaged-") {
				t.Fatalf("the backup's administrator restoring: exit %d, %q %q", code, stdout, stderr)
			}
			kept, _ := filepath.Glob(db + ".damaged-*")
			if len(kept) != 1 {
				t.Fatalf("damaged files kept: %v", kept)
			}
			// SQLite may note in the header that the kept file left WAL mode;
			// every page is as it was.
			if b, _ := os.ReadFile(kept[0]); len(b) != len(damaged) || len(b) > 100 && !bytes.Equal(b[100:], damaged[100:]) {
				t.Error("the kept file is not the damaged database")
			}
			if code, _, stderr := run(t, "--db", db, "departments", "list"); code != ExitOK {
				t.Errorf("after the restore: exit %d, %q", code, stderr)
			}
		})
	}
}

// Over a database that cannot be read, a backup without accounts would
// leave the local administrator: whether the damaged file had accounts
// cannot be known, so this is said and needs --accept-account-changes.
func TestRestoreWithoutAccountsOverADamagedDatabase(t *testing.T) {
	db, bak := demoWithBackup(t, "2025")
	damages[1].damage(t, db)
	damaged, _ := os.ReadFile(db)
	as(t, "", "")
	code, _, stderr := run(t, "--db", db, "--lang", "en", "restore", bak)
	if code != ExitRefused || !strings.Contains(stderr, "cannot be read") || !strings.Contains(stderr, "sign-in is off") || !strings.Contains(stderr, "--accept-account-changes") {
		t.Errorf("without the option: exit %d, %q", code, stderr)
	}
	if now, _ := os.ReadFile(db); !bytes.Equal(now, damaged) {
		t.Fatal("the refused restore changed the damaged file")
	}
	code, _, stderr = run(t, "--db", db, "--lang", "zh", "restore", bak)
	if code != ExitRefused || !strings.Contains(stderr, "无法读取") || hasEnglish(stderr) {
		t.Errorf("zh: exit %d, %q", code, stderr)
	}
	if code, stdout, stderr := run(t, "--db", db, "restore", "--accept-account-changes", bak); code != ExitOK || !strings.Contains(stdout, ".damaged-") {
		t.Errorf("with the option: exit %d, %q %q", code, stdout, stderr)
	}
}
