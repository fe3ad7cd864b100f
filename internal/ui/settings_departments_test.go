package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain"
)

// formEntries returns the entries of the form dialog on top, in order.
func formEntries(t *testing.T, s *Shell) ([]*widget.Entry, *widget.Select) {
	t.Helper()
	top := s.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no form is open")
	}
	var entries []*widget.Entry
	var sel *widget.Select
	for _, f := range findForms(top) {
		for _, it := range f.Items {
			switch w := it.Widget.(type) {
			case *widget.Entry:
				entries = append(entries, w)
			case *widget.Select:
				sel = w
			}
		}
	}
	return entries, sel
}

func TestAddDepartmentThroughTheForm(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionSettings)
	test.Tap(s.settings.departments.add)
	entries, typ := formEntries(t, s)
	if len(entries) != 5 || typ == nil {
		t.Fatalf("form has %d entries", len(entries))
	}
	test.Type(entries[0], "306")
	test.Type(entries[1], "孕产保健部")
	test.Type(entries[2], "Maternal Care")
	typ.SetSelected("公共卫生")
	entries[3].SetText("18")
	entries[4].SetText("1.05")
	save := findButton(s.win.Canvas().Overlays().Top(), "保存")
	if save == nil {
		t.Fatal("no save button")
	}
	test.Tap(save)
	d, err := s.svc.Store.Department(context.Background(), "306")
	if err != nil {
		t.Fatalf("department not saved: %v", err)
	}
	want := domain.Department{Code: "306", Name: "孕产保健部", NameEn: "Maternal Care", Type: domain.PublicHealth, Headcount: 18, CoefficientMilli: 1050}
	if d != want {
		t.Errorf("saved %+v, want %+v", d, want)
	}
	found := false
	for _, x := range s.settings.departments.shown {
		found = found || x.Code == "306"
	}
	if !found {
		t.Error("the new department is not listed")
	}
}

func TestInvalidDepartmentIsExplainedAndNotSaved(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.Show(SectionSettings)
	test.Tap(s.settings.departments.add)
	entries, _ := formEntries(t, s)
	test.Type(entries[0], "307")
	test.Type(entries[1], "测试科")
	entries[3].SetText("十")
	entries[4].SetText("1.2345")
	test.Tap(findButton(s.win.Canvas().Overlays().Top(), "保存"))
	if _, err := s.svc.Store.Department(context.Background(), "307"); err == nil {
		t.Fatal("an invalid department was saved")
	}
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "不是有效人数") || !hasText(top, "不是有效系数") {
		t.Fatalf("the problems are not explained: %q", texts(top))
	}
}
