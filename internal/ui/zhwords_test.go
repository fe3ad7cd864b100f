package ui

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/budgetperf/budgetperf/internal/demo"
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/services"
	"github.com/budgetperf/budgetperf/internal/ui/kit"
	"github.com/budgetperf/budgetperf/internal/ui/probe"
)

// latinAllowed are the Latin words a Chinese finance office reads as they
// are: file formats and the program's name, and the measures of hospital
// performance policy that Chinese documents write in Latin letters
// (国考 and the DRG/DIP payment reform). Kept short: every other Latin
// word in the Chinese window is an internal word or an untranslated text.
var latinAllowed = map[string]string{
	"BudgetPerf": "the program's name",
	"PDF":        "file format",
	"Excel":      "file format",
	"CSV":        "file format",
	"xlsx":       "file extension shown with a file name",
	"xls":        "file extension shown with a file name",
	"DRG":        "diagnosis-related groups, the payment reform's own term",
	"DIP":        "diagnosis-intervention packet, the payment reform's own term",
	"CMI":        "case-mix index, as 国考 writes it",
	"RBRVS":      "the relative-value scale of performance pay, as policy writes it",
	"DDDs":       "defined daily doses (antibiotic intensity), as 国考 writes it",
	"RVU":        "relative value unit, as RBRVS writes it",
	"MB":         "unit of a file's size",
	"GB":         "unit of a file's size",
	"bpbak":      "the extension of the program's backups, shown with the file",
	"English":    "the name of the language in the language picker, as every program writes it",
	"PostgreSQL": "the database server's product name, as its administrator and every manual write it",
}

// aPath is a file or folder on the PC (the database, a report's file): the
// user's names, not the program's words.
var aPath = regexp.MustCompile(`(?:[A-Za-z]:)?[/\\][^\s，。：；（）()“”"]*`)

// latinWord is a run of Latin letters; a run next to a digit is part of a
// code (XM2026001, A01, 4101010102) and is not a word.
var latinWord = regexp.MustCompile(`[0-9A-Za-z_\-.]*[A-Za-z][0-9A-Za-z_\-.]*`)

// latinWords are the Latin words of s that are neither codes nor allowed.
func latinWords(s string) []string {
	var out []string
	for _, w := range latinWord.FindAllString(aPath.ReplaceAllString(s, " "), -1) {
		w = strings.Trim(w, "-._")
		if w == "" || strings.ContainsAny(w, "0123456789") {
			continue // a code: subject, department, project, indicator
		}
		if _, ok := latinAllowed[w]; ok {
			continue
		}
		out = append(out, w)
	}
	return out
}

// screenTexts is every text the user can see under o, tab by tab: labels,
// buttons, entries' placeholders, pickers with their choices, checks and
// tab titles. Each tab of every tab container is selected in turn.
func screenTexts(o fyne.CanvasObject) []string {
	var out []string
	var tabs []*container.AppTabs
	probe.Walk(o, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *container.AppTabs:
			tabs = append(tabs, w)
			return false
		case *widget.Select:
			out = append(out, w.Selected, w.PlaceHolder)
			out = append(out, w.Options...)
			if w.Selected == "" && w.PlaceHolder == "" {
				out = append(out, "(Select one)") // Fyne's own placeholder
			}
		case *widget.Entry:
			out = append(out, w.PlaceHolder)
		case *widget.Check:
			out = append(out, w.Text)
		}
		return true
	})
	out = append(out, probe.Texts(o)...)
	for _, t := range tabs {
		was := t.SelectedIndex()
		for i, item := range t.Items {
			t.SelectIndex(i)
			out = append(out, item.Text)
			out = append(out, screenTexts(item.Content)...)
		}
		t.SelectIndex(was)
	}
	return out
}

// fullDemoDB is the demo hospital with its year's story (adjustments, the
// next year's preparation, approved bonus), so that every screen has rows.
func fullDemoDB(t *testing.T, year int) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.db")
	svc, err := services.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if _, err := svc.Demo.LoadScope(context.Background(), domain.LocalUser, year, demo.Everything); err != nil {
		t.Fatal(err)
	}
	return path
}

