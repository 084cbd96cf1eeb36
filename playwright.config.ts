import { defineConfig } from '@playwright/test';

/**
 * Browser journeys against the real server on a throwaway PGlite directory.
 * The server serves `dist/web` only if it exists when it starts, so the web app is built first.
 */
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:3100',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: 'npx vite build --logLevel warn && node --import tsx src/server/main.ts',
    url: 'http://127.0.0.1:3100/api/health',
    env: {
      PORT: '3100',
      DATA_DIR: '.tmp/e2e-data',
      FAZHI_DEMO_PASSWORD: 'Demo-Passw0rd',
      FAZHI_RESET_DATA: '1',
    },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
