package evalui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// IndicatorsScreen is the indicator library (指标库): a scheme's tree of
// dimensions, groups and indicators on the left, the selected node's
// settings on the right. Edits change a working copy; 保存 hands the whole
// scheme to the service, which refuses it while any level does not add up.
type IndicatorsScreen struct {
	shell Host
	Root  fyne.CanvasObject

	schemeSelect *widget.Select
	schemes      []scoring.Scheme
	labels       map[string]string // scheme code → the name the picker shows
	scheme       scoring.Scheme    // the working copy
	dirty        bool

	tree     *widget.Tree
	selected widget.TreeNodeID // an index path such as "0/2/1"
	sums     *widget.Label
	problems *widget.Label
	form     *fyne.Container

	addGroup, addIndicator, remove, save *widget.Button
	hospital                             hospitalChoice
	// editing is the toolbar a role without IndicatorsEdit does not see;
	// readOnly says why instead (the library is then read, not changed).
	editing  []fyne.CanvasObject
	readOnly *widget.Label
}

func NewIndicatorsScreen(s Host) *IndicatorsScreen {
	i := &IndicatorsScreen{shell: s}
	i.schemeSelect = kit.NewSelect(nil, func(string) { i.pickScheme() })
	i.tree = widget.NewTree(i.childIDs, i.isBranch,
		func(bool) fyne.CanvasObject {
			return kit.NewElidedLabel("")
		},
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
			if n := i.node(id); n != nil {
				o.(*kit.ElidedLabel).SetText(i18n.T("indui.tree_item", "Name", kit.PickName(n.Name, n.NameEn), "Points", i18n.Number(n.Points)))
			}
		})
	i.tree.OnSelected = func(id widget.TreeNodeID) {
		i.selected = id
		i.showForm()
	}
	addDim := widget.NewButtonWithIcon(i18n.T("indui.add_dimension"), theme.ContentAddIcon(), func() { i.add("") })
	i.addGroup = widget.NewButtonWithIcon(i18n.T("indui.add_group"), theme.ContentAddIcon(), func() { i.add(pathPrefix(i.selected, 1)) })
	i.addIndicator = widget.NewButtonWithIcon(i18n.T("indui.add_indicator"), theme.ContentAddIcon(), func() { i.add(pathPrefix(i.selected, 2)) })
	i.remove = widget.NewButtonWithIcon(i18n.T("indui.remove"), theme.DeleteIcon(), i.confirmRemove)
	i.save = widget.NewButtonWithIcon(i18n.T("action.save"), theme.DocumentSaveIcon(), i.saveScheme)
	i.save.Importance = widget.HighImportance
	revert := widget.NewButtonWithIcon(i18n.T("indui.revert"), theme.ContentUndoIcon(), i.confirmRevert)
	i.sums = widget.NewLabel("")
	i.sums.Wrapping = fyne.TextWrapWord
	i.problems = widget.NewLabel("")
	i.problems.Wrapping = fyne.TextWrapWord
	i.problems.Importance = widget.DangerImportance
	i.form = container.NewVBox()

	saveAs := widget.NewButtonWithIcon(i18n.T("indui.save_as"), theme.ContentCopyIcon(), i.saveAs)
	top := container.NewBorder(nil, nil, widget.NewLabel(i18n.T("indui.scheme")), container.NewHBox(revert, saveAs, i.save), i.schemeSelect)
	i.readOnly = widget.NewLabel("")
	i.readOnly.Wrapping = fyne.TextWrapWord
	i.readOnly.Importance = widget.WarningImportance
	i.readOnly.Hide()
	addBar := container.NewHBox(addDim, i.addGroup, i.addIndicator, i.remove)
	i.editing = []fyne.CanvasObject{revert, saveAs, i.save, addBar}
	left := container.NewBorder(container.NewVBox(addBar, i.readOnly, i.sums), nil, nil, nil, i.tree)
	right := container.NewBorder(nil, i.problems, nil, nil, container.NewVScroll(i.form))
	split := container.NewHSplit(left, right)
	split.Offset = 0.45
	i.Root = container.NewBorder(container.NewVBox(top, i.newHospitalChoice(), widget.NewSeparator()), nil, nil, nil, split)
	i.updateButtons()
	return i
}

