// Sizes jobzone iframe embeds to their content. Built as a plain script with no wasm, for pages
// whose CSP runs no third-party WebAssembly.
import { listenForFrameHeights } from './frame-heights.js';

listenForFrameHeights(() => document.querySelectorAll('iframe[data-jobzone-frame]'), new URL(/** @type {HTMLScriptElement} */ (document.currentScript).src).origin);
