package payui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/bonus"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// settingsForm edits the hospital's performance-pay settings: the floor
// of the public-welfare weight, each dimension's weight (the public-welfare
// weight among them) and the subjects of reward performance pay.
type settingsForm struct {
	floor    *widget.Entry
	weights  map[payout.Dimension]*widget.Entry
	subjects *widget.Entry
	form     *widget.Form
}

// ratioText shows a weight as the entries take it back (15%).
func ratioText(w float64) string {
	return strconv.FormatFloat(math.Round(w*10000)/100, 'f', -1, 64) + "%"
}

func newSettingsForm(set bonus.Settings) *settingsForm {
	f := &settingsForm{floor: widget.NewEntry(), weights: map[payout.Dimension]*widget.Entry{}, subjects: widget.NewEntry()}
	f.floor.SetText(ratioText(set.Floor))
	f.form = widget.NewForm(widget.NewFormItem(i18n.T("bonus.settings.floor"), f.floor))
	for _, d := range payout.Dimensions {
		e := widget.NewEntry()
		e.SetText(ratioText(set.Weights[d]))
		f.weights[d] = e
		f.form.Append(i18n.T("indui.bonus."+string(d)), e)
	}
	f.subjects.SetText(strings.Join(set.Subjects, ","))
	f.form.Append(i18n.T("bonus.settings.subjects"), f.subjects)
	return f
}

// settings reads the entries; a text that is not a share is refused.
func (f *settingsForm) settings() (bonus.Settings, error) {
	var ps domain.Problems
	ratio := func(e *widget.Entry) float64 {
		v, err := domain.ParseRatio(e.Text)
		ps = append(ps, domain.AsProblems(err)...)
		return v
	}
	set := bonus.Settings{Floor: ratio(f.floor), Weights: payout.Weights{}}
	for d, e := range f.weights {
		set.Weights[d] = ratio(e)
	}
	set.Subjects = strings.FieldsFunc(f.subjects.Text, func(r rune) bool { return r == ',' || r == '，' || r == ' ' })
	if len(ps) > 0 {
		return set, ps
	}
	return set, nil
}

// save stores the entries' settings; the refusal, if any, is returned.
func (b *BonusScreen) saveSettings(f *settingsForm) error {
	s := b.host
	set, err := f.settings()
	if err == nil {
		err = s.Services().Bonus.SetSettings(s.Ctx(), s.Actor(), set)
	}
	if err != nil {
		return err
	}
	b.Refresh()
	return nil
}

// EditSettings opens the settings in a dialog (from the Bonus screen and
// from Settings); saving re-reads the year.
func (b *BonusScreen) EditSettings() {
	s := b.host
	set, err := s.Services().Bonus.Settings(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
		return
	}
	f := newSettingsForm(set)
	hint := widget.NewLabel(i18n.T("bonus.settings.hint"))
	hint.Wrapping = fyne.TextWrapWord
	dlg := dialog.NewCustomConfirm(i18n.T("bonus.settings.title"), i18n.T("action.save"), i18n.T("action.cancel"),
		container.NewVBox(f.form, hint), func(ok bool) {
			if ok {
				if err := b.saveSettings(f); err != nil {
					s.ShowError(err)
				}
			}
		}, s.Window())
	dlg.Resize(fyne.NewSize(520, 460))
	dlg.Show()
}
