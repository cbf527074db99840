import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { Size } from './geometry.ts';

/**
 * The size of the returned element's box, measured before the first paint and again whenever it
 * changes: charts draw in CSS pixels at the width they get (a 360 px phone or a wide panel).
 */
export function useBox<T extends HTMLElement>(): [RefObject<T | null>, Size] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () =>
      setSize((was) =>
        was.width === element.clientWidth && was.height === element.clientHeight
          ? was
          : { width: element.clientWidth, height: element.clientHeight },
      );
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
