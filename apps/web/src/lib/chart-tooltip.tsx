/** Every chart's tooltip: dark text on white, whatever the series' colour (a pale band's colour as text fails contrast). */
export const tooltipStyle = {
  contentStyle: { background: '#fff', border: '1px solid #d0d5dd', borderRadius: 6, color: '#101828' },
  itemStyle: { color: '#101828' },
  labelStyle: { color: '#101828', fontWeight: 600 },
} as const;

/**
 * A legend entry's name in dark text beside its coloured mark: in the series' own colour a pale band's name (the
 * first stage's grey, a light blue) would be hard to read and look switched off.
 */
export const legendText = (value: string) => <span style={{ color: '#101828' }}>{value}</span>;
