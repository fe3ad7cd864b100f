package kit

// OpeningYear is the year the window opens on, given the calendar year
// now and the years with a budget (newest first): now, unless it has no
// budget yet, then the newest earlier year with one; a later year's budget
// never takes its place.
func OpeningYear(now int, budgetYears func() ([]int, error)) int {
	years, err := budgetYears()
	if err != nil {
		return now
	}
	for _, y := range years {
		if y <= now {
			return y
		}
	}
	return now
}
