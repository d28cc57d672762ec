// Build the front end into the Python package (src/foedus/web/static), so `pip install` users need no Node.js.
// No inline scripts or styles (the server's Content-Security-Policy forbids them) and no CDN: every byte is
// served by `foedus serve` itself, including the world map (world-atlas, emitted as a separate asset).
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "../src/foedus/web/static",
    emptyOutDir: true,
    target: "es2022",
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` proxies the API to a running `foedus serve --no-browser`.
    proxy: { "/api": "http://127.0.0.1:8765" },
  },
});
