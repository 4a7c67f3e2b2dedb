/** What to tell when a range holds no profiles, naming the services asked for. */
export function emptyMessage(services: readonly string[]): string {
  const named = [...new Set(services.filter((service) => service !== ''))];
  const what = named.length === 0 ? 'the selected series' : named.join(' or ');
  return `No profiles for ${what} in this range — check that the agent is running and sends to this Pyroscope, or choose another time range.`;
}
