// Starts the wasm app. An external file (not inline) so the CSP needs no script hashes.
import init from '/pkg/app.js';
init({ module_or_path: '/pkg/app_bg.wasm' });
