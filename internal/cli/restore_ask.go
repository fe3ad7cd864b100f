//go:build !windows

package cli

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/budgetperf/budgetperf/internal/i18n"
)

// confirm asks on the terminal; anything but yes (or no terminal at all) is no.
func confirm(env *Env, title, text string) bool {
	fmt.Fprintf(env.Stdout, "%s\n%s\n%s ", title, text, i18n.T("cli.restore.prompt"))
	line, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "是", "确定":
		return true
	}
	return false
}

// tell reports on the terminal; the caller prints the message already.
func tell(title, text string, isErr bool) {}
