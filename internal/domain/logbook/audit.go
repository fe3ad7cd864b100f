// Package logbook is the audit trail's rules: what one entry holds, its
// canonical encoding, and the keyed hash chain (HMAC-SHA-256, the key kept
// outside the database by package keyring) that makes an edited, deleted,
// reordered or re-chained row detectable. It is pure; package store keeps the
// rows and package audit is the service.
package logbook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// Entities recorded in the trail (Entry.Entity).
const (
	EntityPrepLine     = "prep_line"
	EntityPrepDept     = "prep_department"
	EntityPrepCycle    = "prep_cycle"
	EntityProject      = "project"
	EntityBudget       = "budget"
	EntityAdjustment   = "adjustment"
	EntityIndicatorVal = "indicator_value"
	EntityEvaluation   = "evaluation"
	EntityUser         = "user"
	EntityBonusRun     = "bonus_run"
	EntityBonusScore   = "bonus_score"
	EntityBonusStaff   = "bonus_staff"
	EntitySetting      = "setting"
	EntityDepartment   = "department"
	EntityActuals      = "actuals"
	EntityTargetValue  = "target_value"
	EntitySubject      = "subject"
)

// Entities lists them for filters.
var Entities = []string{EntityPrepLine, EntityPrepDept, EntityPrepCycle, EntityProject, EntityBudget, EntityAdjustment,
	EntityIndicatorVal, EntityEvaluation, EntityUser, EntityBonusRun, EntityBonusScore, EntityBonusStaff, EntitySetting,
	EntityDepartment, EntityActuals, EntityTargetValue, EntitySubject}

// Entry is one recorded change of one field: who, when, what, old and
// new value, why. Seq, PrevHash, KeyID and Hash are set when it is appended.
type Entry struct {
	Seq       int64
	At        time.Time
	Login     string
	Entity    string
	EntityKey string
	Field     string
	Old, New  string
	Reason    string
	PrevHash  string
	KeyID     string // the key that sealed the row; "" for a row of the older, unkeyed chain
	Hash      string
}

// Key seals rows: an installation's secret and its public name.
type Key struct {
	ID     string
	Secret []byte
}

// Keys finds the secret of a key id; ok=false when this PC lacks it.
type Keys func(id string) (secret []byte, ok bool)

// TimeFormat is how At is stored and hashed; a fixed format keeps the
// stored text and the hashed text the same.
const TimeFormat = time.RFC3339Nano

