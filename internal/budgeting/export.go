package budgeting

import (
	"context"

	"github.com/budgetperf/budgetperf/internal/audit"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// Export writes year's approved budget, as by may see it (Show), to path
// as the budget workbook that imports back unchanged; the foot of its pages
// carries the audit trail's head in the words of T (i18n.T). It returns
// the number of budget lines written. The Import screen and the CLI both
// export through here.
func (s *Service) Export(ctx context.Context, by domain.Actor, year int, path string, T i18n.Translate) (int, error) {
	v, err := s.Show(ctx, by, year)
	if err != nil {
		return 0, err
	}
	head, err := s.st.AuditHead(ctx)
	if err != nil {
		return 0, err
	}
	return v.Lines(), SaveBudget(path, v.Year, v.Breakdown, audit.StampText(head, T))
}
