package bonus

import "github.com/budgetperf/budgetperf/internal/domain/money"

// PerHead is the department's bonus per head, to the nearest fen (halves
// up): what the report compares departments by. 0 without a headcount.
func (d Dept) PerHead() money.Amount {
	if d.Headcount <= 0 {
		return 0
	}
	h := int64(d.Headcount)
	f := d.Bonus.Fen()
	q, r := f/h, f%h
	if r < 0 {
		r, q = r+h, q-1
	}
	if 2*r >= h {
		q++
	}
	return money.FromFen(q)
}
