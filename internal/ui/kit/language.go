package kit

import (
	"os"
	"runtime"
	"sync"

	"fyne.io/fyne/v2/lang"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// fyneTranslations is closed once the translation files are registered
// with Fyne.
var fyneTranslations sync.Once

// UseLanguage makes code the interface language (i18n.Use) and registers
// the translation files with Fyne so that its own texts, the dialog
// buttons, follow. i18n itself does not import Fyne.
func UseLanguage(code string) error {
	if err := i18n.Use(code); err != nil {
		return err
	}
	i18n.UseWindowTexts()
	// Fyne's own texts follow the locale environment on Linux; re-adding
	// our files makes Fyne read it again.
	linux := runtime.GOOS != "windows" && runtime.GOOS != "darwin"
	if linux {
		os.Setenv("LANGUAGE", map[string]string{i18n.Chinese: "zh_CN", i18n.English: "en_US"}[i18n.Current()])
	}
	var err error
	first := false
	fyneTranslations.Do(func() {
		first = true
		err = lang.AddTranslationsFS(assets.Translations, "translations")
	})
	if !first && linux {
		_ = lang.AddTranslationsFS(assets.Translations, "translations")
	}
	return err
}
