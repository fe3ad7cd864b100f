package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"

	"github.com/budgetperf/budgetperf/internal/atomicfile"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/inputfile"
)

func init() {
	register(command{name: "indicators list", summary: "cli.indicators_list.summary", run: runIndicatorsList})
	register(command{name: "indicators export", summary: "cli.indicators_export.summary", run: runIndicatorsExport})
	register(command{name: "indicators import", summary: "cli.indicators_import.summary", run: runIndicatorsImport})
}

// libIndicatorJSON is one level-3 indicator of `indicators list KEY --json`.
type libIndicatorJSON struct {
	Code      string  `json:"code"`
	Name      string  `json:"name"`
	Dimension string  `json:"dimension"`
	Group     string  `json:"group"`
	Points    float64 `json:"points"`
	Unit      string  `json:"unit"`
	Direction string  `json:"direction"`
	Rule      string  `json:"rule"`
	Target    string  `json:"target"`
}

// runIndicatorsList lists the library (as indicators schemes) or, given a
// scheme's key, its indicators with points, direction, rule and target.
func runIndicatorsList(env *Env, args []string) error {
	f := newFlags(env, "indicators list", "[KEY]", "cli.indicators_list.about")
	asJSON := f.Bool("json", false, "cli.flag.json")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return runIndicatorsSchemes(env, args)
	}
	if len(pos) > 1 {
		return noPositional(pos[1:])
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	sc, err := svc.Evaluation.Scheme(env.ctx, env.Actor, pos[0])
	if err != nil {
		return err
	}
	out := []libIndicatorJSON{}
	var rows [][]string
	for _, d := range sc.Roots {
		for _, g := range d.Children {
			for _, n := range g.Children {
				in := n.Indicator
				if in == nil {
					continue
				}
				j := libIndicatorJSON{Code: n.Code, Name: n.Name, Dimension: d.Name, Group: g.Name, Points: n.Points, Unit: in.Unit,
					Direction: string(in.Direction), Rule: string(in.Rule), Target: scoring.TargetLabel(*in)}
				out = append(out, j)
				rows = append(rows, []string{j.Code, d.Name, g.Name, j.Name, strconv.FormatFloat(j.Points, 'f', -1, 64), j.Target})
			}
		}
	}
	if *asJSON {
		return writeJSON(env.Stdout, struct {
			Key        string             `json:"key"`
			Name       string             `json:"name"`
			Indicators []libIndicatorJSON `json:"indicators"`
		}{sc.Code, sc.Name, out})
	}
	env.printf("%s %s\n", sc.Code, schemeName(sc))
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.dimension"), i18n.T("col.group"), i18n.T("col.indicator"),
		i18n.T("col.points"), i18n.T("col.target")}, rows)
}

// runIndicatorsExport writes a scheme as a template CSV (the format of
// the built-in schemes), whole or not at all, to edit in Excel and import back.
func runIndicatorsExport(env *Env, args []string) error {
	f := newFlags(env, "indicators export", "KEY", "cli.indicators_export.about")
	out := f.String("o", "", "cli.flag.output_csv")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.indicators.key_required"))
	}
	if *out == "" {
		return usagef("%s", i18n.T("cli.output_required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	sc, err := svc.Evaluation.Scheme(env.ctx, env.Actor, pos[0])
	if err != nil {
		return err
	}
	// Excel opens a CSV as UTF-8 only with the byte-order mark.
	data := append([]byte("\xef\xbb\xbf"), scoring.FormatTemplate(sc)...)
	if err := atomicfile.WriteBytes(*out, 0o644, data); err != nil {
		return domain.NewProblem("problem.cli.write_failed", "Cannot write {{.Path}}: {{.Err}}", "Path", *out, "Err", err.Error())
	}
	env.printf("%s\n", i18n.T("cli.indicators_export.done", "Key", sc.Code, "Count", indicatorCount(sc), "Path", *out))
	return nil
}

// runIndicatorsImport reads a template CSV (scoring.ParseTemplate, with
// its line-numbered errors) and saves it to the library through the
// service's checks (points adding up, a scheme used by a finalised
// evaluation refused).
func runIndicatorsImport(env *Env, args []string) error {
	f := newFlags(env, "indicators import", "FILE", "cli.indicators_import.about")
	path, err := f.parseOne(args)
	if err != nil {
		return err
	}
	if err := inputfile.Check(path); err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return domain.NewProblem("problem.cli.file_unreadable", "Cannot read {{.Path}}: {{.Err}}", "Path", path, "Err", err.Error())
	}
	sc, err := scoring.ParseTemplate(filepath.Base(path), data)
	var te *scoring.TemplateError
	if errors.As(err, &te) {
		return domain.NewProblem("problem.cli.template", "{{.File}} is not an indicator template: {{.Err}}", "File", path, "Err", te.Error())
	} else if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Evaluation.SaveScheme(env.ctx, env.Actor, sc); err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.indicators_import.done", "Key", sc.Code, "Name", schemeName(sc), "Count", indicatorCount(sc), "File", path))
	return nil
}
