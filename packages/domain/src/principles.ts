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
