package evalui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// showForm shows the settings of the selected node. Every field writes
// straight into the working copy, so the tree and the sums follow typing.
func (i *IndicatorsScreen) showForm() {
	i.updateButtons()
	id := i.selected
	n := i.node(id)
	if n == nil {
		i.form.Objects = []fyne.CanvasObject{widget.NewLabel(i18n.T("indui.pick"))}
		i.form.Refresh()
		return
	}
	// edit applies f to the node as it is now: adding nodes may move the
	// slices, so a pointer taken when the form was built could be stale.
	edit := func(f func(n *scoring.Node)) {
		if n := i.node(id); n != nil {
			f(n)
			i.changed()
		}
	}
	text := func(v string, set func(n *scoring.Node, v string)) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(v)
		e.OnChanged = func(v string) { edit(func(n *scoring.Node) { set(n, v) }) }
		return e
	}
	number := func(v float64, set func(n *scoring.Node, v float64)) *widget.Entry {
		return text(i18n.Number(v), func(n *scoring.Node, s string) { set(n, parseNumber(s)) })
	}
	items := []*widget.FormItem{
		widget.NewFormItem(i18n.T("indui.level"), widget.NewLabel(i18n.T(levelKey(depthOf(id))))),
		widget.NewFormItem(i18n.T("indui.code"), widget.NewLabel(leafCodeOf(*n))),
		widget.NewFormItem(i18n.T("indui.name"), text(n.Name, func(n *scoring.Node, v string) {
			n.Name = v
			if n.Indicator != nil {
				n.Indicator.Name = v
			}
		})),
		widget.NewFormItem(i18n.T("indui.name_en"), text(n.NameEn, func(n *scoring.Node, v string) {
			n.NameEn = v
			if n.Indicator != nil {
				n.Indicator.NameEn = v
			}
		})),
		widget.NewFormItem(i18n.T("indui.points"), number(n.Points, func(n *scoring.Node, v float64) { n.Points = v })),
	}
	if n.Indicator != nil {
		items = append(items, i.indicatorItems(*n.Indicator, func(f func(ind *scoring.Indicator)) {
			edit(func(n *scoring.Node) { f(n.Indicator) })
		})...)
	}
	f := widget.NewForm(items...)
	if !i.canEdit() {
		for _, it := range items {
			if w, ok := it.Widget.(fyne.Disableable); ok {
				w.Disable()
			}
		}
	}
	i.form.Objects = []fyne.CanvasObject{f}
	i.form.Refresh()
}

