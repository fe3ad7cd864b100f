package chart

import (
	"fmt"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// Sample charts in Chinese, shaped like the dashboard's and reports'.

func sampleLines() Chart {
	nan := math.NaN()
	months := []string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"}
	plan, act := make([]float64, 12), make([]float64, 12)
	var p, a float64
	for i := range months {
		p += 33739.66 + float64(i%3)*1200
		plan[i] = p
		a += 31000 + float64((i*7)%5)*1500
		act[i] = a
		if i >= 8 {
			act[i] = nan
		}
	}
	return Chart{Kind: Lines, Title: "累计支出：计划与实际", YLabel: "万元", Category: months, Unit: "万元",
		Series: []Series{{Name: "计划", Values: plan, Dashed: true}, {Name: "实际", Values: act}}}
}

var departments = []string{"心血管内科", "呼吸内科", "消化内科", "神经内科", "肾内科", "内分泌科", "普外科", "骨科",
	"泌尿外科", "神经外科", "心胸外科", "妇科", "产科", "儿科", "新生儿科", "眼科", "耳鼻咽喉科", "口腔科", "皮肤科",
	"急诊科", "重症医学科", "麻醉科", "康复医学科", "中医科", "感染科", "肿瘤科", "检验科", "放射科", "超声科", "药剂科"}

var statusBands = []Band{
	{Min: math.Inf(-1), Max: 0.6, Level: 2, Label: "严重滞后"},
	{Min: 0.6, Max: 0.7, Level: 1, Label: "滞后"},
	{Min: 0.7, Max: 0.9, Level: 0, Label: "正常"},
	{Min: 0.9, Max: math.Inf(1), Level: 3, Label: "超前"},
}

func sampleBars(n int) Chart {
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = 0.45 + float64((i*37)%50)/100
	}
	return Chart{Kind: Bars, Title: "各科室预算执行率", Category: departments[:n], Percent: true, Bands: statusBands,
		Series: []Series{{Name: "执行率", Values: vals}}, Ref: &RefLine{Value: 0.75, Label: "序时进度 75%"}}
}

func sampleHeat() Chart {
	months := []string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"}
	rows := departments[:8]
	cells := make([][]float64, len(rows))
	for r := range rows {
		cells[r] = make([]float64, len(months))
		for m := range months {
			cells[r][m] = float64(((r+1)*(m+3)*13)%60-30) / 100
			if m >= 9 {
				cells[r][m] = math.NaN()
			}
		}
	}
	bands := []Band{
		{Min: math.Inf(-1), Max: -0.2, Level: 2, Label: "偏低超20%"},
		{Min: -0.2, Max: -0.1, Level: 1, Label: "偏低10–20%"},
		{Min: -0.1, Max: 0.1, Level: 0, Label: "正常"},
		{Min: 0.1, Max: math.Inf(1), Level: 3, Label: "超支"},
	}
	return Chart{Kind: HeatMap, Title: "科室月度偏差率", Category: months, Rows: rows, Cells: cells, Bands: bands, Percent: true}
}

func sampleProgress() Chart {
	names := []string{"门急诊人次", "出院人次", "手术台次", "平均住院日", "药占比", "耗材占比", "病床使用率", "三四级手术占比"}
	done := []float64{0.62, 0.81, 0.55, 0.92, 0.33, 1.08, 0.74, math.NaN()}
	expect := []float64{0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75, 0.75}
	bands := []Band{
		{Min: math.Inf(-1), Max: 0.6, Level: 2, Label: "落后"},
		{Min: 0.6, Max: 0.75, Level: 1, Label: "略慢"},
		{Min: 0.75, Max: 1, Level: 0, Label: "正常"},
		{Min: 1, Max: math.Inf(1), Level: 3, Label: "超额"},
	}
	return Chart{Kind: Progress, Title: "绩效目标完成进度", Category: names, Bands: bands,
		Series: []Series{{Name: "完成", Values: done}, {Name: "序时", Values: expect}}}
}

// TestWritePNGs writes the sample charts as PNGs into $CHART_PNG_DIR, to
// look at them; without the variable it does nothing.
func TestWritePNGs(t *testing.T) {
	dir := os.Getenv("CHART_PNG_DIR")
	if dir == "" {
		t.Skip("set CHART_PNG_DIR to write sample charts")
	}
	charts := map[string]Chart{
		"lines": sampleLines(), "bars8": sampleBars(8), "bars30": sampleBars(30),
		"heat": sampleHeat(), "progress": sampleProgress(),
	}
	sizes := [][2]int{{480, 300}, {900, 360}}
	for name, c := range charts {
		for _, sz := range sizes {
			for _, dark := range []bool{false, true} {
				r, err := Render(c, sz[0], sz[1], Style{Dark: dark})
				if err != nil {
					t.Fatal(err)
				}
				mode := "light"
				if dark {
					mode = "dark"
				}
				path := filepath.Join(dir, fmt.Sprintf("%s-%dx%d-%s.png", name, sz[0], sz[1], mode))
				fh, err := os.Create(path)
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
}
