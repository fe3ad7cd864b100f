package cli

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/workbook/textsheet"
)

// checkEncoding refuses an --encoding the readers do not know before the
// database is opened; "" means detect.
func checkEncoding(name string) (string, error) {
	enc, ok := textsheet.NormalizeEncoding(name)
	if !ok {
		return "", usagef("%s", i18n.Message(textsheet.UnknownEncoding(name)))
	}
	return enc, nil
}

// printEncoding says which encoding a CSV or HTML export was read in, so a
// wrong guess is seen before the import is confirmed; nothing for workbooks.
func printEncoding(env *Env, used, given string) {
	if used == "" {
		return
	}
	key := "import.preview.encoding_detected"
	if given != "" {
		key = "import.preview.encoding"
	}
	env.printf("%s\n", i18n.T(key, "Encoding", strings.ToUpper(used)))
}
