package execution

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/store"
)

// The checks that keep an amount from being counted twice run twice: in
// the preview against the database as it is, for a quick answer, and in
// the import's write transaction, where nobody can commit in between and
// their answer is final.

// duplicates refuses p when its file is in force already, when a ledger's
// vouchers are in, when a summary's figures are in (a copy saved again),
// or when a summary overlaps the summaries of its month. With ReplaceMonth
// it sets p.Replaced to the summaries the import replaces instead.
func duplicates(ctx context.Context, q store.Q, p *ActualsPreview) error {
	if err := fileAgain(ctx, q, p.fingerprint); err != nil {
		return err
	}
	if p.Ledger {
		if p.replaceMonth {
			return domain.NewProblem("import.replace_month_ledger",
				"{{.File}} is a ledger: replacing a month is for summaries. A ledger is checked by its vouchers instead; import it without --replace-month (in the window: untick \"Replace the month's summary\").", "File", p.File)
		}
		if err := vouchersIn(ctx, q, p); err != nil {
			return err
		}
		return crossOverlap(ctx, q, p, true, "import.ledger_over_summary",
			"Summaries already imported have figures for {{.N}} of this ledger's departments and subjects in the same month ({{.List}}): importing the ledger on top would count them twice. Import the ledger for months without a summary, or replace those months' summaries by importing a summary with --replace-month.")
	}
	if b, ok, err := q.BatchByContent(ctx, p.content); err != nil {
		return err
	} else if ok {
		return domain.NewProblem("import.summary_again",
			"The same figures were already imported on {{.When}} by {{.Who}} from {{.File}} ({{.Lines}} lines for {{.Year}}): this file is a copy of it, perhaps saved again, and importing it would count them twice.",
			"When", b.ImportedAt.Format("2006-01-02 15:04"), "Who", b.ImportedBy, "File", b.FileName, "Lines", b.Lines, "Year", b.Year)
	}
	if err := crossOverlap(ctx, q, p, false, "import.summary_over_ledger",
		"Ledgers already imported have lines for {{.N}} of this summary's departments and subjects in the same month ({{.List}}): the summary on top would count them twice. Import summaries only for months that no ledger covers."); err != nil {
		return err
	}
	return summaryOverlap(ctx, q, p)
}

// crossOverlap refuses a file whose departments and subjects already have
// actuals in the same month from the summaries in force (summaries true)
// or the ledgers, naming the first pairs.
func crossOverlap(ctx context.Context, q store.Q, p *ActualsPreview, summaries bool, key, def string) error {
	keysIn := q.LedgerKeysInMonth
	if summaries {
		keysIn = q.SummaryKeysInMonth
	}
	type pair struct {
		month         int
		dept, subject string
	}
	all := map[pair]bool{}
	anyMonth := map[pair]bool{} // month 0: the pair in some month
	for _, l := range p.raw {
		d := p.plan.Code(l.DeptCode)
		all[pair{l.Month, d, l.SubjectCode}] = true
		anyMonth[pair{0, d, l.SubjectCode}] = true
	}
	// A summary of the whole year (booked in December) covers every month:
	// it overlaps the same pair in any month, and any month overlaps it.
	yearTotals := !p.Ledger && p.Month == 0
	mine := func(m int, dept, subject string) bool {
		if yearTotals {
			return all[pair{12, dept, subject}]
		}
		return all[pair{m, dept, subject}]
	}
	months := p.months()
	if yearTotals {
		months = []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}
	}
	var overlap []string
	add := func(m int, keys []store.SummaryKey, inAnyMonth bool) {
		for _, k := range keys {
			s := fmt.Sprintf("%d/%d %s %s·%s", p.Year, m, k.DeptCode, p.plan.Name(k.DeptCode), k.SubjectCode)
			hit := mine(m, k.DeptCode, k.SubjectCode)
			if inAnyMonth {
				hit = anyMonth[pair{0, k.DeptCode, k.SubjectCode}]
			}
			if hit && !slices.Contains(overlap, s) {
				overlap = append(overlap, s)
			}
		}
	}
	for _, m := range months {
		keys, err := keysIn(ctx, p.Year, m)
		if err != nil {
			return err
		}
		add(m, keys, false)
	}
	if summaries && !yearTotals {
		keys, err := q.YearSummaryKeys(ctx, p.Year)
		if err != nil {
			return err
		}
		add(12, keys, true)
	}
	if len(overlap) == 0 {
		return nil
	}
	return domain.NewProblem(key, def, "N", len(overlap), "List", firstFew(overlap, 5))
}

