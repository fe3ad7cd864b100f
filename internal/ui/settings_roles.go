package ui

import (
	"fyne.io/fyne/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
)

// showRole makes the settings a role may not change read-only before it
// clicks, rather than refused after: the hospital's name, departments and
// subject catalogue (settings permission), the subjects evaluation
// results apply to (indicator permission), the pay settings (bonus
// computation). One line at the top says who maintains them.
func (st *SettingsScreen) showRole() {
	role := st.shell.actor.Role
	master := permission.Allowed(role, permission.MasterdataEdit)
	showIf(master, st.saveName, st.departments.add, st.subjects.add)
	enableIf(master, st.hospitalName, st.hospitalEn, st.subjects.parent, st.subjects.code, st.subjects.name, st.subjects.nameEn)
	st.departments.readOnly = !master
	if !master {
		st.subjects.msg.SetText(st.readOnly.Text) // beside the disabled form: why it is off
	}
	indicators := permission.Allowed(role, permission.IndicatorsEdit)
	showIf(indicators, st.applySubs.saveBtn)
	enableIf(indicators, st.applySubs.codes)
	showIf(permission.Allowed(role, permission.BonusCompute), st.bonusEdit)
	showIf(!master, st.readOnly)
}

// deptHintKey is the departments card's hint: "click to change" only for
// a role that may change them.
func deptHintKey(a domain.Actor) string {
	if permission.Allowed(a.Role, permission.MasterdataEdit) {
		return "settings.departments.hint"
	}
	return "settings.departments.hint_read"
}

// showIf shows the objects when on, hides them otherwise.
func showIf(on bool, objs ...fyne.CanvasObject) {
	for _, o := range objs {
		if on {
			o.Show()
		} else {
			o.Hide()
		}
	}
}

// enableIf enables the widgets when on, disables them otherwise.
func enableIf(on bool, ws ...fyne.Disableable) {
	for _, w := range ws {
		if on {
			w.Enable()
		} else {
			w.Disable()
		}
	}
}
