package store

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A backup or restore writes its file under tempName (X.tmp-<pid>-<n>)
// and renames it into place; a killed one leaves the temporary file behind,
// as large as the database. They are removed on the next start, and a
// backup removes those of its own destination, once the process that wrote
// them is gone (or a day has passed, when the number may have been reused).

// tempPattern matches the suffix tempName adds, capturing the process id.
var tempPattern = regexp.MustCompile(`\.tmp-(\d+)-[0-9a-z]+$`)

// staleAfter is the age past which a temporary file is stale even though a
// process with its number runs.
const staleAfter = 24 * time.Hour

// removeStaleTemps removes the temporary files of interrupted backups and
// restores of the database at dbPath: beside it and in its backups folder.
// Nothing else is touched; failing to remove is harmless.
func removeStaleTemps(dbPath string) {
	base := filepath.Base(dbPath)
	removeStaleIn(filepath.Dir(dbPath), func(name string) bool {
		return name == base || strings.HasSuffix(name, BackupExt)
	})
	removeStaleIn(BackupDir(dbPath), func(name string) bool { return strings.HasSuffix(name, BackupExt) })
}

// removeStaleTempsOf removes the stale temporary files of the file dest.
func removeStaleTempsOf(dest string) {
	base := filepath.Base(dest)
	removeStaleIn(filepath.Dir(dest), func(name string) bool { return name == base })
}

// removeStaleIn removes from dir the stale temporary files whose name
// without the temporary suffix is accepted by of.
func removeStaleIn(dir string, of func(name string) bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		loc := tempPattern.FindStringSubmatchIndex(e.Name())
		if loc == nil || !e.Type().IsRegular() || !of(e.Name()[:loc[0]]) {
			continue
		}
		pid, err := strconv.Atoi(e.Name()[loc[2]:loc[3]])
		if err != nil {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		if time.Since(fi.ModTime()) > staleAfter || (pid != os.Getpid() && !processRuns(pid)) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
