package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// The worked example of the Pyroscope reference (pyroscope-api.md §1.7): stacks a;b self 3, a;c self 2, d self 4.
func workedExample() *querierv1.FlameGraph {
	return &querierv1.FlameGraph{
		Names: []string{"total", "d", "a", "c", "b"},
		Levels: []*querierv1.Level{
			{Values: []int64{0, 9, 0, 0}},
			{Values: []int64{0, 5, 0, 2, 0, 4, 4, 1}},
			{Values: []int64{0, 3, 3, 4, 0, 2, 2, 3}},
		},
		Total: 9, MaxSelf: 4,
	}
}

func TestNestedSetFrameOrdersNodesDepthFirst(t *testing.T) {
	frame, err := nestedSetFrame(workedExample())
	if err != nil {
		t.Fatal(err)
	}
	column := func(name string) []any {
		field, _ := frame.FieldByName(name)
		values := make([]any, field.Len())
		for i := range values {
			values[i] = field.At(i)
		}
		return values
	}
	want := map[string][]any{
		"label": {data.EnumItemIndex(0), data.EnumItemIndex(2), data.EnumItemIndex(4), data.EnumItemIndex(3), data.EnumItemIndex(1)},
		"level": {uint16(0), uint16(1), uint16(2), uint16(2), uint16(1)},
		"value": {int64(9), int64(5), int64(3), int64(2), int64(4)},
		"self":  {int64(0), int64(0), int64(3), int64(2), int64(4)},
	}
	for name, values := range want {
		if got := column(name); !reflect.DeepEqual(got, values) {
			t.Errorf("%s = %v, want %v", name, got, values)
		}
	}
	label, _ := frame.FieldByName("label")
	if got := label.Config.TypeConfig.Enum.Text; !reflect.DeepEqual(got, workedExample().Names) {
		t.Errorf("enum texts = %v", got)
	}
}

func TestNestedSetFrameRejectsAnOrphan(t *testing.T) {
	fg := workedExample()
	fg.Levels[2].Values[0] = 20 // b now starts beyond every node of level 1
	if _, err := nestedSetFrame(fg); err == nil || !strings.Contains(err.Error(), "outside every node") {
		t.Fatalf("err = %v, want an orphan error", err)
	}
}
