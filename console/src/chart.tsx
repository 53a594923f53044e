import { lazy, Suspense } from 'react';
import type { Point } from './charts';

/** The chart library is loaded only when a chart is first shown (sign-in and most pages never need it). */
const StepChartNow = lazy(() => import('./charts').then((m) => ({ default: m.StepChart })));

export function StepChart(props: { points: Point[]; label: string }) {
  return (
    <Suspense fallback={<p aria-busy="true">Loading chart…</p>}>
      <StepChartNow {...props} />
    </Suspense>
  );
}
