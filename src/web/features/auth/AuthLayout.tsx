import type { ReactNode } from 'react';
import { BrandMark } from '../shell/BrandMark.tsx';

/** The centred card the signed-out screens share. */
export function AuthLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="auth">
      <div className="auth__card">
        <div className="auth__brand">
          <BrandMark />
          <span>Linchpin</span>
        </div>
        <h1 className="auth__title">{title}</h1>
        <p className="auth__intro">{intro}</p>
        {children}
      </div>
      <p className="auth__footnote">Plan and see the legacy you leave at each customer.</p>
    </main>
  );
}
