package store

import "time"

// StampAt makes the rows that tx's later writes stamp with a time
// (preparation steps, evaluations and their values, adjustment decisions)
// carry at instead of the time of writing; the zero time goes back to the
// real clock. Only the demo uses it, to date the history it invents; the
// audit trail always carries the real time of writing.
func (tx *Tx) StampAt(at time.Time) { tx.Q.at = at }

// Now is the time q stamps rows with: the real clock unless a demo
// transaction set another (Tx.StampAt).
func (q Q) Now() time.Time {
	if q.at.IsZero() {
		return time.Now()
	}
	return q.at
}

// stamp is Now in the stored format.
func (q Q) stamp() string {
	if q.at.IsZero() {
		return now()
	}
	return q.at.Format(time.RFC3339)
}