// Refresh reloads the list of schemes, keeping the one shown.
func (i *IndicatorsScreen) Refresh() {
	s := i.shell
	list, err := s.Services().Evaluation.Schemes(s.Ctx(), s.Actor())
	if err != nil {
		s.ShowError(err)
		return
	}
	i.schemes = list
	i.showAccess()
	names := make([]string, len(list))
	i.labels = schemeLabels(list)
	for k, sc := range list {
		names[k] = i.labels[sc.Code]
	}
	i.schemeSelect.SetOptions(names)
	code := i.scheme.Code
	if code == "" && len(list) > 0 {
		code = list[0].Code
	}
	i.load(code)
}

// canEdit is whether the signed-in role may change the library.
func (i *IndicatorsScreen) canEdit() bool {
	return permission.Check(i.shell.Actor(), permission.IndicatorsEdit, "") == nil
}

// showAccess hides the editing buttons from a role that may not change
// the library (a department head, the committee, an auditor) and says so
// where they were: refused before the click, not after it.
func (i *IndicatorsScreen) showAccess() {
	for _, o := range append(i.editing, i.hospital.use) {
		if o == nil {
			continue
		}
		if i.canEdit() {
			o.Show()
		} else {
			o.Hide()
		}
	}
	if i.canEdit() {
		i.readOnly.Hide()
		return
	}
	i.readOnly.SetText(i18n.T("indui.read_only"))
	i.readOnly.Show()
}

// schemeLabels names each scheme by its display name, adding the code only
// where two schemes would read alike: a finance office reads names, and
// the picker needs each entry to be distinct.
func schemeLabels(list []scoring.Scheme) map[string]string {
	count := map[string]int{}
	for _, sc := range list {
		count[kit.PickName(sc.Name, sc.NameEn)]++
	}
	out := map[string]string{}
	for _, sc := range list {
		name := kit.PickName(sc.Name, sc.NameEn)
		if count[name] > 1 {
			name += " (" + sc.Code + ")"
		}
		out[sc.Code] = name
	}
	return out
}

// schemeLabel is sc's entry in the picker.
func (i *IndicatorsScreen) schemeLabel(sc scoring.Scheme) string {
	if l, ok := i.labels[sc.Code]; ok {
		return l
	}
	return kit.PickName(sc.Name, sc.NameEn)
}

// pickScheme follows the select, asking before unsaved edits are dropped.
func (i *IndicatorsScreen) pickScheme() {
	k := i.schemeSelect.SelectedIndex()
	if k < 0 || k >= len(i.schemes) || i.schemes[k].Code == i.scheme.Code {
		return
	}
	code := i.schemes[k].Code
	if !i.dirty {
		i.load(code)
		return
	}
	dialog.ShowConfirm(i18n.T("indui.discard_title"), i18n.T("indui.discard"), func(ok bool) {
		if ok {
			i.load(code)
			return
		}
		i.schemeSelect.SetSelected(i.schemeLabel(i.scheme)) // stay on the edited one
	}, i.shell.Window())
}

// load fetches scheme code afresh as the working copy.
func (i *IndicatorsScreen) load(code string) {
	s := i.shell
	i.problems.SetText("")
	if code == "" {
		i.scheme, i.dirty = scoring.Scheme{}, false
		i.rebuild()
		return
	}
	sc, err := s.Services().Evaluation.Scheme(s.Ctx(), s.Actor(), code)
	if err != nil {
		s.ShowError(err)
		return
	}
	i.scheme, i.dirty, i.selected = sc, false, ""
	i.schemeSelect.SetSelected(i.schemeLabel(sc))
	i.rebuild()
	i.refreshHospital()
}

// rebuild redraws the tree, the sums and the form after the shape changed.
func (i *IndicatorsScreen) rebuild() {
	i.tree.UnselectAll()
	i.tree.Refresh()
	if i.selected != "" && i.node(i.selected) != nil {
		i.tree.Select(i.selected)
	} else {
		i.selected = ""
		i.showForm()
	}
	i.updateSums()
}

