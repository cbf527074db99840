import {
  type ComponentProps,
  type ComponentType,
  createElement,
  type FunctionComponent,
  lazy,
  useState,
} from 'react';

// biome-ignore lint/suspicious/noExplicitAny: what React's lazy accepts, a component of any props.
type AnyComponent = ComponentType<any>;

export type LazyComponent<C extends AnyComponent> = FunctionComponent<ComponentProps<C>> & {
  /** Fetches the chunk now (a page about to be needed); a failure is met again when it renders. */
  preload(): void;
};

/**
 * `React.lazy` for a component the module exports by name (lazy itself wants a default export):
 * its chunk loads when the component is first rendered, or on `preload()`. Once loaded, it renders
 * at once: `React.lazy` alone suspends on its first render even then, and React holds back the
 * content that shows after a fallback by up to 300 ms (its throttle), which was most of the time to
 * the Week board on a warm load.
 */
export function lazyNamed<K extends string, M extends Record<K, AnyComponent>>(
  importer: () => Promise<M>,
  name: K,
): LazyComponent<M[K]> {
  let loaded: M[K] | undefined;
  let loading: Promise<M[K]> | undefined;
  const load = () => {
    loading ??= importer().then(
      (module) => (loaded = module[name]),
      (error) => {
        loading = undefined; // a failed preload is tried again when the component renders
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function Loadable(props: ComponentProps<M[K]>) {
    // Chosen once per mounted instance: switching from Lazy to the loaded one would remount it.
    const [Component] = useState<AnyComponent>(() => loaded ?? Lazy);
    return createElement(Component, props);
  }
  Loadable.displayName = name;
  return Object.assign(Loadable, { preload: () => void load().catch(() => {}) });
}