// foreignWords maps each Latin word found to the texts it was seen in.
// Texts in typed are the user's data (the English names of the demo's
// departments and hospital) and the licence notice in About, which names
// the font and the licences as their authors do.
func foreignWords(found map[string][]string, typed map[string]bool, where string, texts []string) {
	for _, s := range texts {
		about := strings.Contains(s, "WenQuanYi") || strings.Contains(s, "BudgetPerf test") // the test build's version is "test"
		if typed[s] || about || elidedTyped(s, typed) {
			continue
		}
		for _, w := range latinWords(s) {
			if len(found[w]) < 3 {
				found[w] = append(found[w], where+": "+s)
			}
		}
	}
}

// The Chinese window shows no Latin word but codes, units and the allowed
// measures: every section with every tab, the file dialog and the audit
// trail of a database with the demo's whole year.
func TestChineseWindowHasNoLatinWords(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every screen")
	}
	s, _ := startApp(t, fullDemoDB(t, 2026), "zh")
	s.win.Resize(fyne.NewSize(1366, 768))
	found, all := walkChinese(t, s)
	s.saveFile("x.xlsx", ".xlsx", func(string) {})
	if top := s.win.Canvas().Overlays().Top(); top != nil {
		foreignWords(found, typedNames(t, s), "file dialog", fileDialogTexts(top))
	}
	closeOverlays(s)
	if dump := os.Getenv("ZHWORDS_DUMP"); dump != "" {
		_ = os.WriteFile(dump, []byte(strings.Join(all, "\n")), 0o644)
	}
	reportForeign(t, "", found)
}

// walkChinese visits every section with every tab, this year's and the
// next year's preparation and evaluation, with their first rows selected
// and their "…" dialogs opened: the Latin words found, and every text.
func walkChinese(t *testing.T, s *Shell) (map[string][]string, []string) {
	t.Helper()
	found := map[string][]string{}
	typed := typedNames(t, s)
	var all []string
	visit := sections
	for _, sec := range []string{SectionBudget, SectionEvaluation} {
		visit = append(visit, "next:"+sec) // the next year's preparation
	}
	for _, sec := range visit {
		if next, ok := strings.CutPrefix(sec, "next:"); ok {
			if s.year == 2026 {
				s.setYear(2027)
			}
			sec = next
		}
		s.Show(sec)
		ts := screenTexts(s.win.Content())
		selectFirstRows(s, s.body)
		ts = append(ts, screenTexts(s.win.Content())...)
		ts = append(ts, dialogTexts(s, s.body)...)
		all = append(all, ts...)
		foreignWords(found, typed, sec, ts)
		closeOverlays(s)
	}
	return found, all
}

func reportForeign(t *testing.T, who string, found map[string][]string) {
	t.Helper()
	words := make([]string, 0, len(found))
	for w := range found {
		words = append(words, w)
	}
	sort.Strings(words)
	for _, w := range words {
		t.Errorf("%sLatin word %q in the Chinese window: %q", who, w, found[w])
	}
}

// Signed in as a department head, an auditor or the committee, the Chinese
// window is as Chinese, and says where a role reads what it may not change
// (the indicator library, the settings, the import) instead of offering
// buttons that would be refused.
func TestChineseWindowHasNoLatinWordsForEveryRole(t *testing.T) {
	if testing.Short() {
		t.Skip("walks every screen for each role")
	}
	db := fullDemoDB(t, 2026)
	for _, a := range []domain.Actor{
		{Login: "zhang", Name: "张主任", Role: domain.RoleDeptHead, Departments: []string{"101"}},
		{Login: "zhao", Name: "赵审计", Role: domain.RoleAuditor},
		{Login: "chen", Name: "陈委员", Role: domain.RoleCommittee},
	} {
		s, _ := startApp(t, db, "zh")
		s.win.Resize(fyne.NewSize(1366, 768))
		s.actor = a
		s.Rebuild()
		found, all := walkChinese(t, s)
		delete(found, a.Login) // the login beside the name in the header: what the administrator typed
		reportForeign(t, a.Name+": ", found)
		text := strings.Join(all, "\n")
		for _, want := range []string{"只读：指标和考核方案由预算办公室或管理员维护", "您的角色只能查看：医院名称、科室和预算科目",
			"预算和实际数由预算办公室或管理员导入"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s is not told %q", a.Name, want)
			}
		}
		for _, offered := range []string{"另存为新体系", "新增科室", "全部按均分", "用于全院评价"} {
			if strings.Contains(text, offered) {
				t.Errorf("%s is offered %q", a.Name, offered)
			}
		}
	}
}

