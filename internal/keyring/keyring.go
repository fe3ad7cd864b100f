// Package keyring keeps what seals the audit trail outside the database:
// the installation's secret key (the trail's rows carry a keyed hash made
// with it, so nobody holding only the database file can re-chain edited
// rows) and, per database file, the anchor: the last row (sequence and
// hash) this PC saw recorded, so that deleting the newest rows, or wiping
// and rebuilding the trail, shows even when the copy inside the file was
// rewritten as well.
//
// What it cannot protect against: someone who has both the database and
// this folder (the user's own account, or an administrator of the PC) can
// compute valid hashes and move the anchor. Printed reports carry the head
// in their footer for that case: a paper page proves the trail as it was.
package keyring

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetperf/budgetperf/internal/atomicfile"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
)

// EnvDir overrides the folder (tests, a portable installation).
const EnvDir = "BUDGETPERF_KEYS"

// Dir is the folder of keys and anchors: $BUDGETPERF_KEYS, else the user's
// configuration folder. Test binaries use a folder under the system
// temporary directory instead, so running the tests never leaves keys in
// the developer's own configuration.
func Dir() (string, error) {
	if d := os.Getenv(EnvDir); d != "" {
		return d, nil
	}
	if testing.Testing() {
		return filepath.Join(os.TempDir(), "budgetperf-test-keys"), nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the user configuration folder: %w", err)
	}
	return filepath.Join(dir, "BudgetPerf", "keys"), nil
}

// Key is one installation's secret; ID names it in the rows it sealed.
type Key = logbook.Key

const currentFile = "current"

// Current returns this installation's key, creating it on first use.
func Current() (Key, error) {
	dir, err := Dir()
	if err != nil {
		return Key{}, err
	}
	if b, err := os.ReadFile(filepath.Join(dir, currentFile)); err == nil {
		id := strings.TrimSpace(string(b))
		if secret, ok := Lookup(id); ok {
			return Key{ID: id, Secret: secret}, nil
		}
		return Key{}, fmt.Errorf("the audit key %s named in %s is missing or unreadable; restore that folder from the PC's backup", id, dir)
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return Key{}, err
	}
	k := Key{ID: IDOf(secret), Secret: secret}
	if err := writeKey(dir, k); err != nil {
		return Key{}, err
	}
	return k, writeFile(filepath.Join(dir, currentFile), []byte(k.ID+"\n"))
}

// IDOf is a key's public name: the start of the hash of the secret.
func IDOf(secret []byte) string {
	sum := sha256.Sum256(append([]byte("budgetperf-audit-key-id\n"), secret...))
	return hex.EncodeToString(sum[:8])
}

// Lookup finds the secret of key id: this installation's own, or one
// imported from another PC that wrote part of the trail.
func Lookup(id string) ([]byte, bool) {
	dir, err := Dir()
	if err != nil || !validID(id) {
		return nil, false
	}
	b, err := os.ReadFile(filepath.Join(dir, id+".key"))
	if err != nil {
		return nil, false
	}
	secret, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil || IDOf(secret) != id {
		return nil, false
	}
	return secret, true
}

func validID(id string) bool {
	if len(id) != 16 {
		return false
	}
	_, err := hex.DecodeString(id)
	return err == nil
}

func writeKey(dir string, k Key) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("creating the key folder %s: %w", dir, err)
	}
	return writeFile(filepath.Join(dir, k.ID+".key"), []byte(hex.EncodeToString(k.Secret)+"\n"))
}

// Export writes key id to path, for the PC that must verify rows this one
// sealed; the file is the secret itself and must be handled like a password.
func Export(id, path string) error {
	secret, ok := Lookup(id)
	if !ok {
		return fmt.Errorf("no audit key %s on this PC", id)
	}
	return writeFile(path, []byte(hex.EncodeToString(secret)+"\n"))
}

// Import adds the key in path to the keys this PC can verify with and
// returns its id.
func Import(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", err
	}
	return Add(strings.TrimSpace(string(b)))
}

// Add adds a key given as hex text (a file's, or one a server database
// kept) to the keys this PC can verify with and returns its id.
func Add(text string) (string, error) {
	secret, err := hex.DecodeString(text)
	if err != nil || len(secret) != 32 {
		return "", errors.New("not a BudgetPerf audit key file")
	}
	dir, err := Dir()
	if err != nil {
		return "", err
	}
	k := Key{ID: IDOf(secret), Secret: secret}
	return k.ID, writeKey(dir, k)
}

// anchorFile names the anchor of one database file: its identity and its
// absolute path, so a copy opened elsewhere keeps an anchor of its own.
func anchorFile(dbID, dbPath string) (string, error) {
	dir, err := Dir()
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256([]byte(dbID + "\x00" + abs))
	return filepath.Join(dir, "anchors", hex.EncodeToString(sum[:16])), nil
}

// ReadAnchor returns the anchored head of the database; ok=false when this
// PC has none for it.
func ReadAnchor(dbID, dbPath string) (h logbook.Head, ok bool, err error) {
	f, err := anchorFile(dbID, dbPath)
	if err != nil {
		return h, false, err
	}
	b, err := os.ReadFile(f)
	if errors.Is(err, os.ErrNotExist) {
		return h, false, nil
	}
	if err != nil {
		return h, false, err
	}
	seq, hash, _ := strings.Cut(strings.TrimSpace(string(b)), " ")
	n, err := strconv.ParseInt(seq, 10, 64)
	if err != nil {
		return logbook.Head{Seq: -1}, true, nil // an unreadable anchor was tampered with
	}
	return logbook.Head{Seq: n, Hash: hash}, true, nil
}

// WriteAnchor records h as the database's head on this PC.
func WriteAnchor(dbID, dbPath string, h logbook.Head) error {
	f, err := anchorFile(dbID, dbPath)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(f), 0o700); err != nil {
		return err
	}
	return writeFile(f, []byte(strconv.FormatInt(h.Seq, 10)+" "+h.Hash+"\n"))
}

// writeFile replaces path whole or not at all; keys and anchors are private.
func writeFile(path string, data []byte) error { return atomicfile.WriteBytes(path, 0o600, data) }
