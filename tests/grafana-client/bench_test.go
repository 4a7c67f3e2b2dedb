package main

import "testing"

func TestPercentiles(t *testing.T) {
	cases := []struct {
		times              []float64
		median, p90, maxMs float64
	}{
		{nil, 0, 0, 0},
		{[]float64{5}, 5, 5, 5},
		{[]float64{3, 1, 2}, 2, 3, 3},
		{[]float64{4, 1, 3, 2}, 2.5, 4, 4},
		{[]float64{10, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 5.5, 9, 10},
		{[]float64{0.1, 0.2}, 0.15, 0.2, 0.2},
	}
	for _, c := range cases {
		median, p90, maxMs := percentiles(c.times)
		if median != c.median || p90 != c.p90 || maxMs != c.maxMs {
			t.Errorf("%v: got %v %v %v, want %v %v %v", c.times, median, p90, maxMs, c.median, c.p90, c.maxMs)
		}
	}
}

func TestPercentilesLeavesInputOrder(t *testing.T) {
	times := []float64{3, 1, 2}
	percentiles(times)
	if times[0] != 3 || times[1] != 1 || times[2] != 2 {
		t.Errorf("input reordered: %v", times)
	}
}
