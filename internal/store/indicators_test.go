package store

import (
	"context"
	"reflect"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain"
	"github.com/budgetperf/budgetperf/internal/domain/scoring"
)

// Every built-in template comes back from the store exactly as parsed,
// and saving a scheme again replaces its nodes instead of adding to them.
func TestSchemeRoundTrip(t *testing.T) {
	s, _ := openTemp(t)
	ctx := context.Background()
	templates, err := scoring.Templates()
	if err != nil || len(templates) == 0 {
		t.Fatalf("templates: %d %v", len(templates), err)
	}
	for _, sc := range templates {
		if err := s.InTx(ctx, func(tx *Tx) error {
			_, err := tx.SaveScheme(ctx, domain.LocalUser, sc, true)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		got, id, err := s.Scheme(ctx, sc.Code)
		if err != nil || id == 0 {
			t.Fatalf("%s: %v", sc.Code, err)
		}
		if !reflect.DeepEqual(got, sc) {
			t.Errorf("%s did not round-trip:\n got %+v\nwant %+v", sc.Code, got, sc)
		}
	}
	all, err := s.Schemes(ctx)
	if err != nil || len(all) != len(templates) {
		t.Fatalf("Schemes: %d %v", len(all), err)
	}
	// Edit: drop a dimension and rename; the old nodes must be gone.
	sc := templates[0]
	sc.Name = "改过的"
	sc.Roots = sc.Roots[:1]
	if _, err := s.SaveScheme(ctx, domain.LocalUser, sc, false); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Scheme(ctx, sc.Code)
	if err != nil || got.Name != "改过的" || len(got.Roots) != 1 || !reflect.DeepEqual(got.Roots, sc.Roots) {
		t.Errorf("edited scheme: %v %+v", err, got)
	}
	if n, _ := s.CountSchemes(ctx); n != len(templates) {
		t.Errorf("%d schemes after an edit, want %d", n, len(templates))
	}
	if _, _, err := s.Scheme(ctx, "nope"); !IsNotFound(err) {
		t.Errorf("missing scheme: %v", err)
	}
}
