import { lazy, Suspense } from 'react';
import type { QuadrantBar } from './QuadrantBars.tsx';
import { QuadrantLegend } from './QuadrantLegend.tsx';

const QuadrantBars = lazy(() => import('./QuadrantBars.tsx'));

/** The quadrant legend and the stacked hours chart, which arrives after the page has drawn. */
export function QuadrantChart(props: {
  bars: QuadrantBar[] | undefined;
  highlight?: string;
  onSelect?: (key: string) => void;
  description: string;
  testId?: string;
}) {
  return (
    <>
      <QuadrantLegend />
      <Suspense fallback={<div className="trend-chart" aria-busy="true" />}>
        <QuadrantBars {...props} />
      </Suspense>
    </>
  );
}
