// Package cli implements the budgetperf command line: global flags, one
// file per subcommand, and the exit-status contract of design.md.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/store"
)

// Exit statuses (a contract relied on by users' scripts).
const (
	ExitOK       = 0
	ExitRefused  = 1 // bad input or a refused operation
	ExitUsage    = 2
	ExitInternal = 3
)

// Version is set by main from the build.
var Version = "dev"

// GUIOptions is what the window needs from the command line.
type GUIOptions struct {
	// DBPath is the database given with --db; "" means the remembered or default one.
	DBPath string
	// Lang is the language given with --lang or BUDGETPERF_LANG; "" means the remembered or system one.
	Lang string
	// RestoreFile is a backup the window was opened with (a double-clicked
	// .bpbak file): the window offers to restore it.
	RestoreFile string
}

// isBackupFile reports whether arg names a backup the window should offer
// to restore, as a file manager passes it when one is opened.
func isBackupFile(arg string) bool {
	if !strings.HasSuffix(strings.ToLower(arg), ".bpbak") {
		return false
	}
	st, err := os.Stat(arg)
	return err == nil && !st.IsDir()
}

// Env is where a command reads and writes.
type Env struct {
	Stdout, Stderr io.Writer
	DBPath         string
	// User is the login given with --user (else BUDGETPERF_USER).
	User  string
	Actor domain.Actor
	ctx   context.Context
	// creates is set for the commands that may make a new database (demo,
	// users add, init); every other command needs an existing one, so a
	// mistyped --db is refused instead of becoming an empty hospital.
	creates bool
}

// printf writes to standard output.
func (e *Env) printf(format string, a ...any) { fmt.Fprintf(e.Stdout, format, a...) }

// open opens the database named by --db or the per-user default and
// signs in (see signIn): every command that touches data comes through here.
func (e *Env) open() (*services.Services, error) {
	path := e.DBPath
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	created, err := e.checkExists(path)
	if err != nil {
		return nil, err
	}
	if store.IsServer(path) {
		return e.openServer(path)
	}
	svc, err := services.Open(e.ctx, path)
	if err != nil {
		return nil, err
	}
	if created {
		fmt.Fprintln(e.Stderr, i18n.T("cli.db.created", "Path", path))
	}
	// The day's full check and backup (a minute on a large file) are not
	// waited for here: a script's `departments list` or `version` must
	// not take a minute on the first run of a day. The GUI, which the
	// office opens daily, runs them in the background; scripts get them
	// from `budgetperf backup` (runBackup), which waits for them.
	if err := e.signIn(svc); err != nil {
		svc.Close()
		return nil, err
	}
	return svc, nil
}

type command struct {
	name    string // "departments list"
	summary string // translation key
	run     func(env *Env, args []string) error
	creates bool // may make a new database (Env.creates)
}

