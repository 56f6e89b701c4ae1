// The parts of the page fetched apart from the first screen: the chart library behind
// Home's pictures and the coordinator's programme page. The sign-in screen shows
// without them; once it is up they are fetched in the background, so Home does not
// wait for them after the PIN. A module already fetched is used at once (no Suspense
// round, which React holds back for a moment before showing).

import { lazy, useEffect, useState } from 'react';

type HomeChartsModule = typeof import('./screens/HomeCharts');
let homeCharts: HomeChartsModule | null = null;
const loadHomeCharts = () => import('./screens/HomeCharts').then((m) => (homeCharts = m));

export const Programme = lazy(() => import('./screens/programme/Programme').then((m) => ({ default: m.Programme })));

/** Home's pictures, or null while their chunk is still on its way (the figures above them show meanwhile). */
export function useHomeCharts(): HomeChartsModule['HomeCharts'] | null {
  const [loaded, setLoaded] = useState(homeCharts);
  useEffect(() => {
    if (!loaded) void loadHomeCharts().then(setLoaded);
  }, [loaded]);
  return loaded?.HomeCharts ?? null;
}

/** Fetches Home's pictures when the browser is idle after the first screen (a second call costs nothing). */
export function prefetchLaterScreens(): void {
  const fetchNow = () => void loadHomeCharts();
  if ('requestIdleCallback' in window) window.requestIdleCallback(fetchNow, { timeout: 1500 });
  else setTimeout(fetchNow, 200);
}
