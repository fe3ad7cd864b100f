package domain

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// ProjectType is the kind of a project budget (项目支出).
type ProjectType string

const (
	ProjectEquipment    ProjectType = "equipment"
	ProjectIT           ProjectType = "it"
	ProjectPublicHealth ProjectType = "public-health"
	ProjectConstruction ProjectType = "construction"
	ProjectTraining     ProjectType = "training"
	ProjectOther        ProjectType = "other"
)

// ProjectTypes lists the types in display order.
var ProjectTypes = []ProjectType{ProjectEquipment, ProjectIT, ProjectPublicHealth, ProjectConstruction, ProjectTraining, ProjectOther}

// Valid reports whether t is a known project type.
func (t ProjectType) Valid() bool { return slices.Contains(ProjectTypes, t) }

// TargetCategory is the level-2 group of a performance target (MoF
// 财预〔2020〕10号): output splits into quantity, quality, timeliness and
// cost; benefit into economic, social, ecological and sustainable impact.
type TargetCategory string

const (
	TargetQuantity     TargetCategory = "quantity"
	TargetQuality      TargetCategory = "quality"
	TargetTimeliness   TargetCategory = "timeliness"
	TargetCost         TargetCategory = "cost"
	TargetEconomic     TargetCategory = "economic"
	TargetSocial       TargetCategory = "social"
	TargetEcological   TargetCategory = "ecological"
	TargetSustainable  TargetCategory = "sustainable"
	TargetSatisfaction TargetCategory = "satisfaction"
)

// TargetCategories lists the categories in the order of the target table.
var TargetCategories = []TargetCategory{TargetQuantity, TargetQuality, TargetTimeliness, TargetCost,
	TargetEconomic, TargetSocial, TargetEcological, TargetSustainable, TargetSatisfaction}

// TargetDimension is the level-1 dimension of a target.
type TargetDimension string

const (
	DimOutput       TargetDimension = "output"
	DimBenefit      TargetDimension = "benefit"
	DimSatisfaction TargetDimension = "satisfaction"
)

// Dimension is the level-1 dimension the category belongs to.
func (c TargetCategory) Dimension() TargetDimension {
	switch c {
	case TargetQuantity, TargetQuality, TargetTimeliness, TargetCost:
		return DimOutput
	case TargetEconomic, TargetSocial, TargetEcological, TargetSustainable:
		return DimBenefit
	}
	return DimSatisfaction
}

// GroupName is the category's name as a level-2 indicator of the bureau's
// forms, in Chinese and English.
func (c TargetCategory) GroupName() (zh, en string) {
	switch c {
	case TargetQuantity:
		return "数量指标", "Quantity"
	case TargetQuality:
		return "质量指标", "Quality"
	case TargetTimeliness:
		return "时效指标", "Timeliness"
	case TargetCost:
		return "成本指标", "Cost"
	case TargetEconomic:
		return "经济效益指标", "Economic benefit"
	case TargetSocial:
		return "社会效益指标", "Social benefit"
	case TargetEcological:
		return "生态效益指标", "Ecological benefit"
	case TargetSustainable:
		return "可持续影响指标", "Sustainable impact"
	}
	return "服务对象满意度指标", "Service-object satisfaction"
}

// Valid reports whether c is a known category.
func (c TargetCategory) Valid() bool { return slices.Contains(TargetCategories, c) }

// Direction says which way a target is met.
type Direction string

const (
	DirHigher      Direction = "higher"      // at least the target (≥)
	DirLower       Direction = "lower"       // at most the target (≤)
	DirEqual       Direction = "equal"       // exactly the target (=)
	DirQualitative Direction = "qualitative" // achieved / partly / not, judged in words
)

// Directions lists the directions in menu order.
var Directions = []Direction{DirHigher, DirLower, DirEqual, DirQualitative}

// Valid reports whether d is a known direction.
func (d Direction) Valid() bool { return slices.Contains(Directions, d) }

// Target is one row of a project's performance target table.
type Target struct {
	Category  TargetCategory
	Indicator string // e.g. 筛查人数
	Value     string // the target value: a number, or words for qualitative targets
	Unit      string // e.g. 人次, %, 万元
	Direction Direction
	// IndicatorCode links the row to the indicator library when it was picked there.
	IndicatorCode string
}