// fileAgain refuses a file whose bytes are imported and in force.
func fileAgain(ctx context.Context, q store.Q, fp string) error {
	b, ok, err := q.BatchByFingerprint(ctx, "actuals", fp)
	if err != nil || !ok {
		return err
	}
	return domain.NewProblem("import.actuals_again",
		"This file was already imported on {{.When}} by {{.Who}} (as {{.File}}, {{.Lines}} lines for {{.Year}}); importing it again would count its amounts twice.",
		"When", b.ImportedAt.Format("2006-01-02 15:04"), "Who", b.ImportedBy, "File", b.FileName, "Lines", b.Lines, "Year", b.Year)
}

// vouchersIn refuses a ledger whose vouchers already have lines.
func vouchersIn(ctx context.Context, q store.Q, p *ActualsPreview) error {
	vouchers := map[store.VoucherKey]bool{}
	for _, l := range p.raw {
		if l.Voucher != "" {
			vouchers[store.VoucherKey{Month: l.Month, Voucher: l.Voucher}] = true
		}
	}
	existing, err := q.ExistingVouchers(ctx, p.Year, vouchers)
	if err != nil || len(existing) == 0 {
		return err
	}
	found := make([]string, len(existing))
	for i, k := range existing {
		found[i] = fmt.Sprintf("%02d/%s", k.Month, k.Voucher)
	}
	slices.Sort(found)
	return domain.NewProblem("import.vouchers_exist",
		"{{.N}} vouchers of this ledger (month/number) are already imported for {{.Year}} ({{.List}}): the ledger overlaps one imported before. Import only the new period.",
		"N", len(found), "Year", p.Year, "List", firstFew(found, 10))
}

// firstFew joins the first n of list, with … when there are more.
func firstFew(list []string, n int) string {
	if len(list) <= n {
		return strings.Join(list, ", ")
	}
	return strings.Join(list[:n], ", ") + "…"
}

// summaryOverlap refuses a summary when the summaries in force already
// have a figure for one of its departments and subjects in its month, or,
// with ReplaceMonth, lists those summaries in p.Replaced.
func summaryOverlap(ctx context.Context, q store.Q, p *ActualsPreview) error {
	p.Replaced = nil
	if !p.replaceMonth {
		return crossOverlap(ctx, q, p, true, "import.summary_overlap",
			"The summaries already imported have figures for {{.N}} of this file's departments and subjects in the same month ({{.List}}): importing it would count them twice. To replace the month's summary with this file, import it with --replace-month (in the window: tick \"Replace the month's summary\").")
	}
	for _, m := range p.months() {
		bs, err := q.SummaryBatchesInMonth(ctx, p.Year, m)
		if err != nil {
			return err
		}
		for _, b := range bs {
			p.Replaced = append(p.Replaced, ReplacedSummary{Batch: b, LineMonth: m})
		}
	}
	return nil
}

// months lists the months of the file's lines, in order.
func (p *ActualsPreview) months() []int {
	var months []int
	for _, l := range p.raw {
		if !slices.Contains(months, l.Month) {
			months = append(months, l.Month)
		}
	}
	slices.Sort(months)
	return months
}

// replaceSummaries removes the lines of the summaries p replaces, marks
// them replaced by batch id and returns one audit entry per summary.
func replaceSummaries(ctx context.Context, tx *store.Tx, p *ActualsPreview, id int64, reason string) ([]logbook.Entry, error) {
	byMonth := map[int][]int64{}
	var trail []logbook.Entry
	for _, r := range p.Replaced {
		byMonth[r.LineMonth] = append(byMonth[r.LineMonth], r.ID)
		old := fmt.Sprintf("%s (%s %s, %s): %d lines, %s", r.FileName, r.ImportedAt.Format("2006-01-02 15:04"), r.ImportedBy,
			"batch "+strconv.FormatInt(r.ID, 10), r.Lines, r.Total.String())
		if e, ok := logbook.Change(logbook.EntityActuals, periodKey(p.Year, r.LineMonth), "summary", old, p.File, "replace month: "+reason); ok {
			trail = append(trail, e)
		}
	}
	for m, ids := range byMonth {
		if err := tx.ReplaceSummaryMonth(ctx, p.Year, m, ids, id); err != nil {
			return nil, err
		}
	}
	return trail, nil
}
