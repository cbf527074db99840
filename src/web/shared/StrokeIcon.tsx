import type { ReactNode } from 'react';

/** A line icon on a 24-unit grid drawn in the text colour; decorative (its button has the name). */
export function StrokeIcon({
  className,
  size,
  children,
}: {
  className: string;
  size: number;
  children: ReactNode;
}) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}
