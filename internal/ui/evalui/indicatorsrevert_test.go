package evalui

import (
	"testing"
)

// 放弃修改 of an edited scheme says what is lost and keeps the edits on
// 取消; confirmed, it reloads the saved scheme.
func TestDiscardingSchemeChangesAsksFirst(t *testing.T) {
	s, _ := startApp(t, demoDB(t, 2026), "zh")
	i := openIndicators(t, s)
	if len(i.scheme.Roots) == 0 {
		t.Fatal("no indicator systems")
	}
	name := i.scheme.Roots[0].Name
	i.scheme.Roots[0].Name = name + "（改）"
	i.changed()
	tapButton(t, i.Root, "放弃修改")
	top := s.win.Canvas().Overlays().Top()
	if top == nil || !hasText(top, "无法恢复") || findButton(top, "放弃修改") == nil || findButton(top, "取消") == nil {
		t.Fatalf("放弃修改 does not ask with its consequence: %v", top)
	}
	tapButton(t, top, "取消")
	if !i.dirty || i.scheme.Roots[0].Name != name+"（改）" {
		t.Fatal("取消 discarded the edits")
	}
	tapButton(t, i.Root, "放弃修改")
	confirmTop(t, s)
	if i.dirty || i.scheme.Roots[0].Name != name {
		t.Errorf("confirmed, the edits remain: dirty %v, name %q", i.dirty, i.scheme.Roots[0].Name)
	}
}
