// Package kit holds the reusable widgets of the window: the amount entry,
// the chart view, figure cards, label tables, column and height layouts,
// the alert list, the theme and its status colours, and the number and
// name formats every screen shows. It knows no screen and no shell; it may
// import Fyne, the rules (domain), chart and i18n.
package kit
