package main

import (
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
)

// nestedSetFrame turns Pyroscope's levels (per node: x offset from the previous node's end, total, self,
// name index) into the depth-first frame Grafana's flame graph reads, with the same linking rule as our
// backend: a node's parent is the first node of the level above whose range holds its range.
func nestedSetFrame(fg *querierv1.FlameGraph) (*data.Frame, error) {
	levels := fg.GetLevels()
	if len(levels) == 0 || len(levels[0].Values) != 4 {
		return nil, fmt.Errorf("the flame graph has no single root")
	}
	starts := make([][]int64, len(levels))
	for d, level := range levels {
		if len(level.Values)%4 != 0 {
			return nil, fmt.Errorf("level %d holds %d values, not a multiple of 4", d, len(level.Values))
		}
		xs := make([]int64, len(level.Values)/4)
		var end int64
		for i := range xs {
			xs[i] = end + level.Values[4*i]
			end = xs[i] + level.Values[4*i+1]
		}
		starts[d] = xs
	}
	// children[d][i]: the indexes on level d+1 of node i's children, left to right.
	children := make([][][]int, len(levels))
	for d := 1; d < len(levels); d++ {
		children[d-1] = make([][]int, len(starts[d-1]))
		parents, parentValues := starts[d-1], levels[d-1].Values
		p := 0
		for c, x := range starts[d] {
			total := levels[d].Values[4*c+1]
			for x < parents[p] || x+total > parents[p]+parentValues[4*p+1] {
				if p++; p == len(parents) {
					return nil, fmt.Errorf("node %d of level %d lies outside every node of level %d", c, d, d-1)
				}
			}
			children[d-1][p] = append(children[d-1][p], c)
		}
	}

	var label []data.EnumItemIndex
	var depth []uint16
	var value, self []int64
	type node struct{ level, index int }
	stack := []node{{0, 0}}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		v := levels[n.level].Values[4*n.index : 4*n.index+4]
		label = append(label, data.EnumItemIndex(v[3]))
		depth = append(depth, uint16(n.level))
		value = append(value, v[1])
		self = append(self, v[2])
		if n.level+1 < len(levels) {
			kids := children[n.level][n.index]
			for i := len(kids) - 1; i >= 0; i-- {
				stack = append(stack, node{n.level + 1, kids[i]})
			}
		}
	}
	labelField := data.NewField("label", nil, label)
	labelField.Config = &data.FieldConfig{TypeConfig: &data.FieldTypeConfig{Enum: &data.EnumFieldConfig{Text: fg.GetNames()}}}
	unit := &data.FieldConfig{Unit: "ns"}
	frame := data.NewFrame("response",
		labelField,
		data.NewField("level", nil, depth),
		data.NewField("value", nil, value).SetConfig(unit),
		data.NewField("self", nil, self).SetConfig(unit),
	)
	frame.Meta = &data.FrameMeta{PreferredVisualization: data.VisTypeFlameGraph}
	return frame, nil
}