// indicatorItems are the scoring settings of an indicator.
func (i *IndicatorsScreen) indicatorItems(ind scoring.Indicator, edit func(func(*scoring.Indicator))) []*widget.FormItem {
	entry := func(v string, set func(ind *scoring.Indicator, v string)) *widget.Entry {
		e := widget.NewEntry()
		e.SetText(v)
		e.OnChanged = func(v string) { edit(func(ind *scoring.Indicator) { set(ind, v) }) }
		return e
	}
	number := func(v float64, set func(ind *scoring.Indicator, v float64)) *widget.Entry {
		return entry(i18n.Number(v), func(ind *scoring.Indicator, s string) { set(ind, parseNumber(s)) })
	}
	// choice is a select over values shown by their translated names.
	choice := func(values, keys []string, cur string, set func(ind *scoring.Indicator, v string)) *widget.Select {
		labels := make([]string, len(keys))
		for k, key := range keys {
			labels[k] = i18n.T(key)
		}
		sel := kit.NewSelect(labels, nil)
		for k, v := range values {
			if v == cur {
				sel.SetSelected(labels[k])
			}
		}
		sel.OnChanged = func(string) {
			if k := sel.SelectedIndex(); k >= 0 {
				edit(func(ind *scoring.Indicator) { set(ind, values[k]) })
			}
		}
		return sel
	}
	var dirs, dirKeys []string
	for _, d := range []scoring.Direction{scoring.Higher, scoring.Lower, scoring.InRange, scoring.Monitor} {
		dirs, dirKeys = append(dirs, string(d)), append(dirKeys, d.Term().Key)
	}
	var rules, ruleKeys []string
	for _, r := range scoring.Rules {
		rules, ruleKeys = append(rules, string(r)), append(ruleKeys, r.Term().Key)
	}
	persp, perspKeys := []string{""}, []string{"indui.none"}
	for _, p := range scoring.Perspectives {
		persp, perspKeys = append(persp, string(p)), append(perspKeys, "evalui.perspective."+string(p))
	}
	bonus, bonusKeys := []string{""}, []string{"indui.none"}
	for _, b := range []scoring.BonusDimension{scoring.BonusWorkload, scoring.BonusQuality, scoring.BonusEfficiency, scoring.BonusPublicWelfare, scoring.BonusSatisfaction} {
		bonus, bonusKeys = append(bonus, string(b)), append(bonusKeys, "indui.bonus."+string(b))
	}
	check := func(key string, v bool, set func(ind *scoring.Indicator, v bool)) *widget.Check {
		c := widget.NewCheck(i18n.T(key), nil)
		c.SetChecked(v)
		c.OnChanged = func(v bool) { edit(func(ind *scoring.Indicator) { set(ind, v) }) }
		return c
	}
	source := entry(ind.Source, func(ind *scoring.Indicator, v string) { ind.Source = v })
	source.MultiLine, source.Wrapping = true, fyne.TextWrapWord
	source.SetMinRowsVisible(2)
	return []*widget.FormItem{
		widget.NewFormItem(i18n.T("indui.unit"), entry(ind.Unit, func(ind *scoring.Indicator, v string) { ind.Unit = v })),
		widget.NewFormItem(i18n.T("indui.direction"), choice(dirs, dirKeys, string(ind.Direction), func(ind *scoring.Indicator, v string) { ind.Direction = scoring.Direction(v) })),
		widget.NewFormItem(i18n.T("indui.rule"), choice(rules, ruleKeys, string(ind.Rule), func(ind *scoring.Indicator, v string) { ind.Rule = scoring.Rule(v) })),
		widget.NewFormItem(i18n.T("indui.target"), number(ind.Target, func(ind *scoring.Indicator, v float64) { ind.Target = v })),
		widget.NewFormItem(i18n.T("indui.low"), number(ind.Low, func(ind *scoring.Indicator, v float64) { ind.Low = v })),
		widget.NewFormItem(i18n.T("indui.high"), number(ind.High, func(ind *scoring.Indicator, v float64) { ind.High = v })),
		widget.NewFormItem(i18n.T("indui.deduct_per"), number(ind.DeductPer, func(ind *scoring.Indicator, v float64) { ind.DeductPer = v })),
		widget.NewFormItem(i18n.T("indui.perspective"), choice(persp, perspKeys, string(ind.Perspective), func(ind *scoring.Indicator, v string) { ind.Perspective = scoring.Perspective(v) })),
		widget.NewFormItem(i18n.T("indui.bonus"), choice(bonus, bonusKeys, string(ind.Bonus), func(ind *scoring.Indicator, v string) { ind.Bonus = scoring.BonusDimension(v) })),
		widget.NewFormItem("", check("indui.public_welfare", ind.PublicWelfare, func(ind *scoring.Indicator, v bool) { ind.PublicWelfare = v })),
		widget.NewFormItem(i18n.T("indui.revenue_linked"), revenueChoice(ind, edit)),
		widget.NewFormItem(i18n.T("indui.source"), source),
	}
}

// revenueChoice is the required yes/no answer to "linked to revenue?": no
// option is chosen while the indicator is undecided (a new one), and the
// scheme is not saved until one is.
func revenueChoice(ind scoring.Indicator, edit func(func(*scoring.Indicator))) *widget.RadioGroup {
	yes, no := i18n.T("indui.revenue_yes"), i18n.T("indui.revenue_no")
	r := widget.NewRadioGroup([]string{yes, no}, nil)
	r.Horizontal = true
	r.Required = true
	switch {
	case ind.RevenueUndecided:
	case ind.RevenueLinked:
		r.SetSelected(yes)
	default:
		r.SetSelected(no)
	}
	r.OnChanged = func(v string) {
		edit(func(ind *scoring.Indicator) {
			ind.RevenueUndecided = v == ""
			ind.RevenueLinked = v == yes
		})
	}
	return r
}

// parseNumber reads a typed number; anything else is NaN, which the
// scheme's validation reports by the node's name when saving.
func parseNumber(s string) float64 {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%"))
	if s == "" {
		return 0
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return math.NaN()
	}
	return v
}
