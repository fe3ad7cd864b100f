// Command genmonitor writes the database of the month-end monitor benchmark
// (bench/monitor.sh): by default issue 5's hospital of 100 departments, 70
// subjects, an approved budget and 1,000,000 ledger lines over one year.
//
//	genmonitor -o FILE     writes a new database at FILE
//	genmonitor -cached     prints the path of the one BenchmarkMonitorMonthEnd
//	                       uses under the temp directory, writing it if missing
//	genmonitor -years 5    five years of -n lines each (bench/open.sh)
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/budgetperf/budgetperf/bench/monitordb"
)

func main() {
	cfg := monitordb.Issue5
	out := flag.String("o", "", "database to write (must not exist)")
	cached := flag.Bool("cached", false, "use the cached database under the temp directory and print its path")
	flag.IntVar(&cfg.Lines, "n", cfg.Lines, "ledger lines")
	flag.IntVar(&cfg.Year, "year", cfg.Year, "(last) year of the budget and the ledger")
	flag.IntVar(&cfg.Years, "years", 1, "years of budget and ledger, each of -n lines, ending with -year")
	flag.IntVar(&cfg.Departments, "departments", cfg.Departments, "departments")
	flag.Parse()
	if (*out == "") == !*cached {
		fmt.Fprintln(os.Stderr, "genmonitor: give either -o FILE or -cached")
		os.Exit(2)
	}
	ctx := context.Background()
	start := time.Now()
	if *cached {
		path, err := monitordb.Cached(ctx, cfg)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(path)
		return
	}
	if err := monitordb.Build(ctx, *out, cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "wrote %s: %d lines, %d departments, %d subjects in %.1f s\n", *out, cfg.Lines, cfg.Departments,
		cfg.ExpenditureSubjects+cfg.RevenueSubjects, time.Since(start).Seconds())
}
