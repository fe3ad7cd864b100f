package report

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/payout"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// The bonus report explains each department's amount by dimension (table
// 3-2: score × own weight, composite, per head) and prints 未计量 where a
// department has no measurement, in both tables.
func TestBonusReportExplainsByDimension(t *testing.T) {
	useLang(t, "zh")
	data, err := loadBonus(ctx, demo(t), domain.LocalUser, 2026)
	if err != nil {
		t.Fatal(err)
	}
	deps := data.Res.Departments
	first := deps[0]
	first.Unmeasured = map[payout.Dimension]bool{scoring.BonusQuality: true}
	first.Effective = payout.EffectiveWeights(data.Res.Weights, first.Unmeasured)
	deps[0] = first

	path := filepath.Join(t.TempDir(), "bonus.pdf")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	meta := Meta{Hospital: "测试医院", Lang: "zh", Generated: time.Now(), Unit: money.Yuan}
	if err := writeBonus(context.Background(), meta, data, f, nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	text := pdfText(t, path)
	contains(t, "bonus", text, "表3-2", "各科室维度得分与本科室权重", "人均", "不按 0 分计")
	if n := strings.Count(squeeze(text), squeeze(i18n.T("bonus.unmeasured"))); n < 3 {
		t.Errorf("未计量 printed %d times, want the allocation table, table 3-2 and the note", n)
	}
	// The department's own weights: quality out, the others rescaled by 1 ÷ 0.75.
	contains(t, "bonus", text, "×40%", "×26.67%", "×20%", "×13.33%")
	contains(t, "bonus", text, money.FormatPlain(first.PerHead()))
}