// node is the node at an index path such as "0/2/1", nil when none.
func (i *IndicatorsScreen) node(id widget.TreeNodeID) *scoring.Node {
	if id == "" {
		return nil
	}
	list := i.scheme.Roots
	var n *scoring.Node
	for _, part := range strings.Split(id, "/") {
		k, err := strconv.Atoi(part)
		if err != nil || k < 0 || k >= len(list) {
			return nil
		}
		n = &list[k]
		list = n.Children
	}
	return n
}

func (i *IndicatorsScreen) childIDs(id widget.TreeNodeID) []widget.TreeNodeID {
	list := i.scheme.Roots
	if id != "" {
		n := i.node(id)
		if n == nil {
			return nil
		}
		list = n.Children
	}
	out := make([]widget.TreeNodeID, len(list))
	for k := range list {
		if id == "" {
			out[k] = strconv.Itoa(k)
		} else {
			out[k] = id + "/" + strconv.Itoa(k)
		}
	}
	return out
}

func (i *IndicatorsScreen) isBranch(id widget.TreeNodeID) bool {
	if id == "" {
		return true
	}
	n := i.node(id)
	return n != nil && n.Indicator == nil && depthOf(id) < 3
}

func depthOf(id widget.TreeNodeID) int {
	if id == "" {
		return 0
	}
	return strings.Count(id, "/") + 1
}

// pathPrefix is the first n steps of an index path ("" when shorter).
func pathPrefix(id widget.TreeNodeID, n int) string {
	parts := strings.Split(id, "/")
	if id == "" || len(parts) < n {
		return ""
	}
	return strings.Join(parts[:n], "/")
}

// add appends a new dimension (parent ""), group or indicator under parent.
func (i *IndicatorsScreen) add(parent widget.TreeNodeID) {
	if i.scheme.Code == "" {
		return
	}
	depth := depthOf(parent) + 1
	p := i.node(parent)
	prefix := ""
	list := &i.scheme.Roots
	if p != nil {
		prefix, list = p.Code+".", &p.Children
	} else if depth > 1 {
		return // nothing selected to add under
	}
	code := i.freeCode(prefix, len(*list)+1)
	n := scoring.Node{Code: code, Name: i18n.T("indui.new_node", "Level", i18n.T(levelKey(depth)))}
	if depth == 3 {
		// The revenue question starts unanswered: the form asks yes or no
		// and saving is refused until it is answered (issue 20).
		n.Indicator = &scoring.Indicator{Code: code, Name: n.Name, Unit: "%", Direction: scoring.Higher, Rule: scoring.Proportional, Target: 100, RevenueUndecided: true}
	}
	*list = append(*list, n)
	if parent == "" {
		i.selected = strconv.Itoa(len(*list) - 1)
	} else {
		i.tree.OpenBranch(parent)
		i.selected = parent + "/" + strconv.Itoa(len(*list)-1)
	}
	i.dirty = true
	i.rebuild()
}

// freeCode is prefix+k, counting up until no node uses it.
func (i *IndicatorsScreen) freeCode(prefix string, k int) string {
	used := map[string]bool{}
	var walk func([]scoring.Node)
	walk = func(ns []scoring.Node) {
		for _, n := range ns {
			used[leafCodeOf(n)] = true
			walk(n.Children)
		}
	}
	walk(i.scheme.Roots)
	for used[prefix+strconv.Itoa(k)] {
		k++
	}
	return prefix + strconv.Itoa(k)
}

func levelKey(depth int) string {
	switch depth {
	case 1:
		return "indui.level1"
	case 2:
		return "indui.level2"
	}
	return "indui.level3"
}

// confirmRevert discards the unsaved edits of the scheme after saying
// what is lost; with nothing edited it just reloads.
func (i *IndicatorsScreen) confirmRevert() {
	if !i.dirty {
		i.load(i.scheme.Code)
		return
	}
	kit.ConfirmAction(i.shell.Window(), i18n.T("indui.revert_title"), i18n.T("indui.revert_confirm"), i18n.T("indui.revert"), func() { i.load(i.scheme.Code) })
}

