package ui

import "fyne.io/fyne/v2/container"

// accessTabs are the users and audit tabs of Settings.
func (st *SettingsScreen) accessTabs() []*container.TabItem { return nil }

// refreshAccess reloads the users and the audit trail.
func (st *SettingsScreen) refreshAccess() {}