// elidedTyped reports whether s is one of the typed names cut short with
// an ellipsis by a column too narrow for it.
func elidedTyped(s string, typed map[string]bool) bool {
	head, ok := strings.CutSuffix(s, "…")
	if !ok || head == "" {
		return false
	}
	for name := range typed {
		if strings.HasPrefix(name, head) {
			return true
		}
	}
	return false
}

// fileDialogTexts are the file dialog's own texts: its buttons, title and
// places, not the names of the files and folders on this PC.
func fileDialogTexts(o fyne.CanvasObject) []string {
	var out []string
	probe.Walk(o, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *widget.GridWrap:
			return false // the folder's files
		case *container.Scroll:
			if w.Direction == container.ScrollHorizontalOnly {
				return false // the path to the folder: the PC's folder names
			}
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.PlaceHolder)
		case *widget.Check:
			out = append(out, w.Text)
		case *widget.Label:
			out = append(out, w.Text)
		case *kit.ElidedLabel:
			out = append(out, w.Text)
		case *kit.DetailLabel:
			out = append(out, w.Text)
		}
		return true
	})
	return out
}

// typedNames are the names the user typed in two languages: the
// departments' and the hospital's English names.
func typedNames(t *testing.T, s *Shell) map[string]bool {
	t.Helper()
	ctx := context.Background()
	depts, err := s.svc.Master.Departments(ctx, s.actor)
	if err != nil {
		t.Fatal(err)
	}
	typed := map[string]bool{}
	for _, d := range depts {
		typed[d.NameEn] = true
	}
	if en, err := s.svc.Master.HospitalNameEn(ctx, s.actor); err == nil {
		typed[en] = true
	}
	return typed
}

// selectFirstRows selects the first row of every list, tree and table
// under o, tab by tab, so that the details they open (a department's
// ledger and history, an indicator's form) are shown too.
func selectFirstRows(s *Shell, o fyne.CanvasObject) {
	var tabs []*container.AppTabs
	probe.Walk(o, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *container.AppTabs:
			tabs = append(tabs, w)
			return false
		case *widget.List:
			if w.Length() > 0 {
				w.Select(0)
			}
		case *widget.Table:
			if rows, cols := w.Length(); rows > 1 && cols > 0 && w.OnSelected != nil {
				w.Select(widget.TableCellID{Row: 1, Col: 0})
			}
		case *widget.Tree:
			w.OpenAllBranches()
		}
		return true
	})
	closeOverlays(s)
	for _, t := range tabs {
		was := t.SelectedIndex()
		for i, item := range t.Items {
			t.SelectIndex(i)
			selectFirstRows(s, item.Content)
		}
		t.SelectIndex(was)
	}
}

// dialogTexts opens every dialog under o that a button ending in "…"
// opens (a convention of the window: such a button asks before it acts),
// tab by tab, and collects the dialogs' texts.
func dialogTexts(s *Shell, o fyne.CanvasObject) []string {
	var out []string
	var tabs []*container.AppTabs
	var buttons []*widget.Button
	probe.Walk(o, func(o fyne.CanvasObject) bool {
		switch w := o.(type) {
		case *container.AppTabs:
			tabs = append(tabs, w)
			return false
		case *widget.Button:
			if (strings.HasSuffix(w.Text, "…") || asksFirst[w.Text]) && !w.Disabled() && w.OnTapped != nil {
				buttons = append(buttons, w)
			}
		}
		return true
	})
	for _, b := range buttons {
		test.Tap(b)
		for _, ov := range s.win.Canvas().Overlays().List() {
			if hasFileGrid(ov) {
				out = append(out, fileDialogTexts(ov)...)
			} else {
				out = append(out, screenTexts(ov)...)
			}
		}
		closeOverlays(s)
	}
	for _, t := range tabs {
		was := t.SelectedIndex()
		for i, item := range t.Items {
			t.SelectIndex(i)
			out = append(out, dialogTexts(s, item.Content)...)
		}
		t.SelectIndex(was)
	}
	return out
}

// asksFirst are buttons without "…" that open a dialog asking to confirm
// (the walk closes it unanswered).
var asksFirst = map[string]bool{"取消本年度编制": true}

// hasFileGrid reports whether o is a file dialog (it shows a folder's
// files in a grid).
func hasFileGrid(o fyne.CanvasObject) bool {
	found := false
	probe.Walk(o, func(o fyne.CanvasObject) bool {
		if _, ok := o.(*widget.GridWrap); ok {
			found = true
		}
		return !found
	})
	return found
}
