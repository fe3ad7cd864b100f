package i18n

import (
	"regexp"
	"strconv"
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
		if _, err := time.Parse(time.RFC3339, t); err == nil {
			return TimeText(t) // a time (a lock's end) in local time, as every time is shown
		}
		return t
	}
	return v
}

// AuditValue is an audited old or new value as every list of the trail
// shows it: blank stays blank (no "(none)" in every other row), an amount
// as it is, a word of a set by its display name.
func AuditValue(entity, field, v string) string {
	if v == "" {
		return ""
	}
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return v
	}
	return ValueText(entity, field, v)
}

// AuditRow is an audit entry as shown in the window, the CLI's text list
// and the exported workbook: time (local, to the second), user, entity,
// key, field, old and new value, reason, each by its display name.
func AuditRow(e logbook.Entry) []string {
	return []string{e.At.Local().Format("2006-01-02 15:04:05"), UserName(e.Login), T("audit.entity." + e.Entity),
		EntityKeyText(e.EntityKey), FieldName(e.Entity, e.Field), AuditValue(e.Entity, e.Field, e.Old),
		AuditValue(e.Entity, e.Field, e.New), ReasonText(e.Reason)}
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
	{regexp.MustCompile(`^(created)$`), "audit.reason.created"},
	{regexp.MustCompile(`^(\d+) wrong passwords$`), "audit.reason.wrong_passwords"},
	{regexp.MustCompile(`^import (.+)$`), "audit.reason.import"},
}

// keyWords are the words inside stored audit keys (2026/adjustment/3):
// each shown through its key, the numbers and codes around it as they are.
var keyWords = map[string]string{"adjustment": "audit.key.adjustment"}

// EntityKeyText is an audit row's key as shown: 2026/adjustment/3 reads
// 2026/调整/3 in Chinese. StoredEntityKey turns what the user types in
// the filter back into the stored form.
func EntityKeyText(key string) string {
	parts := strings.Split(key, "/")
	for i, p := range parts {
		if k, ok := keyWords[p]; ok {
			parts[i] = T(k)
		}
	}
	return strings.Join(parts, "/")
}

// StoredEntityKey is the stored form of a key typed as EntityKeyText shows it.
func StoredEntityKey(typed string) string {
	parts := strings.Split(typed, "/")
	for i, p := range parts {
		for word, k := range keyWords {
			if p == T(k) {
				parts[i] = word
			}
		}
	}
	return strings.Join(parts, "/")
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
