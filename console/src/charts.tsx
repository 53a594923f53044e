import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { plotValue } from './money';

export interface Point {
  time: string;
  /** The exact decimal string, shown in the tooltip. */
  value: string;
}

/**
 * A step line over time. Values are plotted with plotValue (a float, for drawing only); the
 * tooltip shows the exact string.
 */
export function StepChart({ points, label }: { points: Point[]; label: string }) {
  if (points.length === 0) return <p>No data to chart yet.</p>;
  const data = points.map((p) => ({ t: Date.parse(p.time), y: plotValue(p.value), exact: p.value }));
  return (
    <figure aria-label={label} className="chart">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" type="number" domain={['dataMin', 'dataMax']} scale="time" tickFormatter={(t: number) => new Date(t).toISOString().slice(5, 16).replace('T', ' ')} />
          <YAxis width={80} />
          <Tooltip
            labelFormatter={(t) => new Date(Number(t)).toISOString()}
            formatter={(_value, _name, item) => [(item.payload as { exact: string }).exact, label]}
          />
          <Line type="stepAfter" dataKey="y" stroke="#1e88e5" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption>{label} (axis and tooltip in UTC)</figcaption>
    </figure>
  );
}
