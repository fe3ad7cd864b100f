package cli

import (
	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/money"
)

// parseYuan reads an amount given in yuan on the command line (1234.56,
// 1,234.56, ¥1234.56), exact to the fen; anything else is refused in words.
func parseYuan(flagName, text string) (money.Amount, error) {
	p, err := money.Parse(text, money.Yuan)
	if err != nil || p.Blank {
		return 0, domain.NewProblem("problem.cli.amount_text", "--{{.Flag}} \"{{.Text}}\" is not an amount in yuan: write it like 1234567.89.", "Flag", flagName, "Text", text)
	}
	return p.Amount, nil
}
