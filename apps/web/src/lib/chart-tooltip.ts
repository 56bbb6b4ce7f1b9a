/** Every chart's tooltip: dark text on white, whatever the series' colour (a pale band's colour as text fails contrast). */
export const tooltipStyle = {
  contentStyle: { background: '#fff', border: '1px solid #d0d5dd', borderRadius: 6, color: '#101828' },
  itemStyle: { color: '#101828' },
  labelStyle: { color: '#101828', fontWeight: 600 },
} as const;
