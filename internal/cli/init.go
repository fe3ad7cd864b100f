package cli

import (
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "init", creates: true, summary: "cli.init.summary", run: runInit})
}

// runInit makes a new, empty hospital database at --db (or the default
// place), for an office that starts from its own workbooks rather than
// the demo. An existing database is opened and left as it is.
func runInit(env *Env, args []string) error {
	f := newFlags(env, "init", "", "cli.init.about")
	if err := f.parseNone(args); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	env.printf("%s\n", i18n.T("cli.init.done", "Path", svc.Store.Path()))
	return nil
}
