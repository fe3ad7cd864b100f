package cli

import (
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

func init() {
	register(command{name: "indicators schemes", summary: "cli.indicators_schemes.summary", run: runIndicatorsSchemes})
	register(command{name: "indicators use-for-hospital", summary: "cli.indicators_hospital.summary", run: runIndicatorsHospital})
	register(command{name: "indicators base-subjects", summary: "cli.indicators_subjects.summary", run: runIndicatorsSubjects})
}

// schemeJSON is one scheme of `indicators schemes --json` (field names are
// a contract): its code, its Chinese name and how many level-3 indicators
// it holds.
type schemeJSON struct {
	Key        string `json:"key"`
	Name       string `json:"name"`
	Indicators int    `json:"indicators"`
}

// runIndicatorsSchemes lists the indicator library: code, name in the
// user's language, kind, number of indicators, and which scheme the
// hospital evaluation starts from.
func runIndicatorsSchemes(env *Env, args []string) error {
	f := newFlags(env, "indicators schemes", "", "cli.indicators_schemes.about")
	asJSON := f.Bool("json", false, "cli.flag.json")
	if err := f.parseNone(args); err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	schemes, err := svc.Evaluation.Schemes(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	if *asJSON {
		out := struct {
			Schemes []schemeJSON `json:"schemes"`
		}{Schemes: []schemeJSON{}}
		for _, sc := range schemes {
			out.Schemes = append(out.Schemes, schemeJSON{Key: sc.Code, Name: sc.Name, Indicators: indicatorCount(sc)})
		}
		return writeJSON(env.Stdout, out)
	}
	hospital, err := svc.Evaluation.HospitalScheme(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	var rows [][]string
	for _, sc := range schemes {
		mark := ""
		if sc.Code == hospital {
			mark = i18n.T("cli.indicators.hospital_mark")
		}
		rows = append(rows, []string{sc.Code, schemeName(sc), i18n.T("evaluation.kind." + string(sc.Kind)), strconv.Itoa(indicatorCount(sc)), mark})
	}
	return table(env.Stdout, []string{i18n.T("col.code"), i18n.T("col.name"), i18n.T("col.kind"), i18n.T("col.indicators"), i18n.T("col.hospital_scheme")}, rows)
}

// schemeName is the scheme's name in the user's language.
func schemeName(sc scoring.Scheme) string {
	if i18n.Current() == i18n.English && sc.NameEn != "" {
		return sc.NameEn
	}
	return sc.Name
}

// indicatorCount is the number of level-3 indicators of sc.
func indicatorCount(sc scoring.Scheme) int {
	n := 0
	for _, d := range sc.Roots {
		for _, g := range d.Children {
			n += len(g.Children)
		}
	}
	return n
}

// runIndicatorsHospital chooses the scheme the hospital evaluation starts
// from (import assessment, and 生成全院评价 in the window).
func runIndicatorsHospital(env *Env, args []string) error {
	f := newFlags(env, "indicators use-for-hospital", "KEY", "cli.indicators_hospital.about")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("%s", i18n.T("cli.indicators.key_required"))
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if err := svc.Evaluation.SetHospitalScheme(env.ctx, env.Actor, pos[0]); err != nil {
		return err
	}
	sc, err := svc.Evaluation.Scheme(env.ctx, env.Actor, pos[0])
	if err != nil {
		return err
	}
	env.printf("%s\n", i18n.T("cli.indicators.hospital_set", "Scheme", schemeName(sc), "Key", sc.Code))
	return nil
}

// runIndicatorsSubjects shows, or with codes sets, the expenditure subjects
// evaluation results apply to.
func runIndicatorsSubjects(env *Env, args []string) error {
	f := newFlags(env, "indicators base-subjects", "[CODE…]", "cli.indicators_subjects.about")
	pos, err := f.parse(args)
	if err != nil {
		return err
	}
	svc, err := env.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	if len(pos) > 0 {
		if err := svc.Evaluation.SetApplicationSubjects(env.ctx, env.Actor, pos); err != nil {
			return err
		}
	}
	subs, err := svc.Evaluation.ApplicationSubjects(env.ctx, env.Actor)
	if err != nil {
		return err
	}
	lang := i18n.Current()
	var names []string
	for _, s := range subs {
		names = append(names, s.Code+" "+s.DisplayName(lang))
	}
	env.printf("%s\n", i18n.T("cli.indicators.subjects", "Subjects", strings.Join(names, i18n.T("report.list_sep"))))
	return nil
}
