package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
)

// SettingsScreen holds language, database and about.
type SettingsScreen struct {
	shell *Shell
	root  fyne.CanvasObject
	tabs  *container.AppTabs

	language     *widget.RadioGroup
	dbPath       *widget.Label
	hospitalName *widget.Entry
	hospitalEn   *widget.Entry
	saveName     *widget.Button
	departments  *DepartmentsPanel
	applySubs    *applicationSubjectsPanel
	subjects     *subjectsPanel
	bonusEdit    *widget.Button
	readOnly     *widget.Label // why a role without the settings permission sees them read-only
}

// language choices as shown; each language names itself.
var languageLabels = map[string]string{i18n.Chinese: "简体中文", i18n.English: "English"}

func newSettingsScreen(s *Shell) *SettingsScreen {
	st := &SettingsScreen{shell: s}
	st.language = widget.NewRadioGroup([]string{languageLabels[i18n.Chinese], languageLabels[i18n.English]}, func(v string) {
		for code, label := range languageLabels {
			if label == v {
				s.setLanguage(code)
			}
		}
	})
	st.language.Horizontal = true
	st.language.Required = true

	st.dbPath = widget.NewLabel("")
	st.dbPath.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(i18n.T("settings.db.open"), theme.FolderOpenIcon(), func() { s.chooseDatabase(false) })
	create := widget.NewButtonWithIcon(i18n.T("settings.db.new"), theme.DocumentCreateIcon(), func() { s.chooseDatabase(true) })
	server := widget.NewButtonWithIcon(i18n.T("server.connect_button"), theme.ComputerIcon(), s.connectServer)

	st.hospitalName = widget.NewEntry()
	st.hospitalName.SetPlaceHolder(i18n.T("settings.hospital.zh"))
	st.hospitalEn = widget.NewEntry()
	st.hospitalEn.SetPlaceHolder(i18n.T("settings.hospital.en"))
	st.saveName = widget.NewButtonWithIcon(i18n.T("action.save"), theme.DocumentSaveIcon(), func() {
		if err := s.svc.Master.SetHospitalName(s.ctx, s.actor, st.hospitalName.Text, st.hospitalEn.Text); err != nil {
			s.showError(err)
			return
		}
		s.refresh()
	})

	about := widget.NewLabel(i18n.T("settings.about.text", "Version", s.opts.Version, "Schema", store.SchemaVersion(), "Font", assets.FontName))
	about.Wrapping = fyne.TextWrapWord

	st.departments = newDepartmentsPanel(s)
	st.applySubs = newApplicationSubjectsPanel(s)
	st.subjects = newSubjectsPanel(s)
	st.bonusEdit = widget.NewButton(i18n.T("settings.bonus.edit"), func() { s.bonus.EditSettings() })
	st.readOnly = widget.NewLabel(i18n.T("settings.read_only"))
	st.readOnly.Wrapping = fyne.TextWrapWord
	st.readOnly.Importance = widget.WarningImportance
	general := container.NewVScroll(container.NewVBox(
		st.readOnly,
		kit.HintCard(i18n.T("settings.language"), i18n.T("settings.language.hint"), st.language),
		widget.NewCard(i18n.T("settings.hospital"), "", container.NewBorder(nil, nil, nil, st.saveName, container.NewGridWithColumns(2, st.hospitalName, st.hospitalEn))),
		kit.HintCard(i18n.T("settings.departments"), i18n.T(deptHintKey(s.actor)), st.departments.root),
		kit.HintCard(i18n.T("settings.apply_subjects"), i18n.T("settings.apply_subjects.hint"), st.applySubs.root),
		// The pay settings are the Bonus screen's dialog, reached here too.
		kit.HintCard(i18n.T("bonus.settings.title"), i18n.T("settings.bonus.hint"), container.NewHBox(st.bonusEdit)),
		widget.NewCard(i18n.T("settings.about"), "", about),
	))
	data := container.NewVScroll(container.NewVBox(
		kit.HintCard(i18n.T("settings.db"), i18n.T(onServerKey(s, "settings.db.hint")), container.NewVBox(st.dbPath, container.NewHBox(open, create, server))),
		st.dataPanel(),
	))
	tabs := container.NewAppTabs(
		container.NewTabItem(i18n.T("settings.tab.general"), general),
		container.NewTabItem(i18n.T("settings.tab.data"), data),
		container.NewTabItem(i18n.T("settings.tab.subjects"), st.subjects.root),
	)
	for _, t := range st.accessTabs() {
		tabs.Append(t)
	}
	st.root = tabs
	st.tabs = tabs
	return st
}

// showData brings the data and backup tab forward.
func (st *SettingsScreen) showData() { st.tabs.SelectIndex(1) }

// Refresh shows the current values.
func (st *SettingsScreen) Refresh() {
	st.language.SetSelected(languageLabels[i18n.Current()])
	st.dbPath.SetText(st.shell.svc.Store.Path())
	if st.shell.svc.Store.Engine() == store.Postgres {
		st.dbPath.SetText(st.shell.svc.Store.Path() + "\n" + i18n.T("settings.db.server_hint"))
	}
	name, _ := st.shell.svc.Master.HospitalName(st.shell.ctx, st.shell.actor)
	st.hospitalName.SetText(name)
	en, _ := st.shell.svc.Master.HospitalNameEn(st.shell.ctx, st.shell.actor)
	st.hospitalEn.SetText(en)
	st.departments.Refresh()
	st.applySubs.Refresh()
	st.subjects.Refresh()
	st.refreshData()
	st.refreshAccess()
	st.showRole()
}
