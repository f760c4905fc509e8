'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatFen } from '@/lib/money';

export interface BarDatum {
  label: string;
  value: number;
}

const BRAND = '#b45309';

/** Axis ticks: whole yuan (cents would crowd a phone-wide axis), or the count itself. */
const tick = (fen: boolean) => (v: number) =>
  fen ? formatFen(Math.round(v / 100) * 100, { symbol: false }).replace(/\.00$/, '') : String(v);

/**
 * A bar chart drawn in the browser (recharts measures its box), filling the box its caller sizes
 * and hides from assistive technology: the caller puts the same numbers in a table next to it,
 * rather than have them announced twice. `fen` values are integer fen, shown as money.
 * Horizontal bars (`layout="vertical"`) keep long unit and category names readable on a phone.
 */
export function BarChartView({
  data,
  fen = false,
  layout = 'horizontal',
}: {
  data: BarDatum[];
  fen?: boolean;
  layout?: 'horizontal' | 'vertical';
}) {
  const format = tick(fen);
  const vertical = layout === 'vertical';
  return (
    <ResponsiveContainer>
      <BarChart
        data={data}
        layout={layout}
        margin={{ top: 4, right: 8, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={!vertical} vertical={vertical} />
        {vertical ? (
          <>
            <XAxis type="number" tickFormatter={format} fontSize={12} />
            <YAxis type="category" dataKey="label" width={96} fontSize={12} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" fontSize={12} interval="preserveStartEnd" />
            <YAxis tickFormatter={format} width={fen ? 64 : 40} fontSize={12} allowDecimals={false} />
          </>
        )}
        <Tooltip formatter={(v) => (fen ? formatFen(Number(v)) : String(v))} />
        <Bar dataKey="value" fill={BRAND} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
