import { defineConfig } from 'vitest/config';
import CountReporter from './test/support/count-reporter.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', new CountReporter()],
  },
});
