import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Everything the app loads comes from its own origin (DESIGN.md invariant 9).
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  plugins: [react()],
  server: { fs: { allow: ['.'] }, headers: { 'Content-Security-Policy': contentSecurityPolicy.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'") } },
  preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy } },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Two pages: the teacher-facing app and the student kiosk, so the kiosk loads none of the teacher code.
    rollupOptions: { input: { main: 'index.html', kiosk: 'kiosk.html' } },
  },
});