func (i *IndicatorsScreen) confirmRemove() {
	n := i.node(i.selected)
	if n == nil {
		return
	}
	id := i.selected
	dialog.ShowConfirm(i18n.T("indui.remove"), i18n.T("indui.remove_confirm", "Name", n.Name), func(ok bool) {
		if !ok {
			return
		}
		parts := strings.Split(id, "/")
		k, _ := strconv.Atoi(parts[len(parts)-1])
		list := &i.scheme.Roots
		if len(parts) > 1 {
			list = &i.node(strings.Join(parts[:len(parts)-1], "/")).Children
		}
		*list = append((*list)[:k:k], (*list)[k+1:]...)
		i.selected, i.dirty = "", true
		i.rebuild()
	}, i.shell.Window())
}

// saveScheme hands the working copy to the service; its refusal lists
// every problem, e.g. the group whose indicators do not add up.
func (i *IndicatorsScreen) saveScheme() {
	s := i.shell
	if err := s.Services().Evaluation.SaveScheme(s.Ctx(), s.Actor(), i.scheme); err != nil {
		i.problems.SetText(i18n.Message(err))
		s.ShowError(err)
		return
	}
	i.problems.SetText("")
	i.load(i.scheme.Code)
	dialog.ShowInformation(i18n.T("action.save"), i18n.T("indui.saved", "Scheme", kit.PickName(i.scheme.Name, i.scheme.NameEn)), s.Window())
}

// saveAs stores the working copy under a new code and name: a scheme that
// scored finalised evaluations is locked, and this is how it evolves.
func (i *IndicatorsScreen) saveAs() {
	s := i.shell
	if i.scheme.Code == "" {
		return
	}
	code, name := widget.NewEntry(), widget.NewEntry()
	code.SetText(i.scheme.Code + "-" + strconv.Itoa(s.Year()))
	name.SetText(i.scheme.Name)
	items := []*widget.FormItem{
		widget.NewFormItem(i18n.T("indui.code"), code),
		widget.NewFormItem(i18n.T("indui.name"), name),
	}
	dialog.ShowForm(i18n.T("indui.save_as"), i18n.T("action.save"), i18n.T("action.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		sc := i.scheme
		sc.Code, sc.Name = strings.TrimSpace(code.Text), strings.TrimSpace(name.Text)
		if err := s.Services().Evaluation.SaveScheme(s.Ctx(), s.Actor(), sc); err != nil {
			i.problems.SetText(i18n.Message(err))
			s.ShowError(err)
			return
		}
		i.scheme.Code = sc.Code
		i.Refresh()
	}, s.Window())
}

// updateSums shows each level's points against what it must add up to,
// so a mismatch is seen while typing rather than only on saving.
func (i *IndicatorsScreen) updateSums() {
	sc := i.scheme
	var total float64
	for _, d := range sc.Roots {
		total += d.Points
	}
	lines := []string{i18n.T("indui.sum_total", "Sum", i18n.Number(total), "Total", i18n.Number(sc.Total))}
	bad := math.Abs(total-sc.Total) > 0.001
	var check func(ns []scoring.Node)
	check = func(ns []scoring.Node) {
		for _, n := range ns {
			if n.Indicator != nil || len(n.Children) == 0 {
				continue
			}
			var sum float64
			for _, c := range n.Children {
				sum += c.Points
			}
			if math.Abs(sum-n.Points) > 0.001 || math.IsNaN(sum) {
				bad = true
				lines = append(lines, i18n.T("indui.sum_bad", "Name", n.Name, "Sum", i18n.Number(sum), "Points", i18n.Number(n.Points)))
			}
			check(n.Children)
		}
	}
	check(sc.Roots)
	if !bad {
		lines = append(lines, i18n.T("indui.sum_ok"))
		i.sums.Importance = widget.SuccessImportance
	} else {
		i.sums.Importance = widget.DangerImportance
	}
	i.sums.SetText(strings.Join(lines, "\n"))
	i.updateButtons()
}

func (i *IndicatorsScreen) updateButtons() {
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	d := depthOf(i.selected)
	enable(i.addGroup, d >= 1)
	enable(i.addIndicator, d >= 2)
	enable(i.remove, d >= 1)
	enable(i.save, i.scheme.Code != "")
}

// changed marks the copy edited and shows the new label and sums.
func (i *IndicatorsScreen) changed() {
	i.dirty = true
	i.tree.RefreshItem(i.selected)
	i.updateSums()
}
