package payout

import (
	"strings"
)

// ManagementRoles are the role words a staff list's management column may
// hold instead of a number, with the extra post coefficient (in thousandths)
// each adds for the management duties of 科主任 and 护士长 (科室管理津贴 as
// part of performance pay). They are BudgetPerf's practice defaults, to be
// replaced by the hospital's own figures: a number in the column wins.
var ManagementRoles = []struct {
	Word  string
	Milli int64
}{
	{"科主任", 500}, {"副主任", 300}, {"护士长", 300}, {"副护士长", 200},
	{"科室主任", 500}, {"head of department", 500}, {"head nurse", 300},
}

// ManagementMilli reads a management cell: empty is 0, a role word gives
// its default, a number (0.3) is the extra coefficient itself; ok is false
// when the cell is neither.
func ManagementMilli(cell string, parseNumber func(string) (int64, bool)) (milli int64, role string, ok bool) {
	t := strings.TrimSpace(cell)
	if t == "" || t == "无" || t == "-" || t == "—" {
		return 0, "", true
	}
	low := strings.ToLower(t)
	// 副护士长 before 护士长 and 副主任 before 科主任: the longest word wins.
	best := -1
	for i, r := range ManagementRoles {
		if strings.Contains(low, r.Word) && (best < 0 || len(r.Word) > len(ManagementRoles[best].Word)) {
			best = i
		}
	}
	if best >= 0 {
		return ManagementRoles[best].Milli, ManagementRoles[best].Word, true
	}
	if m, ok := parseNumber(t); ok && m <= 10_000 {
		return m, "", true
	}
	return 0, "", false
}
