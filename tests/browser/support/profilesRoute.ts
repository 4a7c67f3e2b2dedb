/** The Profiles page's route, as Grafana serves the app's pages. */
export const PROFILES_PATH = '/a/emberlabs-profiles-app/profiles';

/** The Profiles page with these URL parameters (src/pages/Profiles/README.md lists them). */
export function profilesRoute(params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query === '' ? PROFILES_PATH : `${PROFILES_PATH}?${query}`;
}
