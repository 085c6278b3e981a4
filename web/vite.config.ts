// Vite builds the single-page front end into web/dist: hashed JS and CSS, one index.html, no
// inline script or style (the server sends a strict Content-Security-Policy).
import { defineConfig } from 'vite'

export default defineConfig({
  root: '.',
  base: '/',
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // The preload polyfill would be inlined; modern browsers do not need it.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false
  },
  css: {
    // GOV.UK Frontend's service navigation keeps an Internet Explorer hack (a media query on
    // "min-width: 0\0") that Lightning CSS cannot parse. With error recovery the minifier warns
    // and drops that one rule, which no browser Hearth supports needs.
    lightningcss: { errorRecovery: true },
    preprocessorOptions: {
      scss: {
        loadPaths: ['node_modules'],
        quietDeps: true
      }
    }
  }
})
