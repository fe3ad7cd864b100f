package logbook

import (
	"testing"
	"time"
)

func sample(n int) []Entry {
	t0 := time.Date(2026, 1, 15, 9, 30, 0, 123000000, time.FixedZone("CST", 8*3600))
	var es []Entry
	for i := 0; i < n; i++ {
		es = append(es, Entry{At: t0.Add(time.Duration(i) * time.Minute), Login: "li", Entity: EntityPrepLine,
			EntityKey: "2026/101/30201", Field: "proposal_fen", Old: "100", New: "200", Reason: "复核"})
	}
	return Chain(0, "", testKey, es)
}

var testKey = Key{ID: "00112233aabbccdd", Secret: []byte("0123456789abcdef0123456789abcdef")}

func keys(id string) ([]byte, bool) {
	if id == testKey.ID {
		return testKey.Secret, true
	}
	return nil, false
}

func verify(rows []Entry) Result { return Verify(rows, 1, keys) }

func TestChainAndVerify(t *testing.T) {
	rows := sample(5)
	if rows[0].Seq != 1 || rows[0].PrevHash != Genesis || rows[4].Seq != 5 || rows[4].PrevHash != rows[3].Hash {
		t.Fatalf("chain: %+v", rows)
	}
	if r := verify(rows); !r.OK || r.Rows != 5 {
		t.Fatalf("intact chain fails: %+v", r)
	}
	if r := verify(nil); !r.OK {
		t.Fatal("empty trail fails")
	}
	// Appending later continues the chain.
	more := Chain(rows[4].Seq, rows[4].Hash, testKey, []Entry{{Login: "x", Entity: EntityUser, EntityKey: "x", Field: "role", New: "auditor"}})
	if r := verify(append(rows, more...)); !r.OK {
		t.Fatalf("continued chain fails: %+v", r)
	}
}

func TestTampering(t *testing.T) {
	tests := []struct {
		name   string
		tamper func([]Entry) []Entry
		seq    int64
		breach Breach
	}{
		{"edited new value", func(r []Entry) []Entry { r[2].New = "999"; return r }, 3, Edited},
		{"edited login", func(r []Entry) []Entry { r[1].Login = "wang"; return r }, 2, Edited},
		{"edited time", func(r []Entry) []Entry { r[3].At = r[3].At.Add(time.Second); return r }, 4, Edited},
		{"edited and rehashed", func(r []Entry) []Entry { r[2].New = "999"; r[2].Hash = HashOf(r[2], testKey.Secret); return r }, 4, Unlinked},
		{"deleted middle", func(r []Entry) []Entry { return append(r[:2], r[3:]...) }, 4, Missing},
		{"deleted first", func(r []Entry) []Entry { return r[1:] }, 2, Missing},
		{"reordered", func(r []Entry) []Entry { r[1], r[2] = r[2], r[1]; return r }, 3, Reordered},
		// In the database rows are read by seq: reordering means swapping numbers.
		{"numbers swapped", func(r []Entry) []Entry {
			r[1], r[2] = r[2], r[1]
			r[1].Seq, r[2].Seq = 2, 3
			return r
		}, 2, Edited},
		{"renumbered after delete", func(r []Entry) []Entry {
			r = append(r[:2], r[3:]...)
			r[2].Seq, r[3].Seq = 3, 4
			return r
		}, 3, Edited},
		{"inserted", func(r []Entry) []Entry {
			fake := r[1]
			fake.Seq = 3
			fake.Hash = HashOf(fake, testKey.Secret)
			return append(r[:2], append([]Entry{fake}, r[2:]...)...)
		}, 3, Unlinked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := tt.tamper(sample(5))
			r := verify(rows)
			if r.OK || r.BadSeq != tt.seq || r.Breach != tt.breach {
				t.Errorf("got %+v, want bad row %d (%s)", r, tt.seq, tt.breach)
			}
			if p := r.Problem(); p == nil || p.Args["Seq"] != tt.seq {
				t.Errorf("problem %v", p)
			}
		})
	}
}

func TestTruncationNeedsTheHead(t *testing.T) {
	rows := sample(5)
	head := Head{Seq: 5, Hash: rows[4].Hash}
	tests := []struct {
		name string
		rows []Entry
		head Head
		ok   bool
		seq  int64
	}{
		{"intact", rows, head, true, 0},
		{"last row deleted", rows[:4], head, false, 5},
		{"all deleted", nil, head, false, 1},
		{"no head kept", rows[:4], Head{}, true, 0},
		{"row edited beats the head", append(append([]Entry{}, rows[:2]...), Entry{Seq: 3}), head, false, 3},
	}
	for _, tt := range tests {
		r := VerifyTrail(tt.rows, Marks{Head: tt.head, SealedFrom: 1}, keys)
		if r.OK != tt.ok || r.BadSeq != tt.seq {
			t.Errorf("%s: %+v", tt.name, r)
		}
	}
	if r := VerifyTrail(rows[:4], Marks{Head: head, SealedFrom: 1}, keys); r.Breach != Truncated || r.Problem().Key != "problem.audit.truncated" {
		t.Errorf("truncation: %+v", r)
	}
}

