package i18n

import (
	"regexp"
	"strings"
	"time"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/logbook"
)

// The one home of display names: what the window and the reports show for
// a word the program stores (a login, a field, a state, a source, a time),
// so that no internal word reaches the Chinese window.

// TimeLayout is how a time is shown: local time, to the minute.
const TimeLayout = "2006-01-02 15:04"

// UserName is how a login is shown: the built-in account by its name in
// words (系统管理员), any other login as it is.
func UserName(login string) string {
	if login == domain.LocalUser.Login {
		return T("user.local")
	}
	return login
}

// Time is t in local time in the office format (2026-12-07 12:39); the
// zero time is "".
func Time(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format(TimeLayout)
}

// FieldName is the display name of an audited field of entity.
func FieldName(entity, field string) string {
	if entity == logbook.EntityBonusRun && strings.HasPrefix(field, "bonus.") {
		// one department's bonus: the field names the department's code
		return T("audit.field.bonus_run.bonus") + " " + strings.TrimPrefix(field, "bonus.")
	}
	t := logbook.FieldTerm(entity, field)
	return translate(t.Key, t.Default, nil)
}

// ValueText is an audited value as shown: states, roles and the trail's
// words by their display names, anything else (amounts, names) as it is.
func ValueText(entity, field, v string) string {
	switch t := logbook.ValueTerm(entity, field, v).(type) {
	case domain.Term:
		return translate(t.Key, t.Default, nil)
	case string:
		return t
	}
	return v
}

// reasonPatterns are the reasons the services write in words of their own
// (the count of departments a cycle opened with, the adjustment an
// approved budget line came from): each shown through its key.
var reasonPatterns = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^(\d+) departments$`), "audit.reason.departments"},
	{regexp.MustCompile(`^adjustment (\d+): (?s)(.*)$`), "audit.reason.adjustment"},
	{regexp.MustCompile(`^(\d+) departments, (\d+) lines, (\d+) projects, (\d+) steps$`), "audit.reason.cancelled"},
	{regexp.MustCompile(`^(policy|new_task|appropriation|price|deviation|other): (?s)(.*)$`), "audit.reason.category"},
	{regexp.MustCompile(`^(demo)$`), "audit.reason.demo"},
	{regexp.MustCompile(`^workbook sha256:([0-9a-f]{12})$`), "audit.reason.workbook"},
}

// ReasonText is an audit row's reason as shown.
func ReasonText(reason string) string {
	for _, p := range reasonPatterns {
		m := p.re.FindStringSubmatch(reason)
		if m == nil {
			continue
		}
		args := []any{}
		for i, v := range m[1:] {
			args = append(args, string(rune('A'+i)), v)
		}
		if p.key == "audit.reason.category" {
			args[1] = T(domain.ReasonCategory(m[1]).Term().Key)
		}
		return T(p.key, args...)
	}
	return reason
}

// SourceText is where a stored figure came from, as shown: the demo data,
// the practice default, an import (the file's name kept), or the text.
func SourceText(source string) string {
	switch source {
	case "demo":
		return T("source.demo")
	case "practice default":
		return T("source.practice_default")
	case "preparation":
		return T("source.preparation")
	}
	if file, ok := strings.CutPrefix(source, "import:"); ok {
		return T("source.import", "File", file)
	}
	return source
}

// TimeText is a stored time (RFC 3339, as the database keeps it) shown as
// Time shows it; text that is not such a time is shown as it is.
func TimeText(s string) string {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return s
	}
	return Time(t)
}
