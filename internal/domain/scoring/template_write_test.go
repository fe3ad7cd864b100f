package scoring

import (
	"reflect"
	"testing"
)

// Every built-in template survives export and import unchanged.
func TestFormatTemplateRoundTrip(t *testing.T) {
	schemes, err := Templates()
	if err != nil {
		t.Fatal(err)
	}
	if len(schemes) == 0 {
		t.Fatal("no templates")
	}
	for _, s := range schemes {
		back, err := ParseTemplate(s.Code+".csv", FormatTemplate(s))
		if err != nil {
			t.Fatalf("%s: %v", s.Code, err)
		}
		if !reflect.DeepEqual(back, s) {
			t.Errorf("%s: the scheme read back differs from the one written", s.Code)
		}
	}
}
