package chart

import (
	"image/color"
	"testing"

	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// Long labels that share their start are cut so that they stay distinct,
// keeping their ends; labels that fit, or differ early, are cut as before.
func TestFitLabelsStayDistinct(t *testing.T) {
	sty := text.Style{Color: color.Black, Font: fontOf(8), Handler: handler}
	p := "智慧医院信息系统（电子病历五级）建设项目"
	labels := []string{p + " · 电子病历系统应用水平", p + " · 互联网诊疗占比", p + " · 系统可用率", p + " · 患者满意度", "短名 · 指标"}
	maxW := sty.Width("智慧医院信息系统（电子病历五级）")
	out := fitLabels(sty, labels, maxW)
	seen := map[string]bool{}
	for _, l := range out {
		if sty.Width(l) > maxW {
			t.Errorf("%q wider than %v", l, maxW)
		}
		if seen[l] {
			t.Errorf("label %q given twice: %q", l, out)
		}
		seen[l] = true
	}
	if out[4] != "短名 · 指标" {
		t.Errorf("a label that fits became %q", out[4])
	}
	if got := fitLabels(sty, []string{p + "一", p + "二"}, vg.Length(1e6)); got[0] != p+"一" {
		t.Errorf("labels that fit were cut: %q", got)
	}
}
