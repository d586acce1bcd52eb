import type { ComponentType } from 'react';
import { lazy } from 'react';

/**
 * A page loaded with its own chunk the first time its route is shown (pages are named exports),
 * so opening one page never downloads the code of every other page of the role.
 */
export function lazyPage<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] as unknown as ComponentType })));
}
