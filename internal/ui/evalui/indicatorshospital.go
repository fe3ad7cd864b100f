package evalui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// hospitalChoice is the line under the scheme picker that says which
// scheme the hospital-wide evaluation starts from (the secondary,
// tertiary, TCM or MCH assessment), with a button to start it from the
// scheme shown instead.
type hospitalChoice struct {
	label *widget.Label
	use   *widget.Button
}

func (i *IndicatorsScreen) newHospitalChoice() fyne.CanvasObject {
	i.hospital.label = widget.NewLabel("")
	i.hospital.label.Wrapping = fyne.TextWrapWord
	i.hospital.use = widget.NewButton(i18n.T("indui.use_for_hospital"), i.useForHospital)
	return container.NewBorder(nil, nil, nil, i.hospital.use, i.hospital.label)
}

// refreshHospital shows the hospital's scheme by name; the button is off
// when it is the scheme shown, or the scheme shown evaluates projects.
func (i *IndicatorsScreen) refreshHospital() {
	if i.hospital.label == nil {
		return
	}
	s := i.shell
	code, err := s.Services().Evaluation.HospitalScheme(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
		return
	}
	name := code
	for _, sc := range i.schemes {
		if sc.Code == code {
			name = kit.PickName(sc.Name, sc.NameEn)
		}
	}
	i.hospital.label.SetText(i18n.T("indui.hospital_scheme", "Scheme", name))
	if i.scheme.Code == "" || i.scheme.Code == code || i.scheme.Kind != scoring.DepartmentScheme {
		i.hospital.use.Disable()
	} else {
		i.hospital.use.Enable()
	}
}

// useForHospital makes the scheme shown the one the hospital evaluation
// starts from (recorded in the audit trail by the service).
func (i *IndicatorsScreen) useForHospital() {
	s := i.shell
	if err := s.Services().Evaluation.SetHospitalScheme(s.Ctx(), s.Actor(), i.scheme.Code); err != nil {
		s.ShowError(err)
		return
	}
	i.refreshHospital()
}
