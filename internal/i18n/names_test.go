package i18n

import (
	"strings"
	"testing"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
)

// The display names show the program's stored words in the language:
// the built-in user, fields, states, reasons, sources and times.
func TestDisplayNamesInChinese(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	defer Use(English)
	cases := []struct{ got, want string }{
		{UserName(domain.LocalUser.Login), "系统管理员"},
		{UserName("wang"), "wang"},
		{FieldName(logbook.EntityPrepDept, "state"), "状态"},
		{FieldName(logbook.EntityPrepLine, "proposal"), "建议数（一上）"},
		{FieldName(logbook.EntityBonusRun, "bonus.101"), "科室奖金 101"},
		{ValueText(logbook.EntityPrepDept, "state", "control_issued"), "已下达控制数（一下）"},
		{ValueText(logbook.EntityPrepDept, "state", "revised"), "已修订上报（二上）"},
		{ValueText(logbook.EntityAdjustment, "state", "approved"), "已批准"},
		{ValueText(logbook.EntityPrepLine, "proposal", "120.00"), "120.00"},
		{ReasonText("28 departments"), "28 个科室"},
		{ReasonText("adjustment 4: 电价上调"), "第 4 号调整：电价上调"},
		{ReasonText("deviation: 耗材增加"), "执行偏差：耗材增加"},
		{ReasonText("同意。"), "同意。"},
		{SourceText("demo"), "演示数据"},
		{SourceText("practice default"), "实践默认值"},
		{TimeText("2026-12-07T04:39:29Z"), time.Date(2026, 12, 7, 4, 39, 29, 0, time.UTC).Local().Format("2006-01-02 15:04")},
		{TimeText("yesterday"), "yesterday"},
		{Time(time.Time{}), ""},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: %q, want %q", i, c.got, c.want)
		}
	}
}

// In the window a problem that names a command reads with its window text
// (KEY.window); without it, the CLI's text.
func TestWindowTextsOfProblems(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	defer Use(English)
	p := domain.NewProblem("problem.budget.none", "There is no approved budget for {{.Year}}.", "Year", 2027)
	cli := Message(p)
	defer windowTexts.Store(false)
	UseWindowTexts()
	window := Message(p)
	if cli == window || !containsAll(window, "“导入”", "2027") || containsAll(window, "budgetperf") {
		t.Errorf("CLI %q, window %q", cli, window)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
