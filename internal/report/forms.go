package report

// The finance bureau's forms, as a workbook (written by the service that
// owns the form's figures) or as a PDF (drawn here), both from the model
// the service builds and the grid it lays out of it.

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/evaluation"
	"github.com/budgetperf/budgetperf/internal/execution"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// The form kinds, as the command line names them.
const (
	TargetDeclaration     = "target-declaration"
	SelfEvaluation        = "self-evaluation"
	PerformanceMonitoring = "performance-monitoring"
	OverallSelfEvaluation = "overall-self-evaluation"
	formatXLSX, formatPDF = ".xlsx", ".pdf"
)

// FormKinds lists the bureau's forms in the order of the budget year.
var FormKinds = []string{TargetDeclaration, SelfEvaluation, PerformanceMonitoring, OverallSelfEvaluation}

// IsForm reports whether kind is one of FormKinds.
func IsForm(kind string) bool { return slices.Contains(FormKinds, kind) }

// FormRequest says which form to write: Project is a project's code (all
// projects when ""), Month the month-end of the monitoring form (0 = the
// latest with actuals).
type FormRequest struct {
	Kind        string
	Year, Month int
	Project     string
}

// FormFileName is the suggested file name of a form in format (".xlsx" or
// ".pdf"): self-evaluation-2026-XM2026001.xlsx.
func FormFileName(req FormRequest, format string) string {
	name := fmt.Sprintf("%s-%d", req.Kind, req.Year)
	if req.Kind == PerformanceMonitoring && req.Month > 0 {
		name += fmt.Sprintf("-%02d", req.Month)
	}
	if req.Project != "" && req.Kind != OverallSelfEvaluation {
		name += "-" + req.Project
	}
	return name + format
}

// FormFormat is the format path asks for by its extension: ".xlsx" or
// ".pdf"; a problem for any other.
func FormFormat(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext == formatXLSX || ext == formatPDF {
		return ext, nil
	}
	return "", domain.NewProblem("problem.form.format", "Write the form to a .xlsx workbook or a .pdf file, not \"{{.Path}}\".", "Path", path)
}

// formSet is a form's grids with its title, and the owning service's
// writer of its workbook.
type formSet struct {
	title string
	forms []workbook.Form
	save  func(path, stamp string) error
}

// WriteForm writes the form req to path, as a workbook or a PDF by the
// path's extension, whole or not at all.
func WriteForm(ctx context.Context, svc *services.Services, by domain.Actor, req FormRequest, path string, progress func(done, total int)) error {
	format, err := FormFormat(path)
	if err != nil {
		return err
	}
	set, err := loadForms(ctx, svc, by, req)
	if err != nil {
		return err
	}
	head, err := svc.Audit.Head(ctx)
	if err != nil {
		return err
	}
	stamp := audit.StampText(head, i18n.T)
	if format == formatXLSX {
		return set.save(path, stamp)
	}
	hospital, err := svc.Master.HospitalName(ctx, by)
	if err != nil {
		return err
	}
	period := fmt.Sprintf("%d年", req.Year)
	if req.Kind == PerformanceMonitoring && req.Month > 0 {
		period += fmt.Sprintf("%d月末", req.Month)
	}
	meta := Meta{Hospital: hospital, Title: set.title, Period: period, Generated: time.Now(), Lang: i18n.Chinese, Trail: stamp}
	return writeAtomically(path, func(w *os.File) error { return writeForms(ctx, meta, set.forms, w, progress) })
}

// loadForms builds the model of req through its owning service and lays
// it out.
func loadForms(ctx context.Context, svc *services.Services, by domain.Actor, req FormRequest) (formSet, error) {
	if !IsForm(req.Kind) {
		return formSet{}, domain.NewProblem("problem.form.kind", "There is no form \"{{.Kind}}\": choose target-declaration, self-evaluation, performance-monitoring or overall-self-evaluation.", "Kind", req.Kind)
	}
	switch req.Kind {
	case TargetDeclaration:
		ds, err := svc.Budgets.Declarations(ctx, by, req.Year, req.Project)
		set := formSet{title: budgeting.DeclarationTitle, save: func(path, stamp string) error { return budgeting.SaveDeclarations(path, ds, stamp) }}
		for _, d := range ds {
			set.forms = append(set.forms, d.Layout())
		}
		return set, err
	case SelfEvaluation:
		ses, err := svc.Evaluation.SelfEvaluations(ctx, by, req.Year, req.Project)
		set := formSet{title: evaluation.SelfEvaluationTitle, save: func(path, stamp string) error { return evaluation.SaveSelfEvaluations(path, ses, stamp) }}
		for _, se := range ses {
			set.forms = append(set.forms, se.Layout())
		}
		return set, err
	case PerformanceMonitoring:
		ms, err := svc.Execution.Monitorings(ctx, by, req.Year, req.Month, req.Project)
		set := formSet{title: execution.MonitoringTitle, save: func(path, stamp string) error { return execution.SaveMonitorings(path, ms, stamp) }}
		for _, m := range ms {
			set.forms = append(set.forms, m.Layout())
		}
		return set, err
	}
	o, err := svc.Evaluation.OverallSelfEvaluation(ctx, by, req.Year)
	return formSet{title: evaluation.OverallTitle, forms: []workbook.Form{o.Layout()},
		save: func(path, stamp string) error { return evaluation.SaveOverall(path, o, stamp) }}, err
}

// writeForms draws each form from the top of a page.
func writeForms(ctx context.Context, meta Meta, forms []workbook.Form, w io.Writer, progress func(done, total int)) error {
	d, err := newDoc(ctx, meta, len(forms), progress)
	if err != nil {
		return err
	}
	for i, f := range forms {
		if i > 0 {
			d.pdf.AddPage()
		}
		d.drawForm(f)
		if err := d.step(); err != nil {
			return err
		}
	}
	return d.write(w)
}
