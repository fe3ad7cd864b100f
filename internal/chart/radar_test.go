package chart

import (
	"fmt"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg/recorder"
)

// sampleRadar is a balanced scorecard: this year against last year.
func sampleRadar() Chart {
	return Chart{Kind: Radar, Title: "平衡计分卡得分率", Category: []string{"财务", "客户", "内部流程", "学习与成长"},
		Series: []Series{{Name: "本年", Values: []float64{0.825, 0.9, 0.68, 0.74}}, {Name: "上年", Values: []float64{0.78, 0.72, 0.8, 0.6}}}}
}

func radarAxes(n int) []string {
	names := []string{"财务", "客户", "内部流程", "学习与成长", "医疗质量", "运营效率", "持续发展", "满意度评价", "科研教学", "成本控制", "患者安全", "人才培养"}
	return names[:n]
}

func radarValues(n int, shift float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = 0.4 + math.Mod(float64(i)*0.37+shift, 0.6)
	}
	return v
}

func TestRadarRenders(t *testing.T) {
	for _, st := range []Style{{}, {Dark: true}, {Dark: true, Scale: 2, Background: color.Transparent}} {
		w, h := 480, 320
		if st.Scale == 2 {
			w, h = 960, 640
		}
		r, err := Render(sampleRadar(), w, h, st)
		if err != nil {
			t.Fatalf("%+v: %v", st, err)
		}
		if n := distinctColors(r.Image); n < 50 {
			t.Errorf("%+v: only %d colours, looks blank", st, n)
		}
		if len(r.regions) != 8 {
			t.Errorf("%+v: %d hit regions, want 8 (4 axes × 2 series)", st, len(r.regions))
		}
	}
	// Labels, ring labels and legend are drawn in the embedded font.
	var rec recorder.Canvas
	if err := Draw(sampleRadar(), &rec, 400, 300); err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, a := range rec.Actions {
		if fs, ok := a.(*recorder.FillString); ok {
			if fs.Font.Typeface != typeface {
				t.Errorf("%q drawn in %q", fs.String, fs.Font.Typeface)
			}
			texts = append(texts, fs.String)
		}
	}
	all := "|" + strings.Join(texts, "|") + "|"
	for _, want := range []string{"平衡计分卡得分率", "财务", "客户", "内部流程", "学习与成长", "本年", "上年", "25%", "50%", "75%", "100%"} {
		if !strings.Contains(all, "|"+want+"|") {
			t.Errorf("no %q among drawn texts %q", want, all)
		}
	}
}

