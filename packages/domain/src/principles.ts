/** The seven principles of the agile-marketing manifesto every installation starts with. */
export const defaultPrinciples = [
  {
    key: 'responding-to-change',
    name: 'Responding to change over following a plan',
    description: 'Adjust the work to what the market tells us, not to last quarter’s plan.',
  },
  {
    key: 'customer-focus',
    name: 'Customer focus over silos and hierarchy',
    description: 'Organise around the customer’s journey rather than the org chart.',
  },
  {
    key: 'flexible-planning',
    name: 'Flexible over rigid planning',
    description: 'Plan in short horizons and keep options open.',
  },
  {
    key: 'small-experiments',
    name: 'Many small experiments over a few big bets',
    description: 'Test cheaply and often; scale what works.',
  },
  {
    key: 'iterative-strategy',
    name: 'Adaptive, iterative strategy',
    description: 'Revisit strategy as results come in, in small steps.',
  },
  {
    key: 'learning-over-opinions',
    name: 'Learning over opinions and conventions',
    description: 'Let data and validated learning decide, not the loudest voice or habit.',
  },
  {
    key: 'self-organised-teams',
    name: 'Self-organised teams',
    description: 'The people doing the work decide how to do it.',
  },
] as const;

/**
 * A principle's name short enough for a card: the part before " over " ("Customer focus over silos and
 * hierarchy" → "Customer focus"), or the first words of a name without it. The legend shows the full name.
 */
export function principleShortName(name: string, maxLength = 24): string {
  const head = name.split(/\s+over\s+/i)[0]!.trim();
  if (head.length <= maxLength) return head;
  const words = head.split(/\s+/);
  let short = '';
  for (const word of words) {
    if ((short ? short.length + 1 : 0) + word.length > maxLength - 1) break;
    short = short ? `${short} ${word}` : word;
  }
  return `${(short || head.slice(0, maxLength - 1)).replace(/[,;:]$/, '')}…`;
}
