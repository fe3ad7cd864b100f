// Package audit is the audit trail's rules: what one entry holds, its
// canonical encoding, and the SHA-256 hash chain that makes an edited,
// deleted or reordered row detectable. It is pure; package store keeps the
// rows and package auditing is the service.
package audit

import (
	"crypto/sha256"
	"encoding/hex"
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
)

// Entities lists them for filters.
var Entities = []string{EntityPrepLine, EntityPrepDept, EntityPrepCycle, EntityProject, EntityBudget, EntityAdjustment,
	EntityIndicatorVal, EntityEvaluation, EntityUser, EntityBonusRun, EntityBonusScore, EntityBonusStaff, EntitySetting,
	EntityDepartment, EntityActuals, EntityTargetValue}

// Entry is one recorded change of one field: who, when, what, old and
// new value, why. Seq, PrevHash and Hash are set when it is appended.
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
	Hash      string
}

// TimeFormat is how At is stored and hashed; a fixed format keeps the
// stored text and the hashed text the same.
const TimeFormat = time.RFC3339Nano

// Genesis is the PrevHash of the first row.
const Genesis = "0000000000000000000000000000000000000000000000000000000000000000"

// Canonical is the byte string that is hashed: every field, the sequence
// number included (so moving a row changes its hash), each prefixed by its
// length so that no two different rows encode alike.
func Canonical(e Entry) []byte {
	fields := []string{strconv.FormatInt(e.Seq, 10), e.At.Format(TimeFormat), e.Login, e.Entity, e.EntityKey,
		e.Field, e.Old, e.New, e.Reason, e.PrevHash}
	var b strings.Builder
	b.WriteString("budgetperf-audit-v1\n")
	for _, f := range fields {
		b.WriteString(strconv.Itoa(len(f)))
		b.WriteByte(':')
		b.WriteString(f)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// HashOf is the hex SHA-256 of e's canonical encoding (PrevHash included).
func HashOf(e Entry) string {
	sum := sha256.Sum256(Canonical(e))
	return hex.EncodeToString(sum[:])
}

// Chain numbers and links entries after the row (lastSeq, lastHash):
// the store calls it under the write lock, so nobody appends in between.
func Chain(lastSeq int64, lastHash string, entries []Entry) []Entry {
	if lastHash == "" {
		lastHash = Genesis
	}
	out := make([]Entry, len(entries))
	for i, e := range entries {
		lastSeq++
		e.Seq, e.PrevHash = lastSeq, lastHash
		e.Hash = HashOf(e)
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
)

// Result of Verify: OK, or the first bad row and what is wrong with it.
type Result struct {
	OK     bool
	Rows   int
	BadSeq int64
	Breach Breach
}

// Verify checks rows in the order stored (ascending Seq as read) and names
// the first bad row. A deleted last row cannot be told from a shorter
// trail by the chain alone; every other deletion breaks the links.
func Verify(rows []Entry) Result {
	present := make(map[int64]bool, len(rows))
	for _, r := range rows {
		present[r.Seq] = true
	}
	bad := func(r Entry, b Breach) Result { return Result{Rows: len(rows), BadSeq: r.Seq, Breach: b} }
	prevSeq, prevHash := int64(0), Genesis
	for _, r := range rows {
		switch {
		case HashOf(r) != r.Hash:
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
	return Result{OK: true, Rows: len(rows)}
}

// Head is the last row as recorded beside the trail when it was appended.
// Deleting the newest rows leaves a chain that is intact in itself; the
// head shows that rows are missing at the end.
type Head struct {
	Seq  int64
	Hash string
}

// VerifyWithHead is Verify plus the check that the trail still ends at
// head. A zero head (a trail written before heads were kept) checks nothing more.
func VerifyWithHead(rows []Entry, head Head) Result {
	r := Verify(rows)
	if !r.OK || head.Seq == 0 {
		return r
	}
	var last Entry
	if len(rows) > 0 {
		last = rows[len(rows)-1]
	}
	if last.Seq != head.Seq || last.Hash != head.Hash {
		return Result{Rows: len(rows), BadSeq: last.Seq + 1, Breach: Truncated}
	}
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
