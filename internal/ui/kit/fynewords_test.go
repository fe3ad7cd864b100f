package kit

import (
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// Fyne's own words (dialog buttons) read as a Chinese office writes them:
// our zh_Hans.json overrides Fyne's 好 and 不.
func TestFyneWordsInChinese(t *testing.T) {
	test.NewTempApp(t)
	if err := UseLanguage("zh"); err != nil {
		t.Fatal(err)
	}
	defer UseLanguage("en")
	for in, want := range map[string]string{"OK": "确定", "No": "否", "Yes": "是", "Cancel": "取消", "Save": "保存"} {
		if got := lang.L(in); got != want {
			t.Errorf("lang.L(%q) = %q, want %q", in, got, want)
		}
	}
}
