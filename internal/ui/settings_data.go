package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
)

// dataPanel holds backup and restore under the database card of Settings.
func (st *SettingsScreen) dataPanel() fyne.CanvasObject { return layout.NewSpacer() }

// refreshData shows the current backups.
func (st *SettingsScreen) refreshData() {}
