// Package money holds BudgetPerf's money type and the parsing, formatting,
// unit and allocation rules around it.
//
// Hospital finance figures must reconcile to the fen, so an Amount is an
// integer count of fen and nothing in this package ever routes a value
// through float64. Spreadsheet artefacts such as "245.75299999999999" are
// handled as decimal text, rounded half away from zero to the fen, and the
// rounding is reported to the caller so it can be shown to the user.
package money
