import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    allowOnly: false,
    // The e2e files each build the app and drive Chromium; on two cores they must not overlap.
    fileParallelism: false,
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          env: { TZ: 'Asia/Shanghai' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          env: { TZ: 'Asia/Shanghai' },
        },
      },
    ],
  },
});
