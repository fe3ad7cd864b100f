package xlsximport

import (
	"regexp"

	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Choosing the amount column of a budget sheet: a group header's members
// (funding sources, departments across) or a single amount column, and the
// user's --amount-column override.

// chooseAmount picks the amount column(s): the override if given, else the
// most preferred kind (adjusted > annual > initial), leftmost on a tie.
func chooseAmount(h header, override string) (amountSpec, bool) {
	cands := groupAmounts(h, override)
	cands = append(cands, columnAmounts(h, override)...)
	return pickAmount(cands, override)
}

// groupAmounts are the candidates of a two-row header's amount groups,
// each group once, in header order.
func groupAmounts(h header, override string) []amountSpec {
	var cands []amountSpec
	seen := map[string]bool{}
	for _, c := range h.cols {
		if c.group == "" || seen[c.group] || c.gRole != roleAmount && c.gRole != rolePrior {
			continue
		}
		seen[c.group] = true
		cands = append(cands, groupAmount(h, c, override)...)
	}
	return cands
}

// groupAmount is the candidates of c's group, by rule on its members: a
// subtotal column is checked, funding-source columns (and unnamed ones
// beside them) are summed, unnamed columns alone are departments, and a
// sub-heading that is itself an amount kind is a candidate of its own. A
// prior-year group offers only such sub-headings.
func groupAmount(h header, c column, override string) []amountSpec {
	// Contiguous columns under the same group.
	var members []column
	for _, d := range h.cols {
		if d.group == c.group {
			members = append(members, d)
		}
	}
	var cands []amountSpec
	spec := amountSpec{label: c.group, level: c.gLevel, subtotal: -1}
	funding, depts := memberKinds(members)
	for _, m := range members {
		switch {
		case m.role == roleSubtotal:
			spec.subtotal = m.index
		case funding && (m.role == roleFunding || m.role == roleNone):
			spec.parts = append(spec.parts, m.index)
		case !funding && depts && m.role == roleNone:
			spec.deptCols = append(spec.deptCols, m.index)
		case m.role == roleAmount:
			// A sub-heading that is itself an amount kind.
			cands = append(cands, amountSpec{label: c.group + m.label, level: m.level, parts: []int{m.index}, subtotal: -1,
				override: matchesOverride(override, m)})
		}
	}
	if c.gRole == rolePrior {
		return cands
	}
	spec.override = override != "" && (workbook.Squash(c.group) == workbook.Squash(override) || headerCore(c.group) == headerCore(override))
	if len(spec.parts) == 0 && len(spec.deptCols) == 0 && spec.subtotal >= 0 {
		spec.parts = []int{spec.subtotal}
		spec.subtotal = -1
	}
	if len(spec.parts) > 0 || len(spec.deptCols) > 0 {
		cands = append(cands, spec)
	}
	return cands
}

// memberKinds says whether a group has funding-source columns and
// unnamed (department) columns, which decide how its members add up.
func memberKinds(members []column) (funding, depts bool) {
	for _, m := range members {
		switch m.role {
		case roleFunding:
			funding = true
		case roleNone:
			depts = true
		}
	}
	return funding, depts
}

// columnAmounts are the candidates of single columns outside amount
// groups: amount kinds, and the override's column whatever its kind
// (but never a code, name or department column).
func columnAmounts(h header, override string) []amountSpec {
	var cands []amountSpec
	for _, c := range h.cols {
		if c.group != "" && (c.gRole == roleAmount || c.gRole == rolePrior) {
			continue
		}
		if c.role == roleAmount {
			cands = append(cands, amountSpec{label: c.text, level: c.level, parts: []int{c.index}, subtotal: -1,
				override: matchesOverride(override, c)})
		} else if override != "" && matchesOverride(override, c) && c.role != roleCode && c.role != roleName && c.role != roleDept {
			cands = append(cands, amountSpec{label: c.text, parts: []int{c.index}, subtotal: -1, override: true})
		}
	}
	return cands
}

// pickAmount is the override's candidate if given, else the most
// preferred kind, leftmost on a tie.
func pickAmount(cands []amountSpec, override string) (amountSpec, bool) {
	if override != "" {
		for _, s := range cands {
			if s.override {
				return s, true
			}
		}
		return amountSpec{subtotal: -1}, false
	}
	best := -1
	for i, s := range cands {
		if best < 0 || s.level > cands[best].level || s.level == cands[best].level && firstCol(s) < firstCol(cands[best]) {
			best = i
		}
	}
	if best < 0 {
		return amountSpec{subtotal: -1}, false
	}
	return cands[best], true
}

func firstCol(s amountSpec) int {
	if len(s.parts) > 0 {
		return s.parts[0]
	}
	if len(s.deptCols) > 0 {
		return s.deptCols[0]
	}
	return 1 << 30
}

func matchesOverride(override string, c column) bool {
	if override == "" {
		return false
	}
	o := workbook.Squash(override)
	return o == workbook.Squash(c.text) || o == workbook.Squash(c.label) || headerCore(override) == headerCore(c.text) && headerCore(c.text) != ""
}

var deptTitle = regexp.MustCompile(`^(科室名称|科室|部门名称|部门|预算科室|department|dept)\s*[:：]\s*(\S+)`)
