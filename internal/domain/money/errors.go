package money

import "fmt"

// Reasons a text is rejected by Parse. They are stable machine keys so the
// UI can pick a translated message; ParseError.Error gives the English one.
const (
	ReasonNotANumber         = "not_a_number"
	ReasonPercent            = "percent"
	ReasonTooLarge           = "too_large"
	ReasonMisplacedSeparator = "misplaced_separator"
	ReasonMisplacedSign      = "misplaced_sign"
	ReasonExponentRange      = "exponent_out_of_range"
	ReasonSpreadsheetError   = "spreadsheet_error"
	ReasonInvalidUnit        = "invalid_unit"
)

// ParseError reports a text that is not an amount of money.
type ParseError struct {
	Input  string // the text as given to Parse
	Reason string // one of the Reason constants
}

// maxQuoted bounds how much of the input an error message repeats, so a
// pasted paragraph does not flood a dialog.
const maxQuoted = 40

func (e *ParseError) Error() string {
	in := e.Input
	if r := []rune(in); len(r) > maxQuoted {
		in = string(r[:maxQuoted]) + "…"
	}
	msg := fmt.Sprintf("%q is not an amount", in)
	switch e.Reason {
	case ReasonPercent:
		return msg + " (it is a percentage)"
	case ReasonTooLarge:
		return msg + " (too large)"
	case ReasonMisplacedSeparator:
		return msg + " (misplaced thousands separator or decimal point)"
	case ReasonMisplacedSign:
		return msg + " (misplaced minus sign or parenthesis)"
	case ReasonExponentRange:
		return msg + " (exponent out of range)"
	case ReasonSpreadsheetError:
		return msg + " (spreadsheet error value)"
	case ReasonInvalidUnit:
		return msg + " (invalid unit)"
	}
	return msg
}

func parseErr(input, reason string) error {
	return &ParseError{Input: input, Reason: reason}
}
