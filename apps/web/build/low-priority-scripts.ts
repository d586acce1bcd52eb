import type { Plugin } from 'vite';

/**
 * Marks the entry script and its module preloads `fetchpriority="low"` in index.html. The static
 * shell (header and skeleton) needs only the HTML and the stylesheet; at the browser's default
 * (high) priority the scripts share a slow phone connection with the stylesheet and hold back the
 * first paint. The app still starts as soon as they arrive.
 */
export function lowPriorityScripts(): Plugin {
  return {
    name: 'cqo-low-priority-scripts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script type="module" crossorigin src=/g, '<script type="module" crossorigin fetchpriority="low" src=')
          .replace(/<link rel="modulepreload" crossorigin href=/g, '<link rel="modulepreload" crossorigin fetchpriority="low" href='),
    },
  };
}