// Project is a project budget with its performance targets and what the
// finance bureau's target declaration form (项目支出绩效目标申报表) asks
// about it.
type Project struct {
	ID int64
	// Version is the version the project was read at: saving it back is
	// refused when someone else saved it since (versions.go).
	Version Version
	// Code is the project's code (项目编码), unique in its year; the store
	// gives one (XM<year><nnn>) to a project saved without it.
	Code        string
	Year        int
	DeptCode    string
	Name        string
	Type        ProjectType
	SubjectCode string // the expenditure subject the project is budgeted under
	Amount      money.Amount
	// Funding splits Amount by source; all zero while not yet decided.
	Funding   Funding
	Attribute ProjectAttribute
	// Responsible is the person answerable for the project (项目负责人).
	Responsible string
	StartYear   int
	EndYear     int
	Description string
	// LongTermGoal is the overall target over the project's whole period
	// (总体目标); AnnualGoal the target for Year (年度目标).
	LongTermGoal string
	AnnualGoal   string
	Targets      []Target
}

// ProjectAttribute says whether a project starts in its year or goes on
// from an earlier one (项目属性: 新增 / 延续).
type ProjectAttribute string

const (
	ProjectNew        ProjectAttribute = "new"
	ProjectContinuing ProjectAttribute = "continuing"
)

// ProjectAttributes lists the attributes in menu order.
var ProjectAttributes = []ProjectAttribute{ProjectNew, ProjectContinuing}

// Valid reports whether a is a known attribute.
func (a ProjectAttribute) Valid() bool { return slices.Contains(ProjectAttributes, a) }

// Funding is where a project's money comes from (资金来源).
type Funding struct {
	Fiscal    money.Amount // 财政拨款
	Business  money.Amount // 事业收入
	Carryover money.Amount // 上年结转
	Other     money.Amount // 其他资金
}

// Parts lists the sources in the forms' column order.
func (f Funding) Parts() []money.Amount {
	return []money.Amount{f.Fiscal, f.Business, f.Carryover, f.Other}
}

// Given reports whether any source has been filled in.
func (f Funding) Given() bool { return f != Funding{} }

// Total is the sum of the sources; ok is false when it overflows.
func (f Funding) Total() (total money.Amount, ok bool) {
	for _, a := range f.Parts() {
		if !money.AddTo(&total, a) {
			return 0, false
		}
	}
	return total, true
}

// Validate checks what a project needs to be saved: the fields must be
// sensible, every target row complete. It does not require targets yet:
// a project is drafted before its targets are known.
func (p Project) Validate() Problems {
	var ps Problems
	if strings.TrimSpace(p.Name) == "" {
		ps = append(ps, NewProblem("problem.project.name", "Give the project a name."))
	} else if utf8.RuneCountInString(p.Name) > 80 {
		ps = append(ps, NewProblem("problem.project.name_long", "The project name is longer than 80 characters; shorten it."))
	}
	if !p.Type.Valid() {
		ps = append(ps, NewProblem("problem.project.type", "Choose the project type (equipment, IT, public-health programme, construction, training or other)."))
	}
	if p.DeptCode == "" {
		ps = append(ps, NewProblem("problem.project.dept", "Choose the department that owns the project."))
	}
	if p.SubjectCode == "" {
		ps = append(ps, NewProblem("problem.project.subject", "Choose the expenditure subject the project is budgeted under, e.g. 31002 办公设备购置."))
	}
	if p.Amount < 0 {
		ps = append(ps, NewProblem("problem.project.amount_negative", "The project amount cannot be negative."))
	}
	if p.StartYear == 0 || p.EndYear == 0 || p.EndYear < p.StartYear || p.StartYear > p.Year || p.EndYear < p.Year {
		ps = append(ps, NewProblem("problem.project.years", "The project years must include {{.Year}} and end no earlier than they start (e.g. {{.Year}}–{{.Year}}).", "Year", p.Year))
	}
	ps = append(ps, p.validateForms()...)
	for i, t := range p.Targets {
		ps = append(ps, t.validate(i+1)...)
	}
	return ps
}

// validateForms checks the fields the bureau's forms print: the code, the
// attribute, the funding split (which must add up to the amount once any
// part is given) and the lengths of the texts.
func (p Project) validateForms() Problems {
	var ps Problems
	if utf8.RuneCountInString(p.Code) > 30 {
		ps = append(ps, NewProblem("problem.project.code_long", "The project code is longer than 30 characters; shorten it."))
	}
	if p.Attribute != "" && !p.Attribute.Valid() {
		ps = append(ps, NewProblem("problem.project.attribute", "Choose whether the project is new this year or continues from an earlier year."))
	}
	for _, a := range p.Funding.Parts() {
		if a < 0 {
			ps = append(ps, NewProblem("problem.project.funding_negative", "A funding source cannot be negative."))
			break
		}
	}
	if total, ok := p.Funding.Total(); p.Funding.Given() && p.Amount >= 0 && (!ok || total != p.Amount) {
		ps = append(ps, NewProblem("problem.project.funding_sum", "The funding sources add up to {{.Sum}} yuan but the project amount is {{.Amount}} yuan. Make the fiscal, business-income, carry-over and other parts add up to the amount.",
			"Sum", money.FormatPlain(total), "Amount", money.FormatPlain(p.Amount)))
	}
	for _, t := range []string{p.Responsible, p.LongTermGoal, p.AnnualGoal} {
		if utf8.RuneCountInString(t) > 2000 {
			ps = append(ps, NewProblem("problem.project.text_long", "A project text is longer than 2,000 characters; shorten it."))
			break
		}
	}
	return ps
}

