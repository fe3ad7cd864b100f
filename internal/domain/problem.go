package domain

import (
	"bytes"
	"errors"
	"text/template"
)

// Problem is an error a user can act on. It carries a translation key and
// its arguments so the GUI and the CLI can show it in the user's language;
// Default is the English text used when no translation is at hand.
type Problem struct {
	Key     string
	Default string
	Args    map[string]any
}

// NewProblem builds a Problem; args are given as key, value pairs.
func NewProblem(key, def string, kv ...any) *Problem {
	p := &Problem{Key: key, Default: def, Args: map[string]any{}}
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			p.Args[k] = kv[i+1]
		}
	}
	return p
}

func (p *Problem) Error() string { return Render(p.Default, p.Args) }

// Render fills a {{.Name}} template; a broken template yields the raw text
// rather than an empty message.
func Render(text string, args map[string]any) string {
	t, err := template.New("m").Option("missingkey=zero").Parse(text)
	if err != nil {
		return text
	}
	var b bytes.Buffer
	if err := t.Execute(&b, args); err != nil {
		return text
	}
	return b.String()
}

// Problems collects several problems found in one piece of input so that
// all of them can be reported at once.
type Problems []*Problem

func (ps Problems) Error() string {
	var b bytes.Buffer
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// AsProblems unpacks err into the problems it carries; nil when it carries none.
func AsProblems(err error) Problems {
	var ps Problems
	if errors.As(err, &ps) {
		return ps
	}
	var p *Problem
	if errors.As(err, &p) {
		return Problems{p}
	}
	return nil
}

// Term is a word inside a message that is itself translated, such as a
// state name: the interface shows it in the user's language.
type Term struct{ Key, Default string }

// Percent is a ratio given to a message to be shown as a percentage
// (0.052 → "5.2%"), and SignedPercent one shown with its sign ("+5.2%"):
// rules hand over the number and the display (i18n) formats it, so the
// format is defined once.
type (
	Percent       float64
	SignedPercent float64
	Ratio         float64 // shown with two decimals, e.g. execution ÷ time progress
)

func (t Term) String() string { return t.Default }
