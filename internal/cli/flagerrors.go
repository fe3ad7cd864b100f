package cli

import (
	"regexp"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// flagErrors are the texts Go's flag package gives for a mistaken option,
// each with the key that says the same in the user's language.
var flagErrors = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^flag provided but not defined: -+(.*)$`), "cli.flag_error.unknown"},
	{regexp.MustCompile(`^flag needs an argument: -+(.*)$`), "cli.flag_error.no_value"},
	{regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*): .*$`), "cli.flag_error.bad_value"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "cli.flag_error.syntax"},
}

// flagError puts a flag package error in the user's language; an error it
// does not know stays as it is.
func flagError(err error) string {
	msg := err.Error()
	for _, f := range flagErrors {
		m := f.re.FindStringSubmatch(msg)
		switch {
		case m == nil:
			continue
		case len(m) == 3:
			return i18n.T(f.key, "Value", m[1], "Flag", dashed(m[2]))
		case f.key == "cli.flag_error.syntax":
			return i18n.T(f.key, "Flag", m[1])
		default:
			return i18n.T(f.key, "Flag", dashed(m[1]))
		}
	}
	return msg
}

// dashed is an option's name as users write it: -o, --year.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}
