/**
 * How a diff colours a text or bar, from its [r, g, b]: red where the comparison takes more, green where it
 * takes less (Grafana's default diff scheme; its greens are less saturated than its reds).
 */
export function diffColour([r = 0, g = 0]: number[]): 'red' | 'green' | 'neither' {
  if (r > g + 60) {
    return 'red';
  }
  return g > r + 10 ? 'green' : 'neither';
}
