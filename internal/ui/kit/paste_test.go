package kit

import (
	"reflect"
	"testing"

	"github.com/budgetperf/budgetperf/internal/domain/money"
)

func TestPastedCellsAsExcelCopiesThem(t *testing.T) {
	if got := PastedColumn("12,345.00\tA\r\n6789\r\n\r\n1.5万\r\n"); !reflect.DeepEqual(got, []string{"12,345.00", "6789", "", "1.5万"}) {
		t.Errorf("column %q", got)
	}
	if got := PastedCells("1\t2\n3\t4\n"); !reflect.DeepEqual(got, []string{"1", "2", "3", "4"}) {
		t.Errorf("cells %q", got)
	}
	v, no := ParsePasted([]string{"12,345.00", "6789", "", "1.5万", "", ""}, 4)
	want := []money.Amount{money.FromYuan(12345), money.FromYuan(6789), 0, money.FromYuan(15000)}
	if no != nil || !reflect.DeepEqual(v, want) {
		t.Errorf("parsed %v %+v", v, no)
	}
	if _, no := ParsePasted([]string{"1", "x", "y"}, 4); no == nil || no.Index != 1 || no.Text != "x" {
		t.Errorf("bad cell %+v", no)
	}
	if _, no := ParsePasted([]string{"1", "2", "3", ""}, 2); no == nil || no.Index != -1 || no.Count != 3 || no.Room != 2 {
		t.Errorf("too many %+v", no)
	}
}
