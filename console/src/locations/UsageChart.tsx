// Bytes per hour or day as a bar chart (uPlot). The chart keeps a fixed height, so data
// arriving later moves nothing on the page.

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UsagePoint {
  start: string;
  rxBytes: number;
  txBytes: number;
}

export const CHART_HEIGHT = 220;

export function UsageChart({ points, label }: { points: readonly UsagePoint[]; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null) return;
    const xs = points.map((p) => Date.parse(p.start) / 1000);
    const mb = (n: number): number => Math.round((n / 1e6) * 100) / 100;
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    const chart = new uPlot(
      {
        width: Math.max(280, el.clientWidth),
        height: CHART_HEIGHT,
        series: [
          {},
          { label: 'Download MB', stroke: '#1d5fa8', fill: 'rgba(29,95,168,0.35)', paths: bars },
          { label: 'Upload MB', stroke: '#b35900', fill: 'rgba(179,89,0,0.35)', paths: bars },
        ],
        axes: [{}, { label: 'MB' }],
      },
      [xs, points.map((p) => mb(p.rxBytes)), points.map((p) => mb(p.txBytes))],
      el,
    );
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(280, el.clientWidth), height: CHART_HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [points]);
  return (
    <div className="chart-box">
      <div ref={box} className="chart" role="img" aria-label={label} />
      {points.length === 0 && <p className="chart-empty">No usage recorded in this period.</p>}
    </div>
  );
}
