package chart

import (
	"image"
	"image/color"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/recorder"
)

// distinctColors counts the different pixel colours of img.
func distinctColors(img *image.RGBA) int {
	seen := map[uint32]bool{}
	for i := 0; i+3 < len(img.Pix); i += 4 {
		p := img.Pix[i : i+4 : i+4]
		seen[uint32(p[0])<<24|uint32(p[1])<<16|uint32(p[2])<<8|uint32(p[3])] = true
	}
	return len(seen)
}

func TestRenderEachKind(t *testing.T) {
	charts := map[string]Chart{
		"lines": sampleLines(), "bars": sampleBars(8), "bars30": sampleBars(30),
		"heat": sampleHeat(), "progress": sampleProgress(),
	}
	for name, c := range charts {
		for _, st := range []Style{{}, {Dark: true}, {Dark: true, Scale: 2, Background: color.Transparent}} {
			w, h := 480, 300
			if st.Scale == 2 {
				w, h = 960, 600
			}
			r, err := Render(c, w, h, st)
			if err != nil {
				t.Fatalf("%s %+v: %v", name, st, err)
			}
			if b := r.Image.Bounds(); b.Dx() != w || b.Dy() != h {
				t.Fatalf("%s: image %v, want %d×%d", name, b, w, h)
			}
			// Text, antialiased lines and several fills make hundreds of
			// colours; a blank or background-only image has one or two.
			if n := distinctColors(r.Image); n < 50 {
				t.Errorf("%s %+v: only %d colours, looks blank", name, st, n)
			}
			if len(r.regions) == 0 {
				t.Errorf("%s: no hit regions", name)
			}
		}
	}
}

// Chinese text goes through the embedded font: every string drawn names
// it, so no system font is involved.
func TestDrawUsesEmbeddedFont(t *testing.T) {
	var rec recorder.Canvas
	if err := Draw(sampleBars(8), &rec, 400, 250); err != nil {
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
	all := strings.Join(texts, "|")
	for _, want := range []string{"各科室预算执行率", "心血管内科", "序时进度 75%", "80%"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q among drawn texts %q", want, all)
		}
	}
}

// TestHitBar finds the bars by their colour in the image, independently
// of the layout code, and checks that the centre of the third bar is
// category 2.
func TestHitBar(t *testing.T) {
	c := Chart{Kind: Bars, Title: "执行率", Category: []string{"内科", "外科", "儿科", "妇科", "眼科"}, Unit: "万元",
		Series: []Series{{Name: "实际", Values: []float64{80, 90, 70, 85, 75}}}}
	r, err := Render(c, 400, 240)
	if err != nil {
		t.Fatal(err)
	}
	bar := seriesLight[0].(color.NRGBA)
	is := func(x, y int) bool {
		p := r.Image.RGBAAt(x, y)
		return p.R == bar.R && p.G == bar.G && p.B == bar.B
	}
	// The row crossing most bar pixels runs through all five bars.
	bestY, best := 0, 0
	for y := 0; y < 240; y++ {
		n := 0
		for x := 0; x < 400; x++ {
			if is(x, y) {
				n++
			}
		}
		if n > best {
			bestY, best = y, n
		}
	}
	var runs [][2]int
	for x := 0; x < 400; x++ {
		if is(x, bestY) && (x == 0 || !is(x-1, bestY)) {
			runs = append(runs, [2]int{x, x})
		}
		if is(x, bestY) {
			runs[len(runs)-1][1] = x
		}
	}
	if len(runs) != 5 {
		t.Fatalf("found %d bars in row %d, want 5", len(runs), bestY)
	}
	cx := float64(runs[2][0]+runs[2][1]) / 2
	p, ok := r.Hit(cx, float64(bestY))
	if !ok || p.Category != 2 || p.Series != 0 {
		t.Fatalf("Hit(centre of bar 2) = %+v, %v", p, ok)
	}
	if want := "儿科 · 实际 70 万元"; p.Text != want {
		t.Errorf("tooltip %q, want %q", p.Text, want)
	}
	// Center agrees with the pixels.
	if x, _, ok := r.Center(2, 0); !ok || math.Abs(x-cx) > 2 {
		t.Errorf("Center(2, 0) x = %v, bar centre %v", x, cx)
	}
	// Outside the plot: nothing.
	if _, ok := r.Hit(1, 1); ok {
		t.Error("hit in the title corner")
	}
	if _, ok := r.Hit(math.NaN(), 10); ok {
		t.Error("hit at NaN")
	}
}

func TestHitLines(t *testing.T) {
	c := sampleLines()
	r, err := Render(c, 480, 300)
	if err != nil {
		t.Fatal(err)
	}
	x, y, ok := r.Center(2, 1)
	if !ok {
		t.Fatal("no centre for 3月")
	}
	p, ok := r.Hit(x, y)
	if !ok || p.Category != 2 {
		t.Fatalf("Hit = %+v, %v", p, ok)
	}
	want := "3月 · 计划 " + FormatNumber(c.Series[0].Values[2], 2) + " 万元 · 实际 " + FormatNumber(c.Series[1].Values[2], 2) + " 万元"
	if p.Text != want {
		t.Errorf("tooltip %q, want %q", p.Text, want)
	}
	// Months without actuals say so.
	x, _, _ = r.Center(10, 0)
	if p, _ := r.Hit(x, 150); !strings.HasSuffix(p.Text, "实际 —") || p.Series != 0 {
		t.Errorf("11月: %+v", p)
	}
}

