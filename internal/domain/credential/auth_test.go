package credential

import (
	"strings"
	"testing"
	"time"
)

// fast keeps the tests quick; the encoding carries whatever was used.
var fast = Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestDefaultParameters(t *testing.T) {
	// RFC 9106 / OWASP floor for argon2id: at least 19 MiB and 2 passes.
	if Default.Memory < 19*1024 || Default.Time < 2 || Default.SaltLen < 16 || Default.KeyLen < 32 {
		t.Fatalf("parameters too weak: %+v", Default)
	}
	h, err := Hash("correct horse", Default)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Errorf("encoding %q", h)
	}
	p, salt, key, err := Decode(h)
	if err != nil || p != Default || len(salt) != 16 || len(key) != 32 {
		t.Errorf("decode: %+v %d %d %v", p, len(salt), len(key), err)
	}
	if ok, err := Verify("correct horse", h); !ok || err != nil {
		t.Errorf("verify: %v %v", ok, err)
	}
}

func TestHashAndVerify(t *testing.T) {
	h1, _ := Hash("s3cret-pass", fast)
	h2, _ := Hash("s3cret-pass", fast)
	if h1 == h2 {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	tests := []struct {
		password, encoded string
		ok                bool
		err               error
	}{
		{"s3cret-pass", h1, true, nil},
		{"s3cret-pass", h2, true, nil},
		{"S3cret-pass", h1, false, nil},
		{"", h1, false, nil},
		{"s3cret-pass", "plain", false, ErrMalformed},
		{"s3cret-pass", "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA", false, ErrMalformed},
		{"s3cret-pass", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA", false, ErrMalformed},
	}
	for _, tt := range tests {
		ok, err := Verify(tt.password, tt.encoded)
		if ok != tt.ok || err != tt.err {
			t.Errorf("Verify(%q, %q) = %v, %v; want %v, %v", tt.password, tt.encoded, ok, err, tt.ok, tt.err)
		}
	}
}

func TestLockOut(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var a Attempt
	for i := 1; i < MaxFailures; i++ {
		a = a.Failed(t0)
		if a.Locked(t0) {
			t.Fatalf("locked after %d failures", i)
		}
	}
	a = a.Failed(t0)
	tests := []struct {
		at     time.Duration
		locked bool
	}{
		{0, true},
		{14 * time.Minute, true},
		{LockFor - time.Second, true},
		{LockFor, false},
		{time.Hour, false},
	}
	for _, tt := range tests {
		if got := a.Locked(t0.Add(tt.at)); got != tt.locked {
			t.Errorf("at +%v locked=%v, want %v", tt.at, got, tt.locked)
		}
	}
	// After the lock expires one more failure does not lock again at once.
	later := t0.Add(LockFor + time.Minute)
	b := a.Failed(later)
	if b.Locked(later) || b.Failures != 1 {
		t.Errorf("after expiry: %+v", b)
	}
	if a.Succeeded() != (Attempt{}) {
		t.Error("success keeps the count")
	}
}
