import { defineConfig } from 'vitest/config';

// Web component and helper tests only: node:test owns `*.test.ts`. No DOM package is installed, so
// these tests exercise pure functions in the node environment.
export default defineConfig({
  test: {
    include: ['src/web/**/*.test.tsx'],
    environment: 'node',
  },
});
