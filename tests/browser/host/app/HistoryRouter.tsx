import React, { type ReactNode, useLayoutEffect, useState } from 'react';
import { Router } from 'react-router-dom';
import { locationService } from '@grafana/runtime';

/**
 * React Router on Grafana's own history (locationService), as Grafana mounts app plugins: a plugin's
 * useNavigate and locationService.push/partial move the same URL.
 */
export function HistoryRouter({ children }: { children: ReactNode }) {
  const history = locationService.getHistory();
  const [location, setLocation] = useState(history.location);
  useLayoutEffect(() => history.listen((next: typeof history.location) => setLocation(next)), [history]);
  return (
    <Router location={location} navigator={history}>
      {children}
    </Router>
  );
}
