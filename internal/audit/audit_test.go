package audit

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
	return Chain(0, "", es)
}

func TestChainAndVerify(t *testing.T) {
	rows := sample(5)
	if rows[0].Seq != 1 || rows[0].PrevHash != Genesis || rows[4].Seq != 5 || rows[4].PrevHash != rows[3].Hash {
		t.Fatalf("chain: %+v", rows)
	}
	if r := Verify(rows); !r.OK || r.Rows != 5 {
		t.Fatalf("intact chain fails: %+v", r)
	}
	if r := Verify(nil); !r.OK {
		t.Fatal("empty trail fails")
	}
	// Appending later continues the chain.
	more := Chain(rows[4].Seq, rows[4].Hash, []Entry{{Login: "x", Entity: EntityUser, EntityKey: "x", Field: "role", New: "auditor"}})
	if r := Verify(append(rows, more...)); !r.OK {
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
		{"edited and rehashed", func(r []Entry) []Entry { r[2].New = "999"; r[2].Hash = HashOf(r[2]); return r }, 4, Unlinked},
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
			fake.Hash = HashOf(fake)
			return append(r[:2], append([]Entry{fake}, r[2:]...)...)
		}, 3, Unlinked},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows := tt.tamper(sample(5))
			r := Verify(rows)
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
		r := VerifyWithHead(tt.rows, tt.head)
		if r.OK != tt.ok || r.BadSeq != tt.seq {
			t.Errorf("%s: %+v", tt.name, r)
		}
	}
	if r := VerifyWithHead(rows[:4], head); r.Breach != Truncated || r.Problem().Key != "problem.audit.truncated" {
		t.Errorf("truncation: %+v", r)
	}
}

// Length prefixes keep field boundaries: moving text between fields changes the hash.
func TestCanonicalBoundaries(t *testing.T) {
	a := Entry{Seq: 1, Field: "ab", Old: "c"}
	b := Entry{Seq: 1, Field: "a", Old: "bc"}
	if HashOf(a) == HashOf(b) {
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