// checkExists refuses a database file that does not exist unless the
// command makes one; it reports whether one is about to be made.
func (e *Env) checkExists(path string) (bool, error) {
	if store.IsServer(path) {
		return false, nil // the server says whether the database exists
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		return false, domain.NewProblem("problem.cli.db_is_folder", "{{.Path}} is a folder, not a database file: give the file, e.g. --db {{.Path}}/budgetperf.db.", "Path", path)
	case err == nil:
		return false, nil
	case !os.IsNotExist(err):
		return false, domain.NewProblem("problem.cli.db_unreadable", "Cannot read the database {{.Path}}: {{.Err}}", "Path", path, "Err", err.Error())
	case e.creates:
		return true, nil
	}
	return false, domain.NewProblem("problem.cli.no_database", "There is no database at {{.Path}}: check --db (a mistyped path does not make a new, empty hospital). To start a new database run \"budgetperf --db FILE init\" (or demo for the demo hospital), or start the program.", "Path", path)
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// usageError is a mistake in the command line itself (exit 2).
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// errHelp means help was printed and nothing else is to be done.
var errHelp = errors.New("help shown")

// Run executes the command line args (without the program name) and returns
// the exit status. With no subcommand it opens the GUI through gui.
func Run(args []string, stdout, stderr io.Writer, gui func(GUIOptions) error) int {
	global := flag.NewFlagSet("budgetperf", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	db := global.String("db", "", "")
	lang := global.String("lang", "", "")
	user := global.String("user", "", "")
	if err := global.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			_ = i18n.Use(pickLang(*lang))
			printMainHelp(stdout)
			return ExitOK
		}
		_ = i18n.Use(pickLang(*lang))
		fmt.Fprintln(stderr, flagError(err))
		printMainHelp(stderr)
		return ExitUsage
	}
	if *lang != "" {
		if _, ok := i18n.Normalize(*lang); !ok {
			_ = i18n.Use("")
			fmt.Fprintln(stderr, i18n.T("cli.bad_lang", "Lang", *lang))
			return ExitUsage
		}
	}
	if err := i18n.Use(pickLang(*lang)); err != nil {
		fmt.Fprintln(stderr, err)
		return ExitInternal
	}
	rest := global.Args()
	restore := ""
	if len(rest) == 1 && gui != nil && isBackupFile(rest[0]) {
		restore, rest = rest[0], nil
	}
	if len(rest) == 0 {
		if gui == nil {
			printMainHelp(stderr)
			return ExitUsage
		}
		envLang := *lang
		if envLang == "" {
			envLang = os.Getenv("BUDGETPERF_LANG")
		}
		if err := gui(GUIOptions{DBPath: *db, Lang: envLang, RestoreFile: restore}); err != nil {
			fmt.Fprintln(stderr, i18n.Message(err))
			return exitFor(err)
		}
		return ExitOK
	}
	if rest[0] == "help" {
		printMainHelp(stdout)
		return ExitOK
	}
	cmd, cmdArgs, ok := lookup(rest)
	if !ok {
		fmt.Fprintln(stderr, i18n.T("cli.unknown_command", "Command", strings.Join(rest, " ")))
		printMainHelp(stderr)
		return ExitUsage
	}
	env := &Env{Stdout: stdout, Stderr: stderr, DBPath: *db, User: *user, Actor: domain.LocalUser, ctx: context.Background(), creates: cmd.creates}
	// A busy database or a lost race met outside a transaction is still
	// said in words and is exit 1, not SQLite's text and exit 3.
	err := store.Explain(cmd.run(env, cmdArgs))
	switch {
	case err == nil, errors.Is(err, errHelp):
		return ExitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(stderr, ue.msg)
		fmt.Fprintln(stderr, i18n.T("cli.see_help", "Command", cmd.name))
		return ExitUsage
	}
	for _, line := range i18n.Lines(err) {
		fmt.Fprintln(stderr, line)
	}
	return exitFor(err)
}

// exitFor maps an error to its status: problems the user can act on are 1,
// anything else is an internal error.
func exitFor(err error) int {
	if domain.AsProblems(err) != nil {
		return ExitRefused
	}
	return ExitInternal
}

// pickLang chooses the CLI language: --lang, then BUDGETPERF_LANG, then the system.
func pickLang(flagLang string) string {
	if flagLang != "" {
		return flagLang
	}
	return os.Getenv("BUDGETPERF_LANG")
}

// lookup finds the longest registered command name at the start of args.
func lookup(args []string) (command, []string, bool) {
	for n := min(len(args), 3); n >= 1; n-- {
		if c, ok := commands[strings.Join(args[:n], " ")]; ok {
			return c, args[n:], true
		}
	}
	return command{}, nil, false
}

func printMainHelp(w io.Writer) {
	fmt.Fprintln(w, i18n.T("cli.help.usage"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.T("cli.help.global"))
	fmt.Fprintln(w, "  --db PATH      "+i18n.T("cli.flag.db"))
	fmt.Fprintln(w, "  --lang zh|en   "+i18n.T("cli.flag.lang"))
	fmt.Fprintln(w, "  --user LOGIN   "+i18n.T("cli.flag.user"))
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.T("cli.help.commands"))
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-20s %s\n", n, i18n.T(commands[n].summary))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, i18n.T("cli.help.exit"))
}