// The attacks of issue 17 on a trail whose head inside the file is
// rewritten too: only the seal and the anchor outside the file catch them.
func TestAttacksOnTheWholeTrail(t *testing.T) {
	rows := sample(5)
	anchor := &Head{Seq: 5, Hash: rows[4].Hash}
	headOf := func(r []Entry) Head {
		if len(r) == 0 {
			return Head{}
		}
		return Head{Seq: r[len(r)-1].Seq, Hash: r[len(r)-1].Hash}
	}
	rechainPlain := func() []Entry { // what 20 lines of Python did to the older chain
		r := append([]Entry{}, rows...)
		r[2].New = "999"
		prev := Genesis
		for i := range r {
			r[i].PrevHash = prev
			r[i].Hash = HashOf(r[i], nil)
			prev = r[i].Hash
		}
		return r
	}
	unkeyed := func() []Entry { // the same, claiming no key at all
		r := rechainPlain()
		prev := Genesis
		for i := range r {
			r[i].KeyID, r[i].PrevHash = "", prev
			r[i].Hash = HashOf(r[i], nil)
			prev = r[i].Hash
		}
		return r
	}
	otherKey := Chain(0, "", Key{ID: "ffffffffffffffff", Secret: []byte("attacker's own secret key 123456")}, rows)
	tests := []struct {
		name   string
		rows   []Entry
		marks  Marks
		breach Breach
		seq    int64
	}{
		{"last rows and the head deleted", rows[:3], Marks{Head: headOf(rows[:3]), Anchor: anchor, SealedFrom: 1}, Truncated, 4},
		{"trail and head wiped", nil, Marks{Anchor: anchor, SealedFrom: 1}, Truncated, 1},
		{"re-chained with plain SHA-256", rechainPlain(), Marks{Head: headOf(rechainPlain()), SealedFrom: 1}, Edited, 1},
		{"re-chained as unsealed rows", unkeyed(), Marks{Head: headOf(unkeyed()), SealedFrom: 1}, Unsealed, 1},
		{"re-chained with another key", otherKey, Marks{Head: headOf(otherKey), Anchor: anchor, SealedFrom: 1}, Rebuilt, 5},
		{"re-chained with another key, no anchor", otherKey, Marks{Head: headOf(otherKey), SealedFrom: 1}, Unverifiable, 1},
		{"unreadable anchor", rows, Marks{Head: headOf(rows), Anchor: &Head{Seq: -1}, SealedFrom: 1}, Rebuilt, 0},
	}
	for _, tt := range tests {
		r := VerifyTrail(tt.rows, tt.marks, keys)
		if r.OK || r.Breach != tt.breach || r.BadSeq != tt.seq {
			t.Errorf("%s: got %+v, want %s at %d", tt.name, r, tt.breach, tt.seq)
		}
		if r.Problem() == nil {
			t.Errorf("%s: no message", tt.name)
		}
	}
	if r := VerifyTrail(rows, Marks{Head: headOf(rows), Anchor: anchor, SealedFrom: 1}, keys); !r.OK {
		t.Errorf("intact anchored trail: %+v", r)
	}
	// The anchor may lag behind the trail (another program appended since).
	if r := VerifyTrail(rows, Marks{Head: headOf(rows), Anchor: &Head{Seq: 3, Hash: rows[2].Hash}, SealedFrom: 1}, keys); !r.OK {
		t.Errorf("lagging anchor: %+v", r)
	}
}

// Rows of the older, unkeyed chain are accepted before the first sealed
// row only, and an unverifiable row still has its links checked.
func TestOlderRowsAndForeignKeys(t *testing.T) {
	old := Chain(0, "", Key{}, sample(3))
	all := append(old, Chain(3, old[2].Hash, testKey, sample(2))...)
	if r := Verify(all, 4, keys); !r.OK {
		t.Errorf("older rows then sealed ones: %+v", r)
	}
	if r := Verify(all, 3, keys); r.Breach != Unsealed || r.BadSeq != 3 {
		t.Errorf("an unsealed row after the boundary: %+v", r)
	}
	foreign := Chain(0, "", Key{ID: "abababababababab", Secret: []byte("another PC's key")}, sample(3))
	if r := Verify(foreign, 1, keys); r.Breach != Unverifiable || r.BadSeq != 1 || len(r.KeyIDs) != 1 {
		t.Errorf("foreign key: %+v", r)
	}
	foreign[1].PrevHash = "x"
	if r := Verify(foreign, 1, keys); r.Breach != Unlinked {
		t.Errorf("a broken link among foreign rows: %+v", r)
	}
}

// Length prefixes keep field boundaries: moving text between fields changes the hash.
func TestCanonicalBoundaries(t *testing.T) {
	a := Entry{Seq: 1, Field: "ab", Old: "c"}
	b := Entry{Seq: 1, Field: "a", Old: "bc"}
	if HashOf(a, nil) == HashOf(b, nil) || HashOf(a, testKey.Secret) == HashOf(b, testKey.Secret) {
		t.Error("field boundaries are not encoded")
	}
}

func TestChange(t *testing.T) {
	if _, ok := Change(EntityPrepLine, "k", "f", "1", "1", ""); ok {
		t.Error("no change recorded")
	}
	if e, ok := Change(EntityPrepLine, "k", "f", "1", "2", "r"); !ok || e.Old != "1" || e.New != "2" {
		t.Error("change lost")
	}
}
