package kit

import (
	"fyne.io/fyne/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// OfferReload shows err; when it says someone else saved the record first
// (from another PC), it says who and when and offers to reload their
// version, which drops what was typed here (Cancel keeps it on screen to
// copy). Other errors go to showError.
func OfferReload(win fyne.Window, showError func(error), err error, reload func()) {
	if ps := domain.AsProblems(err); len(ps) != 1 || ps[0].Key != domain.ChangedKey {
		showError(err)
		return
	}
	ConfirmAction(win, i18n.T("record.changed_title"), i18n.Message(err)+"\n\n"+i18n.T("record.reload_drops"),
		i18n.T("record.reload"), reload)
}