// Genesis is the PrevHash of the first row.
const Genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// Canonical is the byte string that is hashed: every field, the sequence
// number included (so moving a row changes its hash), each prefixed by its
// length so that no two different rows encode alike. Sealed rows (v2) also
// cover the key id, so a row cannot be passed off as sealed by another key.
func Canonical(e Entry) []byte {
	fields := []string{strconv.FormatInt(e.Seq, 10), e.At.Format(TimeFormat), e.Login, e.Entity, e.EntityKey,
		e.Field, e.Old, e.New, e.Reason, e.PrevHash}
	var b strings.Builder
	if e.KeyID == "" {
		b.WriteString("budgetperf-audit-v1\n")
	} else {
		b.WriteString("budgetperf-audit-v2\n")
		fields = append(fields, e.KeyID)
	}
	for _, f := range fields {
		b.WriteString(strconv.Itoa(len(f)))
		b.WriteByte(':')
		b.WriteString(f)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// HashOf is the row's hash: HMAC-SHA-256 of its canonical encoding under
// secret for a sealed row, plain SHA-256 for a row of the older chain
// (secret nil). Without the secret nobody can make a sealed row's hash,
// so an edited trail cannot be re-chained.
func HashOf(e Entry, secret []byte) string {
	if secret == nil {
		sum := sha256.Sum256(Canonical(e))
		return hex.EncodeToString(sum[:])
	}
	m := hmac.New(sha256.New, secret)
	m.Write(Canonical(e))
	return hex.EncodeToString(m.Sum(nil))
}

// Chain numbers, links and seals entries with key after the row (lastSeq,
// lastHash): the store calls it under the write lock, so nobody appends in
// between.
func Chain(lastSeq int64, lastHash string, key Key, entries []Entry) []Entry {
	if lastHash == "" {
		lastHash = Genesis
	}
	out := make([]Entry, len(entries))
	for i, e := range entries {
		lastSeq++
		e.Seq, e.PrevHash, e.KeyID = lastSeq, lastHash, key.ID
		e.Hash = HashOf(e, key.Secret)
		lastHash = e.Hash
		out[i] = e
	}
	return out
}

// Breach is what Verify found wrong.
type Breach string

const (
	// Edited: the row's content no longer matches its hash.
	Edited Breach = "edited"
	// Missing: rows before this one were deleted (a gap in the numbering).
	Missing Breach = "missing"
	// Reordered: the row stands before rows numbered lower.
	Reordered Breach = "reordered"
	// Truncated: the last rows were deleted (the recorded end of the
	// trail is missing).
	Truncated Breach = "truncated"
	// Unlinked: the row does not follow the row before it (reordered, or
	// the rows before were replaced).
	Unlinked Breach = "unlinked"
	// Unsealed: a row written since the trail was sealed carries no seal,
	// or a row of the older chain claims one.
	Unsealed Breach = "unsealed"
	// Rebuilt: the row this PC anchored is no longer the row in the trail
	// (the trail was wiped and written again).
	Rebuilt Breach = "rebuilt"
	// Unverifiable: rows were sealed with a key this PC does not have; the
	// links between rows hold, but the seals cannot be checked here.
	Unverifiable Breach = "unverifiable"
)

// Result of Verify: OK, or the first bad row and what is wrong with it.
// For Unverifiable, BadSeq is the first row and KeyIDs the missing keys.
type Result struct {
	OK     bool
	Rows   int
	BadSeq int64
	Breach Breach
	KeyIDs []string
	Head   Head // the head checked, set by VerifyTrail
}

// Verify checks the chain of rows in the order stored (ascending Seq as
// read) and names the first bad row. Rows from sealedFrom on must be sealed
// (rows before it belong to the older, unkeyed chain). A deleted last row
// cannot be told from a shorter trail by the chain alone (see VerifyTrail);
// every other deletion breaks the links.
func Verify(rows []Entry, sealedFrom int64, keys Keys) Result {
	present := make(map[int64]bool, len(rows))
	for _, r := range rows {
		present[r.Seq] = true
	}
	bad := func(r Entry, b Breach) Result { return Result{Rows: len(rows), BadSeq: r.Seq, Breach: b} }
	var unknown Result
	prevSeq, prevHash := int64(0), Genesis
	for _, r := range rows {
		secret, known := keyOf(r, keys)
		if !known && unknown.Breach == "" {
			unknown = bad(r, Unverifiable)
		}
		if !known && !contains(unknown.KeyIDs, r.KeyID) {
			unknown.KeyIDs = append(unknown.KeyIDs, r.KeyID)
		}
		switch {
		case (r.KeyID == "") != (r.Seq < sealedFrom):
			return bad(r, Unsealed)
		case known && HashOf(r, secret) != r.Hash:
			return bad(r, Edited)
		case r.Seq > prevSeq+1 && present[prevSeq+1]:
			return bad(r, Reordered)
		case r.Seq > prevSeq+1:
			return bad(r, Missing)
		case r.Seq != prevSeq+1, r.PrevHash != prevHash:
			return bad(r, Unlinked)
		}
		prevSeq, prevHash = r.Seq, r.Hash
	}
	if unknown.Breach != "" {
		return unknown
	}
	return Result{OK: true, Rows: len(rows)}
}

// keyOf is the secret that sealed r: nil for a row of the older chain,
// ok=false when the key is not on this PC.
func keyOf(r Entry, keys Keys) ([]byte, bool) {
	if r.KeyID == "" {
		return nil, true
	}
	if keys == nil {
		return nil, false
	}
	return keys(r.KeyID)
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// Head is the last row as recorded beside the trail when it was appended.
// Deleting the newest rows leaves a chain that is intact in itself; the
// head shows that rows are missing at the end.
type Head struct {
	Seq  int64
	Hash string
}

// String is the head as printed in report footers: "#seq hash-prefix".
func (h Head) String() string {
	if h.Hash == "" {
		return "#" + strconv.FormatInt(h.Seq, 10)
	}
	return "#" + strconv.FormatInt(h.Seq, 10) + " " + h.Hash[:min(len(h.Hash), 16)]
}

// Marks are what is kept beside the rows to hold the trail in place: the
// head recorded inside the database, the anchor this PC keeps outside it
// (nil when it has none) and the first sealed row.
type Marks struct {
	Head       Head
	Anchor     *Head
	SealedFrom int64
}

// VerifyTrail is Verify plus the checks that the trail still ends at its
// recorded head and still holds the row this PC anchored. A zero head (a
// trail written before heads were kept) checks nothing more.
func VerifyTrail(rows []Entry, m Marks, keys Keys) Result {
	r := Verify(rows, m.SealedFrom, keys)
	if !r.OK && r.Breach != Unverifiable {
		return r
	}
	var last Entry
	if len(rows) > 0 {
		last = rows[len(rows)-1]
	}
	if m.Head.Seq != 0 && (last.Seq != m.Head.Seq || last.Hash != m.Head.Hash) {
		return Result{Rows: len(rows), BadSeq: last.Seq + 1, Breach: Truncated}
	}
	if a := m.Anchor; a != nil && a.Seq != 0 {
		i := sort.Search(len(rows), func(i int) bool { return rows[i].Seq >= a.Seq })
		switch {
		case a.Seq < 0:
			return Result{Rows: len(rows), Breach: Rebuilt}
		case i == len(rows):
			return Result{Rows: len(rows), BadSeq: last.Seq + 1, Breach: Truncated}
		case rows[i].Seq != a.Seq || rows[i].Hash != a.Hash:
			return Result{Rows: len(rows), BadSeq: a.Seq, Breach: Rebuilt}
		}
	}
	r.Head = Head{Seq: last.Seq, Hash: last.Hash}
	return r
}

// Problem explains a failed Result in the user's language.
func (r Result) Problem() *domain.Problem {
	switch r.Breach {
	case Edited:
		return domain.NewProblem("problem.audit.edited", "The audit trail was tampered with: row {{.Seq}} was changed after it was recorded (its hash no longer matches). Restore the database from a backup and investigate.", "Seq", r.BadSeq)
	case Reordered:
		return domain.NewProblem("problem.audit.reordered", "The audit trail was tampered with: row {{.Seq}} stands before rows recorded earlier (rows were reordered). Restore the database from a backup and investigate.", "Seq", r.BadSeq)
	case Truncated:
		return domain.NewProblem("problem.audit.truncated", "The audit trail was tampered with: it was recorded further than it now goes; rows from row {{.Seq}} on were deleted. Restore the database from a backup and investigate.", "Seq", r.BadSeq)
	case Unsealed:
		return domain.NewProblem("problem.audit.unsealed", "The audit trail was tampered with: row {{.Seq}} does not carry the seal BudgetPerf puts on every row (it was written or rewritten outside the program). Restore the database from a backup and investigate.", "Seq", r.BadSeq)
	case Rebuilt:
		return domain.NewProblem("problem.audit.rebuilt", "The audit trail was tampered with: it no longer holds the row {{.Seq}} this PC recorded; the trail was wiped or rewritten. Restore the database from a backup and investigate.", "Seq", r.BadSeq)
	case Unverifiable:
		return domain.NewProblem("problem.audit.unverifiable", "The audit trail's rows link up, but from row {{.Seq}} on some rows were sealed on another PC (key {{.Keys}}), so their seals cannot be checked here. Export the audit key on that PC (Settings › Audit trail › Export audit key, or \"budgetperf audit key export FILE\"), import it here, and verify again.", "Seq", r.BadSeq, "Keys", strings.Join(r.KeyIDs, ", "))
	case Missing:
		return domain.NewProblem("problem.audit.missing", "The audit trail was tampered with: rows before row {{.Seq}} were deleted. Restore the database from a backup and investigate.", "Seq", r.BadSeq)
	default:
		return domain.NewProblem("problem.audit.unlinked", "The audit trail was tampered with: row {{.Seq}} does not follow the row before it (rows were reordered, replaced or deleted). Restore the database from a backup and investigate.", "Seq", r.BadSeq)
	}
}

// Change returns an entry for field when old and new differ, else ok=false,
// so callers record only what changed.
func Change(entity, key, field, old, new, reason string) (Entry, bool) {
	if old == new {
		return Entry{}, false
	}
	return Entry{Entity: entity, EntityKey: key, Field: field, Old: old, New: new, Reason: reason}, true
}
