package cli

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/i18n"
	pdfreport "github.com/budgetperf/budgetperf/internal/report"
)

func init() {
	register(command{name: "report", summary: "cli.report.summary", run: runReport})
}

// runReport writes a PDF report: report KIND --year Y [--month M] -o FILE,
// or one of the bureau's forms as a workbook or a PDF: report FORM --year Y
// [--project CODE] [--month M] -o FILE.xlsx|.pdf.
func runReport(env *Env, args []string) error {
	f := newFlags(env, "report", "KIND", "cli.report.about")
	y := f.Int("year", 0, "cli.flag.year")
	m := f.Int("month", 0, "cli.flag.report_month")
	out := f.String("o", "", "cli.flag.report_out")
	unit := f.String("unit", "", "cli.flag.report_unit")
	project := f.String("project", "", "cli.flag.report_project")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.report.kind_required"))
	}
	kind := strings.ToLower(pos[0])
	if pdfreport.IsForm(kind) {
		return runForm(env, pdfreport.FormRequest{Kind: kind, Year: *y, Month: *m, Project: *project}, *out)
	}
	if !pdfreport.ValidKind(kind) {
		return usagef("%s", i18n.T("cli.report.bad_kind", "Kind", pos[0]))
	}
	if err := requireYear(*y); err != nil {
		return err
	}
	if *m < 0 || *m > 12 {
		return usagef("%s", i18n.T("cli.report.bad_month", "Month", *m))
	}
	if *out == "" {
		return usagef("%s", i18n.T("cli.report.out_required"))
	}
	req := pdfreport.Request{Kind: kind, Year: *y, Month: *m}
	switch *unit {
	case "":
	case "yuan", "元":
		u := money.Yuan
		req.Unit = &u
	case "wan", "万元":
		u := money.TenThousand
		req.Unit = &u
	default:
		return usagef("%s", i18n.T("cli.report.bad_unit", "Unit", *unit))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := pdfreport.WriteFile(env.ctx, svc, env.Actor, req, *out, nil); err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.report.done", "What", reportWhat(kind, *y), "Path", *out))
	return nil
}

// reportWhat names what report or form was written, for the success line
// (已将 2026年度预算报告 写入 FILE): a script's log says what it made.
func reportWhat(kind string, year int) string {
	if pdfreport.IsForm(kind) {
		return i18n.T("cli.report.form_what", "Year", year, "Form", i18n.T("reports.form."+kind))
	}
	return i18n.T("cli.report.what."+kind, "Year", year)
}

// runForm writes one of the finance bureau's forms, in the format of out's
// extension.
func runForm(env *Env, req pdfreport.FormRequest, out string) error {
	if err := requireYear(req.Year); err != nil {
		return err
	}
	if req.Month < 0 || req.Month > 12 {
		return usagef("%s", i18n.T("cli.report.bad_month", "Month", req.Month))
	}
	if out == "" {
		return usagef("%s", i18n.T("cli.report.form_out_required"))
	}
	if _, err := pdfreport.FormFormat(out); err != nil {
		return usagef("%s", i18n.Message(err))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := pdfreport.WriteForm(env.ctx, svc, env.Actor, req, out, nil); err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.report.done", "What", reportWhat(req.Kind, req.Year), "Path", out))
	return nil
}
