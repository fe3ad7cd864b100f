package logbook

import (
	"sort"
	"strconv"
	"strings"
)

// The data check: the current value of every audited field must equal the
// last value the trail recorded for it, so that a change written into the
// file directly — past the services, which record every change — is found.
//
// Store reads the current values (Data) formatted exactly as the services
// write them into the trail; CompareData walks the trail once, oldest
// first, and compares. It is deliberately conservative: a field is
// compared only where the trail tells what it must be, because values the
// program writes without a trail (the demo hospital, a budget approved as a
// whole, seeds of a preparation cycle) must not look like tampering.
//
// Covered, and how:
//   - budget: each line's amount against its last "amount" entry (imports
//     and adjustments record every line they change; "" is a removed line);
//     a year whose budget was first imported with its summary recorded
//     (field "imported", old "") has every line in the trail, so a line
//     without one is named; a year with a recorded total (imported, or
//     approved from the preparation) must still add up to it plus the
//     recorded line changes since.
//   - prep_line (proposal, control, note, revised) and prep_department
//     (state, control_total): against the last entry; where the cycle's
//     opening is in the trail the seeds are known (draft, proposal 0.00, no
//     control figure, no note), so a line or department never changed by
//     the services must still hold them. Cancelling a year forgets its
//     lines and departments; removing a line forgets it; issuing control
//     figures restarts every revised figure without a trail (the start is
//     the control figure), so revised is compared only after its own entry.
//   - user (name, role, departments, locked): every account is created with
//     its trail (the table and the trail came in the same schema version),
//     so an account without one is named; the built-in local administrator
//     has no row.
//   - bonus_run (pool, weights, each department's bonus, status) of the
//     year's current run; a run without a trail is named (runs are only
//     made by the service). bonus_staff per department present in the split
//     (people, amount): re-saving a draft drops its split without a trail, so
//     a missing split is not named. bonus_score where the trail has it (the
//     demo enters workload scores without one).
//   - evaluation (state, score) where the trail has it (the demo's
//     evaluations have none); department fields and settings where the
//     trail has them (the demo and built-in departments have none).
//
//   - actuals: each year's number of ledger lines and total, from the
//     year's first ledger import on (the trail records a period's totals
//     after each import, not its lines; the demo's actuals and years of
//     month summaries only have no recorded year total to start from). Read
//     as one aggregate over the ledger.
//
// Not covered: projects, adjustments, indicator values, target values and
// project spending (their entries are summaries or text the data keeps in
// another shape: a project's "targets" is a count, a deleted project is its
// name and amount, an adjustment's lines live on as budget lines, which are
// compared), and prep_cycle (its "contents" is a summary).

// Data is the current value of every audited field: entity → record key
// (as the trail's EntityKey) → field → value as the trail writes it. A
// record that is absent is not in the map.
type Data map[string]map[string]map[string]string

// Set records value for entity/key/field.
func (d Data) Set(entity, key, field, value string) {
	recs := d[entity]
	if recs == nil {
		recs = map[string]map[string]string{}
		d[entity] = recs
	}
	rec := recs[key]
	if rec == nil {
		rec = map[string]string{}
		recs[key] = rec
	}
	rec[field] = value
}

// MismatchKind says how data and trail disagree.
type MismatchKind string

const (
	// DataChanged: the field holds another value than the trail's last.
	DataChanged MismatchKind = "changed"
	// DataDeleted: the trail says the record exists; the data has none.
	DataDeleted MismatchKind = "deleted"
	// DataUntracked: the record exists, but its creation was never recorded.
	DataUntracked MismatchKind = "untracked"
)

// Mismatch is one field (or record) where the data is not what the trail says.
type Mismatch struct {
	Kind        MismatchKind
	Entity      string
	Key         string
	Field       string // "" for a whole record
	Trail, Data string // the trail's last value and the data's value
	Seq         int64  // the trail row holding the last value; 0 when none
}

// FenText is an amount in fen as the trail writes it (money.Amount.String):
// yuan with two decimals, no separators.
func FenText(fen int64) string {
	sign := ""
	u := uint64(fen)
	if fen < 0 {
		sign, u = "-", -u
	}
	cents := strconv.FormatUint(u%100, 10)
	if len(cents) < 2 {
		cents = "0" + cents
	}
	return sign + strconv.FormatUint(u/100, 10) + "." + cents
}

// parseFen reads FenText back; ok is false for anything else ("" included).
func parseFen(s string) (int64, bool) {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, found := strings.Cut(s, ".")
	if !found || len(frac) != 2 || whole == "" {
		return 0, false
	}
	w, err1 := strconv.ParseInt(whole, 10, 64)
	f, err2 := strconv.ParseInt(frac, 10, 64)
	if err1 != nil || err2 != nil || f < 0 {
		return 0, false
	}
	v := w*100 + f
	if neg {
		v = -v
	}
	return v, true
}

// MilliText is a coefficient in thousandths as the trail writes it ("1.150").
func MilliText(milli int64) string {
	sign := ""
	if milli < 0 {
		sign, milli = "-", -milli
	}
	frac := strconv.FormatInt(milli%1000, 10)
	for len(frac) < 3 {
		frac = "0" + frac
	}
	return sign + strconv.FormatInt(milli/1000, 10) + "." + frac
}

// FloatText is a weight or score as the trail writes it: the shortest exact form.
func FloatText(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// BoolText is a flag as the trail writes it.
func BoolText(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// sortMismatches orders by the trail row, then by record, so output is stable.
func sortMismatches(ms []Mismatch) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Entity != b.Entity {
			return a.Entity < b.Entity
		}
		if a.Key != b.Key {
			return a.Key < b.Key
		}
		return a.Field < b.Field
	})
}
