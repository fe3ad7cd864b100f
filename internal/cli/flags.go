package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
)

// flags is a subcommand's flag set whose help is printed in the user's language.
type flags struct {
	*flag.FlagSet
	name  string
	args  string // positional arguments in the usage line, e.g. "FILE"
	about string // translation key of the description
	out   io.Writer
}

func newFlags(env *Env, name, args, about string) *flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return &flags{FlagSet: fs, name: name, args: args, about: about, out: env.Stdout}
}

// parse reads flags wherever they stand among the positional arguments
// (users write "budget show --year 2025 --json" as often as "--json" first)
// and prints help for -h/--help.
func (f *flags) parse(args []string) ([]string, error) {
	var pos []string
	for {
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.help()
				return nil, errHelp
			}
			return nil, usageError{msg: flagError(err)}
		}
		rest := f.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// placeholderWord is an upper-case placeholder of a usage line (FILE,
// YEAR, CODE…).
var placeholderWord = regexp.MustCompile(`[A-Z][A-Z-]*`)

// placeholders puts the placeholders of a usage text in the user's
// language (文件, 年度) where a cli.arg.* text has them, others as they are.
func placeholders(text string) string {
	return placeholderWord.ReplaceAllStringFunc(text, func(w string) string {
		key := "cli.arg." + strings.ToLower(w)
		if t := i18n.T(key); t != key {
			return t
		}
		return w
	})
}

func (f *flags) help() {
	fmt.Fprintf(f.out, "%s\n", strings.TrimRight(i18n.T("cli.help.usage_line", "Command", f.name, "Args", placeholders(f.args)), " "))
	fmt.Fprintln(f.out)
	fmt.Fprintln(f.out, i18n.T(f.about))
	var opts []string
	f.VisitAll(func(fl *flag.Flag) {
		name, value := "--"+fl.Name, strings.ToUpper(fl.Name)
		if len(fl.Name) == 1 { // -o FILE, as users write it
			name, value = "-"+fl.Name, "FILE"
		}
		if _, isBool := fl.Value.(interface{ IsBoolFlag() bool }); !isBool {
			name += " " + placeholders(value)
		}
		pad := max(1, 19-runewidth.StringWidth(name)) // columns as wide as the Chinese placeholders show
		opts = append(opts, "  "+name+strings.Repeat(" ", pad)+i18n.T(fl.Usage))
	})
	if len(opts) > 0 {
		fmt.Fprintln(f.out)
		fmt.Fprintln(f.out, i18n.T("cli.help.options_title"))
		for _, o := range opts {
			fmt.Fprintln(f.out, o)
		}
	}
}

// parseNone parses a command that takes no positional arguments.
func (f *flags) parseNone(args []string) error {
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	return noPositional(pos)
}

// parseOne parses a command that takes exactly one positional argument, a file.
func (f *flags) parseOne(args []string) (string, error) {
	pos, err := f.parse(args)
	if err != nil {
		return "", err
	}
	if len(pos) != 1 {
		return "", usagef("%s", i18n.T("cli.file_required", "Command", f.name))
	}
	return pos[0], nil
}

// noPositional refuses stray arguments.
func noPositional(pos []string) error {
	if len(pos) > 0 {
		return usagef("%s", i18n.T("cli.unexpected_args", "Args", strings.Join(pos, " ")))
	}
	return nil
}

// requireYear refuses a missing or out-of-range --year.
func requireYear(year int) error {
	if year == 0 {
		return usagef("%s", i18n.T("cli.year_required"))
	}
	return nil
}

// yearReport is the shape of the commands that report one year: --year
// (required) and --json, nothing else. It parses args and opens the
// database; the caller closes it.
func yearReport(env *Env, name, about string, args []string) (svc *services.Services, year int, asJSON bool, err error) {
	svc, year, _, asJSON, err = report(env, name, about, "", args)
	return svc, year, asJSON, err
}

func report(env *Env, name, about, monthHelp string, args []string) (svc *services.Services, year, month int, asJSON bool, err error) {
	f := newFlags(env, name, "", about)
	y := f.Int("year", 0, "cli.flag.year")
	var m *int
	if monthHelp != "" {
		m = f.Int("month", 0, monthHelp)
	}
	j := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return nil, 0, 0, false, err
	}
	if err := requireYear(*y); err != nil {
		return nil, 0, 0, false, err
	}
	if m != nil {
		month = *m
	}
	svc, err = env.open()
	return svc, *y, month, *j, err
}
