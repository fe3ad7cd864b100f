package prep

import (
	"strings"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/i18n"
)

// subjectChoices are the expenditure leaf subjects a project may be
// budgeted under, shown as "30201 办公费".
type subjectChoices struct {
	labels []string
	codes  []string
	byCode map[string]string // code → label
	byName map[string]string // name → code
}

func newSubjectChoices(all []domain.Subject) subjectChoices {
	parent := map[string]bool{}
	for _, s := range all {
		if s.Parent != "" {
			parent[s.Parent] = true
		}
	}
	c := subjectChoices{byCode: map[string]string{}, byName: map[string]string{}}
	for _, s := range all {
		if s.Kind != domain.Expenditure || parent[s.Code] {
			continue
		}
		label := s.Code + " " + s.DisplayName(i18n.Current())
		c.labels = append(c.labels, label)
		c.codes = append(c.codes, s.Code)
		c.byCode[s.Code] = label
		c.byName[s.Name] = s.Code
		if s.NameEn != "" {
			c.byName[strings.ToLower(s.NameEn)] = s.Code
		}
	}
	return c
}

func (c subjectChoices) labelOf(code string) string {
	if l, ok := c.byCode[code]; ok {
		return l
	}
	return code
}

// resolve turns what is in the subject field into a code: a picked
// "30201 办公费", a bare code, or an exact name. Anything else is passed
// on as typed, and the service explains that it is no subject.
func (c subjectChoices) resolve(text string) string {
	text = strings.TrimSpace(text)
	if code, ok := c.byName[text]; ok {
		return code
	}
	if code, ok := c.byName[strings.ToLower(text)]; ok {
		return code
	}
	if f := strings.Fields(text); len(f) > 0 {
		return f[0]
	}
	return ""
}

// filter is the labels containing every word of text, all when empty.
func (c subjectChoices) filter(text string) []string {
	words := strings.Fields(strings.ToLower(text))
	if len(words) == 0 {
		return c.labels
	}
	var out []string
	for _, l := range c.labels {
		ll := strings.ToLower(l)
		ok := true
		for _, w := range words {
			ok = ok && strings.Contains(ll, w)
		}
		if ok {
			out = append(out, l)
		}
	}
	if len(out) == 0 {
		return c.labels
	}
	return out
}
