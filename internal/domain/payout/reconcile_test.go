package payout

import (
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// Figures by hand: 儿科 has 25 on its headcount and 149,382.17 yuan; 23 people
// are listed with 6,000.00 × 22 + 17,382.17 = 149,382.17, so the amount agrees
// and the list is 2 short. 妇保科 lists its 2 people but they were paid
// 1,000.00 of 1,000.01 (a hand edit): 0.01 apart. 财务科 is not listed.
func TestReconcileByHand(t *testing.T) {
	depts := []DeptAmount{{"201", "儿科", 25, money.FromFen(14938217)}, {"301", "妇保科", 2, money.FromFen(100001)}, {"501", "财务科", 6, money.FromFen(4000000)}}
	var parts []StaffPart
	for i := 0; i < 22; i++ {
		parts = append(parts, StaffPart{"201", money.FromFen(600000)})
	}
	parts = append(parts, StaffPart{"201", money.FromFen(1738217)}, StaffPart{"301", money.FromFen(50000)}, StaffPart{"301", money.FromFen(50000)})
	rs := Reconcile(depts, parts)
	want := []struct {
		listed      int
		paid        int64
		people, amt bool
		key, text   string
	}{
		{23, 14938217, false, true, "bonus.reconcile.people_differ_amount_match", "儿科: list 23 people, headcount 25 (-2 on the list); paid 149,382.17 yuan, equal to the department's amount 149,382.17 yuan"},
		{2, 100000, true, false, "bonus.reconcile.people_match_amount_differ", "妇保科: list 2 people, headcount 2 (as many); paid 1,000.00 yuan against the department's amount 1,000.01 yuan (-0.01 yuan apart)"},
		{0, 0, false, false, "bonus.reconcile.people_differ_amount_differ", "财务科: list 0 people, headcount 6 (-6 on the list); paid 0.00 yuan against the department's amount 40,000.00 yuan (-40,000.00 yuan apart)"},
	}
	for i, w := range want {
		r := rs[i]
		if r.Listed != w.listed || r.Paid.Fen() != w.paid || r.PeopleMatch() != w.people || r.AmountMatch() != w.amt {
			t.Errorf("%s: %+v", r.Name, r)
		}
		if m := r.Message(); m.Key != w.key || m.Error() != w.text {
			t.Errorf("%s: %s %q\nwant %s %q", r.Name, m.Key, m.Error(), w.key, w.text)
		}
	}
}

func TestManagementMilli(t *testing.T) {
	num := func(s string) (int64, bool) {
		if s == "0.25" {
			return 250, true
		}
		return 0, false
	}
	for _, c := range []struct {
		cell  string
		milli int64
		role  string
		ok    bool
	}{{"", 0, "", true}, {"科主任", 500, "科主任", true}, {"副主任", 300, "副主任", true}, {"护士长", 300, "护士长", true}, {"副护士长", 200, "副护士长", true}, {"0.25", 250, "", true}, {"组长", 0, "", false}} {
		m, role, ok := ManagementMilli(c.cell, num)
		if m != c.milli || role != c.role || ok != c.ok {
			t.Errorf("%q: %d %q %v", c.cell, m, role, ok)
		}
	}
}
