// Package kit holds the reusable widgets of the window: the amount entry
// and the grid cells' keys and pasted columns (CellNav, TextCell, ParsePasted),
// the chart view, figure cards, label tables, column and height layouts,
// the alert list, the theme and its status colours, the number and name
// formats every screen shows, the language registration with Fyne, and
// the description of background work (Job, Progress, Runner, Run). It
// knows no screen and no shell; it may import Fyne, the rules (domain),
// chart and i18n.
package kit
