package logbook

import "strings"

// CompareData compares the data with the trail (entries oldest first) and
// returns every field or record where they disagree; none for data that
// only the services changed.
func CompareData(entries []Entry, d Data) []Mismatch {
	w := walkTrail(entries)
	var out []Mismatch
	for _, entity := range CheckedEntities() {
		out = append(out, w.compareEntity(entity, dataSpecs[entity], d[entity])...)
	}
	out = append(out, w.budgetTotals(d[EntityBudget], out)...)
	out = append(out, w.compareActuals(d[EntityActuals])...)
	sortMismatches(out)
	return out
}

// compareEntity checks the expected fields against the records, then the
// records the trail says nothing (or only defaults) about.
func (w *walk) compareEntity(entity string, spec entitySpec, recs map[string]map[string]string) []Mismatch {
	var out []Mismatch
	for key, fields := range w.exp[entity] {
		rec, present := recs[key]
		if !present {
			if m, ok := deleted(entity, spec, fields); ok {
				out = append(out, m)
			}
			continue
		}
		for f, l := range fields {
			if v := rec[f]; v != l.value {
				out = append(out, Mismatch{Kind: DataChanged, Entity: entity, Key: l.origKey, Field: f, Trail: l.value, Data: v, Seq: l.seq})
			}
		}
	}
	for key, rec := range recs {
		out = append(out, w.unrecorded(entity, spec, key, rec)...)
	}
	return out
}

// deleted names a record the trail says exists (a field's last value is
// not "") but the data lacks.
func deleted(entity string, spec entitySpec, fields map[string]last) (Mismatch, bool) {
	if !spec.gone {
		return Mismatch{}, false
	}
	var best last
	field := ""
	for f, l := range fields {
		if l.value != "" && l.seq > best.seq {
			best, field = l, f
		}
	}
	if field == "" {
		return Mismatch{}, false
	}
	return Mismatch{Kind: DataDeleted, Entity: entity, Key: best.origKey, Field: field, Trail: best.value, Seq: best.seq}, true
}

// unrecorded checks a present record's fields that have no entry: a record
// that should have been created with its trail and has none is named; a
// field with a known starting value must still hold it.
func (w *walk) unrecorded(entity string, spec entitySpec, key string, rec map[string]string) []Mismatch {
	exp := w.exp[entity][key]
	if len(exp) == 0 && w.mustBeRecorded(entity, spec, key) {
		return []Mismatch{{Kind: DataUntracked, Entity: entity, Key: key, Field: spec.main, Data: rec[spec.main]}}
	}
	if !w.knowsStart(entity, spec, key, exp) {
		return nil
	}
	var out []Mismatch
	for f, v := range rec {
		if _, ok := exp[f]; ok {
			continue
		}
		def, known := spec.defaults[f]
		if !known && !hasPrefix(f, spec.prefixes) {
			continue // no starting value: nothing to compare
		}
		if v != def {
			out = append(out, Mismatch{Kind: DataChanged, Entity: entity, Key: key, Field: f, Trail: def, Data: v})
		}
	}
	return out
}

// mustBeRecorded: entities created only with their trail, and budget lines
// of a year first imported with its summary recorded.
func (w *walk) mustBeRecorded(entity string, spec entitySpec, key string) bool {
	if spec.created {
		return true
	}
	if entity == EntityBudget {
		year, _, _ := strings.Cut(key, "/")
		y := w.years[year]
		return y != nil && y.created
	}
	return false
}

// knowsStart says whether the record's fields without entries must hold
// their defaults: records created with their trail, and the preparation of
// a year whose opening is recorded.
func (w *walk) knowsStart(entity string, spec entitySpec, key string, exp map[string]last) bool {
	switch entity {
	case EntityPrepLine, EntityPrepDept:
		year, _, _ := strings.Cut(key, "/")
		return w.opened[year]
	case EntityBonusStaff:
		return false
	}
	return spec.created && len(exp) > 0
}

func hasPrefix(f string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	return false
}

// budgetTotals checks each year with a recorded total against the sum of
// its lines, unless a line of that year is already named (it explains the
// difference).
func (w *walk) budgetTotals(lines map[string]map[string]string, named []Mismatch) []Mismatch {
	sums := map[string]int64{}
	for key, rec := range lines {
		year, _, _ := strings.Cut(key, "/")
		fen, _ := parseFen(rec["amount"])
		sums[year] += fen
	}
	explained := map[string]bool{}
	for _, m := range named {
		if m.Entity == EntityBudget {
			year, _, _ := strings.Cut(m.Key, "/")
			explained[year] = true
		}
	}
	var out []Mismatch
	for year, y := range w.years {
		if !y.seen || explained[year] || sums[year] == y.total {
			continue
		}
		out = append(out, Mismatch{Kind: DataChanged, Entity: EntityBudget, Key: year, Field: "total",
			Trail: FenText(y.total), Data: FenText(sums[year]), Seq: y.totSeq})
	}
	return out
}
