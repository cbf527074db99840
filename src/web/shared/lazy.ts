import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

// biome-ignore lint/suspicious/noExplicitAny: what React's lazy accepts, a component of any props.
type AnyComponent = ComponentType<any>;

/**
 * `React.lazy` for a component the module exports by name (lazy itself wants a default export):
 * its chunk loads when the component is first rendered.
 */
export function lazyNamed<K extends string, M extends Record<K, AnyComponent>>(
  load: () => Promise<M>,
  name: K,
): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