func TestRadarHit(t *testing.T) {
	c := sampleRadar()
	r, err := Render(c, 480, 320)
	if err != nil {
		t.Fatal(err)
	}
	for k := range c.Category {
		for si := range c.Series {
			x, y, ok := r.Center(k, si)
			if !ok {
				t.Fatalf("no vertex for axis %d series %d", k, si)
			}
			// The marker (a disc, or an outlined square, antialiased) in
			// the series' colour is drawn there.
			want := seriesLight[si].(color.NRGBA)
			near := func(a, b uint8) bool { return int(a)+24 >= int(b) && int(b)+24 >= int(a) }
			found := false
			for dy := -3; dy <= 3; dy++ {
				for dx := -3; dx <= 3; dx++ {
					if p := r.Image.RGBAAt(int(x)+dx, int(y)+dy); near(p.R, want.R) && near(p.G, want.G) && near(p.B, want.B) {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("no marker of series colour %v at vertex (%d, %d)", want, k, si)
			}
			// Near, not only exactly on, the vertex.
			for _, d := range [][2]float64{{0, 0}, {3, 2}, {-2, -3}} {
				p, ok := r.Hit(x+d[0], y+d[1])
				if !ok || p.Category != k || p.Series != si {
					t.Errorf("Hit near vertex (%d, %d) %+v = %+v, %v", k, si, d, p, ok)
				}
			}
		}
	}
	x, y, _ := r.Center(0, 0)
	if p, _ := r.Hit(x, y); p.Text != "财务 · 本年 82.5%" {
		t.Errorf("tooltip %q", p.Text)
	}
	// Axis 0 is straight up: both series' vertices on one vertical line,
	// this year's (82.5%) further out than last year's (78%).
	x1, y1, _ := r.Center(0, 1)
	if math.Abs(x-x1) > 1 || !(y < y1) {
		t.Errorf("axis 0 vertices at (%v, %v) and (%v, %v)", x, y, x1, y1)
	}
	// Far from every vertex (the centre of the chart, a corner): nothing.
	if _, ok := r.Hit(2, 2); ok {
		t.Error("hit in the corner")
	}
	cx, _, _ := r.Center(0, 0)
	_, cy2, _ := r.Center(2, 0)
	if p, ok := r.Hit(cx, (y+cy2)/2); ok {
		t.Errorf("hit at the centre: %+v", p)
	}
}

func TestRadarAxesCounts(t *testing.T) {
	for _, n := range []int{3, 5, 12} {
		c := Chart{Kind: Radar, Title: fmt.Sprintf("%d 个维度", n), Category: radarAxes(n),
			Series: []Series{{Name: "本科室", Values: radarValues(n, 0)}, {Name: "全院平均", Values: radarValues(n, 0.3)}}}
		for _, dark := range []bool{false, true} {
			r, err := Render(c, 480, 320, Style{Dark: dark})
			if err != nil {
				t.Fatal(err)
			}
			if got := distinctColors(r.Image); got < 50 {
				t.Errorf("%d axes: only %d colours", n, got)
			}
			if len(r.regions) != 2*n {
				t.Errorf("%d axes: %d hit regions, want %d", n, len(r.regions), 2*n)
			}
			for k := range n {
				for si := range 2 {
					x, y, ok := r.Center(k, si)
					if p, hit := r.Hit(x, y); !ok || !hit || p.Category != k || p.Series != si {
						t.Errorf("%d axes: vertex (%d, %d) hits %+v, %v", n, k, si, p, hit)
					}
				}
			}
		}
	}
}

func TestRadarMissingZeroAndClamp(t *testing.T) {
	nan := math.NaN()
	c := Chart{Kind: Radar, Category: radarAxes(4), Series: []Series{
		{Name: "满分", Values: []float64{1, 1, 1, 1}},
		{Name: "本年", Values: []float64{1.5, nan, 0, math.Inf(1)}},
	}}
	r, err := Render(c, 480, 320)
	if err != nil {
		t.Fatal(err)
	}
	// Missing values (NaN, ∞) are not targets; zero is, at the centre.
	for k, want := range []bool{true, false, true, false} {
		if _, _, ok := r.Center(k, 1); ok != want {
			t.Errorf("axis %d of 本年: target %v, want %v", k, ok, want)
		}
	}
	tx, ty, _ := r.Center(0, 0) // 100% up
	_, by, _ := r.Center(2, 0)  // 100% down
	cx, cy := tx, (ty+by)/2
	zx, zy, _ := r.Center(2, 1)
	if math.Hypot(zx-cx, zy-cy) > 1 {
		t.Errorf("zero at (%v, %v), centre (%v, %v)", zx, zy, cx, cy)
	}
	// 150% is drawn at 110%, and says 150%.
	ox, oy, _ := r.Center(0, 1)
	if ratio := math.Hypot(ox-cx, oy-cy) / math.Hypot(tx-cx, ty-cy); math.Abs(ratio-radarOver) > 0.02 {
		t.Errorf("150%% drawn at %.3f of the 100%% ring, want %v", ratio, radarOver)
	}
	if p, _ := r.Hit(ox, oy); p.Text != "财务 · 本年 150.0%" {
		t.Errorf("tooltip %q", p.Text)
	}

	// All zero, one unnamed series: drawn (a point at the centre), no legend.
	z := Chart{Kind: Radar, Title: "全部为零", Category: radarAxes(4), Series: []Series{{Values: make([]float64, 4)}}}
	r, err = Render(z, 400, 300)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.regions) != 4 || distinctColors(r.Image) < 50 {
		t.Errorf("all zero: %d regions, %d colours", len(r.regions), distinctColors(r.Image))
	}
	x, y, _ := r.Center(1, 0)
	if p, ok := r.Hit(x, y); !ok || p.Series != 0 || p.Text == "" || !strings.HasSuffix(p.Text, " · 0.0%") {
		t.Errorf("all zero hit %+v, %v", p, ok)
	}

	// Runs of known axes wrap around axis 0.
	runs := radarRuns(Series{Values: []float64{1, nan, 1, 1, nan, 1}}, 6)
	if fmt.Sprint(runs) != "[[5 0] [2 3]]" {
		t.Errorf("runs %v", runs)
	}
	if fmt.Sprint(radarRuns(Series{Values: []float64{1, 1, 1}}, 3)) != "[[0 1 2]]" {
		t.Error("all known is not one run from axis 0")
	}
}

func TestRadarOddInput(t *testing.T) {
	nan := math.NaN()
	cases := map[string]Chart{
		"one axis":    {Kind: Radar, Category: []string{"财务"}, Series: []Series{{Values: []float64{0.5}}}},
		"two axes":    {Kind: Radar, Category: []string{"财务", "客户"}, Series: []Series{{Values: []float64{0.5, 0.9}}, {Values: []float64{0.2}}}},
		"all NaN":     {Kind: Radar, Category: radarAxes(4), Series: []Series{{Values: []float64{nan, nan}}}, NoData: "暂无数据"},
		"no series":   {Kind: Radar, Category: radarAxes(4)},
		"negative":    {Kind: Radar, Category: radarAxes(3), Series: []Series{{Values: []float64{-1, 1e300, -1e300}}}},
		"long labels": {Kind: Radar, Category: []string{strings.Repeat("很长的维度名称", 10), "客户", "内部流程"}, Series: []Series{{Values: []float64{1, 1, 1}}}},
		"13 axes":     {Kind: Radar, Category: append(radarAxes(12), "其他"), Series: []Series{{Values: radarValues(13, 0)}}},
		"five series": {Kind: Radar, Category: radarAxes(4), Series: []Series{{Name: "a", Values: radarValues(4, 0)}, {Name: "b", Values: radarValues(4, 0.1)}, {Name: "c", Values: radarValues(4, 0.2)}, {Name: "d", Values: radarValues(4, 0.3)}, {Name: "e", Values: radarValues(4, 0.4)}}},
	}
	for name, c := range cases {
		for _, size := range [][2]int{{480, 300}, {60, 40}, {1, 1}} {
			r, err := Render(c, size[0], size[1], Style{Dark: true})
			if err != nil {
				t.Errorf("%s at %v: %v", name, size, err)
				continue
			}
			r.Hit(float64(size[0])/2, float64(size[1])/2)
		}
	}
}

// TestWriteRadarPNGs writes radar samples into $CHART_PNG_DIR to look at.
func TestWriteRadarPNGs(t *testing.T) {
	dir := os.Getenv("CHART_PNG_DIR")
	if dir == "" {
		t.Skip("set CHART_PNG_DIR to write sample charts")
	}
	nan := math.NaN()
	charts := map[string]Chart{
		"radar4": sampleRadar(),
		"radar3": {Kind: Radar, Title: "三个维度", Category: radarAxes(3), Series: []Series{{Name: "本科室", Values: radarValues(3, 0)}}},
		"radar12": {Kind: Radar, Title: "十二个维度", Category: radarAxes(12),
			Series: []Series{{Name: "本科室", Values: radarValues(12, 0)}, {Name: "全院平均", Values: radarValues(12, 0.3)}}},
		"radarNaN": {Kind: Radar, Title: "缺项与超额", Category: radarAxes(6),
			Series: []Series{{Name: "本年", Values: []float64{1.4, 0.8, nan, 0.7, 0.9, 0.6}}, {Name: "上年", Values: []float64{0.7, 0.6, 0.65, nan, nan, 0.5}}}},
	}
	for name, c := range charts {
		for _, dark := range []bool{false, true} {
			r, err := Render(c, 480, 320, Style{Dark: dark})
			if err != nil {
				t.Fatal(err)
			}
			mode := "light"
			if dark {
				mode = "dark"
			}
			fh, err := os.Create(filepath.Join(dir, fmt.Sprintf("%s-%s.png", name, mode)))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(fh, r.Image); err != nil {
				t.Fatal(err)
			}
			fh.Close()
		}
	}
}
