package logbook

import (
	"strconv"
	"strings"
)

// ActualsRead is the record of Data's actuals that says they were read:
// sums past what the store can add up are not compared.
const ActualsRead = "read"

// actualsYear follows a year's actuals through the trail. An import
// records the lines and amount of its period after it: a ledger the whole
// year's (key YEAR), a month's summary the month's (YEAR/MONTH). A year's
// totals are known from its first ledger import on; a month's summary
// then moves them by its change. Before that (the demo's actuals, a year
// of summaries only) the trail does not know the year's totals.
type actualsYear struct {
	lines, fen         int64
	knowLines, knowFen bool
	linesSeq, fenSeq   int64
}

func (w *walk) actuals(e Entry) {
	if e.Entity != EntityActuals || (e.Field != "lines" && e.Field != "amount") {
		return
	}
	year, _, month := strings.Cut(e.EntityKey, "/")
	if w.actualYears == nil {
		w.actualYears = map[string]*actualsYear{}
	}
	y := w.actualYears[year]
	if y == nil {
		y = &actualsYear{}
		w.actualYears[year] = y
	}
	parse := func(s string) (int64, bool) {
		if e.Field == "lines" {
			n, err := strconv.ParseInt(s, 10, 64)
			return n, err == nil
		}
		return parseFen(s)
	}
	val, know, seq := &y.lines, &y.knowLines, &y.linesSeq
	if e.Field == "amount" {
		val, know, seq = &y.fen, &y.knowFen, &y.fenSeq
	}
	newV, okNew := parse(e.New)
	oldV, okOld := parse(e.Old)
	switch {
	case !month && okNew:
		*val, *know = newV, true
	case month && *know && okNew && okOld:
		*val += newV - oldV
	default:
		*know = false // a value the trail cannot be followed through
	}
	*seq = e.Seq
}

// compareActuals checks each year whose totals the trail knows.
func (w *walk) compareActuals(recs map[string]map[string]string) []Mismatch {
	if _, read := recs[ActualsRead]; !read {
		return nil
	}
	var out []Mismatch
	for year, y := range w.actualYears {
		rec := recs[year]
		lines, amount := rec["lines"], rec["amount"]
		if rec == nil {
			lines, amount = "0", FenText(0)
		}
		if want := strconv.FormatInt(y.lines, 10); y.knowLines && lines != want {
			out = append(out, Mismatch{Kind: DataChanged, Entity: EntityActuals, Key: year, Field: "lines", Trail: want, Data: lines, Seq: y.linesSeq})
		}
		if want := FenText(y.fen); y.knowFen && amount != want {
			out = append(out, Mismatch{Kind: DataChanged, Entity: EntityActuals, Key: year, Field: "amount", Trail: want, Data: amount, Seq: y.fenSeq})
		}
	}
	return out
}
