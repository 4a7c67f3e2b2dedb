// RE2's metacharacters (Pyroscope matches =~ and !~ with Go's regexp).
const METACHARACTERS = /[\\.+*?()|[\]{}^$]/g;

/** `a.b|c` → `a\.b\|c`: text that a regular expression matches literally. */
export function escapeRegex(text: string): string {
  return text.replace(METACHARACTERS, '\\$&');
}
