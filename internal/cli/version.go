package cli

import (
	"fmt"

	"github.com/budgetperf/budgetperf/internal/store"
)

func init() {
	register(command{name: "version", summary: "cli.version.summary", run: runVersion})
}

func runVersion(env *Env, args []string) error {
	f := newFlags(env, "version", "", "cli.version.summary")
	if err := f.parseNone(args); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "BudgetPerf %s (schema %d)\n", Version, store.SchemaVersion())
	return nil
}
