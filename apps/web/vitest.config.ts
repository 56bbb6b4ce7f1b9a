import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Web unit tests: stores, drag rules, filters, forms and hooks, in a simulated DOM (happy-dom).
export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