func (t Target) validate(row int) Problems {
	var ps Problems
	if !t.Category.Valid() {
		ps = append(ps, NewProblem("problem.target.category", "Target row {{.Row}}: choose its category (quantity, quality, timeliness, cost, economic, social, ecological, sustainable or satisfaction).", "Row", row))
	}
	if strings.TrimSpace(t.Indicator) == "" {
		ps = append(ps, NewProblem("problem.target.indicator", "Target row {{.Row}}: name the indicator, e.g. 筛查人数.", "Row", row))
	}
	if !t.Direction.Valid() {
		ps = append(ps, NewProblem("problem.target.direction", "Target row {{.Row}}: choose whether higher or lower is better, equal, or qualitative.", "Row", row))
	}
	v := strings.TrimSpace(t.Value)
	switch {
	case v == "":
		ps = append(ps, NewProblem("problem.target.value", "Target row {{.Row}}: give the target value.", "Row", row))
	case t.Direction != DirQualitative:
		if _, ok := TargetNumber(v); !ok {
			ps = append(ps, NewProblem("problem.target.number", "Target row {{.Row}}: \"{{.Value}}\" is not a number. Give a number (e.g. 95 or 1200), or make the target qualitative.", "Row", row, "Value", v))
		}
	}
	return ps
}

// TargetNumber reads a quantitative target value: digits with an optional
// decimal part, thousands separators and a trailing % allowed.
func TargetNumber(v string) (float64, bool) {
	v = strings.TrimSpace(strings.ReplaceAll(v, ",", ""))
	v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(v, "%"), "％"))
	// Only plain decimals: ParseFloat alone would take "NaN", "inf" or "0x1p3".
	digits, point := 0, false
	for i, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '.' && !point:
			point = true
		case (r == '-' || r == '+') && i == 0:
		default:
			return 0, false
		}
	}
	if digits == 0 {
		return 0, false
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

// ReadyToSubmit checks the rule "no target, no budget": a project enters
// the budget only with at least one output and one benefit target.
func (p Project) ReadyToSubmit() Problems {
	ps := p.Validate()
	var output, benefit bool
	for _, t := range p.Targets {
		switch t.Category.Dimension() {
		case DimOutput:
			output = true
		case DimBenefit:
			benefit = true
		}
	}
	if !p.Funding.Given() {
		ps = append(ps, NewProblem("problem.project.funding", "Project \"{{.Name}}\" does not say where its money comes from: split its amount into fiscal appropriation, business income, carry-over and other funds before submitting.", "Name", p.Name))
	}
	if strings.TrimSpace(p.AnnualGoal) == "" {
		ps = append(ps, NewProblem("problem.project.annual_goal", "Project \"{{.Name}}\" has no annual overall target: say in a sentence or two what it will achieve this year before submitting.", "Name", p.Name))
	}
	if !output || !benefit {
		ps = append(ps, NewProblem("problem.project.targets", "Project \"{{.Name}}\" has no performance target table: add at least one output target (quantity, quality, timeliness or cost) and one benefit target (economic, social, ecological or sustainable) before submitting. No target, no budget.", "Name", p.Name))
	}
	return ps
}

// PickProject keeps, of projects, the one whose Code is code, or all of
// them when code is empty. It refuses a code none has and a year without
// projects, so that each bureau form says why it is empty.
func PickProject(projects []Project, year int, code string) ([]Project, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		if len(projects) == 0 {
			return nil, NewProblem("problem.form.no_projects", "There are no projects in {{.Year}} to put on the form: add the year's projects on the Budget preparation screen first.", "Year", year)
		}
		return projects, nil
	}
	for _, p := range projects {
		if strings.EqualFold(p.Code, code) {
			return []Project{p}, nil
		}
	}
	return nil, NewProblem("problem.form.no_project", "There is no project {{.Code}} in {{.Year}} that you may see. Check the code (e.g. XM{{.Year}}001).", "Code", code, "Year", year)
}

// AttributeText is the project attribute as the bureau's forms print it.
func (a ProjectAttribute) AttributeText() string {
	switch a {
	case ProjectNew:
		return "新增项目"
	case ProjectContinuing:
		return "延续项目"
	}
	return ""
}
