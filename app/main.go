// Command budgetperf is BudgetPerf: with no subcommand it opens the window,
// with one it works headless (see `budgetperf --help`).
package main

import (
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2/app"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/cli"
	"github.com/budgetperf/budgetperf/internal/ui"

	"fyne.io/fyne/v2"
)

// version is stamped by the build (-ldflags "-X main.version=…").
var version = "dev"

// softMemoryLimit makes the garbage collector work harder before the
// process grows past what an office PC can spare: a million-line ledger
// import then peaks under 300 MB instead of twice its live data. It is a
// soft limit (never an out-of-memory error); GOMEMLIMIT overrides it.
const softMemoryLimit = 220 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
	cli.Version = version
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, runGUI))
}

func runGUI(o cli.GUIOptions) error {
	a := app.NewWithID("org.budgetperf.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon()))
	ui.Start(a, ui.Options{DBPath: o.DBPath, Lang: o.Lang, Version: version, RestoreFile: o.RestoreFile})
	a.Run()
	return nil
}
