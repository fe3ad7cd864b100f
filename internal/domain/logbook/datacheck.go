package logbook

import (
	"sort"
	"strings"
)

// entitySpec says which fields of an entity are compared and what the
// trail promises about its records.
type entitySpec struct {
	fields   []string // compared fields
	prefixes []string // compared families of fields ("bonus." + department)
	// created: every record is created with its trail, so a record with no
	// entry at all was written past the services.
	created bool
	// gone: a record absent while the trail's last value of one of its
	// fields is not "" was deleted past the services.
	gone bool
	// defaults are the values a record holds before its first entry of
	// that field, when it was created with its trail.
	defaults map[string]string
	// keyOf maps a trail key to the data's key (nil: the same).
	keyOf func(string) string
	// main is the field that names a record added past the trail.
	main string
}

var dataSpecs = map[string]entitySpec{
	EntityBudget:   {fields: []string{"amount"}, gone: true, main: "amount"},
	EntityPrepLine: {fields: []string{"proposal", "control", "revised", "note"}, gone: true, defaults: map[string]string{"proposal": "0.00", "control": "", "note": ""}},
	EntityPrepDept: {fields: []string{"state", "control_total"}, gone: true, defaults: map[string]string{"state": "draft", "control_total": ""}},
	EntityUser: {fields: []string{"name", "role", "departments", "locked"}, created: true, gone: true,
		defaults: map[string]string{"name": "", "departments": "", "locked": "no"}, main: "role"},
	EntityBonusRun: {fields: []string{"pool", "status"}, prefixes: []string{"weight.", "bonus."}, created: true, gone: true,
		defaults: map[string]string{"status": "draft"}, main: "pool", keyOf: bonusRunKey},
	EntityBonusStaff: {fields: []string{"people", "amount"}, created: true, main: "amount"},
	EntityBonusScore: {fields: []string{"score"}, gone: true},
	EntityEvaluation: {fields: []string{"state", "score"}, gone: true, keyOf: EvaluationKey},
	EntityDepartment: {fields: []string{"name", "name_en", "type", "headcount", "coefficient"}, gone: true},
	EntitySetting:    {fields: []string{"value"}, gone: true},
}

// EvaluationKey is the data's key of an evaluation: its number, the last
// part of the trail's key "year/department/evaluation/number".
func EvaluationKey(trailKey string) string {
	return "evaluation/" + trailKey[strings.LastIndex(trailKey, "/")+1:]
}

// bonusRunKey is the year: trails written before allocations were keyed
// by their year alone say "2026/draft".
func bonusRunKey(trailKey string) string {
	year, _, _ := strings.Cut(trailKey, "/")
	return year
}

// CheckedEntities are the entities CompareData compares (Data should hold
// all their records).
func CheckedEntities() []string {
	out := make([]string, 0, len(dataSpecs))
	for e := range dataSpecs {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

func (s entitySpec) compares(field string) bool {
	for _, f := range s.fields {
		if f == field {
			return true
		}
	}
	for _, p := range s.prefixes {
		if strings.HasPrefix(field, p) {
			return true
		}
	}
	return false
}

// last is a field's last recorded value and the row that holds it.
type last struct {
	value   string
	seq     int64
	origKey string
}

// walk is the trail read oldest first: what each field must be now.
type walk struct {
	exp    map[string]map[string]map[string]last // entity → key → field
	opened map[string]bool                       // preparation years whose opening is recorded (and not cancelled since)
	years  map[string]*budgetYear
	// actualYears are the years' actuals as far as the trail knows them.
	actualYears map[string]*actualsYear
}

// budgetYear is what the trail says about a year's budget as a whole.
type budgetYear struct {
	seen    bool  // a recorded total (import or approval) was met
	created bool  // the first recorded total was a first import: every line has its entry
	total   int64 // the recorded total plus the line changes since
	totSeq  int64
}

func walkTrail(entries []Entry) *walk {
	w := &walk{exp: map[string]map[string]map[string]last{}, opened: map[string]bool{}, years: map[string]*budgetYear{}}
	for _, e := range entries {
		w.special(e)
		spec, ok := dataSpecs[e.Entity]
		if !ok || !spec.compares(e.Field) {
			continue
		}
		key := e.EntityKey
		if spec.keyOf != nil {
			key = spec.keyOf(key)
		}
		recs := w.exp[e.Entity]
		if recs == nil {
			recs = map[string]map[string]last{}
			w.exp[e.Entity] = recs
		}
		if recs[key] == nil {
			recs[key] = map[string]last{}
		}
		recs[key][e.Field] = last{value: e.New, seq: e.Seq, origKey: e.EntityKey}
	}
	return w
}

// special applies the entries that end or restart what fields must be.
func (w *walk) special(e Entry) {
	switch {
	case e.Entity == EntityPrepCycle && e.Field == "state" && e.New == "open":
		w.opened[e.EntityKey] = true
	case e.Entity == EntityPrepCycle && e.Field == "state" && e.New == "cancelled":
		// The year's proposals and departments were deleted with it.
		delete(w.opened, e.EntityKey)
		w.forget(EntityPrepLine, e.EntityKey+"/", "")
		w.forget(EntityPrepDept, e.EntityKey+"/", "")
	case e.Entity == EntityPrepLine && e.Field == "line" && e.New == "removed":
		delete(w.exp[EntityPrepLine], e.EntityKey)
	case e.Entity == EntityPrepDept && e.Field == "state" && e.New == string("control_issued"):
		// Issuing control figures starts every revised figure anew.
		w.forget(EntityPrepLine, e.EntityKey+"/", "revised")
	case e.Entity == EntityBudget:
		w.budget(e)
	case e.Entity == EntityActuals:
		w.actuals(e)
	}
}

// forget drops the expectations of entity under key prefix: one field, or all.
func (w *walk) forget(entity, prefix, field string) {
	for k, fields := range w.exp[entity] {
		if !strings.HasPrefix(k, prefix) {
			continue
		}
		if field == "" {
			delete(w.exp[entity], k)
		} else {
			delete(fields, field)
		}
	}
}

// budget follows a year's recorded total: an import or an approval sets
// it, each recorded line change after moves it.
func (w *walk) budget(e Entry) {
	year, _, perLine := strings.Cut(e.EntityKey, "/")
	y := w.years[year]
	if y == nil {
		y = &budgetYear{}
		w.years[year] = y
	}
	switch {
	case !perLine && (e.Field == "imported" || e.Field == "approved"):
		fen, ok := parseFen(e.New)
		if !ok {
			return
		}
		if !y.seen {
			y.created = e.Field == "imported" && e.Old == ""
		}
		y.seen, y.total, y.totSeq = true, fen, e.Seq
	case perLine && e.Field == "amount" && y.seen:
		oldFen, _ := parseFen(e.Old) // "" is a line that was not there: 0
		newFen, _ := parseFen(e.New)
		y.total += newFen - oldFen
		y.totSeq = e.Seq
	}
}
