/** The four-quadrant mark, drawn inline so it needs no request. */
export function BrandMark({ size = 24 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect x="2" y="2" width="13" height="13" rx="3" fill="var(--q1)" />
      <rect x="17" y="2" width="13" height="13" rx="3" fill="var(--q2)" />
      <rect x="2" y="17" width="13" height="13" rx="3" fill="var(--q3)" />
      <rect x="17" y="17" width="13" height="13" rx="3" fill="var(--q4)" />
    </svg>
  );
}