func TestHitHeatMapAndProgress(t *testing.T) {
	h := sampleHeat()
	r, err := Render(h, 480, 300)
	if err != nil {
		t.Fatal(err)
	}
	x, y, ok := r.Center(4, 2)
	if !ok {
		t.Fatal("no cell (2, 4)")
	}
	p, ok := r.Hit(x, y)
	if !ok || p.Category != 4 || p.Series != 2 || !strings.HasPrefix(p.Text, "消化内科 · 5月 · ") {
		t.Errorf("Hit = %+v, %v", p, ok)
	}
	// A missing cell (10月) is not a target.
	if _, _, ok := r.Center(10, 2); ok {
		t.Error("NaN cell has a hit area")
	}

	pr, err := Render(sampleProgress(), 480, 300)
	if err != nil {
		t.Fatal(err)
	}
	x, y, _ = pr.Center(0, 0)
	p, ok = pr.Hit(x, y)
	if want := "门急诊人次 · 完成 62.0% · 序时 75.0% · 略慢"; !ok || p.Category != 0 || p.Text != want {
		t.Errorf("Hit = %+v, %v; want %q", p, ok, want)
	}
}

// Odd input never panics and still draws.
func TestRenderOddInput(t *testing.T) {
	nan := math.NaN()
	cases := map[string]Chart{
		"zero value":        {},
		"no series":         {Kind: Bars, Category: []string{"内科"}},
		"no categories":     {Kind: Lines, Series: []Series{{Name: "实际", Values: []float64{1, 2}}}},
		"all NaN":           {Kind: Lines, Category: []string{"1月", "2月"}, Series: []Series{{Values: []float64{nan, nan}}}, NoData: "暂无数据"},
		"one category":      {Kind: Bars, Category: []string{"内科"}, Series: []Series{{Values: []float64{3}}}, Ref: &RefLine{Value: 2, Label: "目标"}},
		"all zeros":         {Kind: Bars, Category: []string{"a", "b"}, Series: []Series{{Values: []float64{0, 0}}}},
		"negatives":         {Kind: Bars, Category: []string{"a", "b", "c"}, Series: []Series{{Values: []float64{-3, 2, -0.5}}}},
		"isolated points":   {Kind: Lines, Category: []string{"1", "2", "3", "4"}, Series: []Series{{Values: []float64{1, nan, 2, nan}}}},
		"short values":      {Kind: Lines, Category: []string{"1", "2", "3"}, Series: []Series{{Values: []float64{1}}, {Values: []float64{1, 2, 3, 4, 5}}}},
		"infinities":        {Kind: Bars, Category: []string{"a", "b"}, Series: []Series{{Values: []float64{math.Inf(1), 1}}}},
		"NaN ref":           {Kind: Bars, Category: []string{"a"}, Series: []Series{{Values: []float64{1}}}, Ref: &RefLine{Value: nan}},
		"huge values":       {Kind: Bars, Category: []string{"a", "b"}, Series: []Series{{Values: []float64{1e300, -1e300}}}},
		"ragged heat":       {Kind: HeatMap, Rows: []string{"r1", "r2", "r3"}, Category: []string{"c1", "c2"}, Cells: [][]float64{{1}, nil}},
		"heat no rows":      {Kind: HeatMap, Category: []string{"c1"}},
		"progress 1 series": {Kind: Progress, Category: []string{"x"}, Series: []Series{{Values: []float64{0.5}}}},
		"progress negative": {Kind: Progress, Category: []string{"x", "y"}, Series: []Series{{Values: []float64{-0.2, 3}}, {Values: []float64{nan, 0.5}}}},
		"many categories":   {Kind: Bars, Category: make([]string, 300), Series: []Series{{Values: make([]float64, 300)}}},
		"long title":        {Kind: Lines, Title: strings.Repeat("很长的标题", 40), Category: []string{"1"}, Series: []Series{{Name: strings.Repeat("名", 90), Values: []float64{1}}, {Values: []float64{2}}}},
	}
	for name, c := range cases {
		for _, size := range [][2]int{{480, 300}, {40, 30}, {1, 1}} {
			r, err := Render(c, size[0], size[1], Style{Scale: math.NaN(), FontSize: -3})
			if err != nil {
				t.Errorf("%s at %v: %v", name, size, err)
				continue
			}
			r.Hit(float64(size[0])/2, float64(size[1])/2)
		}
	}
	if _, err := Render(Chart{Kind: Kind(42), Category: []string{"a"}, Series: []Series{{Values: []float64{1}}}}, 100, 100); err == nil {
		t.Error("unknown kind rendered")
	}
	for _, size := range [][2]int{{0, 10}, {10, -1}, {1 << 20, 1 << 20}} {
		if _, err := Render(sampleLines(), size[0], size[1]); err == nil {
			t.Errorf("size %v rendered", size)
		}
	}
	if err := Draw(sampleLines(), &recorder.Canvas{}, vg.Length(math.NaN()), 10); err == nil {
		t.Error("NaN width drawn")
	}
	var nilR *Rendered
	if _, ok := nilR.Hit(1, 1); ok {
		t.Error("nil Rendered hit")
	}
}

// BenchmarkRender measures a dashboard-sized render, which the widget
// does on every resize.
func BenchmarkRender(b *testing.B) {
	for _, c := range []Chart{sampleLines(), sampleBars(30), sampleHeat(), sampleProgress()} {
		b.Run(c.Title, func(b *testing.B) {
			for b.Loop() {
				if _, err := Render(c, 480, 300, Style{Dark: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
