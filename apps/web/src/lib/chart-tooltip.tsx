/** Every chart's tooltip: the chart text colour on a raised surface (palette colours, so it follows the theme), whatever the series' colour (a pale band's colour as text fails contrast). */
export const tooltipStyle = {
  contentStyle: {
    background: 'var(--surface-raised)',
    border: '1px solid var(--border-mid)',
    borderRadius: 6,
    color: 'var(--chart-text)',
  },
  itemStyle: { color: 'var(--chart-text)' },
  labelStyle: { color: 'var(--chart-text)', fontWeight: 600 },
} as const;

/**
 * A legend entry's name in the chart text colour beside its coloured mark: in the series' own colour a pale band's name (the
 * first stage's grey, a light blue) would be hard to read and look switched off.
 */
export const legendText = (value: string) => <span style={{ color: 'var(--chart-text)' }}>{value}</span>;
