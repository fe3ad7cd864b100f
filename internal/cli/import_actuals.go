package cli

import (
	"fmt"
	"os"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "import actuals", summary: "cli.import_actuals.summary", run: runImportActuals})
}

// bigFile is the size from which the CLI says what it is doing, so a
// scheduler's log shows progress on a long import.
const bigFile = 4 << 20

func runImportActuals(env *Env, args []string) error {
	f := newFlags(env, "import actuals", "FILE", "cli.import_actuals.about")
	year := f.Int("year", 0, "cli.flag.year")
	month := f.Int("month", 0, "cli.flag.summary_month")
	create := f.Bool("create-missing", false, "cli.flag.create_missing")
	dept := f.String("department", "", "cli.flag.department")
	amountCol := f.String("amount-column", "", "cli.flag.amount_column")
	replaceMonth := f.Bool("replace-month", false, "cli.flag.replace_month")
	encoding := f.String("encoding", "", "cli.flag.encoding")
	dry := f.Bool("dry-run", false, "cli.flag.dry_run")
	unitText := yuanUnitFlag(f)
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.file_required"))
	}
	if err := requireYear(*year); err != nil {
		return err
	}
	enc, err := checkEncoding(*encoding)
	if err != nil {
		return err
	}
	u, err := parseYuanUnit(*unitText)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	big := false
	if fi, err := os.Stat(pos[0]); err == nil && fi.Size() >= bigFile {
		big = true
		fmt.Fprintln(env.Stderr, i18n.T("cli.progress.reading", "File", pos[0], "MB", fi.Size()>>20))
	}
	req := execution.ActualsRequest{Path: pos[0], Year: *year, Month: *month, CreateMissing: *create, Department: *dept, AmountColumn: *amountCol, ReplaceMonth: *replaceMonth, Encoding: enc}
	var p execution.ActualsPreview
	if *dry {
		p, err = svc.Execution.PreviewActuals(env.ctx, env.Actor, req)
	} else {
		p, err = svc.Execution.ImportActuals(env.ctx, env.Actor, req)
	}
	if err != nil {
		return err
	}
	if big {
		fmt.Fprintln(env.Stderr, i18n.T("cli.progress.done_lines", "Lines", p.Lines))
	}
	printEncoding(env, p.Encoding, enc)
	if err := printImport(env, p.Sheets, p.Warnings, p.Totals, p.Lines, p.Revenue, p.Expenditure, u); err != nil {
		return err
	}
	printReplaced(env, p, *dry)
	kind := i18n.T("cli.import_actuals.summary_kind")
	if p.Ledger {
		kind = i18n.T("cli.import_actuals.ledger_kind")
	}
	key := "cli.import_actuals.done"
	if *dry {
		key = "cli.import_actuals.dry"
	}
	env.printf("%s\n", i18n.T(key, "Year", p.Year, "Lines", p.Lines, "Kind", kind, "Revenue", money.FormatPlain(p.Revenue), "Expenditure", money.FormatPlain(p.Expenditure), "New", len(p.NewDepartments)))
	return nil
}

// printReplaced names each summary that --replace-month replaced (or, in a
// dry run, would replace).
func printReplaced(env *Env, p execution.ActualsPreview, dry bool) {
	key := "cli.import_actuals.replaced"
	if dry {
		key = "import.will_replace_month"
	}
	for _, r := range p.Replaced {
		env.printf("%s\n", i18n.T(key, "Period", fmt.Sprintf("%d/%d", p.Year, r.LineMonth), "File", r.FileName,
			"When", r.ImportedAt.Format("2006-01-02 15:04"), "Lines", r.Lines, "Amount", money.FormatPlain(r.Total)))
	}
}
