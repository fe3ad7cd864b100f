package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/budgetperf/budgetperf/internal/budgeting"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/store"
)

// adjustmentSpec is a change to the current year's approved budget that
// a department asked for during the year: one line moved to milli
// thousandths of its amount, requested and decided on the given days
// (month, day of the demo year).
type adjustmentSpec struct {
	dept, subject      string
	milli              int64
	category           domain.ReasonCategory
	reason             string
	approve            bool
	comment            string
	requested, decided [2]int
}

// adjustmentSpecs are the current year's adjustments: four approved, so
// that the full-year budget (全年预算数) differs from the one approved in
// December (年初预算数), and one refused.
var adjustmentSpecs = []adjustmentSpec{
	{"104", "30218", 1080, domain.ReasonDeviation,
		"危重新生儿转入较上年增加约两成，呼吸支持和静脉营养耗材用量上升，1—4月专用材料费已执行全年预算的39%。", true,
		"同意。耗材使用纳入每月病例组合分析，超出部分不再追加。", [2]int{5, 20}, [2]int{6, 18}},
	{"103", "4101010102", 1080, domain.ReasonDeviation,
		"儿科夜间门诊开设后门诊人次持续增长，上半年门诊诊察收入已完成全年预算的57%，按实际门诊量上调收入预算。", true,
		"同意上调收入预算。", [2]int{7, 8}, [2]int{7, 22}},
	{"206", "30218", 1150, domain.ReasonNewTask,
		"拟开展日间手术麻醉，需增加麻醉耗材。", false,
		"日间手术尚未获批开展，业务量无测算依据；待开展后按实际工作量申请。", [2]int{8, 5}, [2]int{8, 19}},
	{"000", "30206", 1060, domain.ReasonPrice,
		"自7月起执行新的分时电价，峰段电价上调约9%，全年电费预计超支。", true,
		"同意。后勤保障科同步推进空调分时控制，节能效果每季度报告。", [2]int{8, 12}, [2]int{8, 26}},
	{"101", "30218", 940, domain.ReasonDeviation,
		"分娩量较上年下降约8%，专用材料（医用耗材）需求相应减少，调减预算用于补充新生儿科耗材。", true,
		"同意调减。", [2]int{8, 30}, [2]int{9, 10}},
}

// insertAdjustments requests and decides the current year's adjustments
// through the budgeting service (its checks, re-split of the open months
// and trail), dated when each was asked for and decided. The budget
// office loading the demo may not decide adjustments, so the decisions are
// taken in the committee's role, under the loader's login.
func insertAdjustments(ctx context.Context, tx *store.Tx, bs *budgeting.Service, by domain.Actor, ds Dataset) error {
	committee := domain.Actor{Login: by.Login, Name: by.Name, Role: domain.RoleCommittee}
	current := ds.Budgets[len(ds.Budgets)-1]
	amounts := map[[2]string]money.Amount{}
	for _, l := range current.Lines {
		amounts[[2]string{l.DeptCode, l.SubjectCode}] = l.Amount
	}
	defer tx.StampAt(time.Time{})
	for _, a := range adjustmentSpecs {
		old, ok := amounts[[2]string{a.dept, a.subject}]
		if !ok {
			return fmt.Errorf("demo adjustment: no %d line %s/%s", current.Year, a.dept, a.subject)
		}
		amount := roundHundreds(scale(old, a.milli, 1000))
		amounts[[2]string{a.dept, a.subject}] = amount
		tx.StampAt(time.Date(current.Year, time.Month(a.requested[0]), a.requested[1], 15, 0, 0, 0, beijing))
		req, err := bs.RequestAdjustmentIn(ctx, tx, by, current.Year, string(a.category), a.reason,
			[]domain.AdjustmentLine{{DeptCode: a.dept, SubjectCode: a.subject, New: amount}})
		if err != nil {
			return err
		}
		tx.StampAt(time.Date(current.Year, time.Month(a.decided[0]), a.decided[1], 16, 30, 0, 0, beijing))
		if _, err := bs.DecideAdjustmentIn(ctx, tx, committee, req.ID, a.approve, a.comment); err != nil {
			return err
		}
		if !a.approve {
			amounts[[2]string{a.dept, a.subject}] = old
		}
	}
	return nil
}
