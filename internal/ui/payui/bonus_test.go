package payui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
	"github.com/budgetperf/budgetperf/internal/i18n"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// bonusOf is what the table shows as a department's bonus.
func bonusOf(t *testing.T, b *BonusScreen, code string) money.Amount {
	t.Helper()
	for r, d := range b.rows() {
		if d.Code == code {
			text, _, _ := b.cell(r, bcScores+5+1)
			p, err := money.Parse(text, money.Yuan)
			if err != nil {
				t.Fatalf("%s bonus cell %q: %v", code, text, err)
			}
			return p.Amount
		}
	}
	t.Fatalf("%s not in the table", code)
	return 0
}

func tableSum(t *testing.T, b *BonusScreen) money.Amount {
	var sum money.Amount
	for _, d := range b.rows() {
		sum += bonusOf(t, b, d.Code)
	}
	return sum
}

// Moving the public-welfare slider reallocates live: the women's-health
// department gains against weight 0, the table still sums to the pool,
// and the figures survive saving and approval, which locks the screen.
func TestBonusSliderReallocatesLive(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	s.win.Resize(fyne.NewSize(1366, 768))
	s.setYear(2026)
	b := s.bonus

	if got := b.weight.Text; got != "公益性权重 15.0%" {
		t.Fatalf("default weight label %q", got)
	}
	cap := b.inputs.Cap()
	test.Type(b.pool, "") // focus
	b.pool.SetText("10000000.01")
	b.pool.OnSubmitted(b.pool.Text)
	pool := money.FromFen(1000000001)
	if cap < pool {
		t.Fatalf("the demo's cap %v is below the test pool", cap)
	}
	if sum := tableSum(t, b); sum != pool {
		t.Fatalf("table sums to %v, pool %v", sum, pool)
	}
	at15 := bonusOf(t, b, "301")

	// Fifteen steps right: 15% → 30%.
	for range 15 {
		b.slider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	if got := b.weight.Text; got != "公益性权重 30.0%" {
		t.Fatalf("after moving the slider: %q", got)
	}
	at30 := bonusOf(t, b, "301")
	if at30 <= at15 {
		t.Errorf("妇女保健科: %v at 30%%, %v at 15%%; want more", at30, at15)
	}
	for r, d := range b.rows() {
		if d.Code == "301" {
			text, _, _ := b.cell(r, bcScores+5+2)
			if !strings.HasPrefix(text, "+") {
				t.Errorf("妇女保健科 against weight 0: %q, want a gain", text)
			}
		}
	}
	if sum := tableSum(t, b); sum != pool {
		t.Errorf("after the move the table sums to %v", sum)
	}
	if !strings.Contains(b.totals.Text, "10,000,000.01") || b.state.Text != "未保存" {
		t.Errorf("totals %q, state %q", b.totals.Text, b.state.Text)
	}

	// A pool over the reward performance pay available is explained under
	// the entry, not allocated (TestPoolOverTheCap says more).
	b.pool.SetText(money.FormatPlain(cap + 100))
	b.pool.OnSubmitted(b.pool.Text)
	if !strings.Contains(b.poolError.Text, "奖励性绩效") || !b.poolError.Visible() {
		t.Errorf("pool over the cap: %q", b.poolError.Text)
	}
	b.pool.SetText("10000000.01")
	b.pool.OnSubmitted(b.pool.Text)
	if b.message.Text != "" || b.poolError.Visible() {
		t.Errorf("message left after a good pool: %q %q", b.message.Text, b.poolError.Text)
	}

	test.Tap(b.saveBtn)
	if !strings.HasPrefix(b.state.Text, "草稿") || bonusOf(t, b, "301") != at30 {
		t.Fatalf("after saving: state %q, 301 %v", b.state.Text, bonusOf(t, b, "301"))
	}
	test.Tap(b.approveBtn)
	confirmTop(t, s)
	if !strings.Contains(b.state.Text, "已锁定") || !b.slider.Disabled() || !b.saveBtn.Disabled() {
		t.Fatalf("after approval: state %q, slider disabled %v", b.state.Text, b.slider.Disabled())
	}
	stored, ok, err := s.svc.Bonus.Current(s.ctx, domain.LocalUser, 2026)
	if err != nil || !ok || !stored.Run.Approved || stored.Pool != pool {
		t.Fatalf("stored run: %v %v %+v", ok, err, stored.Run)
	}
	// The approved run is shown after reopening the year.
	s.setYear(2025)
	s.setYear(2026)
	if bonusOf(t, s.bonus, "301") != at30 || !s.bonus.slider.Disabled() {
		t.Errorf("reopened: 301 %v, slider disabled %v", bonusOf(t, s.bonus, "301"), s.bonus.slider.Disabled())
	}

	// The pay sheet is exported.
	path := filepath.Join(t.TempDir(), "pay.xlsx")
	if err := s.bonus.exportTo(s.ctx, s.year, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("科室分配", excelize.Options{RawCellValue: true})
	// The totals row, then the signature block (制表人 … 分管院领导).
	var totals []string
	for _, r := range rows {
		if len(r) > 0 && r[0] == "合计" {
			totals = r
		}
	}
	if len(totals) == 0 || totals[len(totals)-1] != "10000000.01" || rows[len(rows)-1][0] != "分管院领导" {
		t.Errorf("pay sheet totals %v, last row %v", totals, rows[len(rows)-1])
	}
}

// Typing a pool over the cap shows the problem under the entry with the
// figures (approved, paid, available); the entry keeps what was typed, the
// table keeps the last allocation, and saving is refused with the reason
// rather than storing the old pool.
func TestPoolOverTheCap(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "en")
	s.setYear(2026)
	b := s.bonus
	l := b.inputs.Limit()
	if l.PaidThrough != 9 || l.Available() != l.Approved-l.Paid || b.inputs.Pool() != l.Available() {
		t.Fatalf("limit %+v, default pool %v: want all that is available", l, b.inputs.Pool())
	}
	if !strings.Contains(b.capLabel.Text, money.FormatPlain(l.Available())) || !strings.Contains(b.capDetail.Text, money.FormatPlain(l.Paid)) {
		t.Errorf("cap shown as %q / %q", b.capLabel.Text, b.capDetail.Text)
	}
	b.pool.SetText("10000000.01")
	b.pool.OnSubmitted(b.pool.Text)
	before := bonusOf(t, b, "301")
	typed := money.FormatPlain(l.Available() + 1)
	b.pool.SetText(typed)
	b.pool.OnSubmitted(b.pool.Text)
	for _, fig := range []string{money.FormatPlain(l.Available()), money.FormatPlain(l.Approved), money.FormatPlain(l.Paid)} {
		if !strings.Contains(b.poolError.Text, fig) {
			t.Errorf("under the pool: %q lacks %s", b.poolError.Text, fig)
		}
	}
	if b.pool.Text != typed || bonusOf(t, b, "301") != before || tableSum(t, b) != money.FromFen(1000000001) {
		t.Errorf("entry %q (typed %q), 301 %v (was %v): the typed pool or the figures changed", b.pool.Text, typed, bonusOf(t, b, "301"), before)
	}
	test.Tap(b.saveBtn)
	if !probe.HasText(s.win.Canvas().Overlays().Top(), money.FormatPlain(l.Available())) {
		t.Error("saving a pool over the cap: no refusal naming the figures")
	}
	if _, ok, _ := s.svc.Bonus.Current(s.ctx, domain.LocalUser, 2026); ok {
		t.Fatal("a pool over the cap was saved (as the old pool)")
	}
	s.win.Canvas().Overlays().Top().Hide()
	// Typed but not submitted: saving takes the typed pool, and refuses it.
	b.pool.SetText("10000000.01")
	b.pool.OnSubmitted(b.pool.Text)
	b.pool.SetText(typed)
	test.Tap(b.saveBtn)
	if _, ok, _ := s.svc.Bonus.Current(s.ctx, domain.LocalUser, 2026); ok || !b.poolError.Visible() {
		t.Fatalf("an unsubmitted pool over the cap: saved %v, error shown %v", ok, b.poolError.Visible())
	}
}

// The settings dialog sets the floor and the weights; the slider cannot go
// below the floor, and the hospital's weight is where it starts.
func TestBonusSettingsAndFloor(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "en")
	s.setYear(2026)
	b := s.bonus
	set, _ := s.svc.Bonus.Settings(s.ctx, domain.LocalUser)
	f := newSettingsForm(set)
	if f.floor.Text != "0%" || f.weights[scoring.BonusPublicWelfare].Text != "15%" {
		t.Fatalf("form shows floor %q weight %q", f.floor.Text, f.weights[scoring.BonusPublicWelfare].Text)
	}
	f.floor.SetText("20%")
	if err := b.saveSettings(f); err == nil || !strings.Contains(i18n.Message(err), "below the floor of 20%") {
		t.Errorf("floor above the weight: %v", err)
	}
	f.weights[scoring.BonusPublicWelfare].SetText("25%")
	f.weights[scoring.BonusWorkload].SetText("20%")
	if err := b.saveSettings(f); err != nil {
		t.Fatal(err)
	}
	if b.slider.Min != 20 || b.slider.Value != 25 || b.floorLabel.Text != "Floor 20.0%" {
		t.Errorf("slider min %v value %v, %q", b.slider.Min, b.slider.Value, b.floorLabel.Text)
	}
	for range 10 {
		b.slider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	}
	if b.slider.Value != 20 || b.res.Weights[scoring.BonusPublicWelfare] != 0.20 {
		t.Errorf("slider went to %v, below the floor of 20", b.slider.Value)
	}
	f.weights[scoring.BonusPublicWelfare].SetText("abc")
	if err := b.saveSettings(f); err == nil {
		t.Error("a weight that is not a share was saved")
	}
}
