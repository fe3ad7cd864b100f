// Package i18n translates interface text and shows numbers, percentages
// and changes the one way every screen, report and CLI table shows them
// (format.go). The texts live in assets/translations (en.json,
// zh_Hans.json) in go-i18n format, the format of fyne.io/fyne/v2/lang; the
// GUI registers the same files with Fyne (ui.useLanguage) so that Fyne's own
// dialogs follow. The language is chosen here rather than by Fyne because
// users switch it in Settings, and Fyne reads the system locale only.
//
// i18n imports no GUI toolkit, so the CLI and the PDF reports build without
// Fyne; it may import domain, evaluate and assets.
package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jeandeaual/go-locale"
	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"github.com/budgetperf/budgetperf/assets"
	"github.com/budgetperf/budgetperf/internal/domain"
)

// Languages the product speaks, by the short code used in flags and settings.
const (
	Chinese = "zh"
	English = "en"
)

var (
	mu        sync.RWMutex
	bundle    *goi18n.Bundle
	localizer *goi18n.Localizer
	current   = English
	loadOnce  sync.Once
	loadErr   error
)

// files maps our language codes to the translation files.
var files = map[string]string{English: "en.json", Chinese: "zh_Hans.json"}

func load() {
	bundle = goi18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, name := range files {
		data, err := assets.Translations.ReadFile("translations/" + name)
		if err != nil {
			loadErr = err
			return
		}
		if _, err := bundle.ParseMessageFileBytes(data, name); err != nil {
			loadErr = fmt.Errorf("translations %s: %w", name, err)
			return
		}
	}
}

// Normalize turns a flag or locale value (zh, zh_CN.UTF-8, zh-Hans, en_US…)
// into a supported language code; ok is false for anything else.
func Normalize(s string) (code string, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "":
		return "", false
	case strings.HasPrefix(s, "zh"):
		return Chinese, true
	case strings.HasPrefix(s, "en"):
		return English, true
	}
	return "", false
}

// SystemLanguage is the language of the user's system locale, English when
// the locale is neither Chinese nor English or cannot be read. It asks the
// system as Fyne's lang.SystemLocale does, without the GUI toolkit.
func SystemLanguage() string {
	loc, err := locale.GetLocale()
	if err != nil {
		return English
	}
	if code, ok := Normalize(loc); ok {
		return code
	}
	return English
}

// Use makes code the current language. Unknown codes fall back to the
// system language.
func Use(code string) error {
	loadOnce.Do(load)
	if loadErr != nil {
		return loadErr
	}
	c, ok := Normalize(code)
	if !ok {
		c = SystemLanguage()
	}
	tag := "en"
	if c == Chinese {
		tag = "zh-Hans"
	}
	mu.Lock()
	current = c
	localizer = goi18n.NewLocalizer(bundle, tag, "en")
	mu.Unlock()
	return nil
}

// Current is the language in use ("zh" or "en").
func Current() string {
	mu.RLock()
	defer mu.RUnlock()
	return current
}

// Translate is the one way a text is passed to code that writes words
// without choosing the language itself (chart models, pay sheets): T, or
// a stand-in in tests. args are name, value pairs as for T.
type Translate func(key string, args ...any) string

// PickName is the name to show in language lang: en when lang is English
// and en is given, else zh. Departments, subjects and units carry both.
func PickName(lang, zh, en string) string {
	if lang == English && en != "" {
		return en
	}
	return zh
}

// T translates key; args are name, value pairs filling {{.Name}} in the text.
// A key missing from the files shows as the key itself, which the key test
// prevents from shipping.
func T(key string, args ...any) string {
	data := map[string]any{}
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok {
			data[k] = args[i+1]
		}
	}
	return translate(key, key, data)
}

func translate(key, fallback string, data map[string]any) string {
	mu.RLock()
	l := localizer
	mu.RUnlock()
	if l == nil {
		if err := Use(""); err != nil {
			return domain.Render(fallback, data)
		}
		mu.RLock()
		l = localizer
		mu.RUnlock()
	}
	data = translateTerms(data)
	out, err := l.Localize(&goi18n.LocalizeConfig{MessageID: key, TemplateData: data})
	if err != nil || out == "" {
		return domain.Render(fallback, data)
	}
	return out
}

// windowTexts is set in the window: a problem whose message names a
// command has a KEY.window text naming the screen and button instead.
var windowTexts atomic.Bool

// UseWindowTexts makes Message prefer the window's text of a problem
// (KEY.window) where one exists; the window calls it, the CLI does not.
func UseWindowTexts() { windowTexts.Store(true) }

// problemText is one problem in the current language.
func problemText(p *domain.Problem) string {
	if windowTexts.Load() {
		if out := translate(p.Key+".window", "", p.Args); out != "" {
			return out
		}
	}
	return translate(p.Key, p.Default, p.Args)
}

// Message is err in the current language: problems are translated by their
// key, anything else shows its own text.
func Message(err error) string {
	if err == nil {
		return ""
	}
	if ps := domain.AsProblems(err); ps != nil {
		lines := make([]string, len(ps))
		for i, p := range ps {
			lines[i] = problemText(p)
		}
		return strings.Join(lines, "\n")
	}
	return err.Error()
}

// Lines is Message split into one line per problem, for the CLI's stderr.
func Lines(err error) []string {
	var ps domain.Problems
	if !errors.As(err, &ps) {
		return []string{Message(err)}
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = problemText(p)
	}
	return out
}

// translateTerms returns data with every Term in the current language and
// every percentage formatted, leaving the caller's map (a Problem's
// arguments) untouched.
func translateTerms(data map[string]any) map[string]any {
	var out map[string]any
	for k, v := range data {
		var text string
		switch t := v.(type) {
		case domain.Term:
			text = translate(t.Key, t.Default, nil)
		case domain.Percent:
			text = Percent(float64(t))
		case domain.SignedPercent:
			text = SignedPercent(float64(t))
		case domain.Ratio:
			text = Ratio(float64(t))
		case time.Time:
			text = Time(t)
		default:
			continue
		}
		if out == nil {
			out = make(map[string]any, len(data))
			for k2, v2 := range data {
				out[k2] = v2
			}
		}
		out[k] = text
	}
	if out == nil {
		return data
	}
	return out
}
