package ui

import "github.com/budgetperf/budgetperf/internal/store"

// Options is what the window is started with.
type Options struct {
	// DBPath given on the command line; "" uses the remembered or default database.
	DBPath string
	// Lang given on the command line or environment; "" uses the remembered or system language.
	Lang string
	// Version shown in Settings → About.
	Version string
	// RestoreFile is a backup the window was opened with: once the
	// database is open (and someone signed in), it offers to restore it.
	RestoreFile string

	// runDaily starts the day's check of st and calls done when it
	// finished; nil is st.StartDailyCheck. Tests hold the check with it.
	runDaily func(st *store.Store, done func(store.DailyStatus))
}

// Preference keys, stored per user by Fyne.
const (
	prefLanguage = "language"
	prefDatabase = "database_path"
)
