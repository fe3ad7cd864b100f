// Package payout holds the pure rules of performance-pay accounting (issue 7):
// a pool capped by the approved total performance pay is split among
// departments by a weighted composite of dimension scores × headcount ×
// department coefficient, exact to the fen, and then within a department
// among its staff. The public-welfare weight is a first-class setting with a
// floor, because public-health duties (screening, outreach, women's and
// children's health) earn no revenue and were paid less under revenue-driven
// schemes; and indicators linked to drug, consumable, examination or
// laboratory revenue are refused as drivers, as national rules require.
//
// The package imports neither SQL nor the GUI toolkit nor i18n: problems
// carry translation keys and English defaults (domain.Problem).
package payout
