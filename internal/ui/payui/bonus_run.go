package payui

// Saving, approving and exporting the year's allocation.

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// save stores the allocation on screen as the year's draft.
func (b *BonusScreen) save() {
	s := b.host
	if !b.hasRes || !b.poolTaken() {
		return
	}
	if _, err := s.Services().Bonus.SaveAt(s.Ctx(), s.Actor(), b.res, "", bonus.SeenOf(b.stored)); err != nil {
		kit.OfferReload(s.Window(), s.ShowError, err, b.Refresh)
		return
	}
	b.Refresh()
}

// approve saves what is on screen if needed and approves it, after the
// user confirmed that the year is then locked.
func (b *BonusScreen) approve() {
	s := b.host
	if !b.hasRes || !b.poolTaken() {
		return
	}
	var sum money.Amount
	for _, d := range b.res.Departments {
		sum += d.Bonus
	}
	msg := i18n.T("bonus.approve.confirm", "Year", s.Year(), "Pool", kit.Yuan(sum), "Weight", i18n.Percent(b.res.Weights[scoring.BonusPublicWelfare]))
	kit.ConfirmAction(s.Window(), i18n.T("bonus.approve"), msg, i18n.T("bonus.approve"), func() {
		if b.dirty || b.stored == nil {
			if _, err := s.Services().Bonus.SaveAt(s.Ctx(), s.Actor(), b.res, "", bonus.SeenOf(b.stored)); err != nil {
				s.ShowError(err)
				return
			}
		}
		if _, err := s.Services().Bonus.Approve(s.Ctx(), s.Actor(), s.Year()); err != nil {
			s.ShowError(err)
		}
		b.Refresh()
	})
}

// export writes the saved run's pay sheet.
func (b *BonusScreen) export() {
	s := b.host
	if b.dirty {
		dialog.ShowInformation(i18n.T("bonus.export"), i18n.T("bonus.export.unsaved"), s.Window())
		return
	}
	s.SaveFile(i18n.T("bonus.export.filename", "Year", s.Year()), ".xlsx", func(path string) {
		year := s.Year()
		kit.Run(s, kit.Job{Title: i18n.T("run.exporting"), Key: "export"}, func(ctx context.Context, _ kit.Progress) (string, error) {
			return path, b.exportTo(ctx, year, path)
		}, func(path string) {
			dialog.ShowInformation(i18n.T("bonus.export"), i18n.T("bonus.export.done", "Path", path), s.Window())
		})
	})
}

// exportTo writes year's pay sheet to path.
func (b *BonusScreen) exportTo(ctx context.Context, year int, path string) error {
	s := b.host
	name, _ := s.Services().Master.HospitalDisplayName(ctx, s.Actor(), i18n.Current())
	return s.Services().Bonus.ExportPaySheet(ctx, s.Actor(), year, path, name, i18n.T)
}

// say shows why the figures could not be computed; "" hides the line.
