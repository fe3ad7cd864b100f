// Package credential hashes and checks passwords and decides lock-out. It is
// pure: the accounts service stores what it returns.
package credential

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/crypto/argon2"
)

// Params are argon2id's cost parameters. They are encoded into every hash,
// so raising them later leaves existing passwords working.
type Params struct {
	Memory  uint32 // KiB
	Time    uint32 // passes
	Threads uint8
	SaltLen uint32
	KeyLen  uint32
}

// Default follows RFC 9106's second recommendation (64 MiB, 3 passes) with
// two lanes: about 0.1–0.3 s on an office PC, once per sign-in.
var Default = Params{Memory: 64 * 1024, Time: 3, Threads: 2, SaltLen: 16, KeyLen: 32}

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 8

// Lock-out: after MaxFailures wrong passwords in a row the account is
// locked for LockFor.
const (
	MaxFailures = 5
	LockFor     = 15 * time.Minute
)

var b64 = base64.RawStdEncoding

// Hash returns the PHC-style encoding of password under p with a fresh
// random salt: $argon2id$v=19$m=65536,t=3,p=2$salt$key.
func Hash(password string, p Params) (string, error) {
	salt := make([]byte, p.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("making a salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.Memory, p.Time, p.Threads,
		b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// ErrMalformed is a stored hash that cannot be read.
var ErrMalformed = errors.New("malformed password hash")

// Decode reads the parameters, salt and key of an encoded hash.
func Decode(encoded string) (p Params, salt, key []byte, err error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return p, nil, nil, ErrMalformed
	}
	var v int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return p, nil, nil, ErrMalformed
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.Memory, &p.Time, &p.Threads); err != nil {
		return p, nil, nil, ErrMalformed
	}
	if salt, err = b64.DecodeString(parts[4]); err != nil {
		return p, nil, nil, ErrMalformed
	}
	if key, err = b64.DecodeString(parts[5]); err != nil {
		return p, nil, nil, ErrMalformed
	}
	if p.Memory == 0 || p.Time == 0 || p.Threads == 0 || len(key) == 0 {
		return p, nil, nil, ErrMalformed
	}
	p.SaltLen, p.KeyLen = uint32(len(salt)), uint32(len(key))
	return p, salt, key, nil
}

// Verify reports whether password matches encoded, comparing in constant time.
func Verify(password, encoded string) (bool, error) {
	p, salt, key, err := Decode(encoded)
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, p.Time, p.Memory, p.Threads, p.KeyLen)
	return subtle.ConstantTimeCompare(got, key) == 1, nil
}

// Attempt is the lock-out state of an account.
type Attempt struct {
	Failures    int
	LockedUntil time.Time
}

// Locked reports whether the account refuses sign-in at now.
func (a Attempt) Locked(now time.Time) bool { return now.Before(a.LockedUntil) }

// Failed is the state after a wrong password at now: the MaxFailures-th
// failure in a row locks the account for LockFor and starts a new count.
func (a Attempt) Failed(now time.Time) Attempt {
	if !a.LockedUntil.IsZero() && !a.Locked(now) {
		a = Attempt{} // an expired lock starts the count again
	}
	a.Failures++
	if a.Failures >= MaxFailures {
		a.LockedUntil = now.Add(LockFor)
	}
	return a
}

// Succeeded is the state after a good password: the count is cleared.
func (a Attempt) Succeeded() Attempt { return Attempt{} }
