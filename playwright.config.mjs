// End-to-end tests: real partner pages (tests/pages) embedding the release bundle (dist/),
// served by tests/server.mjs, driven in the system Chromium (never a downloaded browser).
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: /.*\.spec\.mjs$/,
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1, // 2 cores: one browser at a time keeps timing-sensitive checks stable
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: "http://127.0.0.1:4173",
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      // LocalNetworkAccessChecks: pages fulfilled by page.route() count as "public", and would
      // be refused the loopback CDN origin that stands in for a real CDN here.
      args: ["--disable-features=LocalNetworkAccessChecks", "--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  webServer: {
    command: "node tests/server.mjs",
    url: "http://127.0.0.1:4173/__hits",
    reuseExistingServer: !process.env.CI,
    timeout: 20_000,
  },
});
