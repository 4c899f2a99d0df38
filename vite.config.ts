import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './src/server/csp.ts';

// The one policy of the app (src/server/csp.ts): the lab server sends the same header.
// Built HTML files carry it as a <meta> too, so any static host serving dist/ keeps it (build only:
// the dev server runs React Refresh's inline preamble).
function cspMeta(): Plugin {
  return {
    name: 'psyscreen-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  define: { __PSYSCREEN_BUILD__: JSON.stringify(`${process.env.npm_package_version ?? '0'}-${Date.now().toString(36)}`) },
  plugins: [
    react(),
    cspMeta(),
    // Lab PCs lose the network: a service worker precaches every built file (both pages, the demo
    // plan), so after one visit the kiosk runs with the cable unplugged. Workbox handles cache
    // versioning and clean-up better than a hand-written worker would.
    VitePWA({
      injectRegister: 'script-defer',
      // Never reload under a student mid-battery: a new version waits until the kiosk is next opened.
      registerType: 'prompt',
      manifest: {
        name: 'PsyScreen 心理健康筛查',
        short_name: 'PsyScreen',
        lang: 'zh-CN',
        start_url: './kiosk.html',
        display: 'standalone',
        background_color: '#f4f7f8',
        theme_color: '#2f6f73',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,json,webmanifest}'],
        // The demo school's private key and workspace are public by design, but no school PC should carry
        // them offline as part of the app (issue 12.10). The demo kiosk plan holds only sealed entries and
        // the public key, and stays: a lab PC can try the demo offline.
        globIgnores: ['demo/demo-school-key.json', 'demo/demo-workspace.json', 'demo/demo-county.json'],
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: null,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { fs: { allow: ['.'] }, headers: { 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  preview: { headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Separate pages: the library, the student kiosk and the teacher workspace, so the kiosk loads none of the teacher code.
    rollupOptions: { input: { main: 'index.html', kiosk: 'kiosk.html', teacher: 'teacher.html', bureau: 'bureau.html' } },
  },
});
