// Package audit is the audit-trail service: listing with filters,
// verifying the hash chain and exporting to a workbook. Other services
// record their changes with store.Tx.AppendAudit inside their own
// transaction, so a change and its record land together or not at all.
package audit

import (
	"context"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
	"github.com/budgetperf/budgetperf/internal/domain/permission"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/store"
	"github.com/budgetperf/budgetperf/internal/store/recorded"
	"github.com/budgetperf/budgetperf/internal/workbook"
)

// Service reads and checks the audit trail.
type Service struct{ st *store.Store }

// New returns the service over st.
func New(st *store.Store) *Service { return &Service{st: st} }

// Filter narrows List; see store.AuditFilter.
type Filter = store.AuditFilter

// List returns the entries matching f in recording order.
func (s *Service) List(ctx context.Context, by domain.Actor, f Filter) ([]logbook.Entry, error) {
	if err := permission.Check(by, permission.AuditView, ""); err != nil {
		return nil, err
	}
	return s.st.AuditEntries(ctx, f)
}

// Verify checks the whole chain. A broken chain is returned as the Result
// and as a problem naming the first bad row; an intact one is compared
// with the data (logbook.CompareData), each disagreement a problem.
func (s *Service) Verify(ctx context.Context, by domain.Actor) (logbook.Result, error) {
	if err := permission.Check(by, permission.AuditView, ""); err != nil {
		return logbook.Result{}, err
	}
	// Rows, head, anchor and data are read in one transaction under the
	// write lock, so that a change recorded meanwhile can look neither like
	// a deletion nor like a change made past the trail.
	var rows []logbook.Entry
	var marks logbook.Marks
	var data logbook.Data
	err := s.st.InTx(ctx, func(tx *store.Tx) error {
		var err error
		if rows, err = tx.AuditEntries(ctx, Filter{}); err != nil {
			return err
		}
		if marks, err = s.st.AuditMarks(ctx, tx); err != nil {
			return err
		}
		data, err = recorded.Data(ctx, tx.Conn())
		return err
	})
	if err != nil {
		return logbook.Result{}, err
	}
	r := logbook.VerifyTrail(rows, marks, s.st.AuditKeys(ctx))
	if !r.OK {
		return r, r.Problem()
	}
	// An intact trail is then compared with the data it records.
	return r, mismatchProblems(logbook.CompareData(rows, data))
}

// Export writes the entries matching f to a workbook at path, with a
// header row in the user's language (headers are given by the caller,
// which translates them).
// The trail's head is printed at the foot of its pages in the words of T.
func (s *Service) Export(ctx context.Context, by domain.Actor, f Filter, headers []string, path string, T i18n.Translate) (int, error) {
	rows, err := s.List(ctx, by, f)
	if err != nil {
		return 0, err
	}
	head, err := s.Head(ctx)
	if err != nil {
		return 0, err
	}
	stamp := StampText(head, T)
	return len(rows), workbook.Save(path, func(w io.Writer) error { return write(w, headers, rows, stamp) })
}

// Head is the trail's last row as recorded in the database. It is printed
// at the foot of every report and export (StampText), so that a printed
// page proves the trail as it was; it reveals nothing of the data.
func (s *Service) Head(ctx context.Context) (logbook.Head, error) { return s.st.AuditHead(ctx) }

// StampText is the footer line of reports and exports for head, in the
// words given by T (i18n.T).
func StampText(head logbook.Head, T i18n.Translate) string {
	return T("trail.stamp", "Head", head.String())
}

// Headers are the export's columns in order (English defaults).
var Headers = []string{"Seq", "Time", "User", "Entity", "Key", "Field", "Old value", "New value", "Reason", "Hash"}

func write(w io.Writer, headers []string, rows []logbook.Entry, stamp string) error {
	x := excelize.NewFile()
	defer x.Close()
	const sheet = "Audit"
	if err := x.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	// Before streaming: a stream writer drops sheet settings made after it.
	if err := workbook.Stamp(x, stamp); err != nil {
		return err
	}
	sw, err := x.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	head := make([]any, len(headers))
	for i, h := range headers {
		head[i] = h
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	for i, e := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		// As the window shows the row (display names, local time); the hash
		// stays as recorded. Values stay text: "100" fen and "2026/101" keys
		// must not become numbers or dates.
		row := []any{e.Seq}
		for _, c := range i18n.AuditRow(e) {
			row = append(row, c)
		}
		if err := sw.SetRow(cell, append(row, e.Hash)); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	for col, width := range map[string]float64{"B": 20, "E": 18, "F": 16, "G": 18, "H": 18, "I": 24, "J": 66} {
		_ = x.SetColWidth(sheet, col, col, width)
	}
	_, err = x.WriteTo(w)
	return err
}
